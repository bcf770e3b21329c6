"""The plan as a tree: months, each with the skill steps, activities and milestone it holds.

Items are checkable; ticking one does not change the model itself but emits ``toggled`` so the
page can record it as an undoable edit, after which the model is refreshed from the session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from careerplanner.core.plan import PlanItem, PlanMonth
from careerplanner.gui.models.tree import TwoLevelModel

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_LABELS = {"skill": "Skill", "activity": "Do", "milestone": "Milestone", "practice": "Practise"}
PRACTICE = "practice"  # a row that says what to practise this month; nothing to tick


class PlanTreeModel(TwoLevelModel[PlanMonth, PlanItem]):
    COL_WHAT, COL_KIND, COL_HOURS = range(3)
    HEADERS = ("Month and what to do", "Kind", "Hours")

    toggled = Signal(str, bool)  # item id, done

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._statuses: dict[str, str] = {}

    def set_plan(self, months, statuses: dict[str, str]) -> None:
        self._statuses = dict(statuses)
        self.set_rows([(month, _rows(month)) for month in months])

    def set_statuses(self, statuses: dict[str, str]) -> None:
        self._statuses = dict(statuses)
        self.refresh_data()

    def group_data(self, month: PlanMonth, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_WHAT:
                return f"Month {month.index} · {month.start:%B %Y}"
            if column == self.COL_HOURS:
                return f"{month.hours:.0f} h"
        if role == Qt.ItemDataRole.FontRole and column == self.COL_WHAT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{month.start:%d %b %Y} – {month.end:%d %b %Y}: {month.milestone}"
        return None

    def child_data(self, item: PlanItem, column: int, role: int) -> Any:
        status = self._statuses.get(item.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_WHAT:
                return item.text
            if column == self.COL_KIND:
                label = KIND_LABELS.get(item.kind, item.kind)
                return f"{label} (skipped)" if status == "skipped" else label
        if role == Qt.ItemDataRole.CheckStateRole and column == self.COL_WHAT:
            if item.kind == PRACTICE:
                return None
            return Qt.CheckState.Checked if status == "done" else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and column == self.COL_WHAT:
            font = QFont()
            font.setBold(item.kind == "milestone")
            font.setStrikeOut(status == "skipped")
            return font
        if role == ITEM_ID_ROLE:
            return item.id
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item = self.child_at(index)
        if item is not None and item.kind != PRACTICE and index.column() == self.COL_WHAT:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.child_at(index)
        if item is None or item.kind == PRACTICE or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.toggled.emit(item.id, done)
        return True


def _rows(month: PlanMonth) -> list[PlanItem]:
    """The month's items to tick, then what to practise for the skills that stay under way
    past its end, so a month spent deep inside a long skill still says what to do."""
    ongoing = [f"{s.name} {s.from_level} -> " for s in month.skills if not s.completes]
    practice = [
        PlanItem("", PRACTICE, text)
        for text in month.activities
        if any(text.startswith(prefix) for prefix in ongoing)
    ]
    return [*month.items, *practice]
