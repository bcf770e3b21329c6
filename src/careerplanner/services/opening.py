"""Opening the user's data: the one way the window and the command line get a ``Planner``, and
the errors (and remedies) of a file that cannot be opened, so neither needs ``storage``."""

from __future__ import annotations

from pathlib import Path

from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.planner import Planner
from careerplanner.storage import (
    DamagedDatabaseError,
    NewerDatabaseError,
    NotADatabaseOfOursError,
    StorageError,
    explain_failure,
    open_database,
    restore_backup,
)
from careerplanner.storage.backups import describe_backup

__all__ = [
    "DamagedDatabaseError",
    "NewerDatabaseError",
    "NotADatabaseOfOursError",
    "StorageError",
    "describe_backup",
    "explain_failure",
    "open_planner",
    "restore_backup",
]


def open_planner(path: Path | None, kb: KnowledgeBase, *, read_only: bool = False) -> Planner:
    """A Planner over the database at ``path`` (created if missing; None: a fresh one in
    memory). Raises ``DamagedDatabaseError``, ``NewerDatabaseError``,
    ``NotADatabaseOfOursError`` or ``StorageError`` for a file it must not or cannot open.
    ``read_only``: only reads will be made, so a file or folder that cannot be written opens
    too (``storage.open_database``)."""
    return Planner(open_database(path, read_only=read_only), kb, path)
