"""The plan's timeline: which skill is worked on in which month, with the level it reaches."""

from __future__ import annotations

from matplotlib.figure import Figure

from careerplanner.charts.style import LIGHT, ChartStyle, new_axes, show_message
from careerplanner.core.plan import Plan

MAX_MONTH_TICKS = 6


def draw_timeline(
    figure: Figure, plan: Plan | None, style: ChartStyle = LIGHT, done: frozenset[str] = frozenset()
) -> None:
    """One row per skill, a bar over the months it is worked on, labelled "from -> to".

    Skills whose steps are all marked done are drawn in the "done" colour.
    """
    if plan is None or not plan.months:
        show_message(figure, "Nothing to plan: you already meet this role", style)
        return
    spans: dict[str, list] = {}  # skill id -> [name, first month, last month, from, to, ids]
    for month in plan.months:
        for step in month.skills:
            span = spans.setdefault(
                step.skill, [step.name, month.index, month.index, step.from_level, 0, set()]
            )
            span[2] = month.index
            span[4] = max(span[4], step.to_level)
        for item in month.items:
            if item.kind == "skill":
                skill_id = item.id.split(":")[1] if item.id.count(":") >= 2 else None
                if skill_id in spans:
                    spans[skill_id][5].add(item.id)
    axes = new_axes(figure, style)
    rows = list(spans.items())
    for row, (_skill, (_name, first, last, from_level, to_level, ids)) in enumerate(reversed(rows)):
        finished = bool(ids) and ids <= done
        axes.barh(
            row,
            last - first + 1,
            left=first - 0.5,
            height=0.6,
            color=style.done if finished else style.accent,
        )
        axes.text(
            last + 0.6,
            row,
            f"{from_level}→{to_level}",
            va="center",
            color=style.foreground,
            fontsize=style.font_size - 0.5,
        )
    axes.set_yticks(range(len(rows)), [name for _, (name, *_rest) in reversed(rows)])
    months = plan.months
    step = -(-len(months) // MAX_MONTH_TICKS)  # ceiling division: at most MAX_MONTH_TICKS labels
    ticks = [m.index for m in months][::step]
    axes.set_xticks(ticks, [months[i - 1].start.strftime("%b %y") for i in ticks])
    axes.set_xlim(0.5, len(months) + 1.5)
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_title("Timeline: skills by month", loc="left", fontsize=style.font_size + 1.5)
