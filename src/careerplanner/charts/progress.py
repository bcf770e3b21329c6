"""Progress charts: readiness for the target over time, and hours logged per week against the
hours the plan asks for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from careerplanner.charts.style import LIGHT, ChartStyle, legend_below, new_axes, show_message
from careerplanner.core import dates
from careerplanner.core.progress import ReadinessPoint, WeekHours

#: More weeks than this make bars too thin to read; the chart shows the latest ones.
MAX_WEEKS = 16
MAX_WEEK_TICKS = 8
#: Beyond this span the readiness chart labels months ("Mar 2027") rather than days ("5 Mar").
LONG = timedelta(days=120)


def draw_readiness_over_time(
    figure: Figure,
    points: Sequence[ReadinessPoint],
    style: ChartStyle = LIGHT,
    target_name: str = "your target",
    today: date | None = None,
) -> None:
    """A step line: readiness holds from one day of ratings to the next, and up to today."""
    if not points:
        show_message(figure, "Rate your skills to see readiness over time", style)
        return
    axes = new_axes(figure, style)
    days = [p.day for p in points]
    values = [round(p.readiness * 100, 1) for p in points]
    end = max(today or days[-1], days[-1])
    axes.plot(
        [*days, end],
        [*values, values[-1]],
        drawstyle="steps-post",
        color=style.accent,
        linewidth=2,
    )
    axes.plot(days, values, "o", color=style.accent, markersize=4)
    axes.annotate(
        f"{values[-1]:.0f}%",
        (end, values[-1]),
        xytext=(0, 6),
        textcoords="offset points",
        ha="right",
        va="bottom",
        color=style.foreground,
        fontsize=style.font_size,
    )
    # A single day would give matplotlib an empty date range; show the week up to it.
    first = days[0]
    if end - first < timedelta(days=7):
        axes.set_xlim(end - timedelta(days=7), end + timedelta(days=1))
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=6))
    axes.xaxis.set_major_formatter(
        FuncFormatter(_day_label if end - first < LONG else _month_label)
    )
    axes.set_ylim(0, 105)
    axes.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.yaxis.grid(True, color=style.grid, linewidth=0.8)
    change = f"{values[0]:.0f}% → {values[-1]:.0f}%" if len(values) > 1 else f"{values[0]:.0f}%"
    axes.set_title(
        f"Readiness for {target_name}: {change}",
        loc="left",
        wrap=True,  # a long role name in a narrow window
        fontsize=style.font_size + 1.5,
        color=style.foreground,
    )


def draw_hours(
    figure: Figure,
    weeks: Sequence[WeekHours],
    style: ChartStyle = LIGHT,
    max_weeks: int = MAX_WEEKS,
) -> None:
    """Bars of hours logged per week, with the plan's hours for each week as a line."""
    if not weeks:
        show_message(figure, "No hours logged yet: log a check-in below", style)
        return
    shown = list(weeks)[-max_weeks:]
    axes = new_axes(figure, style)
    positions = list(range(len(shown)))
    axes.bar(positions, [w.logged for w in shown], width=0.7, color=style.accent, label="Logged")
    # A step line spanning each bar's width reads as "the bar should reach here".
    axes.step(
        [p - 0.5 for p in positions] + [positions[-1] + 0.5],
        [w.planned for w in shown] + [shown[-1].planned],
        where="post",
        color=style.required,
        linewidth=2,
        label="Planned",
    )
    step = -(-len(shown) // MAX_WEEK_TICKS)  # ceiling division
    ticks = positions[::step]
    axes.set_xticks(
        ticks, [dates.format_date(shown[i].start, f"{shown[i].start.day} %b") for i in ticks]
    )
    axes.set_xlim(-0.6, len(shown) - 0.4)
    axes.set_ylim(0, max(1.0, *(w.logged for w in shown), *(w.planned for w in shown)) * 1.15)
    axes.yaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_ylabel("Hours")
    title = "Hours per week"
    if len(weeks) > len(shown):
        title += f" (last {len(shown)} weeks)"
    axes.set_title(title, loc="left", fontsize=style.font_size + 1.5, color=style.foreground)
    legend_below(figure, style)


def _day_label(value: float, _position=None) -> str:
    day = num2date(value)
    return dates.format_date(day, f"{day.day} %b")


def _month_label(value: float, _position=None) -> str:
    return dates.short_month_year(num2date(value))
