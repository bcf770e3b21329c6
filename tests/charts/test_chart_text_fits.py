"""Every bar chart's words fit the room it has, at any size and any screen scale: no title,
name, axis label, value or legend is cut off at the figure's edge, no two names run into each
other, and names stay whole wherever there is room for them."""

from __future__ import annotations

import warnings

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from careerplanner.charts.cohort import draw_common_gaps
from careerplanner.charts.fitting import ELLIPSIS
from careerplanner.charts.gap import draw_categories, draw_readiness
from careerplanner.charts.style import LIGHT, show_message
from careerplanner.core.gap import analyse_all
from careerplanner.knowledge import default_knowledge

#: (width, height) in logical pixels: the smallest a chart is drawn at (ChartView's minimum),
#: what the Gap page's readiness and skill-area charts get at 1024x640, a short wide tab, the
#: skill-area chart at 1.5x on a 1920x1080 screen, and a large one.
SIZES = [(260, 180), (344, 198), (430, 240), (861, 183), (1084, 352), (1600, 520)]
#: Screen scales: each logical pixel is this many device pixels (QT_SCALE_FACTOR).
SCALES = [1.0, 1.5]


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


@pytest.fixture(scope="module")
def roles(kb):
    return analyse_all(kb, dict(kb.role("software-engineer").typical_levels))


def drawn(draw, *args, width: int, height: int, scale: float = 1.0) -> Figure:
    """``draw`` on a figure the size a widget of ``width`` x ``height`` logical pixels has on a
    screen of that scale, rendered as the window renders it."""
    figure = Figure(figsize=(width / 96, height / 96), dpi=96 * scale, layout="constrained")
    FigureCanvasAgg(figure)
    draw(figure, *args)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "constrained_layout not applied" is a failure here
        figure.canvas.draw()
    return figure


def shown_texts(figure: Figure) -> list[Text]:
    """Every text the figure draws: tick labels outside the axes' limits are not drawn."""
    hidden = set()
    for axes in figure.axes:
        for axis, limits in ((axes.xaxis, axes.get_xlim()), (axes.yaxis, axes.get_ylim())):
            low, high = sorted(limits)
            for tick in axis.get_major_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    return [
        t for t in figure.findobj(Text) if t.get_visible() and t.get_text() and id(t) not in hidden
    ]


def cut_off(figure: Figure) -> list[str]:
    renderer = figure.canvas.get_renderer()
    edge = figure.bbox
    return [
        t.get_text()
        for t in shown_texts(figure)
        if not (
            edge.x0 - 0.5 <= t.get_window_extent(renderer).x0
            and t.get_window_extent(renderer).x1 <= edge.x1 + 0.5
            and edge.y0 - 0.5 <= t.get_window_extent(renderer).y0
            and t.get_window_extent(renderer).y1 <= edge.y1 + 0.5
        )
    ]


def running_into_each_other(figure: Figure) -> list[tuple[str, str]]:
    renderer = figure.canvas.get_renderer()
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in shown_texts(figure)]
    return [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if box_a.overlaps(box_b)
    ]


def assert_reads_well(figure: Figure) -> None:
    assert cut_off(figure) == []
    assert running_into_each_other(figure) == []


def longest_names_first(names: list[str]) -> list[str]:
    return sorted(names, key=len, reverse=True)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_skill_area_chart_fits_for_the_role_with_most_areas_and_the_longest_name(
    roles, width, height, scale
):
    most_areas = max(roles, key=lambda r: len(r.categories))
    longest_name = max(roles, key=lambda r: len(r.name))
    for role in {most_areas.role: most_areas, longest_name.role: longest_name}.values():
        assert_reads_well(drawn(draw_categories, role, width=width, height=height, scale=scale))


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_readiness_chart_fits_with_the_longest_name_in_bold(roles, width, height, scale):
    longest = max(roles, key=lambda r: len(r.name)).role
    figure = drawn(draw_readiness, roles, longest, width=width, height=height, scale=scale)
    assert_reads_well(figure)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_cohort_chart_fits_ten_of_the_longest_skill_names(kb, width, height, scale):
    names = longest_names_first([s.name for s in kb.skills])[:14]
    gaps = [(name, 30 - n) for n, name in enumerate(names)]
    figure = drawn(draw_common_gaps, gaps, 32, width=width, height=height, scale=scale)
    assert_reads_well(figure)


def test_names_stay_whole_and_full_size_where_the_gap_page_has_room(roles):
    # The readiness chart at 1024x640 and the skill-area tab at 1.5x on a 1920x1080 screen.
    readiness = drawn(draw_readiness, roles, "ai-engineer", width=344, height=198)
    areas = drawn(draw_categories, roles[0], width=1084, height=352, scale=1.5)
    for figure, names in (
        (readiness, [r.name for r in roles]),
        (areas, [c.name for c in roles[0].categories]),
    ):
        labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
        assert sorted(labels) == sorted(names)
        sizes = {t.get_fontsize() for t in figure.axes[0].get_yticklabels()}
        assert sizes == {LIGHT.font_size}
    legend = [t.get_text() for t in areas.legends[0].get_texts()]
    assert legend == [f"{roles[0].name} needs", "You have"]


def test_a_small_chart_wraps_or_shortens_names_instead_of_cutting_them_off(roles):
    role = max(roles, key=lambda r: len(r.name))
    figure = drawn(draw_categories, role, width=260, height=180)
    labels = [t.get_text() for t in figure.axes[0].get_yticklabels()]
    whole = [c.name for c in reversed(role.categories)]
    assert labels != whole
    for label, name in zip(labels, whole, strict=True):
        # Each label is the name, the name over two lines, or its beginning and "…".
        text = label.replace("\n", " ")
        assert text == name or (text.endswith(ELLIPSIS) and name.startswith(text[:-1].rstrip()))
    assert figure.legends[0].get_texts()[0].get_text() == "Needs"  # the title names the role


def test_the_layout_is_the_same_at_any_screen_scale(roles):
    """Laid out in points, a chart at 1.5x or 2x is the chart at 1x with more pixels."""

    def words(scale: float):
        figure = drawn(draw_readiness, roles, "ai-engineer", width=300, height=200, scale=scale)
        axes = figure.axes[0]
        names = [(t.get_text(), t.get_fontsize()) for t in axes.get_yticklabels()]
        return names, figure.get_suptitle(), axes.get_xlabel()

    assert words(1.0) == words(1.5) == words(2.0)


def test_an_empty_chart_wraps_its_message_to_the_room_it_has():
    figure = drawn(
        show_message,
        "No common gaps: every student meets their target",
        LIGHT,
        width=260,
        height=180,
    )
    assert "\n" in figure.texts[0].get_text()
    assert_reads_well(figure)
