"""The plan's timeline: which skill is worked on in which month, with the level it reaches."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import timedelta

from matplotlib import dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import Formatter

from careerplanner.charts.style import LIGHT, ChartStyle, new_axes, set_title, show_message
from careerplanner.core import dates
from careerplanner.core.plan import Plan

#: Room one date label needs on the x axis, with its gap ("Sep", "2027").
PIXELS_PER_LABEL = 36
#: What the title and the date labels take of the chart's height.
CHART_CHROME_PX = 70
MIN_FONT_SIZE = 6.5
#: Longer skill names are shortened, so the bars keep most of the width: about one character
#: per 14 pixels of the chart's width, between these two.
MIN_NAME_CHARS, MAX_NAME_CHARS = 18, 40
PIXELS_PER_NAME_CHAR = 14
#: Space between a bar and its "from→to" label, and what that label needs after the last bar.
GAP_DAYS = 4
LABEL_DAYS = 40


@dataclass
class TimelineRow:
    """One skill across the plan: the months it is worked on and the levels it goes between."""

    name: str
    first_month: int
    last_month: int
    from_level: int
    to_level: int
    item_ids: set[str] = field(default_factory=set)


def timeline_rows(plan: Plan) -> list[TimelineRow]:
    """One row per planned skill, in the order the plan first works on them."""
    rows: dict[str, TimelineRow] = {}
    for month in plan.months:
        for step in month.skills:
            row = rows.setdefault(
                step.skill,
                TimelineRow(step.name, month.index, month.index, step.from_level, step.to_level),
            )
            row.last_month = month.index
            row.to_level = max(row.to_level, step.to_level)
        for item in month.items:
            if item.skill is not None and item.skill in rows:
                rows[item.skill].item_ids.add(item.id)
    return list(rows.values())


def draw_timeline(
    figure: Figure, plan: Plan | None, style: ChartStyle = LIGHT, done: frozenset[str] = frozenset()
) -> None:
    """One row per skill, a bar over the months it is worked on, labelled "from -> to".

    The x axis is a date axis: its labels are as many month (or, for a long plan, year) names as
    fit the width, so they never overlap. With many skills the names and labels shrink to fit
    their rows, and long names are shortened. Skills whose steps are all marked done are drawn
    in the "done" colour.
    """
    if plan is None or not plan.months:
        show_message(figure, "Nothing to plan: you already meet this role", style)
        return
    rows = list(reversed(timeline_rows(plan)))  # barh draws bottom-up; the first skill on top
    axes = new_axes(figure, style)
    months = plan.months
    starts = [mdates.date2num(months[r.first_month - 1].start) for r in rows]
    ends = [mdates.date2num(months[r.last_month - 1].end + timedelta(days=1)) for r in rows]
    positions = range(len(rows))
    axes.barh(  # one call for every bar: much faster to draw than a call per row
        list(positions),
        [end - begin for begin, end in zip(starts, ends, strict=True)],
        left=starts,
        height=0.6,
        color=[style.done if r.item_ids and r.item_ids <= done else style.accent for r in rows],
    )
    size = _row_font_size(figure, len(rows), style)
    first = mdates.date2num(months[0].start)
    last = mdates.date2num(months[-1].end + timedelta(days=1))
    gap = max(GAP_DAYS, (last - first) * 0.01)
    for position, row, end in zip(positions, rows, ends, strict=True):
        axes.text(
            end + gap,
            position,
            f"{row.from_level}→{row.to_level}",
            va="center",
            color=style.foreground,
            fontsize=size - 0.5,
        )
    chars = _name_chars(figure)
    axes.set_yticks(list(positions), [_short(r.name, chars) for r in rows], fontsize=size)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    # Room after the last bar for its "from→to" label.
    axes.set_xlim(first, last + max(LABEL_DAYS, (last - first) * 0.08))
    axes.xaxis_date()
    # A month or two: a tick on each month's first day; longer: as many as fit.
    short = len(months) <= 2
    axes.xaxis.set_major_locator(mdates.MonthLocator() if short else FittingDateLocator(minticks=2))
    axes.xaxis.set_major_formatter(EnglishDateLabels())
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    set_title(figure, "Timeline: skills by month", style)


class FittingDateLocator(mdates.AutoDateLocator):
    """Month or year ticks, as many as the axis has room for (``PIXELS_PER_LABEL`` each), worked
    out each time the chart is drawn, so a narrow window gets fewer labels, never crowded ones."""

    def __call__(self):
        if self.axis is not None:
            width = self.axis.axes.get_window_extent().width
            self.maxticks = dict.fromkeys(self._freqs, max(2, int(width // PIXELS_PER_LABEL)))
        with warnings.catch_warnings():
            # With room for only two or three labels over a long plan no interval matches and
            # matplotlib says so before using its widest one, which is the one wanted here.
            warnings.filterwarnings("ignore", message="AutoDateLocator was unable")
            return super().__call__()


class EnglishDateLabels(Formatter):
    """ "2027" on a year's first month, else the month's short name ("Apr"): few letters per
    label, and English whatever the desktop's locale (``core.dates``)."""

    def __call__(self, x: float, pos: int | None = None) -> str:
        day = mdates.num2date(x).date()
        return str(day.year) if day.month == 1 else dates.format_date(day, "%b")


def _row_font_size(figure: Figure, rows: int, style: ChartStyle) -> float:
    """The style's size, or less when the rows are too short for it (a long plan)."""
    height_px = figure.get_figheight() * figure.dpi - CHART_CHROME_PX
    row_pt = height_px / max(rows, 1) * 72 / figure.dpi
    return max(MIN_FONT_SIZE, min(style.font_size, row_pt * 0.8))


def _name_chars(figure: Figure) -> int:
    """How long a skill name may be: names take at most about 40% of the chart's width."""
    width_px = figure.get_figwidth() * figure.dpi
    return max(MIN_NAME_CHARS, min(MAX_NAME_CHARS, int(width_px / PIXELS_PER_NAME_CHAR)))


def _short(name: str, chars: int) -> str:
    return name if len(name) <= chars else name[: chars - 1].rstrip() + "…"
