"""Progress charts drawn on a plain Figure, checked by their artists."""

from __future__ import annotations

from datetime import date, timedelta

from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text

from careerplanner.charts.progress import MAX_WEEKS, draw_hours, draw_readiness_over_time
from careerplanner.charts.style import LIGHT, ChartStyle
from careerplanner.core.progress import ReadinessPoint, WeekHours

MONDAY = date(2026, 1, 5)


def weeks(count: int) -> list[WeekHours]:
    return [WeekHours(MONDAY + timedelta(weeks=n), logged=n, planned=10) for n in range(count)]


def test_hours_chart_has_a_bar_per_week_and_a_planned_line():
    figure = Figure()
    draw_hours(figure, weeks(5))
    axes = figure.axes[0]
    assert [round(bar.get_height()) for bar in axes.patches] == [0, 1, 2, 3, 4]
    assert axes.get_xticklabels()[0].get_text() == "5 Jan"
    (planned,) = axes.lines
    assert set(planned.get_ydata()) == {10}
    assert [t.get_text() for t in figure.legends[0].get_texts()] == ["Planned", "Logged"]
    assert axes.get_title(loc="left") == "Hours per week"


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
