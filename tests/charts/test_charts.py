"""Charts drawn on a plain Figure, checked by their artists: no Qt, no screen."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from careerplanner.charts.gap import draw_categories, draw_readiness
from careerplanner.charts.plan import draw_timeline
from careerplanner.charts.style import LIGHT, ChartStyle
from careerplanner.core.gap import analyse_all
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


@pytest.fixture(scope="module")
def levels(kb):
    return dict(kb.role("software-engineer").typical_levels)


def test_readiness_has_one_bar_per_role_best_on_top(kb, levels):
    roles = analyse_all(kb, levels)
    figure = Figure()
    draw_readiness(figure, roles, target="ml-engineer")
    axes = figure.axes[0]
    bars = axes.patches
    assert len(bars) == len(kb.target_roles)
    labels = [t.get_text() for t in axes.get_yticklabels()]
    assert labels[-1] == roles[0].name  # the top row is the best-ready role
    widths = [b.get_width() for b in bars]
    assert widths == sorted(widths)
    by_label = dict(zip(labels, bars, strict=True))
    assert to_hex(by_label["Machine Learning Engineer"].get_facecolor()) == LIGHT.accent
    texts = {t.get_text() for t in axes.texts}
    assert f"{round(roles[0].readiness * 100)}%" in texts


def test_category_chart_shows_required_next_to_current(kb, levels):
    role = next(r for r in analyse_all(kb, levels) if r.role == "ml-engineer")
    figure = Figure()
    draw_categories(figure, role)
    axes = figure.axes[0]
    assert len(axes.patches) == 2 * len(role.categories)
    needed = sorted(round(p.get_width(), 6) for p in axes.containers[0])
    assert needed == sorted(round(c.required, 6) for c in role.categories)
    assert [t.get_text() for t in figure.legends[0].get_texts()] == [
        "Machine Learning Engineer needs",
        "You have",
    ]


def test_timeline_has_a_row_per_planned_skill(kb, levels):
    plan = build_plan(
        kb,
        PlanRequest(
            levels=levels,
            background="software-engineer",
            target="ml-engineer",
            hours_per_week=10,
            start=date(2027, 1, 1),
        ),
    )
    figure = Figure()
    draw_timeline(figure, plan)
    axes = figure.axes[0]
    planned = {s.skill for m in plan.months for s in m.skills}
    assert len(axes.collections[0].get_paths()) == len(planned)  # one bar each
    assert len(axes.get_yticklabels()) == len(planned)
    figure.canvas.draw()  # the date labels are worked out when the chart is drawn
    assert axes.get_xticklabels()[0].get_text() == "2027"  # January 2027 names its year


def test_dark_style_paints_a_dark_background(kb, levels):
    figure = Figure()
    draw_readiness(figure, analyse_all(kb, levels), style=ChartStyle.dark())
    assert to_hex(figure.get_facecolor()) == ChartStyle.dark().background
    assert to_hex(figure.axes[0].get_yticklabels()[0].get_color()) == ChartStyle.dark().foreground


def test_empty_data_says_why_instead_of_blank_axes():
    figure = Figure()
    draw_readiness(figure, [])
    assert not figure.axes
    assert figure.texts[0].get_text() == "No roles to compare"


def test_the_role_being_looked_at_is_outlined(kb, levels):
    figure = Figure()
    draw_readiness(figure, analyse_all(kb, levels), target="ai-engineer", selected="ml-engineer")
    axes = figure.axes[0]
    labels = [t.get_text() for t in axes.get_yticklabels()]
    bars = dict(zip(labels, axes.patches, strict=True))
    assert bars["Machine Learning Engineer"].get_linewidth() > 1.5
    assert bars["AI Engineer"].get_edgecolor()[3] == 0  # no outline


def test_titles_sit_at_the_left_edge_in_the_text_colour(kb, levels):
    figure = Figure()
    dark = ChartStyle.dark()
    draw_categories(figure, analyse_all(kb, levels)[0], style=dark)
    assert figure.get_suptitle().endswith("by skill area")
    assert to_hex(figure._suptitle.get_color()) == dark.foreground
