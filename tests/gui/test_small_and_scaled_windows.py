"""The window at 1024x640 and at 1.5x scale on a 1920x1080 screen (1280x690 logical pixels less
its frame): the Skills catalogue shows every skill's whole name, the Gap page's charts keep every
word inside the room their widgets have, and the pages that hold tables give their rows the
room they need."""

from __future__ import annotations

import warnings

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PySide6.QtCore import Qt

from careerplanner.charts.gap import draw_categories, draw_readiness
from careerplanner.gui.models.skills import SKILL_ID_ROLE, SkillTreeModel
from careerplanner.gui.pages.skills import DETAIL_MAX_WIDTH
from tests.charts.test_chart_text_fits import assert_reads_well

#: (window width, height in logical pixels, screen scale)
SMALL = (1024, 640, 1.0)
SCALED = (1280, 690, 1.5)


def _shown(qtbot, window, width: int, height: int, page: str):
    window.resize(width, height)
    window.show_page(page)
    qtbot.waitUntil(lambda: window.page_by_key[page].isVisible())
    qtbot.wait(10)  # let the splitters settle their sizes
    return window.page_by_key[page]


def _skill_rows(page):
    proxy = page.proxy
    for group in range(proxy.rowCount()):
        parent = proxy.index(group, 0)
        for row in range(proxy.rowCount(parent)):
            yield proxy.index(row, SkillTreeModel.COL_SKILL, parent)


#: What a cell keeps free either side of its text.
TEXT_MARGINS = 8


def test_every_skill_name_fits_the_catalogue_at_1024x640(qtbot, window):
    page = _shown(qtbot, window, 1024, 640, "skills")
    tree = page.tree
    metrics = tree.fontMetrics()
    for index in _skill_rows(page):
        name = index.data(Qt.ItemDataRole.DisplayRole)
        # The cell starts after the row's indentation and ends with the name column.
        assert metrics.horizontalAdvance(name) + TEXT_MARGINS <= tree.visualRect(index).width()
    # The level columns stay narrow: the names have most of the width.
    levels = tree.columnWidth(SkillTreeModel.COL_LEVEL) + tree.columnWidth(
        SkillTreeModel.COL_NEEDED
    )
    assert levels < tree.columnWidth(SkillTreeModel.COL_SKILL) / 3


def test_in_a_narrower_window_a_cut_name_is_whole_in_its_tooltip(qtbot, window, kb):
    page = _shown(qtbot, window, 760, 560, "skills")
    tree = page.tree
    longest = max(_skill_rows(page), key=lambda i: len(i.data(Qt.ItemDataRole.DisplayRole)))
    name = longest.data(Qt.ItemDataRole.DisplayRole)
    cell = tree.visualRect(longest)
    assert tree.fontMetrics().horizontalAdvance(name) > cell.width()  # it is cut short here
    tooltip = longest.data(Qt.ItemDataRole.ToolTipRole)
    skill = kb.skill(longest.data(SKILL_ID_ROLE))
    assert tooltip.startswith(name) and skill.description in tooltip


def test_the_catalogue_keeps_its_width_until_the_user_moves_the_divider(qtbot, window):
    page = _shown(qtbot, window, 1024, 640, "skills")
    narrow = page.tree.width()
    window.resize(1400, 800)
    qtbot.waitUntil(lambda: page.width() > 1100)
    qtbot.wait(10)
    assert page.tree.width() >= narrow  # the details took the new width, not the names'
    assert page.detail_panel.width() <= DETAIL_MAX_WIDTH  # lines short enough to read
    splitter = page._splitter
    splitter.splitterMoved.emit(200, 1)  # as a drag of the divider reports it
    splitter.setSizes([300, sum(splitter.sizes()) - 300])
    window.resize(1300, 800)
    qtbot.wait(10)
    assert splitter.sizes()[0] <= 300 + 1  # the user's choice stands


def _drawn_at(view, draw, *args, scale: float) -> Figure:
    """``draw`` on a figure the size the chart's widget has, at the screen's scale."""
    figure = Figure(
        figsize=(view.width() / 96, view.height() / 96), dpi=96 * scale, layout="constrained"
    )
    FigureCanvasAgg(figure)
    draw(figure, *args)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        figure.canvas.draw()
    return figure


@pytest.mark.parametrize(("width", "height", "scale"), [SMALL, SCALED])
def test_gap_charts_keep_every_word_inside_their_widgets(
    qtbot, window, session, width, height, scale
):
    page = _shown(qtbot, window, width, height, "gap")
    page.tabs.setCurrentIndex(page.TAB_AREAS)
    qtbot.waitUntil(page.category_chart.isVisible)
    snapshot = session.snapshot()
    for role in [gap.role for gap in snapshot.gaps]:
        gap = snapshot.gap_for(role)
        assert_reads_well(_drawn_at(page.category_chart, draw_categories, gap, scale=scale))
        assert_reads_well(
            _drawn_at(page.readiness_chart, draw_readiness, snapshot.gaps, role, scale=scale)
        )
