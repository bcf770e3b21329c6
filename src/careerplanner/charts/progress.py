"""Progress charts: readiness for the target over time beside the plan's expected readiness,
hours logged per week against the plan's hours a week, and plan items done over time. Each
draws only what the progress report says, so the charts and the words agree."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from careerplanner.charts.style import LIGHT, ChartStyle, legend_below, new_axes, show_message
from careerplanner.core import dates
from careerplanner.core.progress import ProgressReport, ReadinessPoint, WeekHours

#: More weeks than this make bars too thin to read; the chart shows the latest ones.
MAX_WEEKS = 16
MAX_WEEK_TICKS = 6
#: Beyond this span a date axis labels months ("Mar 2027") rather than days ("5 Mar").
LONG = timedelta(days=120)
PARTIAL_LABEL = "Partial week"


def draw_readiness_over_time(
    figure: Figure,
    points: Sequence[ReadinessPoint],
    style: ChartStyle = LIGHT,
    target_name: str = "your target",
    today: date | None = None,
    expected: Sequence[ReadinessPoint] = (),
) -> None:
    """Your readiness as a step line (it holds from one day of ratings to the next, and up to
    today), and the plan's expected readiness, dashed, rising through each month to what its
    steps reach by the month's end, up to today and a little beyond."""
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
        label="You",
    )
    axes.plot(days, values, "o", color=style.accent, markersize=4)
    first = min(days[0], expected[0].day) if expected else days[0]
    if expected:
        # The plan's line up to the end of the month after today: the near future is what a
        # student compares with, the plan's last month may be years away.
        horizon = end + timedelta(days=45)
        shown = [p for p in expected if p.day <= horizon]
        later = next((p for p in expected if p.day > horizon), None)
        if later is not None:
            shown.append(later)
        axes.plot(
            [p.day for p in shown],
            [round(p.readiness * 100, 1) for p in shown],
            color=style.required,
            linewidth=1.6,
            linestyle="--",
            label="Plan expects",
        )
        end = max(end, min(shown[-1].day, horizon))
    # A single day would give matplotlib an empty date range; show the week up to it.
    if end - first < timedelta(days=7):
        left, right = end - timedelta(days=7), end + timedelta(days=1)
    else:
        left, right = first, end
    axes.set_xlim(left, right)
    latest = max(today or days[-1], days[-1])
    # The latest value, written on the side of its point that stays inside the axes (to the
    # left of a point near the right end, else to its right), never over the axis' labels.
    near_left = (latest - left) < (right - left) / 2
    axes.annotate(
        f"{points[-1].readiness:.0%}",  # as the words say it, from the same value
        (latest, values[-1]),
        xytext=(4 if near_left else 0, 6),
        textcoords="offset points",
        ha="left" if near_left else "right",
        va="bottom",
        color=style.foreground,
        fontsize=style.font_size,
    )
    _date_axis(axes, end - first)
    axes.set_ylim(0, 105)
    axes.set_yticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    axes.yaxis.grid(True, color=style.grid, linewidth=0.8)
    first_, last_ = points[0].readiness, points[-1].readiness
    change = f"{first_:.0%} → {last_:.0%}" if len(points) > 1 else f"{last_:.0%}"
    axes.set_title(
        f"Readiness for {target_name}: {change}",
        loc="left",
        wrap=True,  # a long role name in a narrow window
        fontsize=style.font_size + 1.5,
        color=style.foreground,
    )
    if expected:
        legend_below(figure, style)


def draw_hours(
    figure: Figure,
    weeks: Sequence[WeekHours],
    style: ChartStyle = LIGHT,
    max_weeks: int = MAX_WEEKS,
) -> None:
    """Bars of hours logged per week, with the plan's hours a week as a line over each week of
    the plan; the week the plan began in, when it began after its Monday, is drawn dotted and
    named in the legend (its hours are the plan's, not scaled to its days)."""
    if not weeks:
        show_message(figure, "No hours logged yet: log a check-in below", style)
        return
    shown = list(weeks)[-max_weeks:]
    axes = new_axes(figure, style)
    positions = list(range(len(shown)))
    axes.bar(positions, [w.logged for w in shown], width=0.7, color=style.accent, label="Logged")
    labelled = partial_labelled = False
    for position, week in zip(positions, shown, strict=True):
        if not week.planned:
            continue  # before the plan began: nothing was planned
        # A segment spanning the bar's width reads as "the bar should reach here".
        label = None
        if week.partial and not partial_labelled:
            label, partial_labelled = PARTIAL_LABEL, True
        elif not week.partial and not labelled:
            label, labelled = "Planned", True
        axes.plot(
            [position - 0.45, position + 0.45],
            [week.planned, week.planned],
            color=style.required,
            linewidth=2,
            linestyle=":" if week.partial else "-",
            label=label,
        )
    # As many week labels ("30 Nov") as the chart's width has room for, counted back from the
    # latest week, which is always named.
    room = figure.get_figwidth() * 72 * 0.75  # the axes' share of the width, in points
    most = max(2, min(MAX_WEEK_TICKS, int(room / (style.font_size * 6))))
    step = -(-len(shown) // most)  # ceiling division
    ticks = positions[::-1][::step][::-1]
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
    # Two columns: the three names do not fit one row of a narrow chart.
    legend_below(figure, style, columns=2)


def draw_items_done(
    figure: Figure,
    points: Sequence[tuple[date, int]],
    total: int,
    style: ChartStyle = LIGHT,
    today: date | None = None,
) -> None:
    """How many plan items were done, day by day, out of the plan's total."""
    if not points:
        show_message(figure, "Tick plan items on the Plan page to see them here", style)
        return
    axes = new_axes(figure, style)
    days = [day for day, _count in points]
    counts = [count for _day, count in points]
    end = max(today or days[-1], days[-1])
    axes.plot(
        [*days, end],
        [*counts, counts[-1]],
        drawstyle="steps-post",
        color=style.done,
        linewidth=2,
    )
    axes.plot(days, counts, "o", color=style.done, markersize=4)
    # The plan's total as a line only when it is near enough to read against: two done of 88
    # would otherwise be a flat line at the bottom (the title gives the total).
    top = max(*counts, 1) * 1.6
    if total and total <= top:
        axes.axhline(total, color=style.muted, linewidth=1, linestyle="--")
        top = total
    if end - days[0] < timedelta(days=7):
        axes.set_xlim(end - timedelta(days=7), end + timedelta(days=1))
    _date_axis(axes, end - days[0])
    axes.set_ylim(0, max(top, *counts, 1) * 1.1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_title(
        f"Plan items done: {counts[-1]} of {total}",
        loc="left",
        fontsize=style.font_size + 1.5,
        color=style.foreground,
    )


def report_charts(
    report: ProgressReport, target_name: str
) -> list[tuple[str, Callable[..., None], tuple[Any, ...], dict[str, Any]]]:
    """The report's three charts as (title, draw function, args, keyword args)."""
    return [
        (
            "Readiness over time",
            draw_readiness_over_time,
            (report.readiness_over_time,),
            {
                "target_name": target_name,
                "today": report.today,
                "expected": report.expected_readiness,
            },
        ),
        ("Hours per week", draw_hours, (report.weekly,), {}),
        (
            "Plan items done",
            draw_items_done,
            (report.items_done_over_time, report.items.total),
            {"today": report.today},
        ),
    ]


def report_pngs(
    report: ProgressReport, target_name: str, size: tuple[float, float] = (6.4, 2.8)
) -> list[tuple[str, bytes]]:
    """The report's charts as PNG images (title, bytes), for a printable report."""
    images = []
    for title, draw, args, kwargs in report_charts(report, target_name):
        figure = Figure(figsize=size, dpi=110, layout="constrained")
        draw(figure, *args, **kwargs)
        buffer = io.BytesIO()
        FigureCanvasAgg(figure).print_png(buffer)
        images.append((title, buffer.getvalue()))
    return images


def _date_axis(axes, span: timedelta) -> None:
    """Dates along the bottom, as many as the chart's width has room for ("15 Nov" or
    "Nov 2026" each), on round days or months."""
    room = axes.figure.get_figwidth() * 72 * 0.75  # the axes' share of the width, in points
    labels = axes.xaxis.get_ticklabels()
    size = labels[0].get_fontsize() if labels else 9.0
    label_width = size * (4 if span < LONG else 5.5)
    most = max(2, min(4, int(room / (label_width * 1.6))))
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=2, maxticks=most))
    axes.xaxis.set_major_formatter(FuncFormatter(_day_label if span < LONG else _month_label))


def _day_label(value: float, _position=None) -> str:
    day = num2date(value)
    return dates.format_date(day, f"{day.day} %b")


def _month_label(value: float, _position=None) -> str:
    return dates.short_month_year(num2date(value))
