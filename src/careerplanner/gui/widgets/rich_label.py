"""A word-wrapped rich-text label that remembers its height for a width.

Qt lays a rich-text label's text out again each time a layout asks how tall it must be, and a
layout asks whenever anything beside it changes: the Plan page's notes were laid out again at
every hours step, because the heading and the pace above them change. This label lays its text
out once per text and width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QWidget


class RichTextLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self._heights: dict[int, int] = {}
        self._heights_of = ""  # the text those heights are for

    def heightForWidth(self, width: int) -> int:
        text = self.text()
        if text != self._heights_of:
            self._heights.clear()
            self._heights_of = text
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        self._heights.clear()  # a new font or style lays the same text out anew
        super().changeEvent(event)
