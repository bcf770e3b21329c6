"""A page whose refresh reads a lot (every role's plan, say): a change marks it stale, and it
refreshes at once if it is on screen, else when it is next shown, so a rating on another page
does not wait for it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


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
            self.refresh()
