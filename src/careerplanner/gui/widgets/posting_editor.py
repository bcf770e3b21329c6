"""The Job Posting page's text box: the posting as pasted or opened, with the skills found in it
highlighted in their side's colour (drawn over the text, so typing and its undo are untouched)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from careerplanner.core.matcher import Match
from careerplanner.core.posting import PostingAnalysis
from careerplanner.gui.models.postings import LEAN_COLOURS


class PostingEditor(QPlainTextEdit):
    def highlight(self, analysis: PostingAnalysis | None) -> None:
        """Colour every match of ``analysis`` (None: no highlights)."""
        selections = []
        if analysis is not None:
            text = self.toPlainText()
            formats = {}
            for lean, colour in LEAN_COLOURS.items():
                fmt = QTextCharFormat()
                fmt.setBackground(QColor(colour))
                fmt.setForeground(QColor("#000000"))  # readable on a dark theme too
                formats[lean] = fmt
            for skill in analysis.skills:
                for match in skill.matches:
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor = self._cursor_over(text, match)
                    selection.format = formats[skill.lean]
                    selections.append(selection)
        self.setExtraSelections(selections)

    def select_match(self, match: Match) -> None:
        """Select where ``match`` is written and scroll to it."""
        self.setTextCursor(self._cursor_over(self.toPlainText(), match))
        self.ensureCursorVisible()

    def _cursor_over(self, text: str, match: Match) -> QTextCursor:
        cursor = QTextCursor(self.document())
        start, end = utf16_span(text, match)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        return cursor


def utf16_span(text: str, match: Match) -> tuple[int, int]:
    """A match's place in Qt's document, which counts UTF-16 units: a character beyond the
    basic plane (an emoji) counts twice there."""
    if text.isascii() or all(ord(c) <= 0xFFFF for c in text[: match.end]):
        return match.start, match.end

    def units(index: int) -> int:
        return len(text[:index].encode("utf-16-le")) // 2

    return units(match.start), units(match.end)
