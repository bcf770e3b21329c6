"""Progress charts drawn on a plain Figure, checked by their artists."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

from careerplanner.charts.progress import (
    MAX_WEEKS,
    PARTIAL_LABEL,
    draw_hours,
    draw_items_done,
    draw_readiness_over_time,
)
from careerplanner.charts.style import LIGHT, ChartStyle
from careerplanner.core.progress import ReadinessPoint, WeekHours

MONDAY = date(2026, 1, 5)


def weeks(count: int) -> list[WeekHours]:
    return [WeekHours(MONDAY + timedelta(weeks=n), logged=n, planned=10) for n in range(count)]


def test_hours_chart_has_a_bar_per_week_and_the_plans_weekly_hours_over_each():
    figure = Figure()
    draw_hours(figure, weeks(5))
    axes = figure.axes[0]
    assert [round(bar.get_height()) for bar in axes.patches] == [0, 1, 2, 3, 4]
    assert axes.get_xticklabels()[0].get_text() == "5 Jan"
    assert len(axes.lines) == 5
    assert {y for line in axes.lines for y in line.get_ydata()} == {10}
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["Planned", "Logged"]
    assert axes.get_title(loc="left") == "Hours per week"


def test_a_partial_first_week_plans_the_full_hours_dotted_and_named():
    shown = [
        WeekHours(MONDAY - timedelta(weeks=1), planned=0, logged=3),  # before the plan
        WeekHours(MONDAY, planned=15, logged=4, partial=True),
        WeekHours(MONDAY + timedelta(weeks=1), planned=15, logged=12),
    ]
    figure = Figure()
    draw_hours(figure, shown)
    axes = figure.axes[0]
    partial, full = axes.lines  # no line over the week before the plan
    assert set(partial.get_ydata()) == set(full.get_ydata()) == {15}
    assert partial.get_linestyle() == ":" and full.get_linestyle() == "-"
    assert PARTIAL_LABEL in [t.get_text() for t in figure.legends[0].get_texts()]


def test_readiness_chart_shows_the_plans_expected_readiness_beside_yours():
    points = [ReadinessPoint(date(2026, 1, 2), 0.4), ReadinessPoint(date(2026, 2, 9), 0.55)]
    expected = [
        ReadinessPoint(date(2026, 1, 2), 0.4),
        ReadinessPoint(date(2026, 1, 31), 0.5),
        ReadinessPoint(date(2026, 2, 28), 0.6),
        ReadinessPoint(date(2027, 6, 30), 1.0),
    ]
    figure = Figure()
    draw_readiness_over_time(figure, points, today=date(2026, 2, 20), expected=expected)
    axes = figure.axes[0]
    plan_line = axes.lines[-1]
    assert plan_line.get_linestyle() == "--"
    assert list(plan_line.get_ydata())[:3] == [40, 50, 60]
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["You", "Plan expects"]


def test_items_chart_counts_items_done_out_of_the_total():
    figure = Figure()
    points = [(date(2026, 1, 5), 1), (date(2026, 1, 20), 3)]
    draw_items_done(figure, points, 12, today=date(2026, 2, 1))
    axes = figure.axes[0]
    assert list(axes.lines[0].get_ydata()) == [1, 3, 3]
    assert axes.get_title(loc="left") == "Plan items done: 3 of 12"


def test_hours_chart_shows_only_the_latest_weeks_and_says_so():
    figure = Figure()
    draw_hours(figure, weeks(MAX_WEEKS + 4))
    axes = figure.axes[0]
    assert len(axes.patches) == MAX_WEEKS
    assert axes.patches[-1].get_height() == MAX_WEEKS + 3
    assert axes.get_title(loc="left") == f"Hours per week (last {MAX_WEEKS} weeks)"


def test_readiness_chart_steps_from_rating_day_to_today_and_labels_the_latest():
    points = [ReadinessPoint(date(2026, 1, 2), 0.4), ReadinessPoint(date(2026, 2, 9), 0.55)]
    figure = Figure()
    draw_readiness_over_time(figure, points, target_name="AI Engineer", today=date(2026, 3, 1))
    axes = figure.axes[0]
    line = axes.lines[0]
    assert list(line.get_ydata()) == [40, 55, 55]
    assert line.get_xdata()[-1] == date(2026, 3, 1)
    assert [t.get_text() for t in axes.texts] == ["55%"]
    assert axes.get_title(loc="left") == "Readiness for AI Engineer: 40% → 55%"


def test_titles_use_the_style_colour_on_a_dark_palette():
    dark = ChartStyle.dark()
    for draw, data in (
        (draw_hours, weeks(3)),
        (draw_readiness_over_time, [ReadinessPoint(MONDAY, 0.5)]),
    ):
        figure = Figure()
        draw(figure, data, style=dark)
        axes = figure.axes[0]
        assert to_hex(figure.get_facecolor()) == dark.background
        (title,) = [
            t
            for t in axes.get_children()
            if isinstance(t, Text) and t.get_text().startswith(("Hours", "Readiness"))
        ]
        assert to_hex(title.get_color()) == dark.foreground
        assert to_hex(axes.get_yticklabels()[0].get_color()) == dark.foreground


def test_empty_data_says_why_instead_of_blank_axes():
    for draw, text in (
        (draw_hours, "No hours logged yet: log a check-in below"),
        (draw_readiness_over_time, "Rate your skills to see readiness over time"),
    ):
        figure = Figure()
        draw(figure, [], style=LIGHT)
        assert not figure.axes
        assert figure.texts[0].get_text() == text


def test_the_latest_readiness_is_written_inside_the_axes_wherever_its_point_is():
    long_history = [ReadinessPoint(date(2026, 1, 5), 0.2), ReadinessPoint(date(2026, 3, 1), 0.6)]
    first_day = [ReadinessPoint(date(2026, 3, 1), 0.61)]
    # On a plan's first day the plan's line runs weeks ahead: the point is at the left edge.
    plan_line = [
        ReadinessPoint(date(2026, 3, 1) + timedelta(weeks=n), 0.61 + n / 50) for n in range(9)
    ]
    cases = ((long_history, None), (first_day, None), (first_day, plan_line))
    for points, expected in cases:
        figure = Figure(figsize=(4, 3), dpi=100)
        draw_readiness_over_time(figure, points, today=date(2026, 3, 1), expected=expected)
        figure.canvas.draw()
        axes = figure.axes[0]
        (label,) = [t for t in axes.texts if t.get_text().endswith("%")]
        box, inside = label.get_window_extent(), axes.get_window_extent()
        assert inside.x0 <= box.x0 and box.x1 <= inside.x1, (label.get_text(), box, inside)


def test_week_labels_never_overlap_each_other_or_the_hours_axis_on_a_narrow_chart():
    for width in (2.6, 3.2, 5.0):
        figure = Figure(figsize=(width, 2.4), dpi=100)
        draw_hours(figure, weeks(12))
        figure.canvas.draw()
        axes = figure.axes[0]
        labels = [t for t in axes.get_xticklabels() if t.get_text()]
        boxes = [t.get_window_extent() for t in labels]
        assert labels[-1].get_text() == "23 Mar", "the latest week is always named"
        assert all(a.x1 < b.x0 for a, b in pairwise(boxes)), width
        hours_axis = max(t.get_window_extent().x1 for t in axes.get_yticklabels() if t.get_text())
        assert boxes[0].x0 > hours_axis, width


def test_readiness_dates_never_run_together_on_a_narrow_chart():
    points = [ReadinessPoint(date(2026, 10, 28), 0.14), ReadinessPoint(date(2026, 12, 1), 0.19)]
    plan_line = [ReadinessPoint(date(2026, 10, 28) + timedelta(weeks=n), 0.14) for n in range(14)]
    for width in (2.8, 3.4, 5.0, 9.0):
        figure = Figure(figsize=(width, 2.4), dpi=100)
        draw_readiness_over_time(figure, points, today=date(2026, 12, 2), expected=plan_line)
        figure.canvas.draw()
        axes = figure.axes[0]
        boxes = [t.get_window_extent() for t in axes.get_xticklabels() if t.get_text()]
        assert len(boxes) >= 2, width
        assert all(a.x1 + 4 < b.x0 for a, b in pairwise(boxes)), width
