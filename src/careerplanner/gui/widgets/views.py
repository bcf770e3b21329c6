"""Shared set-up for the item views, so every list in the app behaves alike, and for the pages'
headings."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QTreeView


def make_tree_view(
    model: QAbstractItemModel, accessible_name: str, stretch: int, refit_on_edit: bool = True
) -> QTreeView:
    """A single-selection tree over ``model``: column ``stretch`` takes the spare width, the
    others fit their contents. With ``refit_on_edit`` False they fit them when rows come and go
    (and on a new font or style), not when a cell's text changes: for columns whose texts
    are all as wide (the Skills page's levels), where measuring every row again at each edit
    would cost more than the edit."""
    tree = QTreeView()
    if not refit_on_edit:
        tree.setHeader(_HeaderNotRefittingOnEdits(Qt.Orientation.Horizontal, tree))
    tree.setAccessibleName(accessible_name)
    tree.setModel(model)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(model.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return tree


class _HeaderNotRefittingOnEdits(QHeaderView):
    def dataChanged(self, top_left, bottom_right, roles=()) -> None:
        pass  # Qt's own measures every row of each fitted column again


def make_table_view(model: QAbstractItemModel, accessible_name: str) -> QTableView:
    """A read-only table of whole rows over ``model``: one line per row, no row numbers."""
    table = QTableView()
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def rows_height(table: QTableView, rows: int) -> int:
    """How tall ``table`` is with its header and ``rows`` rows in view, and no more."""
    return (
        table.horizontalHeader().sizeHint().height()
        + rows * table.verticalHeader().defaultSectionSize()
        + 2 * table.frameWidth()
    )


def heading_label(object_name: str, scale: float) -> QLabel:
    """A page's bold line on top, ``scale`` times the text's size, wrapping when narrow."""
    label = QLabel()
    label.setObjectName(object_name)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label
