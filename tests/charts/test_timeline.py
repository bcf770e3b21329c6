"""The plan's timeline reads at any window size: its date labels never overlap, a long plan gets
year labels, and many skills shrink to fit their rows instead of running into each other."""

from __future__ import annotations

import locale
from datetime import date

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from careerplanner.charts.plan import draw_timeline
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge

#: (width, height) in pixels the timeline gets in the window at 1024x640 and 1920x1080, and a
#: narrow and a wide one around them.
SIZES = [(300, 300), (390, 460), (600, 650), (1100, 700)]


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


def plan_of(kb, background: str, target: str, hours: float):
    levels = dict(kb.role(background).typical_levels)
    return build_plan(kb, PlanRequest(levels, background, target, hours, date(2026, 12, 1)))


def drawn(plan, width: int, height: int, scale: float = 1.0) -> Figure:
    """The timeline at ``width`` x ``height`` screen pixels, at a display scale (1.5: 150%,
    where the canvas has 1.5 times the pixels and the dpi)."""
    figure = Figure(figsize=(width / 96, height / 96), dpi=96 * scale, layout="constrained")
    FigureCanvasAgg(figure)
    draw_timeline(figure, plan)
    figure.canvas.draw()
    return figure


def visible_labels(labels):
    return [t for t in labels if t.get_text() and t.get_visible()]


def overlapping(texts, renderer) -> list[tuple[str, str]]:
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    return [
        (a, b)
        for i, (a, box_a) in enumerate(boxes)
        for b, box_b in boxes[i + 1 :]
        if box_a.overlaps(box_b)
    ]


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize(
    ("background", "target", "hours"),
    [
        ("software-engineer", "ai-engineer", 20),  # a few months
        ("software-engineer", "ml-engineer", 10),  # about two years
        ("student", "foundation-model-engineer", 3),  # fifteen years
    ],
)
def test_date_labels_never_overlap(kb, background, target, hours, width, height):
    figure = drawn(plan_of(kb, background, target, hours), width, height)
    axes = figure.axes[0]
    labels = visible_labels(axes.get_xticklabels())
    assert len(labels) >= 2, "a date axis needs at least two labels to be read"
    assert overlapping(labels, figure.canvas.get_renderer()) == []


@pytest.mark.parametrize(("width", "height"), [(390, 460), (600, 650)])
def test_at_150_percent_the_chart_reads_as_at_100(kb, width, height):
    plan = plan_of(kb, "software-engineer", "ml-engineer", 13)
    normal, scaled = drawn(plan, width, height), drawn(plan, width, height, scale=1.5)
    labels = visible_labels(scaled.axes[0].get_xticklabels())
    assert len(labels) >= 2
    assert overlapping(labels, scaled.canvas.get_renderer()) == []
    assert [t.get_text() for t in labels] == [
        t.get_text() for t in visible_labels(normal.axes[0].get_xticklabels())
    ]
    names = [t.get_text() for t in scaled.axes[0].get_yticklabels()]
    assert names == [t.get_text() for t in normal.axes[0].get_yticklabels()]
    sizes = {t.get_fontsize() for t in scaled.axes[0].get_yticklabels()}
    assert sizes == {t.get_fontsize() for t in normal.axes[0].get_yticklabels()}


def test_a_long_plan_is_labelled_by_years(kb):
    plan = plan_of(kb, "student", "foundation-model-engineer", 3)
    assert plan.total_months > 120
    figure = drawn(plan, 390, 460)
    texts = [t.get_text() for t in visible_labels(figure.axes[0].get_xticklabels())]
    assert all(t.isdigit() and len(t) == 4 for t in texts), texts


def test_many_skills_fit_their_rows_without_overlapping(kb):
    plan = plan_of(kb, "student", "foundation-model-engineer", 3)
    figure = drawn(plan, 390, 460)
    names = visible_labels(figure.axes[0].get_yticklabels())
    assert len(names) >= 20
    assert overlapping(names, figure.canvas.get_renderer()) == []


def test_long_skill_names_are_shortened_in_a_narrow_chart_only(kb):
    plan = plan_of(kb, "student", "foundation-model-engineer", 3)
    narrow = [_name(t.get_text()) for t in drawn(plan, 300, 460).axes[0].get_yticklabels()]
    wide = [_name(t.get_text()) for t in drawn(plan, 1100, 700).axes[0].get_yticklabels()]
    assert any(name.endswith("…") for name in narrow)
    assert "Distributed and mixed-precision training" in wide


def _name(label: str) -> str:
    """A row's skill name, without the levels after it ("PyTorch  0→2")."""
    return label.rsplit("  ", 1)[0]


def test_month_names_stay_english_on_a_french_desktop(kb):
    saved = locale.setlocale(locale.LC_ALL)
    try:
        locale.setlocale(locale.LC_ALL, "fr_FR.UTF-8")
    except locale.Error:
        pytest.skip("the fr_FR.UTF-8 locale is not installed here (.ci/run builds it)")
    try:
        figure = drawn(plan_of(kb, "software-engineer", "ml-engineer", 10), 600, 650)
        texts = [t.get_text() for t in visible_labels(figure.axes[0].get_xticklabels())]
    finally:
        locale.setlocale(locale.LC_ALL, saved)
    months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
    assert texts and all(t in months or t.isdigit() for t in texts), texts


def test_a_short_plan_made_mid_month_is_labelled_with_its_own_month(kb):
    # One month at 60 h a week, made on 20 December: it runs 20-31 December, not in 2027.
    levels = dict(kb.role("ai-engineer").typical_levels)
    request = PlanRequest(
        levels,
        "ai-engineer",
        "ai-application-engineer",
        60,
        date(2026, 12, 1),
        today=date(2026, 12, 20),
    )
    plan = build_plan(kb, request)
    assert plan.months[0].start == date(2026, 12, 20)
    figure = drawn(plan, 700, 420)
    labels = visible_labels(figure.axes[0].get_xticklabels())
    assert labels[0].get_text() == "Dec", labels
