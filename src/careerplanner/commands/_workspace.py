"""What the data commands share: a Planner over the database named by ``--db`` with the shipped
knowledge base, and the profile a command acts on."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from careerplanner.errors import UsageError
from careerplanner.knowledge import default_knowledge
from careerplanner.paths import resolve_db_path
from careerplanner.services.opening import open_planner
from careerplanner.services.planner import Planner, Profile

CREATE_HINT = "careerplanner profile create NAME --from ROLE --to ROLE --hours N"


@contextmanager
def open_workspace(
    args: argparse.Namespace, *, must_exist: bool = False, read_only: bool = False
) -> Iterator[Planner]:
    """A Planner over the database of ``--db`` (or the default one), closed when the command
    is done. ``read_only``: the command only reads, so a file or folder it cannot write still
    works."""
    path = resolve_db_path(getattr(args, "db", None))
    if must_exist and not path.exists():
        raise UsageError(
            f"There is no database at {path} yet; check --db, or create a profile first with "
            f"'{CREATE_HINT}'"
        )
    planner = open_planner(path, default_knowledge(), read_only=read_only)
    try:
        yield planner
    finally:
        planner.close()


def add_profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile", metavar="NAME", help="act on this profile instead of the active one"
    )


def chosen_profile(planner: Planner, args: argparse.Namespace) -> Profile:
    """The profile named by ``--profile``, else the active one."""
    name = getattr(args, "profile", None)
    if name:
        return planner.find_profile(name)
    active = planner.active_profile()
    if active is None:
        raise UsageError(f"There is no profile yet; create one with '{CREATE_HINT}'")
    return active
