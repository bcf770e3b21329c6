"""An hours step on the plan's timeline: the rows (skills, their levels, the title) stay as
drawn and only the bars and the dates move, so the window can redraw just those; anything else
(other skills, another size or style) draws the chart afresh."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from matplotlib import dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from careerplanner.charts.plan import draw_timeline, timeline_rows
from careerplanner.charts.redraw import Redraw
from careerplanner.charts.style import LIGHT, ChartStyle
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


def plan_at(kb, hours: float, target: str = "ml-engineer"):
    levels = dict(kb.role("software-engineer").typical_levels)
    return build_plan(
        kb, PlanRequest(levels, "software-engineer", target, hours, date(2026, 12, 1))
    )


def laid_out(plan, width: int = 460, height: int = 580) -> Figure:
    """The timeline as the window first shows it: drawn in full, with its layout."""
    figure = Figure(figsize=(width / 96, height / 96), dpi=96, layout="constrained")
    FigureCanvasAgg(figure)
    draw_timeline(figure, plan)
    figure.canvas.draw()
    return figure


def bar_spans(figure: Figure) -> list[tuple[float, float]]:
    """Each bar's first and last day number, top row first."""
    paths = figure.axes[0].collections[0].get_paths()
    spans = [(float(p.vertices[:, 0].min()), float(p.vertices[:, 0].max())) for p in paths]
    return list(reversed(spans))


def months_of(plan) -> list[tuple[float, float]]:
    """Each skill's months as day numbers: its first month's first day to the day after its
    last month, in the plan's order."""
    return [
        (
            float(mdates.date2num(plan.months[row.first_month - 1].start)),
            float(mdates.date2num(plan.months[row.last_month - 1].end + timedelta(days=1))),
        )
        for row in timeline_rows(plan)
    ]


def test_each_row_names_its_skill_and_the_levels_it_goes_between(kb):
    plan = plan_at(kb, 10)
    figure = laid_out(plan, 1100, 700)
    labels = [t.get_text() for t in reversed(figure.axes[0].get_yticklabels())]
    rows = timeline_rows(plan)
    assert len(labels) == len(rows)
    for label, row in zip(labels, rows, strict=True):
        name, levels = label.rsplit("  ", 1)
        assert levels == f"{row.from_level}→{row.to_level}"
        assert name == row.name or (name.endswith("…") and row.name.startswith(name[:-1]))
    in_full = [label.split("  ")[0] for label in labels]
    assert sum(name == row.name for name, row in zip(in_full, rows, strict=True)) > 20
    assert bar_spans(figure) == months_of(plan)


def test_an_hours_step_moves_only_the_bars_and_the_dates(kb):
    slow, fast = plan_at(kb, 10), plan_at(kb, 20)
    assert [r.name for r in timeline_rows(slow)] == [r.name for r in timeline_rows(fast)]
    figure = laid_out(slow)
    axes = figure.axes[0]
    names = [t.get_text() for t in axes.get_yticklabels()]
    where = axes.get_position().bounds
    drawn = draw_timeline(figure, fast)
    assert isinstance(drawn, Redraw) and drawn.only_moving
    assert figure.axes == [axes]  # the same axes, names and layout
    assert [t.get_text() for t in axes.get_yticklabels()] == names
    assert axes.get_position().bounds == where
    assert set(drawn.moving) == {axes.xaxis, axes.collections[0]}
    assert bar_spans(figure) == months_of(fast)
    first, last = axes.get_xlim()
    assert first == pytest.approx(mdates.date2num(fast.months[0].start))
    assert last > mdates.date2num(fast.months[-1].end)
    assert fast.total_months < slow.total_months
    assert last < mdates.date2num(slow.months[-1].end)  # the axis follows the shorter plan


def test_every_hours_step_keeps_its_date_labels_on_the_chart_without_a_new_layout(kb):
    figure = laid_out(plan_at(kb, 10), 390, 460)
    figure.set_layout_engine("none")  # what a redraw of the moving parts alone keeps
    for hours in range(4, 41, 3):
        drawn = draw_timeline(figure, plan_at(kb, hours))
        assert drawn.only_moving, f"{hours} h/week needed a new layout"
        figure.canvas.draw()
        renderer = figure.canvas.get_renderer()
        labels = [t for t in figure.axes[0].get_xticklabels() if t.get_text()]
        assert len(labels) >= 2
        for label in labels:
            box = label.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= figure.bbox.x1, (hours, label.get_text())


def test_other_skills_another_size_or_style_draw_the_chart_afresh(kb):
    figure = laid_out(plan_at(kb, 10), 1100, 700)
    axes = figure.axes[0]
    other = draw_timeline(figure, plan_at(kb, 10, target="ai-engineer"))
    assert not other.only_moving and figure.axes[0] is not axes
    names = {t.get_text().rsplit("  ", 1)[0] for t in figure.axes[0].get_yticklabels()}
    assert names == {r.name for r in timeline_rows(plan_at(kb, 10, target="ai-engineer"))}
    figure.set_size_inches(300 / 96, 400 / 96)
    assert not draw_timeline(figure, plan_at(kb, 12, target="ai-engineer")).only_moving
    dark = draw_timeline(figure, plan_at(kb, 13, target="ai-engineer"), ChartStyle.dark())
    assert not dark.only_moving
    assert to_hex(figure.get_facecolor()) == ChartStyle.dark().background


def test_a_finished_skill_turns_the_done_colour_and_back(kb):
    plan = plan_at(kb, 10)
    figure = laid_out(plan)
    top = timeline_rows(plan)[0]
    bars = figure.axes[0].collections[0]
    draw_timeline(figure, plan, done=frozenset(top.item_ids))
    colours = [to_hex(c) for c in bars.get_facecolor()]
    assert colours[-1] == LIGHT.done  # the top row is drawn last (bottom-up)
    assert set(colours[:-1]) == {LIGHT.accent}
    draw_timeline(figure, plan)
    assert {to_hex(c) for c in bars.get_facecolor()} == {LIGHT.accent}


def test_nothing_to_plan_says_so_and_a_plan_after_it_is_drawn_afresh(kb):
    figure = laid_out(plan_at(kb, 10))
    assert draw_timeline(figure, None) is None
    assert not figure.axes and figure.texts[0].get_text().startswith("Nothing to plan")
    again = draw_timeline(figure, plan_at(kb, 10))
    assert not again.only_moving and len(figure.axes) == 1
