"""Past check-ins, newest first: the day, the hours, the skills practised and the note."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from careerplanner.services.profiles import Checkin

Index = QModelIndex | QPersistentModelIndex


class CheckinTableModel(QAbstractTableModel):
    COL_DAY, COL_HOURS, COL_SKILLS, COL_NOTE = range(4)
    HEADERS = ("Date", "Hours", "Skills practised", "Note")

    def __init__(self, skill_names: Mapping[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._names = dict(skill_names or {})
        self._rows: list[Checkin] = []

    def set_rows(self, rows: Iterable[Checkin]) -> None:
        """Show these check-ins, newest first (latest day, then the latest logged that day)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda c: (c.day, c.id), reverse=True)
        self.endResetModel()

    def checkin_at(self, row: int) -> Checkin:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        checkin = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.COL_DAY:
                day = checkin.day
                return f"{day:%a} {day.day} {day:%b %Y}"
            if column == self.COL_HOURS:
                return f"{checkin.hours:g} h"
            if column == self.COL_SKILLS:
                return ", ".join(self._names.get(s, s) for s in checkin.skills)
            if column == self.COL_NOTE:
                return checkin.note
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COL_HOURS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None
