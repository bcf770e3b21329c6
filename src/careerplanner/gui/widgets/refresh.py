"""A page whose refresh reads a lot (every role's plan, say): a change marks it stale, and it
refreshes at once if it is on screen, else when it is next shown, so a rating on another page
does not wait for it."""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtWidgets import QWidget


def refresh_in_event_handler(refresh: Callable[[], object]) -> None:
    """Run ``refresh`` from inside a Qt event handler (``showEvent``): an error it raises goes to
    ``sys.excepthook``, where the app reports it (a data file that fails a read, a bug) as it
    does for a slot's, instead of escaping into Qt, which the binding can crash on (an SQLite
    error about text that is not UTF-8 takes the process down)."""
    try:
        refresh()
    except Exception:
        sys.excepthook(*sys.exc_info())


class RefreshWhenShown(QWidget):
    """Subclasses say what a refresh does in ``_refresh()`` and call ``mark_stale()`` when
    something they show has changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self._refresh()

    def _refresh(self) -> None:
        raise NotImplementedError

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            refresh_in_event_handler(self.refresh)
