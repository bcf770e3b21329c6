from __future__ import annotations

from PySide6.QtCore import Qt

from careerplanner.gui.main_window import PAGES, MainWindow


def test_navigation_shows_each_page(qtbot, tmp_path):
    window = MainWindow(tmp_path / "test.db")
    qtbot.addWidget(window)
    window.show()
    titles = [window.navigation.item(row).text() for row in range(window.navigation.count())]
    assert titles == ["Skills", "Gap", "Plan", "Progress", "Compare roles", "Sources"]
    for row, (key, _title, _blurb) in enumerate(PAGES):
        item = window.navigation.item(row)
        rect = window.navigation.visualItemRect(item)
        qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert window.current_page_key() == key
        assert window.pages.currentWidget() is window.page_by_key[key]
        assert window.page_by_key[key].isVisible()
    window.close()
    assert not window.isVisible()


def test_window_remembers_its_size(qtbot, tmp_path):
    first = MainWindow(tmp_path / "test.db")
    qtbot.addWidget(first)
    first.show()
    first.resize(761, 543)
    first.close()
    second = MainWindow(tmp_path / "test.db")
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (761, 543)
