"""Guards against Qt-binding bugs that would crash the app for a user, not just a test."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItemModel


def test_reading_an_unset_role_does_not_corrupt_python(qapp):
    # PySide6 6.12.0 dropped one reference to None per empty QVariant returned to Python; after
    # enough reads (a user scrolling a list) Python 3.11 aborts. pyproject.toml excludes it.
    # (From Python 3.12 None is immortal: its count never moves and the bug cannot crash.)
    model = QStandardItemModel(3, 2)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    index = proxy.index(1, 1, QModelIndex())
    before = sys.getrefcount(None)
    for _ in range(500):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert sys.getrefcount(None) >= before - 10
