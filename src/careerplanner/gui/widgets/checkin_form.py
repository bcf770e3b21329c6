"""The check-in form: a day, the hours studied, a note, the skills practised and the plan items
worked on. It only collects the values; the page turns a submission into an undoable edit. It
also edits a logged check-in (``load``), with Save and Cancel in place of Log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from careerplanner.core import dates, limits
from careerplanner.gui.undo_keys import forget_typing
from careerplanner.gui.widgets.hours import NumberBox
from careerplanner.gui.widgets.legible import set_placeholder
from careerplanner.knowledge.model import KnowledgeBase

#: How many days after today the calendar greys out (as many as its month page can show).
FUTURE_DAYS_SHOWN = 42
FUTURE_DAY = "A check-in records time already spent: pick today or an earlier day."

SKILL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 2
LOG_TEXT, SAVE_TEXT = "&Log Check-in", "&Save Changes"


class CheckinForm(QGroupBox):
    #: day, hours, note, skill ids, plan item ids
    submitted = Signal(object, float, str, tuple, tuple)
    #: editing a logged check-in was given up
    cancelled = Signal()

    def __init__(self, kb: KnowledgeBase, parent=None) -> None:
        super().__init__("Log a check-in", parent)
        #: The id of the check-in being edited; None while logging a new one.
        self.editing: int | None = None
        #: The last day a check-in may be for (``set_today``).
        self._today: date | None = None
        #: The date's section the last key was typed into (``_typing_a_date``).
        self._typed_in: QDateEdit.Section | None = None

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        # One day section only: with a weekday section too, typing "10" into the day went to
        # the weekday and left "Mon 0 Nov". The weekday is shown beside it instead.
        self.day.setDisplayFormat("d MMM yyyy")
        self.day.setLocale(QLocale(QLocale.Language.English))  # month names in English
        self.day.setAccessibleName("Check-in date")
        self.day.setToolTip("The day you studied (today unless you are catching up)")
        self.weekday = QLabel()
        self.weekday.setAccessibleName("Weekday of the check-in date")
        self.day.dateChanged.connect(self._show_weekday)
        calendar = self.day.calendarWidget()
        calendar.setLocale(QLocale(QLocale.Language.English))
        calendar.clicked.connect(self._on_calendar_click)
        calendar.activated.connect(self._on_calendar_click)  # Enter on a day reached by keys
        self.hours = NumberBox(limits.HOURS_PER_DAY, " h", "hours in one day")
        self.hours.setSingleStep(0.25)
        self.hours.setValue(1.0)
        self.hours.setAccessibleName("Hours studied")
        self.hours.setToolTip(
            f"Hours studied that day, {limits.HOURS_PER_DAY.describe()}. Press Enter to log."
        )
        self.note = QLineEdit()
        set_placeholder(self.note, "What did you do?")
        self.note.setAccessibleName("Check-in note")
        self.note.setToolTip("A few words on what you did. Press Enter to log.")
        self.note.setClearButtonEnabled(True)

        self.skill_filter = QLineEdit()
        set_placeholder(self.skill_filter, "Filter: python, rag, k8s…")
        self.skill_filter.setAccessibleName("Filter skills practised")
        self.skill_filter.setToolTip("Type to narrow the list; Down moves into it")
        self.skill_filter.setClearButtonEnabled(True)
        self.skills = QListWidget()
        self.skills.setAccessibleName("Skills practised")
        self.skills.setToolTip(
            "Tick the skills you practised (Space ticks the highlighted one). "
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
        self.plan_items = QListWidget()
        self.plan_items.setAccessibleName("Plan items worked on")
        self.plan_items.setToolTip(
            "Tick the items of your plan this check-in worked on (this month's open items "
            "first). Linking does not mark them done: tick them on the Plan page when finished."
        )
        self.plan_items.setUniformItemSizes(True)
        self.plan_items.setMaximumHeight(96)
        self.picked = QLabel()
        # Neither wrapped nor wide: a long list is cut at the form's edge (the tooltip has it
        # all), and a wrapped label would make the scrolling page take its preferred height.
        self.picked.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.log_button = QPushButton(LOG_TEXT)
        self.log_button.setAccessibleName("Log check-in")
        self.log_button.setToolTip("Save this check-in (Ctrl+Z undoes it)")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop editing; the check-in stays as it was")
        self.cancel_button.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day, 1)
        day_row.addWidget(self.weekday)
        form.addRow(_buddy("&Date:", self.day), day_row)
        form.addRow(_buddy("Ho&urs:", self.hours), self.hours)
        self.hours_message = QLabel()
        self.hours_message.setObjectName("hoursMessage")
        self.hours.show_refusals_in(self.hours_message)
        form.addRow("", self.hours_message)
        form.addRow(_buddy("&Note:", self.note), self.note)
        form.addRow(_buddy("&Skills:", self.skill_filter), self.skill_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button, 1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.skills, 1)
        layout.addWidget(self.picked)
        layout.addWidget(_buddy("Plan &items worked on:", self.plan_items))
        layout.addWidget(self.plan_items)
        layout.addLayout(buttons)

        self.skill_filter.textChanged.connect(self._filter_skills)
        self.skills.itemChanged.connect(self._show_picked)
        self.log_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancel_edit)
        # Enter in the hours or note field logs, so a quick entry never needs the mouse. The
        # spin box gets a filter rather than its line edit's returnPressed, which it emits twice.
        self.day.installEventFilter(self)
        self.hours.installEventFilter(self)
        self.skill_filter.installEventFilter(self)
        self.skills.installEventFilter(self)
        self.note.returnPressed.connect(self.submit)
        self.set_today(date.today())
        self._show_picked()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.day and event.text().isprintable() and event.text():
            return self._typing_a_date(event.text())
        if watched is self.hours and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return True
        if watched is self.skill_filter and key == Qt.Key.Key_Down:
            # Into the list, on the first skill the filter shows.
            if self._current_visible() is not None:
                self.skills.setFocus()
            return True
        if watched is self.skills and key == Qt.Key.Key_Space:
            # Space ticks the highlighted skill only if the filter shows it: a hidden one is
            # never ticked behind the user's back.
            item = self._current_visible()
            if item is not None:
                checked = item.checkState() == Qt.CheckState.Checked
                item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)
            return True
        return super().eventFilter(watched, event)

    def _typing_a_date(self, text: str) -> bool:
        """Let "14 Sep 2026" typed over the whole date give that day; True swallows the key.

        Qt refuses a key typed over the whole date (Ctrl+A first): it would replace every
        section at once. Typing starts in the day instead. And Qt moves on to the next section
        by itself once one is full ("14", "Sep"), so the space typed after it would skip a
        section: that space is taken as said already."""
        line = self.day.lineEdit()
        if line.hasSelectedText() and line.selectedText() == line.text():
            self.day.setSelectedSection(QDateEdit.Section.DaySection)
            self._typed_in = None
        moved_on = self._typed_in is not None and self.day.currentSection() != self._typed_in
        separator = text in " /-.,"
        self._typed_in = None if separator else self.day.currentSection()
        return separator and moved_on

    def set_today(self, today: date) -> None:
        """No later than today: a check-in records time already spent. A date left at the old
        today moves on with it (the window stayed open past midnight). The calendar shows the
        days after today greyed out, as days that cannot be picked.

        The field itself takes any day of the app's years: a maximum of today would make Qt
        refuse what is typed on the way to an earlier day ("14" of "14 Sep" is 14 December,
        after today), and leave a different day than the one typed. A later day is refused
        when the check-in is logged, visibly (``submit``)."""
        follow = self._today is None or self.day.date() == _qdate(self._today)
        self._today = today
        self.day.setDateRange(QDate(limits.EARLIEST_YEAR, 1, 1), QDate(limits.LATEST_YEAR, 12, 31))
        if follow:
            self.day.setDate(_qdate(today))
        calendar = self.day.calendarWidget()
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # forget the old today's
        future = QTextCharFormat()
        future.setForeground(
            calendar.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        )
        for ahead in range(1, FUTURE_DAYS_SHOWN + 1):
            calendar.setDateTextFormat(_qdate(today + timedelta(days=ahead)), future)
        self._show_weekday(self.day.date())

    def _say(self, message: str) -> None:
        """A refusal, where the hours' refusals are said (until the next change)."""
        self.hours_message.setText(message)
        self.hours_message.show()

    def _show_weekday(self, chosen: QDate) -> None:
        if self.hours_message.text().endswith(FUTURE_DAY):
            self.hours_message.hide()  # another day was chosen: the refusal is answered
        day = date(chosen.year(), chosen.month(), chosen.day())
        self.weekday.setText(dates.format_date(day, "%a"))

    def _on_calendar_click(self, clicked: QDate) -> None:
        # A greyed day, after today: not taken; the popup closes on today, saying why.
        if self._today is not None and clicked > _qdate(self._today):
            self.day.setDate(_qdate(self._today))
            self._say(FUTURE_DAY)

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

    def set_plan_items(self, items: Iterable[tuple[str, str]]) -> None:
        """The plan items a check-in can be linked to, as (id, text); ticks are kept."""
        ticked = set(self.selected_items())
        self.plan_items.clear()
        for item_id, text in items:
            item = QListWidgetItem(text)
            item.setData(ITEM_ID_ROLE, item_id)
            item.setToolTip(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = item_id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.plan_items.addItem(item)

    def selected_skills(self) -> tuple[str, ...]:
        return tuple(
            item.data(SKILL_ID_ROLE)
            for item in map(self.skills.item, range(self.skills.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def selected_items(self) -> tuple[str, ...]:
        return tuple(
            item.data(ITEM_ID_ROLE)
            for item in map(self.plan_items.item, range(self.plan_items.count()))
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_skills(self, skill_ids) -> None:
        wanted = set(skill_ids)
        for item in map(self.skills.item, range(self.skills.count())):
            checked = item.data(SKILL_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def set_items(self, item_ids, texts: dict[str, str] | None = None) -> None:
        """Tick these plan items; one no longer in the list (a re-plan) is added back."""
        wanted = list(item_ids)
        present = {
            self.plan_items.item(row).data(ITEM_ID_ROLE) for row in range(self.plan_items.count())
        }
        extra = [(i, (texts or {}).get(i, i)) for i in wanted if i not in present]
        if extra:
            self.set_plan_items(
                [
                    *(
                        (it.data(ITEM_ID_ROLE), it.text())
                        for it in map(self.plan_items.item, range(self.plan_items.count()))
                    ),
                    *extra,
                ]
            )
        for item in map(self.plan_items.item, range(self.plan_items.count())):
            checked = item.data(ITEM_ID_ROLE) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def load(self, checkin, texts: dict[str, str] | None = None) -> None:
        """Edit a logged check-in: its values in the form, Save Changes and Cancel shown."""
        self.editing = checkin.id
        day = checkin.day
        self.setTitle(f"Edit the check-in of {dates.format_date(day, f'%a {day.day} %b')}")
        self.day.setDate(_qdate(checkin.day))
        self.hours.setValue(checkin.hours)
        self.note.setText(checkin.note)
        self.skill_filter.clear()
        self.set_skills(checkin.skills)
        self.set_items(checkin.items, texts)
        self.log_button.setText(SAVE_TEXT)
        self.log_button.setAccessibleName("Save check-in")
        self.cancel_button.show()
        self.hours.setFocus()
        self.hours.selectAll()

    def cancel_edit(self) -> None:
        if self.editing is not None:
            self.end_edit()
            self.cancelled.emit()

    def end_edit(self) -> None:
        """Back to logging a new check-in, with an empty entry."""
        self.editing = None
        self.setTitle("Log a check-in")
        self.log_button.setText(LOG_TEXT)
        self.log_button.setAccessibleName("Log check-in")
        self.cancel_button.hide()
        self.clear_entry()
        if self._today is not None:
            self.day.setDate(_qdate(self._today))

    def submit(self) -> None:
        # Enter may arrive before the typed text is read; a value out of range is refused,
        # visibly, and nothing is logged.
        if not self.hours.commit():
            self.hours.setFocus()
            return
        chosen = self.day.date()
        day = date(chosen.year(), chosen.month(), chosen.day())
        if self._today is not None and day > self._today:
            self._say(
                f"{dates.format_date(day, f'%a {day.day} %b %Y')} is after today. {FUTURE_DAY}"
            )
            self.day.setFocus()
            return
        self.submitted.emit(
            day,
            self.hours.value(),
            self.note.text().strip(),
            self.selected_skills(),
            self.selected_items(),
        )

    def clear_entry(self) -> None:
        """After a check-in is logged: a fresh note, no skills or items; the day and hours stay,
        as the next entry is often the same."""
        self.note.clear()
        self.set_skills(())
        self.set_items(())
        self.skill_filter.clear()
        forget_typing(self.day, self.hours, self.note, self.skill_filter)

    def _current_visible(self) -> QListWidgetItem | None:
        """The highlighted skill if the filter shows it, else the first skill it shows."""
        item = self.skills.currentItem()
        if item is None or item.isHidden():
            item = next(
                (i for i in map(self.skills.item, range(self.skills.count())) if not i.isHidden()),
                None,
            )
            if item is not None:
                self.skills.setCurrentItem(item)
        return item

    def _filter_skills(self, text: str) -> None:
        words = text.casefold().split()
        for item in map(self.skills.item, range(self.skills.count())):
            haystack = self._search[item.data(SKILL_ID_ROLE)]
            item.setHidden(not all(word in haystack for word in words))
        current = self.skills.currentItem()
        if current is not None and current.isHidden():
            self.skills.setCurrentRow(-1)  # nothing hidden stays highlighted
            self._current_visible()

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
