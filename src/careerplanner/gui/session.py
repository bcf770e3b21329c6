"""The session: the window's thin Qt adapter over the Planner.

Widgets never touch the data; they call the session, which asks the Planner, reports a failure
as a dialog instead of a traceback, and emits ``changed(ChangeSet)`` so each page refreshes what
it shows of what changed. The undo history is the Planner's; the session mirrors it into a
``QUndoStack`` only so the Edit menu can name the next undo and redo.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from careerplanner.errors import CareerPlannerError
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.changes import EVERYTHING, ChangeSet
from careerplanner.services.edits import Edit
from careerplanner.services.planner import Planner, Profile
from careerplanner.services.snapshot import Snapshot
from careerplanner.services.transfer import ImportSummary


class _Mirror(QUndoCommand):
    """One entry of the Planner's history, for its text: undoing it here does nothing, as the
    Planner has already undone the edit when the stack is told."""

    def redo(self) -> None:
        pass

    def undo(self) -> None:
        pass


class Session(QObject):
    #: Emitted with a ChangeSet after every edit, undo, redo or profile switch.
    changed = Signal(object)
    #: One line for the status bar ("Saved: Rate Python 3").
    message = Signal(str)
    #: A save that failed: a title and what went wrong, for a dialog.
    failed = Signal(str, str)

    def __init__(self, planner: Planner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.planner = planner
        self.kb: KnowledgeBase = planner.kb
        self.undo_stack = QUndoStack(self)

    # -- reading --------------------------------------------------------------------------

    @property
    def profile(self) -> Profile | None:
        return self.planner.active_profile()

    def snapshot(self) -> Snapshot | None:
        """Gap and plan for the active profile, recomputed only after something changed."""
        return self.planner.snapshot()

    def what_if(self, hours_per_week: float) -> Snapshot | None:
        """The same plan at other weekly hours, without saving anything."""
        return self.planner.snapshot(hours_per_week)

    # -- editing --------------------------------------------------------------------------

    def do(self, edit: Edit, text: str | None = None) -> bool:
        """Apply an edit now (it is committed at once) and make it undoable; False (after a
        dialog) when it could not be saved. ``text`` names it in the Edit menu."""
        label = text or edit.text
        if not self._run(lambda: self.planner.do(edit, label), label):
            return False
        self.undo_stack.push(_Mirror(label))
        self.message.emit(saved_line(label))
        return True

    def mark_item(self, item_id: str, status: str | None, text: str, rate: bool = False) -> bool:
        """Mark a plan item; with ``rate``, a ticked skill step also sets the rating it implies
        (one undoable edit)."""
        if not self._run(lambda: self.planner.mark_item(item_id, status, text, rate), text):
            return False
        self.undo_stack.push(_Mirror(text))
        return True

    def replan(self) -> bool:
        label = "Re-plan from today"
        if not self._run(self.planner.replan, label):
            return False
        self.undo_stack.push(_Mirror(label))
        self.message.emit(saved_line(label))
        return True

    def undo(self) -> None:
        label = self.planner.history.undo_text
        if label and self._run(self.planner.undo, f"Undo {label}"):
            self.undo_stack.undo()
            self.message.emit(f"Undone: {label}")

    def redo(self) -> None:
        label = self.planner.history.redo_text
        if label and self._run(self.planner.redo, f"Redo {label}"):
            self.undo_stack.redo()
            self.message.emit(f"Redone: {label}")

    def create_profile(
        self, name: str, background: str, target: str, hours: float, start_month=None
    ) -> None:
        self._reset(
            lambda: self.planner.create_profile(name, background, target, hours, start_month),
            f"New profile {name}",
        )

    def use_profile(self, name_or_id: str | int) -> None:
        self._reset(lambda: self.planner.use_profile(name_or_id), "Switch profile")

    def delete_profile(self, profile_id: int, name: str) -> None:
        """Delete a profile (undoable) and show another; undo brings the deleted one back and
        shows it again."""
        label = f"Delete profile {name}"
        if self._run(lambda: self.planner.delete_profile(profile_id), label):
            self.undo_stack.push(_Mirror(label))
            self.message.emit(f"Deleted profile {name}; Ctrl+Z brings it back")

    def import_file(self, path: Path) -> ImportSummary | None:
        """Import an export file (all or nothing); raises ``CareerPlannerError`` for a file that
        cannot be imported, so the caller can say "Nothing was imported"."""
        summary = self.planner.import_file(path)
        self.undo_stack.clear()
        self.changed.emit(summary.changes)
        return summary

    def reload(self) -> None:
        """Everything may have changed: refresh all, forget undo."""
        self.planner.history.clear()
        self.undo_stack.clear()
        self.changed.emit(EVERYTHING)

    # -- inside ------------------------------------------------------------------------------

    def _reset(self, step: Callable[[], ChangeSet], label: str) -> None:
        """A change that replaces what is shown (the Planner clears its history for it)."""
        if self._run(step, label):
            self.undo_stack.clear()

    def _run(self, step: Callable[[], ChangeSet], label: str) -> bool:
        """Run a change; a save that fails (the file locked by another program, a full disk)
        is reported and changes nothing, instead of escaping as a traceback."""
        try:
            change = step()
        except CareerPlannerError as error:
            self.failed.emit(f"“{label}” was not saved", str(error))
            return False
        self.changed.emit(change)
        return True

    # -- other undoable Planner changes -----------------------------------------------------

    def run(self, step: Callable[[], ChangeSet], label: str) -> bool:
        """An undoable change the Planner makes itself (saving a job posting, planning for
        one): like ``do``, False (after a dialog) when it could not be made. The Edit menu
        names it as the Planner's history does."""
        if not self._run(step, label):
            return False
        done = self.planner.history.undo_text or label
        self.undo_stack.push(_Mirror(done))
        self.message.emit(saved_line(done))
        return True


def saved_line(label: str) -> str:
    """The status line after an edit, from its name in the Edit menu: "Saved: Rate Python 3",
    and "Saved: posting …" for "Save posting …" (not "Saved: Save posting …")."""
    if label.startswith("Save "):
        label = label[len("Save ") :]
    return f"Saved: {label}"
