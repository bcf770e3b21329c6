"""The Skills page: the catalogue by area, a search box, and for the chosen skill a level picker
that says what each level means, what your target needs, and a note for evidence."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from careerplanner.core.gap import requirement_basis
from careerplanner.errors import CareerPlannerError
from careerplanner.gui.models.skills import SKILL_ID_ROLE, SkillFilterModel, SkillTreeModel, fold
from careerplanner.gui.session import Session
from careerplanner.gui.widgets.legible import LinkLabel, set_placeholder
from careerplanner.gui.widgets.level_picker import LevelPicker
from careerplanner.gui.widgets.views import heading_label, make_tree_view
from careerplanner.services.changes import ChangeSet
from careerplanner.services.edits import RateSkill, SetNote

NOTE_SAVE_DELAY_MS = 800
#: Keys that take the keyboard from the search box to the results.
MOVE_TO_RESULTS = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
KEYPAD = Qt.KeyboardModifier.KeypadModifier
TIP = "Tip: select a skill and press 0–4 to rate it."
#: The skill's details keep at least this width when the catalogue takes what its names need.
DETAIL_MIN_WIDTH = 380
#: In a wide window the catalogue takes this share of the width, if its names need less.
CATALOGUE_SHARE = 0.4
#: The details stop widening here, so their lines stay short enough to read and the target
#: marker stays beside its level.
DETAIL_MAX_WIDTH = 760


class SkillsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        kb = session.kb
        self._skill_id: str | None = None
        # The catalogue is as wide as its longest name needs, whatever the window's size, until
        # the user drags the divider; the details take the rest.
        self._splitter = QSplitter()
        self._user_split = False

        self.search = QLineEdit()
        set_placeholder(self.search, "Search skills, aliases or tools — e.g. k8s, RAG, PyTorch")
        self.search.setAccessibleName("Search skills")
        self.search.setClearButtonEnabled(True)

        self.model = SkillTreeModel(kb, self)
        self.proxy = SkillFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.tree = make_tree_view(
            self.proxy, "Skills catalogue", stretch=SkillTreeModel.COL_SKILL, refit_on_edit=False
        )
        self.tree.expandAll()
        self.tree.installEventFilter(self)
        self.search.installEventFilter(self)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree)
        self.hint = LinkLabel(TIP)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.hint.linkActivated.connect(self._on_suggestion)
        left_layout.addWidget(self.hint)

        self.title = heading_label("skillTitle", 1.4)
        self.title.setWordWrap(False)  # one line: the skill's name
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.need_label = QLabel()
        self.need_label.setWordWrap(True)
        self.picker = LevelPicker()
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note or evidence")
        set_placeholder(
            self.note,
            "Notes and evidence: a project, a course certificate, a link to your repository…",
        )
        self.note.setMaximumHeight(110)
        self.note.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(self.subtitle)
        detail_layout.addWidget(self.need_label)
        detail_layout.addWidget(_section("Your level"))
        detail_layout.addWidget(self.picker)
        detail_layout.addWidget(_section("Note / evidence"))
        detail_layout.addWidget(self.note)
        detail_layout.addWidget(self.details)
        detail_layout.addStretch(1)
        detail.setMaximumWidth(DETAIL_MAX_WIDTH)
        scroll = QScrollArea()
        scroll.setWidget(detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_panel = detail

        splitter = self._splitter
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.splitterMoved.connect(self._on_splitter_move)
        splitter.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self._save_note)

        self.search.textChanged.connect(self._on_search_change)
        self.tree.selectionModel().currentChanged.connect(self._on_current_change)
        self.picker.level_picked.connect(self._on_level_pick)
        self.note.textChanged.connect(self._note_timer.start)
        session.changed.connect(self._on_session_change)
        self.setFocusProxy(self.tree)  # a page switch lands on the catalogue: 0-4 rate
        self._on_session_change(None)
        self.select_skill(kb.skills[0].id if kb.skills else None)

    # -- UI -> session ----------------------------------------------------------------------

    def _on_search_change(self, text: str) -> None:
        self.proxy.set_query(text)
        self.tree.expandAll()
        # Select what the user most likely meant: the skill with that exact name or alias
        # ("torch" is PyTorch, though other skills list it as a tool), else the first match.
        exact = self.session.kb.find_skill(text) if text.strip() else None
        best = exact.id if exact is not None else self._best_visible_skill(text)
        found = best is not None
        self.detail_panel.setEnabled(found)
        self.hint.setText(TIP if found else self._no_match_hint(text.strip()))
        if found and (exact is not None or not self._current_is_visible_skill()):
            self.select_skill(best)
        elif found and not text.strip():
            # The whole catalogue is back: bring the skill the user was on into view.
            current = self.tree.currentIndex()
            if current.isValid():
                self.tree.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def _no_match_hint(self, text: str) -> str:
        """What to say when nothing matches: the closest names as links, as the command line
        suggests them ("pytorhc": did you mean PyTorch?)."""
        close = self.session.kb.closest_skill_names(text)
        if not close:
            return (
                f"No skill matches “{escape(text)}”. Try another name, a tool (“FAISS”) or "
                "fewer letters."
            )
        links = ", ".join(f"<a href='{escape(name)}'>{escape(name)}</a>" for name in close)
        return f"No skill matches “{escape(text)}”. Did you mean {links}?"

    def _on_suggestion(self, name: str) -> None:
        self.search.setText(name)
        self.search.setFocus()

    def _on_current_change(self, current, _previous) -> None:
        self._save_note()
        skill_id = current.data(SKILL_ID_ROLE) if current.isValid() else None
        if skill_id is not None:
            self._skill_id = skill_id
            self._show_skill()

    def _on_level_pick(self, level: int) -> None:
        self.rate(level)

    def rate(self, level: int) -> None:
        profile = self.session.profile
        if profile is None or self._skill_id is None or not self.detail_panel.isEnabled():
            return  # no skill shown (a search with no match): nothing to rate
        if self.session.snapshot().levels.get(self._skill_id, 0) == level:
            return
        skill = self.session.kb.skill(self._skill_id)
        self.session.do(RateSkill(profile.id, skill.id, level), f"Rate {skill.name} {level}")

    def flush(self) -> None:
        """Save a note still being typed (window closing, profile switching)."""
        self._save_note()

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)

    def _save_note(self) -> None:
        self._note_timer.stop()
        profile = self.session.profile
        if profile is None or self._skill_id is None:
            return
        text = self.note.toPlainText().strip()
        snapshot = self.session.snapshot()
        if snapshot is None or text == snapshot.notes.get(self._skill_id, ""):
            return
        skill = self.session.kb.skill(self._skill_id)
        try:
            edit = SetNote(profile.id, skill.id, text)
        except CareerPlannerError as error:  # longer than a note may be: say so, keep the text
            self.session.failed.emit(f"Your note on {skill.name} was not saved", str(error))
            return
        self.session.do(edit, f"Edit note on {skill.name}")

    def _on_splitter_move(self, _position: int, _index: int) -> None:
        self._user_split = True

    def catalogue_width(self) -> int:
        """The width the catalogue needs to show every skill's whole name beside its levels."""
        header = self.tree.header()
        levels = sum(
            max(self.tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            for column in range(1, self.model.columnCount())
        )
        names = self.tree.sizeHintForColumn(SkillTreeModel.COL_SKILL)
        chrome = 2 * self.tree.frameWidth() + self.tree.verticalScrollBar().sizeHint().width()
        return names + levels + chrome + 4

    def _fit_catalogue(self) -> None:
        total = sum(self._splitter.sizes())
        if self._user_split or total <= 0:
            return
        wanted = max(self.catalogue_width(), int(total * CATALOGUE_SHARE))
        left = max(0, min(wanted, total - DETAIL_MIN_WIDTH))
        if self._splitter.sizes()[0] != left:
            self._splitter.setSizes([left, total - left])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._splitter and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_catalogue)  # once the splitter has laid out its sizes
            return False
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key, modifiers = key_event.key(), key_event.modifiers() & ~KEYPAD
        if watched is self.search and key in MOVE_TO_RESULTS and not modifiers:
            self._go_to_results()
            return True
        # In the catalogue, 0-4 rate the skill shown; in the search box they are text.
        if watched is self.tree and Qt.Key.Key_0 <= key <= Qt.Key.Key_4 and not modifiers:
            self.rate(key - Qt.Key.Key_0)
            return True
        return super().eventFilter(watched, event)

    def _go_to_results(self) -> None:
        """Down or Enter in the search box: the keyboard moves to the skills found, on the one
        shown (so 0-4 rate it from there)."""
        if not self._current_is_visible_skill():
            visible = self._visible_skills()
            if not visible:
                return
            self.select_skill(visible[0])
        self.tree.setFocus(Qt.FocusReason.TabFocusReason)

    # -- session -> UI ----------------------------------------------------------------------

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of("levels", "notes", "profile"):
            return
        snapshot = self.session.snapshot()
        if snapshot is None:
            self.model.set_levels({}, {})
            return
        target = self.session.kb.role(snapshot.profile.target)
        needed = {r.skill: r.level for r in target.requirements}
        self.model.set_levels(snapshot.levels, needed)
        self._show_skill()

    def _show_skill(self) -> None:
        if self._skill_id is None:
            return
        kb = self.session.kb
        skill = kb.skill(self._skill_id)
        snapshot = self.session.snapshot()
        level = snapshot.levels.get(skill.id, 0) if snapshot else 0
        target = kb.role(snapshot.profile.target) if snapshot else None
        requirement = target.requirement_for(skill.id) if target else None
        category = next((c.name for c in kb.categories if c.id == skill.category), "")
        self.title.setText(skill.name)
        self.subtitle.setText(f"{category} — {skill.description}")
        if requirement is None:
            self.need_label.setText(f"{target.name} does not ask for this skill." if target else "")
        else:
            status = "you are there" if level >= requirement.level else "to go"
            self.need_label.setText(
                f"<b>{target.name}</b> needs level {requirement.level} "
                f"({requirement_basis(kb, requirement)}; {requirement.weight} skill); "
                f"you have {level} — {status}."
            )
        self.picker.set_skill(skill.levels, level, requirement.level if requirement else None)
        notes = snapshot.notes if snapshot else {}
        if not self.note.hasFocus() or self.note.toPlainText().strip() == notes.get(skill.id, ""):
            self.note.blockSignals(True)
            self.note.setPlainText(notes.get(skill.id, ""))
            self.note.blockSignals(False)
        parts = []
        if skill.tools:
            parts.append("<b>Tools:</b> " + ", ".join(skill.tools))
        if skill.aliases:
            parts.append("<b>Also called:</b> " + ", ".join(skill.aliases))
        if skill.prerequisites:
            names = ", ".join(kb.skill(p).name for p in skill.prerequisites)
            parts.append(f"<b>Learn first:</b> {names}")
        hours = " · ".join(f"{i}→{i + 1}: ~{h} h" for i, h in enumerate(skill.hours_per_step))
        parts.append(f"<b>Typical effort:</b> {hours}")
        self.details.setText("<br>".join(parts))

    # -- helpers ------------------------------------------------------------------------------

    def select_skill(self, skill_id: str | None) -> None:
        if skill_id is None:
            return
        index = self.proxy.mapFromSource(self.model.index_of_skill(skill_id))
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def current_skill(self) -> str | None:
        return self._skill_id

    def _current_is_visible_skill(self) -> bool:
        current = self.tree.currentIndex()
        return current.isValid() and current.data(SKILL_ID_ROLE) is not None

    def _visible_skills(self) -> list[str]:
        found = []
        for row in range(self.proxy.rowCount()):
            group = self.proxy.index(row, 0)
            found += [
                self.proxy.index(child, 0, group).data(SKILL_ID_ROLE)
                for child in range(self.proxy.rowCount(group))
            ]
        return found

    def _best_visible_skill(self, text: str) -> str | None:
        """A skill whose own name holds what was typed ("machine learning" is Classical
        machine learning, not the first skill of that area), else the first one shown."""
        visible = self._visible_skills()
        wanted = fold(text)
        named = (s for s in visible if wanted and wanted in fold(self.session.kb.skill(s).name))
        return next(named, visible[0] if visible else None)


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 8, 0, 0)
    return label
