"""The skills catalogue as a tree (skill area -> skills) with your level and what the target
needs, plus the search filter that matches names, aliases and tools."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from careerplanner.gui.models.tree import TwoLevelModel
from careerplanner.knowledge.model import Category, KnowledgeBase, Skill

SKILL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2


class SkillTreeModel(TwoLevelModel[Category, Skill]):
    COL_SKILL, COL_LEVEL, COL_NEEDED = range(3)
    # Short titles over one-digit columns, so the skill names get the width.
    HEADERS = ("Skill", "You", "Needs")
    HEADER_TIPS = ("", "Your level, 0-4", "The level your target role needs, 0-4")

    def __init__(self, kb: KnowledgeBase, parent=None) -> None:
        super().__init__(parent)
        self._kb = kb
        self._levels: dict[str, int] = {}
        self._needed: dict[str, int] = {}
        by_category: dict[str, list[Skill]] = {c.id: [] for c in kb.categories}
        for skill in kb.skills:
            by_category.setdefault(skill.category, []).append(skill)
        category_names = {c.id: c.name for c in kb.categories}
        # What the search box matches, folded once: id, name, aliases, tools and area.
        self._search_text = {
            s.id: fold(" | ".join((s.id, s.name, *s.aliases, *s.tools, category_names[s.category])))
            for s in kb.skills
        }
        self.set_rows([(c, by_category[c.id]) for c in kb.categories if by_category[c.id]])
        self._rows = {
            skill.id: (group_row, row)
            for group_row, (_category, skills) in enumerate(self.groups())
            for row, skill in enumerate(skills)
        }

    def set_levels(self, levels: dict[str, int], needed: dict[str, int]) -> None:
        """New levels and requirements; only the rows that changed are repainted."""
        changed = {
            skill_id
            for skill_id in self._rows
            if levels.get(skill_id) != self._levels.get(skill_id)
            or needed.get(skill_id) != self._needed.get(skill_id)
        }
        self._levels = dict(levels)
        self._needed = dict(needed)
        last = self.columnCount() - 1
        for skill_id in changed:
            first = self.index_of_skill(skill_id)
            self.dataChanged.emit(first, first.siblingAtColumn(last))

    def index_of_skill(self, skill_id: str) -> QModelIndex:
        if skill_id not in self._rows:
            return QModelIndex()
        group_row, row = self._rows[skill_id]
        return self.index(row, 0, self.index(group_row, 0))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADER_TIPS)
        ):
            return self.HEADER_TIPS[section] or None
        return super().headerData(section, orientation, role)

    def group_data(self, group: Category, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == self.COL_SKILL:
            return group.name
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == SEARCH_TEXT_ROLE:
            return fold(group.name)
        return None

    def child_data(self, skill: Skill, column: int, role: int) -> Any:
        level = self._levels.get(skill.id, 0)
        needed = self._needed.get(skill.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.COL_SKILL:
                return skill.name
            if column == self.COL_LEVEL:
                return str(level)
            if column == self.COL_NEEDED:
                return "—" if needed is None else str(needed)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.COL_LEVEL:
                return f"Level {level}: {skill.levels[level]}"
            if column == self.COL_NEEDED and needed is not None:
                return f"Your target needs level {needed} (our reading): {skill.levels[needed]}"
            # The whole name first: a narrow window may cut it short in the column.
            return f"{skill.name}: {skill.description}"
        if role == Qt.ItemDataRole.AccessibleTextRole and column == self.COL_SKILL:
            return f"{skill.name}, your level {level}" + (
                f", target needs {needed}" if needed is not None else ""
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.COL_SKILL:
            return int(Qt.AlignmentFlag.AlignCenter)
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.COL_NEEDED
            and needed is not None
            and level < needed
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == SKILL_ID_ROLE:
            return skill.id
        if role == SEARCH_TEXT_ROLE:
            return self._search_text[skill.id]
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SkillFilterModel(QSortFilterProxyModel):
    """Shows skills whose name, alias, tool or area contains every word typed ("k8s")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        # The filter depends on the search words only, never on levels: re-filtering on every
        # rating would cost thousands of data() calls.
        self.setDynamicSortFilter(False)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+, where invalidateFilter is deprecated
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        haystack = model.data(index, SEARCH_TEXT_ROLE) or ""
        if source_parent.isValid():  # a skill: its area's name counts too
            haystack += " " + (model.data(source_parent, SEARCH_TEXT_ROLE) or "")
        return all(word in haystack for word in self._words)


def fold(text: str) -> str:
    """Search text: case and spacing ignored, hyphens and underscores read as spaces."""
    return re.sub(r"[\s_\-]+", " ", text.casefold()).strip()
