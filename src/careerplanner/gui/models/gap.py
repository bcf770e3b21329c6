"""The missing skills of one role, most important first, each with its explanation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from careerplanner.core.gap import SkillGap
from careerplanner.gui.models.table import RowTableModel


class GapTableModel(RowTableModel[SkillGap]):
    COL_SKILL, COL_CURRENT, COL_REQUIRED, COL_WEIGHT, COL_HOURS, COL_WHY = range(6)
    HEADERS = ("Skill", "You", "Needs", "Weight", "Hours", "Why it counts")
    CENTRED = (COL_CURRENT, COL_REQUIRED, COL_HOURS)

    def gap_at(self, row: int) -> SkillGap:
        return self.row_at(row)

    def cell(self, gap: SkillGap, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return gap.explanation
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_SKILL: gap.name,
                self.COL_CURRENT: str(gap.current),
                self.COL_REQUIRED: str(gap.required),
                self.COL_WEIGHT: str(gap.weight).capitalize(),
                self.COL_HOURS: f"~{gap.hours} h",
                self.COL_WHY: gap.explanation,
            }[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
