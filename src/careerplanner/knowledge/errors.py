"""The one error the knowledge base raises: a data file is broken, and the message says which file,
which key, and what is wrong with it."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from careerplanner.errors import CareerPlannerError


class KnowledgeError(CareerPlannerError):
    """A knowledge data file is missing, malformed or inconsistent.

    The message reads ``<file>: <key>: <problem>``, e.g.
    ``roles.toml: roles[ml-engineer].requirements[3].skill: unknown skill 'pytorchh'
    (did you mean 'pytorch'?)``, so whoever edits the data can go straight to the spot.
    """

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file = file
        self.key = key
        self.problem = problem
        super().__init__(f"{file}: {key}: {problem}" if key else f"{file}: {problem}")


def did_you_mean(text: str, known: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest known spelling, or nothing."""
    matches = difflib.get_close_matches(text, list(known), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""
