"""The Job Posting page's tables: the gap to the posting, skill by skill, and the saved
postings with their readiness, so several can be compared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from careerplanner.core import dates
from careerplanner.core.posting import Lean, Verdict
from careerplanner.gui.models.table import RowTableModel
from careerplanner.services.postings import PostingReport, PostingSkill, SavedPosting

#: The highlight behind a skill found in the posting, by the side it leans to.
LEAN_COLOURS: dict[Lean, str] = {
    Lean.AI: "#b6d7ff",
    Lean.ML: "#ffd49a",
    Lean.SHARED: "#c8ecc5",
}
#: The Side column's words, and the legend's.
LEAN_WORDS: dict[Lean, str] = {Lean.AI: "AI", Lean.ML: "ML", Lean.SHARED: "Both"}
LEAN_LEGEND: dict[Lean, str] = {
    Lean.AI: "AI engineering",
    Lean.ML: "ML engineering",
    Lean.SHARED: "both tracks",
}
SHORT_VERDICTS: dict[Verdict, str] = {
    Verdict.AI: "AI",
    Verdict.ML: "ML",
    Verdict.MIXED: "AI and ML",
    Verdict.NONE: "Neither",
}


class PostingGapModel(RowTableModel[PostingSkill]):
    COL_SKILL, COL_LEAN, COL_CURRENT, COL_REQUIRED, COL_HOURS = range(5)
    HEADERS = ("Skill", "Side", "You", "Needs", "Hours")
    CENTRED = (COL_CURRENT, COL_REQUIRED, COL_HOURS)

    def skill_at(self, row: int) -> PostingSkill:
        return self.row_at(row)

    def cell(self, row: PostingSkill, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.COL_SKILL: row.name,
                self.COL_LEAN: LEAN_WORDS[row.lean],
                self.COL_CURRENT: str(row.current),
                self.COL_REQUIRED: str(row.required),
                self.COL_HOURS: f"~{row.hours} h" if row.hours else "met",
            }[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.COL_LEAN:
            return QColor(LEAN_COLOURS[row.lean])
        if role == Qt.ItemDataRole.ToolTipRole:
            places = len(row.matches)
            return (
                f"{row.name} ({LEAN_LEGEND[row.lean]}), written {_written(row)}: the posting "
                f"names it {places} time{'s' if places != 1 else ''}; asked at level "
                f"{row.required} ({row.weight.value}), you have {row.current}."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


@dataclass(frozen=True)
class SavedRow:
    posting: SavedPosting
    report: PostingReport
    verdict: Verdict
    closest: str  # the closest role's name, "" for none
    is_target: bool


class SavedPostingsModel(RowTableModel[SavedRow]):
    COL_TITLE, COL_SAVED, COL_LEAN, COL_ROLE, COL_READY, COL_MONTHS, COL_PLAN = range(7)
    HEADERS = ("Posting", "Saved", "Lean", "Closest role", "Ready", "Months", "Your plan")
    CENTRED = (COL_READY, COL_MONTHS)

    def saved_at(self, row: int) -> SavedRow:
        return self.row_at(row)

    def cell(self, row: SavedRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            report = row.report
            return {
                self.COL_TITLE: row.posting.title,
                self.COL_SAVED: dates.short_date(row.posting.created.astimezone()),
                self.COL_LEAN: SHORT_VERDICTS[row.verdict],
                self.COL_ROLE: row.closest or "—",
                self.COL_READY: f"{report.readiness:.0%}" if report.readiness is not None else "—",
                self.COL_MONTHS: str(report.months) if report.months is not None else "—",
                self.COL_PLAN: "● your plan" if row.is_target else "",
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_TITLE:
            return "Double-click to open it above"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


def _written(row: PostingSkill) -> str:
    """The ways the posting writes the skill, each once: "“RAG”, “retrieval”"."""
    seen = list(dict.fromkeys(m.text for m in row.matches))
    return ", ".join(f"“{text}”" for text in seen[:3]) + (" …" if len(seen) > 3 else "")
