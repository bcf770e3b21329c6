"""Gap charts: readiness for every role, and one role's required vs current level by category."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from careerplanner.charts.style import (
    LIGHT,
    ChartStyle,
    legend_below,
    new_axes,
    set_title,
    show_message,
)
from careerplanner.core.gap import RoleGap


def draw_readiness(
    figure: Figure,
    roles: Sequence[RoleGap],
    target: str | None = None,
    style: ChartStyle = LIGHT,
    selected: str | None = None,
) -> None:
    """Horizontal bars, best-ready role on top; the target role in the accent colour, the
    role being looked at (``selected``) outlined."""
    if not roles:
        show_message(figure, "No roles to compare", style)
        return
    axes = new_axes(figure, style)
    ordered = list(reversed(roles))  # barh draws bottom-up; we want the best on top
    names = [r.name for r in ordered]
    values = [round(r.readiness * 100) for r in ordered]
    colours = [style.accent if r.role == target else style.secondary for r in ordered]
    bars = axes.barh(names, values, color=colours, height=0.62)
    for bar, role in zip(bars, ordered, strict=True):
        bar.set_gid(role.role)  # a click on the bar (or its name) chooses the role
        bar.set_picker(True)
        if role.role == selected and selected != target:
            bar.set_edgecolor(style.foreground)
            bar.set_linewidth(1.6)
    axes.set_xlim(0, 100)
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_xlabel("Readiness (%)")
    for bar, value in zip(bars, values, strict=True):
        inside = value > 85
        axes.text(
            value - 1.5 if inside else value + 1.5,
            bar.get_y() + bar.get_height() / 2,
            f"{value}%",
            va="center",
            ha="right" if inside else "left",
            color=style.background if inside else style.foreground,
            fontsize=style.font_size,
        )
    for label, role in zip(axes.get_yticklabels(), ordered, strict=True):
        label.set_gid(role.role)
        label.set_picker(True)
        if role.role == target:
            label.set_fontweight("bold")

    set_title(figure, "How ready you are for each role", style)


def draw_categories(figure: Figure, role: RoleGap | None, style: ChartStyle = LIGHT) -> None:
    """Grouped bars per skill category: what the role asks for next to what you have."""
    categories = list(role.categories) if role else []
    if not categories:
        show_message(figure, "Choose a role to see it by category", style)
        return
    axes = new_axes(figure, style)
    ordered = list(reversed(categories))
    positions = range(len(ordered))
    height = 0.38
    axes.barh(
        [p + height / 2 for p in positions],
        [c.required for c in ordered],
        height=height,
        color=style.required,
        label=f"{role.name} needs",
    )
    axes.barh(
        [p - height / 2 for p in positions],
        [c.current for c in ordered],
        height=height,
        color=style.accent,
        label="You have",
    )
    axes.set_yticks(list(positions), [c.name for c in ordered])
    axes.set_xlim(0, 4)
    axes.set_xticks(range(5))
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_xlabel("Average level, 0-4")
    set_title(figure, f"{role.name} by skill area", style)
    legend_below(figure, style)
