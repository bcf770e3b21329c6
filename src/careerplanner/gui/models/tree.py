"""A two-level tree model (groups with children), the shape of the skills catalogue and the plan.

Indexes carry their parent group's row + 1 in ``internalId`` (0 for a group), which avoids
keeping Python objects alive through ``internalPointer``.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from careerplanner.gui.models.table import column_title

G = TypeVar("G")
C = TypeVar("C")
Index = QModelIndex | QPersistentModelIndex


class TwoLevelModel(QAbstractItemModel, Generic[G, C]):
    HEADERS: tuple[str, ...] = ()
    #: A subclass whose cells change only through ``set_rows`` and ``refresh_data`` (the plan)
    #: remembers each value it gave until then: a view asks for the same cells, seven roles
    #: each, at every paint.
    REMEMBER_CELLS = False

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[G, list[C]]] = []
        self._cells: dict[tuple[int, int, int, int], Any] = {}

    # -- content ----------------------------------------------------------------------------

    def set_rows(self, groups: list[tuple[G, list[C]]]) -> None:
        self.beginResetModel()
        self._groups = [(group, list(children)) for group, children in groups]
        self._cells.clear()
        self.endResetModel()

    def refresh_data(self) -> None:
        """Tell views every cell may have changed, keeping selection and expansion."""
        self._cells.clear()
        last_column = self.columnCount() - 1
        if not self._groups:
            return
        for row, (_group, children) in enumerate(self._groups):
            parent = self.index(row, 0)
            if children:
                self.dataChanged.emit(
                    self.index(0, 0, parent), self.index(len(children) - 1, last_column, parent)
                )
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._groups) - 1, last_column))

    def group_at(self, index: Index) -> G | None:
        if index.isValid() and index.internalId() == 0:
            return self._groups[index.row()][0]
        return None

    def child_at(self, index: Index) -> C | None:
        if index.isValid() and index.internalId() > 0:
            return self._groups[index.internalId() - 1][1][index.row()]
        return None

    def groups(self) -> list[tuple[G, list[C]]]:
        return self._groups

    def one_index_per_text(self, column: int) -> list[QModelIndex]:
        """An index for each different text the column shows (groups and children apart, as
        they may be styled apart): enough to measure how wide the column must be, without
        asking the view to measure every row."""
        found: dict[tuple[bool, Any], QModelIndex] = {}
        display = Qt.ItemDataRole.DisplayRole
        for row, (group, children) in enumerate(self._groups):
            key = (True, self.group_data(group, column, display))
            if key not in found:
                found[key] = self.index(row, column)
            for child_row, child in enumerate(children):
                key = (False, self.child_data(child, column, display))
                if key not in found:
                    found[key] = self.index(child_row, column, self.index(row, 0))
        return list(found.values())

    # -- what subclasses provide ---------------------------------------------------------------

    def group_data(self, group: G, column: int, role: int) -> Any:
        return None

    def child_data(self, child: C, column: int, role: int) -> Any:
        return None

    # -- QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.REMEMBER_CELLS:
            return self._data(index, role)
        key = (index.internalId(), index.row(), index.column(), role)
        cells = self._cells
        if key not in cells:
            cells[key] = self._data(index, role)
        return cells[key]

    def _data(self, index: Index, role: int) -> Any:
        if not index.isValid():
            return None
        group = self.group_at(index)
        if group is not None:
            return self.group_data(group, index.column(), role)
        child = self.child_at(index)
        return self.child_data(child, index.column(), role) if child is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return column_title(self.HEADERS, section, orientation, role)
