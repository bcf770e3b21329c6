"""Undo and redo over the edits a user made, without Qt: a list of what was done and a list of
what was undone. The pointer only moves after an edit's ``apply()`` or ``revert()`` succeeded,
so a failure (a locked or full disk) leaves the history and the data exactly as they were."""

from __future__ import annotations

from dataclasses import dataclass

from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import Edit
from careerplanner.storage import Database


@dataclass(frozen=True)
class Entry:
    edit: Edit
    text: str


class History:
    """What can be undone (newest last) and redone (next redo last)."""

    def __init__(self) -> None:
        self._done: list[Entry] = []
        self._undone: list[Entry] = []

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].text if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].text if self._undone else ""

    def __len__(self) -> int:
        return len(self._done)

    def do(self, db: Database, edit: Edit, text: str | None = None) -> ChangeSet:
        """Apply ``edit``; once it is committed it can be undone, and nothing can be redone."""
        change = edit.apply(db)
        self._done.append(Entry(edit, text or edit.text))
        self._undone.clear()
        return change

    def undo(self, db: Database) -> ChangeSet:
        if not self._done:
            return ChangeSet()
        change = self._done[-1].edit.revert(db)  # may raise: then nothing has moved
        self._undone.append(self._done.pop())
        return change

    def redo(self, db: Database) -> ChangeSet:
        if not self._undone:
            return ChangeSet()
        change = self._undone[-1].edit.apply(db)
        self._done.append(self._undone.pop())
        return change

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
