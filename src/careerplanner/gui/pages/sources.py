"""Sources: the five articles, what each one contributed, and where they disagree."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from careerplanner.gui.session import Session
from careerplanner.knowledge.model import KnowledgeBase

#: Lines stop growing at this width (pixels): a paragraph across a 1920-pixel screen is hard to
#: follow from one line to the next.
READING_WIDTH = 880


class SourcesPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = ReadingView()
        self.view.setAccessibleName("Sources and disagreements")
        self.view.setHtml(sources_html(session.kb))
        self.setFocusProxy(self.view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)


class ReadingView(QTextBrowser):
    """A text browser whose lines are as wide as the view, up to ``READING_WIDTH``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setLineWrapColumnOrWidth(READING_WIDTH)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        width = min(self.viewport().width(), READING_WIDTH)
        if width != self.lineWrapColumnOrWidth():
            self.setLineWrapColumnOrWidth(width)


def sources_html(kb: KnowledgeBase) -> str:
    parts = [
        "<h2>Where every figure comes from</h2>",
        "<p>Every role, skill requirement, salary band and timeline in Career Planner cites one "
        "of these articles. Where they disagree, the app shows each claim with its source and "
        "never averages them.</p>",
    ]
    for source in kb.sources:
        parts.append(
            f"<h3>{escape(source.name)}</h3><p><i>{escape(source.publisher)}</i></p>"
            f"<p><b>What it gives the app:</b> {escape(source.contributed)}</p>"
            # The details a bug report or a check of a figure needs, out of the way.
            f"<p style='color:gray'><small>Cited as “{escape(source.id)}” in the knowledge "
            f"base; the text checked is kept as {escape(source.seed_file)}.</small></p>"
        )
    if kb.disagreements:
        parts.append("<h2>Where the sources disagree</h2>")
        for disagreement in kb.disagreements:
            claims = "".join(
                f"<li>{escape(c.text)} — <i>{escape(kb.source(c.source).publisher)}</i></li>"
                for c in disagreement.claims
            )
            parts.append(f"<h3>{escape(disagreement.topic)}</h3><ul>{claims}</ul>")
    return "".join(parts)
