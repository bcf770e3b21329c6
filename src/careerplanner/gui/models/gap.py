"""The missing skills of one role, most important first, each with its explanation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from careerplanner.core.gap import SkillGap

Index = QModelIndex | QPersistentModelIndex


class GapTableModel(QAbstractTableModel):
    COL_SKILL, COL_CURRENT, COL_REQUIRED, COL_WEIGHT, COL_HOURS, COL_WHY = range(6)
    HEADERS = ("Skill", "You", "Needs", "Weight", "Hours", "Why it counts")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[SkillGap] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def gap_at(self, row: int) -> SkillGap:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        gap = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = {
                self.COL_SKILL: gap.name,
                self.COL_CURRENT: str(gap.current),
                self.COL_REQUIRED: str(gap.required),
                self.COL_WEIGHT: str(gap.weight).capitalize(),
                self.COL_HOURS: f"~{gap.hours} h",
                self.COL_WHY: gap.explanation,
            }
            if role == Qt.ItemDataRole.ToolTipRole:
                return gap.explanation
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.COL_CURRENT,
            self.COL_REQUIRED,
            self.COL_HOURS,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
