"""The check-in form: a day, the hours studied, a note and the skills practised. It only
collects the values; the page turns a submission into an undoable edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from careerplanner.core import limits
from careerplanner.knowledge.model import KnowledgeBase

SKILL_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class CheckinForm(QGroupBox):
    #: day, hours, note, skill ids
    submitted = Signal(object, float, str, tuple)

    def __init__(self, kb: KnowledgeBase, parent=None) -> None:
        super().__init__("Log a check-in", parent)

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.day.setLocale(QLocale(QLocale.Language.English))  # day names in English, as elsewhere
        self.day.setAccessibleName("Check-in date")
        self.day.setToolTip("The day you studied (today unless you are catching up)")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(limits.HOURS_PER_DAY.low, limits.HOURS_PER_DAY.high)
        self.hours.setSingleStep(0.25)
        self.hours.setDecimals(2)
        self.hours.setValue(1.0)
        self.hours.setSuffix(" h")
        self.hours.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.hours.setAccessibleName("Hours studied")
        self.hours.setToolTip(
            f"Hours studied that day, {limits.HOURS_PER_DAY.describe()}. Press Enter to log."
        )
        self.note = QLineEdit()
        self.note.setPlaceholderText("What did you do?")
        self.note.setAccessibleName("Check-in note")
        self.note.setToolTip("A few words on what you did. Press Enter to log.")
        self.note.setClearButtonEnabled(True)

        self.skill_filter = QLineEdit()
        self.skill_filter.setPlaceholderText("Filter: python, rag, k8s…")
        self.skill_filter.setAccessibleName("Filter skills practised")
        self.skill_filter.setClearButtonEnabled(True)
        self.skills = QListWidget()
        self.skills.setAccessibleName("Skills practised")
        self.skills.setToolTip(
            "Tick the skills you practised (Space ticks the selected one). "
            "The skills your plan works on come first, in bold."
        )
        self.skills.setUniformItemSizes(True)
        self._search: dict[str, str] = {}
        self._first: dict[str, int] = {}
        for skill in sorted(kb.skills, key=lambda s: s.name.casefold()):
            item = QListWidgetItem(skill.name)
            item.setData(SKILL_ID_ROLE, skill.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(skill.description)
            self.skills.addItem(item)
            self._search[skill.id] = " ".join((skill.id, skill.name, *skill.aliases)).casefold()
        self.picked = QLabel()
        # Neither wrapped nor wide: a long list is cut at the form's edge (the tooltip has it
        # all), and a wrapped label would make the scrolling page take its preferred height.
        self.picked.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.log_button = QPushButton("&Log Check-in")
        self.log_button.setAccessibleName("Log check-in")
        self.log_button.setToolTip("Save this check-in (Ctrl+Z undoes it)")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_buddy("&Date:", self.day), self.day)
        form.addRow(_buddy("Ho&urs:", self.hours), self.hours)
        form.addRow(_buddy("&Note:", self.note), self.note)
        form.addRow(_buddy("&Skills:", self.skill_filter), self.skill_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.skills, 1)
        layout.addWidget(self.picked)
        layout.addWidget(self.log_button)

        self.skill_filter.textChanged.connect(self._filter_skills)
        self.skills.itemChanged.connect(self._show_picked)
        self.log_button.clicked.connect(self.submit)
        # Enter in the hours or note field logs, so a quick entry never needs the mouse. The
        # spin box gets a filter rather than its line edit's returnPressed, which it emits twice.
        self.hours.installEventFilter(self)
        self.note.returnPressed.connect(self.submit)
        self.set_today(date.today())
        self.day.setDate(self.day.maximumDate())
        self._show_picked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.hours
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)

    def set_today(self, today: date) -> None:
        """No later than today: a check-in records time already spent. A date left at the old
        today moves on with it (the window stayed open past midnight)."""
        follow = self.day.date() == self.day.maximumDate()
        self.day.setMaximumDate(_qdate(today))
        if follow:
            self.day.setDate(_qdate(today))

    def put_first(self, skill_ids) -> None:
        """List these skills first, in this order, in bold (the skills the plan works on, which
        a student practises most); the rest follow by name. Ticks are kept."""
        first = {skill_id: n for n, skill_id in enumerate(dict.fromkeys(skill_ids))}
        if first == self._first:
            return
        self._first = first
        items = [self.skills.takeItem(0) for _ in range(self.skills.count())]
        items.sort(key=lambda item: (first.get(item.data(SKILL_ID_ROLE), len(first)), item.text()))
        for item in items:
            font = item.font()
            font.setBold(item.data(SKILL_ID_ROLE) in first)
            item.setFont(font)
            self.skills.addItem(item)
        self._filter_skills(self.skill_filter.text())  # a taken item forgets it was hidden

    def selected_skills(self) -> tuple[str, ...]:
        return tuple(
            item.data(SKILL_ID_ROLE)
            for item in map(self.skills.item, range(self.skills.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_skills(self, skill_ids) -> None:
        wanted = set(skill_ids)
        for item in map(self.skills.item, range(self.skills.count())):
            checked = item.data(SKILL_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def submit(self) -> None:
        self.hours.interpretText()  # Enter may arrive before the typed text is read
        chosen = self.day.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        self.submitted.emit(
            day, self.hours.value(), self.note.text().strip(), self.selected_skills()
        )

    def clear_entry(self) -> None:
        """After a check-in is logged: a fresh note and no skills; the day and hours stay, as
        the next entry is often the same."""
        self.note.clear()
        self.set_skills(())
        self.skill_filter.clear()

    def _filter_skills(self, text: str) -> None:
        words = text.casefold().split()
        for item in map(self.skills.item, range(self.skills.count())):
            haystack = self._search[item.data(SKILL_ID_ROLE)]
            item.setHidden(not all(word in haystack for word in words))

    def _show_picked(self, _item=None) -> None:
        names = [
            item.text()
            for item in map(self.skills.item, range(self.skills.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]
        self.picked.setText(f"Practised: {', '.join(names)}" if names else "No skills ticked")
        self.picked.setToolTip(self.picked.text())


def _buddy(text: str, widget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
