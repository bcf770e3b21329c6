"""The plan's timeline: which skill is worked on in which month, with the level it reaches."""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from datetime import date, timedelta
from weakref import WeakKeyDictionary

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, Formatter

from careerplanner.charts.redraw import Redraw
from careerplanner.charts.style import LIGHT, ChartStyle, new_axes, set_title, show_message
from careerplanner.core import dates
from careerplanner.core.plan import Plan, PlanMonth

#: Sizes below in pixels are screen pixels at 100% scale: a figure's inches times this. At
#: 150% the canvas has more pixels (and a higher dpi) for the same inches and the same text.
SCREEN_DPI = 96
#: Room one date label needs on the x axis, with its gap ("Sep", "2027").
PIXELS_PER_LABEL = 36
#: What the title and the date labels take of the chart's height.
CHART_CHROME_PX = 70
MIN_FONT_SIZE = 6.5
#: Longer skill names are shortened, so the bars keep most of the width: about one character
#: per 14 pixels of the chart's width, between these two.
MIN_NAME_CHARS, MAX_NAME_CHARS = 18, 40
PIXELS_PER_NAME_CHAR = 14
BAR_HEIGHT = 0.6
#: Room after the last bar, so it does not touch the chart's edge.
END_DAYS = 14
END_SHARE = 0.05
#: A date label's width per character, in ems (generous: digits and month names are narrower).
CHAR_WIDTH_EM = 0.65


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
) -> Redraw | None:
    """One row per skill, named with the levels it goes between ("PyTorch  0→2"), and a bar
    over the months it is worked on.

    The x axis is a date axis: its labels are as many month (or, for a long plan, year) names as
    fit the width, so they never overlap. With many skills the names shrink to fit their rows,
    and long names are shortened. Skills whose steps are all marked done are drawn in the
    "done" colour.

    Drawn again on the same figure with the same rows (an hours step moves only months), the
    chart keeps its axes, names and title and moves only the bars and the date axis; the
    ``Redraw`` it returns says so, so a screen can redraw just those, without a new layout.
    """
    if plan is None or not plan.months:
        _TIMELINES.pop(figure, None)
        show_message(figure, "Nothing to plan: you already meet this role", style)
        return None
    rows = list(reversed(timeline_rows(plan)))  # drawn bottom-up; the first skill on top
    names = _row_names(figure, rows)
    shown = _TIMELINES.get(figure)
    same_rows = shown is not None and shown.shows(figure, names, style)
    if shown is None or not same_rows:
        shown = _TIMELINES[figure] = _draw_rows(figure, names, style)
    _place_months(shown, plan, rows, style, done)
    moving = (shown.axes.xaxis, shown.bars)
    return Redraw(moving, only_moving=same_rows and _date_labels_fit(figure, shown))


@dataclass
class _Timeline:
    """A timeline on a figure: what its rows show, and the artists an hours step moves."""

    axes: Axes
    bars: PolyCollection
    names: list[str]
    style: ChartStyle
    size: tuple[float, float, float]
    rows: list[TimelineRow] = field(default_factory=list)  # bottom-up, as drawn

    def shows(self, figure: Figure, names: list[str], style: ChartStyle) -> bool:
        """Whether the figure still shows these rows, in this style, at its size."""
        return (
            figure.axes == [self.axes]
            and self.names == names
            and self.style == style
            and self.size == _pixels(figure)
        )


def row_tip(figure: Figure, x: float, y: float) -> str | None:
    """The whole of the row at display point (``x``, ``y``), over its name or its bar: names
    shortened to fit ("Retrieval-augmented gener…") are read in full here."""
    shown = _TIMELINES.get(figure)
    if shown is None or not shown.rows:
        return None
    _x, row_y = shown.axes.transData.inverted().transform((x, y))
    position = round(row_y)
    inside = abs(row_y - position) <= 0.5 and y >= shown.axes.bbox.y0
    if not inside or not 0 <= position < len(shown.rows):
        return None
    row = shown.rows[position]
    months = (
        f"month {row.first_month}"
        if row.first_month == row.last_month
        else f"months {row.first_month}-{row.last_month}"
    )
    return f"{row.name}: level {row.from_level} to {row.to_level}, in {months} of the plan"


#: The timeline each figure shows, so a redraw with the same rows updates it in place.
_TIMELINES: WeakKeyDictionary[Figure, _Timeline] = WeakKeyDictionary()


def _draw_rows(figure: Figure, names: list[str], style: ChartStyle) -> _Timeline:
    """The parts an hours step does not change: axes, the rows' names and levels, the title."""
    axes = new_axes(figure, style)
    bars = PolyCollection([], edgecolors="none", linewidths=0)
    axes.add_collection(bars, autolim=False)  # one artist for every bar: one draw call
    positions = list(range(len(names)))
    axes.set_yticks(positions, names, fontsize=_row_font_size(figure, len(names), style))
    axes.set_ylim(-0.6, len(names) - 0.4)
    axes.xaxis_date()
    axes.xaxis.set_major_formatter(EnglishDateLabels())
    # The date axis has no title: a fixed place for it spares each draw measuring every
    # date label to place one.
    axes.xaxis.set_label_coords(0.5, 0.0)
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    set_title(figure, "Timeline: skills by month", style)
    return _Timeline(axes, bars, names, style, _pixels(figure))


def _place_months(
    shown: _Timeline, plan: Plan, rows: list[TimelineRow], style: ChartStyle, done: frozenset[str]
) -> None:
    """The bars over each skill's months, and the date axis over the plan's months."""
    months = plan.months
    # Day numbers of each month's first day and of the day after the plan: one conversion.
    days = [float(d) for d in mdates.date2num([m.start for m in months] + [_after(months[-1])])]
    boxes = []
    for position, row in enumerate(rows):
        begin, end = days[row.first_month - 1], days[row.last_month]
        low, high = position - BAR_HEIGHT / 2, position + BAR_HEIGHT / 2
        boxes.append([(begin, low), (begin, high), (end, high), (end, low)])
    shown.rows = rows
    shown.bars.set_verts(boxes)
    shown.bars.set_facecolor(
        [style.done if r.item_ids and r.item_ids <= done else style.accent for r in rows]
    )
    first, last = days[0], days[-1]
    shown.axes.set_xlim(first, last + max(END_DAYS, (last - first) * END_SHARE))
    # A month or two: a tick where each month of the plan begins (the first one today, when
    # the plan starts this month); longer: as many as fit.
    if len(months) <= 2:
        shown.axes.xaxis.set_major_locator(FixedLocator(days[:-1]))
    elif type(shown.axes.xaxis.get_major_locator()) is not FittingDateLocator:
        shown.axes.xaxis.set_major_locator(FittingDateLocator(minticks=2))


def _date_labels_fit(figure: Figure, shown: _Timeline) -> bool:
    """Whether the last date label still fits beside the axes where the last layout left
    them; a label that would run off the figure's edge needs a new layout. (The locator keeps
    labels off the right end; a plan of a month or two ticks where each of its months begins.)"""
    axes = shown.axes
    low, high = axes.get_xlim()
    ticks = [x for x in axes.xaxis.get_major_locator()() if low <= x <= high]
    if not ticks:
        return True
    label = EnglishDateLabels()(max(ticks))
    right = axes.transData.transform((max(ticks), 0))[0]
    half_width = len(label) * figure.dpi * shown.style.font_size / 72 * CHAR_WIDTH_EM / 2
    return right + half_width <= figure.bbox.x1 - 1


def _after(month: PlanMonth) -> date:
    return month.end + timedelta(days=1)


def _row_names(figure: Figure, rows: list[TimelineRow]) -> list[str]:
    """Each row's name, shortened to fit, with the levels it goes between: "PyTorch  0→2"."""
    chars = _name_chars(figure)
    return [f"{_short(r.name, chars)}  {r.from_level}→{r.to_level}" for r in rows]


def _pixels(figure: Figure) -> tuple[float, float, float]:
    return (figure.get_figwidth(), figure.get_figheight(), figure.dpi)


class FittingDateLocator(mdates.AutoDateLocator):
    """Month or year ticks, as many as the axis has room for (``PIXELS_PER_LABEL`` each), worked
    out each time the chart is drawn, so a narrow window gets fewer labels, never crowded ones.
    None so close to the axis's right end that its label would run past it: the labels then
    never need room beside the chart, and an hours step can keep the layout."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: The last ticks and what they were worked out for: one draw asks several times.
        self._last: tuple[tuple, object] | None = None

    def __call__(self):
        if self.axis is None:
            return self._ticks()
        width = self.axis.axes.get_window_extent().width
        low, high = self.axis.get_view_interval()
        key = (low, high, width)
        if self._last is None or self._last[0] != key:
            label = PIXELS_PER_LABEL * self.axis.axes.get_figure(root=True).dpi / SCREEN_DPI
            self.maxticks = dict.fromkeys(self._freqs, max(2, int(width // label)))
            room = (high - low) * label / 2 / max(width, 1.0)
            ticks = self._ticks()
            self._last = (key, ticks[ticks <= high - room])
        return self._last[1]

    def _ticks(self):
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
    height_px = figure.get_figheight() * SCREEN_DPI - CHART_CHROME_PX
    row_pt = height_px / max(rows, 1) * 72 / SCREEN_DPI
    return max(MIN_FONT_SIZE, min(style.font_size, row_pt * 0.8))


def _name_chars(figure: Figure) -> int:
    """How long a skill name may be: names take at most about 40% of the chart's width."""
    width_px = figure.get_figwidth() * SCREEN_DPI
    return max(MIN_NAME_CHARS, min(MAX_NAME_CHARS, int(width_px / PIXELS_PER_NAME_CHAR)))


def _short(name: str, chars: int) -> str:
    return name if len(name) <= chars else name[: chars - 1].rstrip() + "…"
