"""The plan's timeline: which skill is worked on in which month, with the level it reaches."""

from __future__ import annotations

from dataclasses import dataclass, field

from matplotlib.figure import Figure

from careerplanner.charts.style import LIGHT, ChartStyle, new_axes, set_title, show_message
from careerplanner.core import dates
from careerplanner.core.plan import Plan

MAX_MONTH_TICKS = 6


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

    Skills whose steps are all marked done are drawn in the "done" colour.
    """
    if plan is None or not plan.months:
        show_message(figure, "Nothing to plan: you already meet this role", style)
        return
    rows = list(reversed(timeline_rows(plan)))  # barh draws bottom-up; the first skill on top
    axes = new_axes(figure, style)
    positions = range(len(rows))
    axes.barh(  # one call for every bar: much faster to draw than a call per row
        list(positions),
        [r.last_month - r.first_month + 1 for r in rows],
        left=[r.first_month - 0.5 for r in rows],
        height=0.6,
        color=[style.done if r.item_ids and r.item_ids <= done else style.accent for r in rows],
    )
    for position, row in zip(positions, rows, strict=True):
        axes.text(
            row.last_month + 0.6,
            position,
            f"{row.from_level}→{row.to_level}",
            va="center",
            color=style.foreground,
            fontsize=style.font_size - 0.5,
        )
    axes.set_yticks(list(positions), [r.name for r in rows])
    months = plan.months
    # As many month labels as fit: the bars get a little under half the figure's width (the
    # skill names take the rest), and "Nov 26" needs about 72 pixels with its gap.
    fits = int(figure.get_figwidth() * figure.dpi * 0.4 / 72)
    most = max(2, min(MAX_MONTH_TICKS, fits))
    step = -(-len(months) // most)  # ceiling division
    ticks = [m.index for m in months][::step]
    axes.set_xticks(ticks, [dates.format_date(months[i - 1].start, "%b %y") for i in ticks])
    axes.set_xlim(0.5, len(months) + 1.5)
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    set_title(figure, "Timeline: skills by month", style)
