"""The plan as a tree: months, each with the skill steps, activities and milestone it holds.

Items are checkable; ticking one does not change the model itself but emits ``toggled`` so the
page can record it as an undoable edit, after which the model is refreshed from the session.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from careerplanner.core import dates
from careerplanner.core.plan import ItemKind, PlanItem, PlanMonth, Practice
from careerplanner.gui.models.tree import TwoLevelModel

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_LABELS = {ItemKind.SKILL: "Skill", ItemKind.ACTIVITY: "Do", ItemKind.MILESTONE: "Milestone"}
PRACTICE_LABEL = "Practise"

#: A row of a month: an item to tick, or a line saying what to practise (nothing to tick).
Row = PlanItem | Practice
#: Worked out once: views ask for every cell's flags at every paint.
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHECKABLE = _SELECTABLE | Qt.ItemFlag.ItemIsUserCheckable


class PlanTreeModel(TwoLevelModel[PlanMonth, Row]):
    COL_WHAT, COL_KIND, COL_HOURS = range(3)
    HEADERS = ("Month and what to do", "Kind", "Hours")
    REMEMBER_CELLS = True  # a plan's cells change with a new plan or new marks only

    toggled = Signal(str, bool)  # item id, done

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._statuses: dict[str, str] = {}

    def set_plan(self, months, statuses: dict[str, str]) -> None:
        self._statuses = dict(statuses)
        self.set_rows([(month, _rows(month)) for month in months])

    def set_statuses(self, statuses: dict[str, str]) -> None:
        """New marks on the same plan: cells repaint, rows, selection and folding stay."""
        self._statuses = dict(statuses)
        self.refresh_data()

    def index_of(self, item_id: str | None, month_start: date | None) -> QModelIndex:
        """The row of the item ``item_id``, else of the month ``month_start`` falls in (the
        first month's start moves with today: the calendar month is what stays)."""
        for row, (_month, rows) in enumerate(self.groups()):
            parent = self.index(row, 0)
            for child, found in enumerate(rows):
                if item_id is not None and isinstance(found, PlanItem) and found.id == item_id:
                    return self.index(child, 0, parent)
        for row, (month, _rows) in enumerate(self.groups()):
            if month_start is not None and dates.first_of_month(
                month.start
            ) == dates.first_of_month(month_start):
                return self.index(row, 0)
        return QModelIndex()

    def group_data(self, month: PlanMonth, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_WHAT:
                return f"Month {month.index} · {dates.month_year(month.start)}"
            if column == self.COL_HOURS:
                return f"{month.hours:.0f} h"
        if role == Qt.ItemDataRole.FontRole and column == self.COL_WHAT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            span = f"{dates.short_date(month.start)} – {dates.short_date(month.end)}"
            return f"{span}: {month.milestone}"
        return None

    def child_data(self, row: Row, column: int, role: int) -> Any:
        if isinstance(row, Practice):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return (
                    row.text
                    if column == self.COL_WHAT
                    else (PRACTICE_LABEL if column == self.COL_KIND else None)
                )
            return None
        status = self._statuses.get(row.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_WHAT:
                return row.text
            if column == self.COL_KIND:
                label = KIND_LABELS[row.kind]
                return f"{label} (skipped)" if status == "skipped" else label
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_WHAT:
            return Qt.CheckState.Checked if status == "done" else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and column == self.COL_WHAT:
            font = QFont()
            font.setBold(row.kind == ItemKind.MILESTONE)
            font.setStrikeOut(status == "skipped")
            return font
        if role == ITEM_ID_ROLE:
            return row.id
        return None

    def item_at(self, index: QModelIndex | QPersistentModelIndex) -> PlanItem | None:
        """The item to tick at ``index``; None for a month or a line of practice."""
        row = self.child_at(index)
        return row if isinstance(row, PlanItem) else None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        if index.column() == self.COL_WHAT and self.item_at(index) is not None:
            return _CHECKABLE
        return _SELECTABLE

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item_at(index)
        if item is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(item.id, done)
        return True


def _rows(month: PlanMonth) -> list[Row]:
    """The month's items to tick, then what to practise for the skills that stay under way
    past its end, so a month spent deep inside a long skill still says what to do."""
    return [*month.items, *(p for p in month.practice if p.continues)]
