"""The knowledge base: roles, skills, pivot paths, salary bands and sources, loaded from
``resources/knowledge`` into frozen dataclasses and validated.

``default_knowledge()`` usually comes from the copy ``knowledge.cache`` keeps between runs, so
the TOML reader and the checks (``knowledge.loader``) load only when the files are read.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from careerplanner.knowledge.errors import KnowledgeError

if TYPE_CHECKING:
    from careerplanner.knowledge.model import KnowledgeBase

__all__ = ["KnowledgeError", "default_knowledge", "load_knowledge"]


@functools.cache
def default_knowledge() -> KnowledgeBase:
    """The shipped knowledge base, loaded and validated once per process, from the cache kept
    between runs when the data files are the ones it was made from (``knowledge.cache``)."""
    from careerplanner.knowledge.cache import cached
    from careerplanner.knowledge.model import KnowledgeBase
    from careerplanner.paths import resources_dir

    return cached(resources_dir() / "knowledge", "knowledge", load_knowledge, KnowledgeBase)


def load_knowledge(folder: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base in ``folder`` (default: the shipped one); raises
    ``KnowledgeError`` naming the file and key of the first problem found."""
    from careerplanner.knowledge.loader import load_knowledge as load

    return load(folder)
