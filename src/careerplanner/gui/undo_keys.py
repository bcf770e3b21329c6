"""Ctrl+Z and Ctrl+Shift+Z for the whole window: a text field with its own typing to undo keeps
the keys; anywhere else (a list, a button, a field with nothing to undo) they undo and redo the
app's last edit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


class UndoKeys(QObject):
    """An application-wide event filter; install it with ``QApplication.installEventFilter``."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if key_event.matches(QKeySequence.StandardKey.Undo):
            wants_redo = False
        elif key_event.matches(QKeySequence.StandardKey.Redo) or _is_ctrl_shift_z(key_event):
            wants_redo = True
        else:
            return False
        own = _own_undo(watched, wants_redo)
        if own is None or own:
            return False  # not a text field, or one with its own text to undo: Qt as usual
        # A text field with nothing of its own to undo: let the window's action have the keys.
        event.ignore()
        return True


def _own_undo(widget: QWidget, redo: bool) -> bool | None:
    """Whether a text field can undo (or redo) typing of its own; None for other widgets."""
    if isinstance(widget, QAbstractSpinBox):
        line = widget.findChild(QLineEdit)
        return None if line is None else _own_undo(line, redo)
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return None


def _is_ctrl_shift_z(event: QKeyEvent) -> bool:
    return event.keyCombination().toCombined() == QKeySequence("Ctrl+Shift+Z")[0].toCombined()


def forget_typing(*widgets: QWidget) -> None:
    """Drop the typing history of fields whose text an app edit has just taken (a logged
    check-in's hours and note): the next Ctrl+Z then undoes that edit, not the typing in it."""
    for widget in widgets:
        line = widget.findChild(QLineEdit) if isinstance(widget, QAbstractSpinBox) else widget
        if isinstance(line, QLineEdit):
            line.setText(line.text())  # setting the text clears a line edit's undo history
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            widget.document().clearUndoRedoStacks()
