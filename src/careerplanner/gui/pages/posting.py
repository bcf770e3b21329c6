"""The Job Posting page: paste a posting or open its file; the skills it asks for are
highlighted in the text, coloured by the side they lean to; beside it, the lean with its reason
and sources, the gap to the posting and the months it takes; below, the saved postings with
their readiness. "Plan for This Posting" makes the profile's plan aim at it (undoable)."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core.posting import Lean
from careerplanner.errors import CareerPlannerError
from careerplanner.gui.ask import Ask
from careerplanner.gui.models.postings import (
    LEAN_COLOURS,
    LEAN_LEGEND,
    PostingGapModel,
    SavedPostingsModel,
    SavedRow,
)
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.legible import set_placeholder
from careerplanner.gui.widgets.posting_editor import PostingEditor
from careerplanner.gui.widgets.refresh import RefreshWhenShown
from careerplanner.gui.widgets.views import heading_label, make_table_view, rows_height
from careerplanner.services.changes import ChangeSet
from careerplanner.services.posting_files import (
    FILE_FILTER,
    check_pasted_text,
    default_title,
    read_posting_file,
)
from careerplanner.services.postings import PostingReport, summary_line, verdict_words

#: Typing pauses this long before the posting is read again.
ANALYSE_DELAY_MS = 300
#: The saved postings' list opens this many rows tall (at least as many as there are, up to
#: the second number); the posting and its gap take the rest.
SAVED_ROWS = (3, 6)


class PostingPage(RefreshWhenShown):
    def __init__(
        self, session: Session, ask: Ask | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.ask = ask or Ask(self)
        self.report: PostingReport | None = None
        #: The saved posting shown in the editor, while its text is unchanged.
        self._loaded: tuple[int, str] | None = None
        self._own_title = False  # the user typed a title: stop following the first line

        self.open_button = QPushButton("&Open File…")
        self.open_button.setToolTip("Read a posting from a .txt, .md, .html or .pdf file")
        self.title = QLineEdit()
        self.title.setAccessibleName("Posting title")
        set_placeholder(self.title, "Title (from the first line)")
        title_label = QLabel("T&itle:")
        title_label.setBuddy(self.title)
        self.save_button = QPushButton("&Save Posting")
        self.save_button.setToolTip("Keep this posting with your profile to compare it later")
        self.plan_button = QPushButton("&Plan for This Posting")
        self.plan_button.setToolTip(
            "Make your plan aim at this posting's skills instead of your target role (undoable)"
        )
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addSpacing(12)
        top.addWidget(title_label)
        top.addWidget(self.title, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.plan_button)

        self.editor = PostingEditor()
        self.editor.setAccessibleName("Job posting text")
        set_placeholder(
            self.editor,
            "Paste a job posting here, or open its file. The skills it asks for are "
            "highlighted as you go.",
        )
        self.legend = QLabel(
            "Highlighted: "
            + " ".join(
                f'<span style="background:{LEAN_COLOURS[lean]}; color:#000">'
                f"&nbsp;{LEAN_LEGEND[lean]}&nbsp;</span>"
                for lean in (Lean.AI, Lean.ML, Lean.SHARED)
            )
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.editor, 1)
        left_layout.addWidget(self.legend)

        self.verdict = heading_label("postingVerdict", 1.2)
        self.reason = QLabel()
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.gap_model = PostingGapModel(self)
        self.gap_table = make_table_view(self.gap_model, "Skills the posting asks for")
        header = self.gap_table.horizontalHeader()
        for column in range(len(PostingGapModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PostingGapModel.COL_SKILL, QHeaderView.ResizeMode.Stretch)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.verdict)
        right_layout.addWidget(self.reason)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.gap_table, 1)

        upper = QSplitter()
        upper.addWidget(left)
        upper.addWidget(right)
        upper.setStretchFactor(0, 1)
        upper.setStretchFactor(1, 1)
        upper.setChildrenCollapsible(False)

        self.saved_model = SavedPostingsModel(self)
        self.saved_table = make_table_view(self.saved_model, "Saved postings")
        header = self.saved_table.horizontalHeader()
        for column in range(len(SavedPostingsModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SavedPostingsModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.saved_label = QLabel("<b>Saved postings</b>")
        self.show_button = QPushButton("Sho&w")
        self.show_button.setToolTip("Put the selected posting in the editor above")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setToolTip("Remove the selected posting (undoable)")
        self.role_button = QPushButton("Plan for My &Role Instead")
        self.role_button.setToolTip("Aim your plan at your target role again (undoable)")
        saved_bar = QHBoxLayout()
        saved_bar.addWidget(self.saved_label)
        saved_bar.addStretch(1)
        saved_bar.addWidget(self.show_button)
        saved_bar.addWidget(self.remove_button)
        saved_bar.addWidget(self.role_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(saved_bar)
        lower_layout.addWidget(self.saved_table, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([520, 200])
        splitter.setChildrenCollapsible(False)
        self._splitter = splitter
        self._upper = upper
        self._saved_bar = saved_bar
        self._laid_out = False
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANALYSE_DELAY_MS)
        self._timer.timeout.connect(self.analyse)
        self.editor.textChanged.connect(self._timer.start)
        self.title.textEdited.connect(self._on_title_edit)
        self.open_button.clicked.connect(self.open_file)
        self.save_button.clicked.connect(self.save_posting)
        self.plan_button.clicked.connect(self.plan_for_posting)
        self.show_button.clicked.connect(self.show_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.role_button.clicked.connect(self.plan_for_role)
        self.saved_table.doubleClicked.connect(lambda _index: self.show_selected())
        self.gap_table.selectionModel().currentRowChanged.connect(self._on_gap_row)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.editor)
        self.refresh()

    # -- UI -> session ----------------------------------------------------------------------

    def set_text(self, text: str, title: str | None = None) -> None:
        """Put a posting in the editor (as pasting it would) and read it at once."""
        self.editor.setPlainText(text)
        if title is not None:
            self.title.setText(title)
            self._own_title = True
        self.analyse()

    def open_file(self) -> None:
        path = self.ask.open_file("Open a job posting", FILE_FILTER)
        if path is None:
            return
        try:
            posting = read_posting_file(path)
        except CareerPlannerError as error:
            self.ask.error("The posting was not opened", str(error))
            return
        self._own_title = False
        self.set_text(posting.text)
        self.session.message.emit(posting.note or f"Opened {path.name}")

    def analyse(self) -> None:
        """Read the editor's text again: highlights, lean, gap."""
        self._timer.stop()
        text = self.editor.toPlainText()
        if self._loaded is not None and self._loaded[1] != text:
            self._loaded = None  # edited: saving it makes a new posting
        if not self._own_title:
            self.title.setText(default_title(text, "") if text.strip() else "")
        report, problem = None, ""
        if text.strip():
            try:
                check_pasted_text(text)
                report = self.session.planner.posting_report(text, self._title())
            except CareerPlannerError as error:
                problem = str(error)
        self.report = report
        self._show_report(problem)

    def save_posting(self) -> None:
        text = self._checked_text()
        if text is None:
            return
        title = self._title()
        if self.session.run(
            lambda: self.session.planner.save_posting(text, title), f"Save posting {title}"
        ):
            newest = self.session.planner.saved_postings()[-1]
            self._loaded = (newest.id, text)
            self.save_button.setEnabled(False)

    def plan_for_posting(self) -> None:
        text = self._checked_text()
        if text is None:
            return
        title = self._title()
        planner = self.session.planner
        loaded = self._loaded
        if loaded is not None and loaded[1] == text:
            step = partial(planner.plan_for_posting, posting_id=loaded[0])
        else:
            step = partial(planner.plan_for_posting, text=text, title=title)
        if self.session.run(step, f"Plan for posting {title}"):
            target = planner.target_posting()
            if target is not None:
                self._loaded = (target.id, text)
            self._enable_plan_button()
            self.session.message.emit(
                f"Your plan now aims at “{title}”: the Plan page (Ctrl+3) shows it; Ctrl+Z undoes"
            )

    def _enable_plan_button(self) -> None:
        """Plan for This Posting: for a posting with a plan, unless the plan aims at it already."""
        report, loaded = self.report, self._loaded
        target = self.session.planner.target_posting() if loaded is not None else None
        aimed_at = (
            target is not None
            and loaded is not None
            and target.id == loaded[0]
            and loaded[1] == self.editor.toPlainText()
        )
        self.plan_button.setEnabled(report is not None and report.plan is not None and not aimed_at)

    def plan_for_role(self) -> None:
        self.session.run(self.session.planner.plan_for_role, "Plan for my target role")

    def show_selected(self) -> None:
        row = self._selected_saved()
        if row is None:
            return
        self._own_title = True
        self.title.setText(row.posting.title)
        self.editor.setPlainText(row.posting.text)
        self._loaded = (row.posting.id, self.editor.toPlainText())
        self.analyse()

    def remove_selected(self) -> None:
        row = self._selected_saved()
        if row is None:
            return
        posting = row.posting
        self.session.run(
            lambda: self.session.planner.remove_posting(posting.id),
            f"Remove posting {posting.title}",
        )

    def _on_title_edit(self, text: str) -> None:
        self._own_title = bool(text.strip())
        self._timer.start()

    def _on_gap_row(self, current, _previous) -> None:
        """Selecting a skill shows where the posting first asks for it."""
        if not current.isValid():
            return
        row = self.gap_model.skill_at(current.row())
        if not row.matches:
            return
        self.editor.select_match(row.matches[0])

    # -- session -> UI ----------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of("levels", "profile", "postings", "plans"):
            return
        if change is not None and change.switched:
            self._loaded = None
        # Each saved posting is planned again to show its months: at once when the page is on
        # screen, else when it is next shown.
        self.mark_stale()

    def _refresh(self) -> None:
        self.analyse()
        self._show_saved()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._laid_out:
            self._laid_out = True
            # The posting and its gap share the width (the posting wraps at any width, the
            # skills' names need the room); the saved list is as tall as its rows (a few), the
            # posting and its gap take the rest.
            width = sum(self._upper.sizes())
            self._upper.setSizes([width // 2, width - width // 2])
            low, high = SAVED_ROWS
            rows = max(low, min(self.saved_model.rowCount(), high))
            height = (
                self._saved_bar.sizeHint().height()
                + rows_height(self.saved_table, rows)
                + self._splitter.handleWidth()
                + 8
            )
            total = sum(self._splitter.sizes())
            if total > 2 * height:
                self._splitter.setSizes([total - height, height])

    def _show_report(self, problem: str) -> None:
        report = self.report
        analysis = report.analysis if report else None
        self.editor.highlight(analysis)
        self.gap_model.set_rows(report.skills if report else ())
        has_text = report is not None
        self.save_button.setEnabled(has_text and self._loaded is None)  # not saved twice
        self._enable_plan_button()
        if problem:
            self.verdict.setText("This posting cannot be read")
            self.reason.setText(escape(problem))
            self.summary.clear()
            return
        if report is None or analysis is None:
            self.verdict.setText("Paste a job posting")
            self.reason.setText(
                "The app finds the skills it asks for, says whether it leans towards AI or ML "
                "engineering, and shows how far you are from it."
            )
            self.summary.clear()
            return
        kb = self.session.kb
        lean = analysis.lean
        closest = analysis.closest_role
        self.verdict.setText(
            verdict_words(lean.verdict) + (f" · closest role: {closest.name}" if closest else "")
        )
        sources = ", ".join(escape(kb.source(s).publisher) for s in lean.sources)
        shares = (
            f"AI {lean.ai:.0%} · ML {lean.ml:.0%} · both tracks {lean.shared:.0%} of its skills"
        )
        self.reason.setText(
            f"{escape(shares)}<br>{escape(lean.reason)}<br><i>"
            + (f"Source: {sources}" if sources else "Our reading")
            + "</i>"
        )
        words = summary_line(report)
        target = self.session.planner.target_posting()
        if target is not None and self._loaded is not None and target.id == self._loaded[0]:
            words += " Your plan aims at this posting (Plan page, Ctrl+3)."
        self.summary.setText(escape(words))

    def _show_saved(self) -> None:
        planner = self.session.planner
        profile = self.session.profile
        rows = []
        for posting in planner.saved_postings():
            analysis = planner.analyse_posting(posting.text)
            closest = analysis.closest_role
            rows.append(
                SavedRow(
                    posting=posting,
                    report=planner.saved_posting_report(posting),
                    verdict=analysis.lean.verdict,
                    closest=closest.name if closest else "",
                    is_target=profile is not None and posting.is_target(profile),
                )
            )
        self.saved_model.set_rows(rows)
        if self._loaded is not None and self._loaded[0] not in {r.posting.id for r in rows}:
            self._loaded = None  # its saving was undone, or it was removed
            self.save_button.setEnabled(self.report is not None)
        planned = any(row.is_target for row in rows)
        self.role_button.setEnabled(planned)
        self._enable_plan_button()
        self.show_button.setEnabled(bool(rows))
        self.remove_button.setEnabled(bool(rows))
        count = f" ({len(rows)})" if rows else ": none yet"
        self.saved_label.setText(f"<b>Saved postings</b>{count}")

    # -- inside ------------------------------------------------------------------------------

    def _title(self) -> str:
        return self.title.text().strip() or default_title(self.editor.toPlainText())

    def _checked_text(self) -> str | None:
        text = self.editor.toPlainText()
        try:
            check_pasted_text(text)
        except CareerPlannerError as error:
            self.ask.error("Nothing was saved", str(error))
            return None
        return text

    def _selected_saved(self) -> SavedRow | None:
        index = self.saved_table.currentIndex()
        if not index.isValid():
            if self.saved_model.rowCount() != 1:
                return None
            return self.saved_model.saved_at(0)
        return self.saved_model.saved_at(index.row())
