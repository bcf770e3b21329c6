"""The session: one open workspace, its undo stack, and the ``changed`` signal pages listen to.

Widgets never touch the database; they call the session, which applies an undoable edit and
tells everyone what changed. Undo and redo go through the same path.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from careerplanner.errors import CareerPlannerError
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import DeleteProfile
from careerplanner.services.planner import Snapshot, snapshot
from careerplanner.services.profiles import Profile, Workspace

ALL_CHANGED = ChangeSet(profiles=True, ratings=True, plan=True, checkins=True)


class _EditCommand(QUndoCommand):
    """Adapts a Qt-free edit (apply/revert) to Qt's undo stack.

    The edit has already been applied when the command is pushed (so a failed save never
    reaches the stack); the stack's first call to ``redo()`` is therefore skipped.
    """

    def __init__(self, session: Session, edit, text: str) -> None:
        super().__init__(text)
        self._session = session
        self._edit = edit
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._session._run(self._session.workspace.apply, self._edit, self.text())

    def undo(self) -> None:
        self._session._run(self._session.workspace.revert, self._edit, f"Undo {self.text()}")


class Session(QObject):
    #: Emitted with a ChangeSet after every edit, undo, redo or profile switch.
    changed = Signal(object)
    #: One line for the status bar ("Saved: Rate Python 3").
    message = Signal(str)
    #: A save that failed: a title and what went wrong, for a dialog.
    failed = Signal(str, str)

    def __init__(self, workspace: Workspace, kb: KnowledgeBase, parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.kb = kb
        self.undo_stack = QUndoStack(self)
        self._snapshot: Snapshot | None = None

    # -- reading --------------------------------------------------------------------------

    @property
    def profile(self) -> Profile | None:
        return self.workspace.active_profile()

    def snapshot(self) -> Snapshot | None:
        """Gap and plan for the active profile, recomputed only after something changed."""
        profile = self.profile
        if profile is None:
            return None
        if self._snapshot is None or self._snapshot.profile != profile:
            self._snapshot = snapshot(self.workspace, self.kb, profile)
        return self._snapshot

    def what_if(self, hours_per_week: float) -> Snapshot | None:
        """The same plan at other weekly hours, without saving anything."""
        profile = self.profile
        if profile is None:
            return None
        return snapshot(self.workspace, self.kb, profile, hours_per_week=hours_per_week)

    # -- editing --------------------------------------------------------------------------

    def do(self, edit, text: str | None = None) -> None:
        """Apply an edit now (it is committed at once) and make it undoable.

        ``text`` names the action in the Edit menu ("Undo Rate Python 3"); it defaults to the
        edit's own description.
        """
        label = text or edit.text
        if not self._run(self.workspace.apply, edit, label):
            return
        self.undo_stack.push(_EditCommand(self, edit, label))
        self.message.emit(f"Saved: {label}")

    def create_profile(self, name: str, background: str, target: str, hours: float) -> Profile:
        profile = self.workspace.create_profile(name, background, target, hours)
        self.workspace.use_profile(profile.id)
        self.reload()
        return profile

    def use_profile(self, name_or_id) -> None:
        self.workspace.use_profile(name_or_id)
        self.reload()

    def delete_profile(self, profile_id: int, name: str, show_next: int) -> None:
        """Delete a profile (undoable) and show another; undo brings the deleted one back and
        shows it again. The undo history is kept: its top entry is this deletion."""
        label = f"Delete profile {name}"
        edit = DeleteProfile(profile_id, name)
        if not self._run(self.workspace.apply, edit, label):
            return
        self.workspace.use_profile(show_next)
        self._emit(ALL_CHANGED)
        self.undo_stack.push(_EditCommand(self, edit, label))
        self.message.emit(f"Deleted profile {name}; Ctrl+Z brings it back")

    def reload(self) -> None:
        """Everything may have changed (profile switch, import): refresh all, forget undo.

        Undo history belongs to one profile; keeping it would let "undo" edit another one.
        """
        self.undo_stack.clear()
        self._emit(ALL_CHANGED)

    def _run(self, step, edit, label: str) -> bool:
        """Apply or revert ``edit``; a save that fails (the file locked by another program,
        a full disk) is reported and changes nothing, instead of escaping as a traceback."""
        try:
            change = step(edit)
        except CareerPlannerError as error:
            self.failed.emit(f"“{label}” was not saved", str(error))
            return False
        self._emit(change)
        return True

    def _emit(self, change: ChangeSet) -> None:
        self._snapshot = None
        self.changed.emit(change)
