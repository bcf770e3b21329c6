"""Gap charts: readiness for every role, and one role's required vs current level by category."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from careerplanner.charts.fitting import fit_bar_text
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
    ordered = list(reversed(roles))  # barh draws bottom-up; we want the best on top
    text = fit_bar_text(
        figure,
        title="How ready you are for each role",
        names=[r.name for r in ordered],
        xlabel="Readiness (%)",
        size=style.font_size,
        value="100%",
        bold=frozenset(i for i, r in enumerate(ordered) if r.role == target),
    )
    axes = new_axes(figure, style)
    values = [round(r.readiness * 100) for r in ordered]
    colours = [style.accent if r.role == target else style.secondary for r in ordered]
    bars = axes.barh(range(len(ordered)), values, color=colours, height=0.62)
    for bar, role in zip(bars, ordered, strict=True):
        bar.set_gid(role.role)  # a click on the bar (or its name) chooses the role
        bar.set_picker(True)
        if role.role == selected and selected != target:
            bar.set_edgecolor(style.foreground)
            bar.set_linewidth(1.6)
    axes.set_yticks(range(len(ordered)), text.names)
    axes.tick_params(labelsize=text.size)
    axes.set_xlim(0, 100)
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_xlabel(text.xlabel, fontsize=text.size)
    for bar, value in zip(bars, values, strict=True):
        inside = value > 85
        axes.text(
            value - 1.5 if inside else value + 1.5,
            bar.get_y() + bar.get_height() / 2,
            f"{value}%",
            va="center",
            ha="right" if inside else "left",
            color=style.background if inside else style.foreground,
            fontsize=text.size,
        )
    for label, role in zip(axes.get_yticklabels(), ordered, strict=True):
        label.set_gid(role.role)
        label.set_picker(True)
        if role.role == target:
            label.set_fontweight("bold")

    set_title(figure, text.title, style, text.title_size)


def draw_categories(figure: Figure, role: RoleGap | None, style: ChartStyle = LIGHT) -> None:
    """Grouped bars per skill category: what the role asks for next to what you have."""
    categories = list(role.categories) if role else []
    if not categories:
        show_message(figure, "Choose a role to see it by category", style)
        return
    ordered = list(reversed(categories))
    text = fit_bar_text(
        figure,
        title=f"{role.name} by skill area",
        names=[c.name for c in ordered],
        xlabel="Average level, 0-4",
        size=style.font_size,
        legend=[f"{role.name} needs", "You have"],
        short_legend=["Needs", "You have"],  # the title names the role
    )
    axes = new_axes(figure, style)
    positions = range(len(ordered))
    height = 0.38
    axes.barh(
        [p + height / 2 for p in positions],
        [c.required for c in ordered],
        height=height,
        color=style.required,
        label=text.legend[0],
    )
    axes.barh(
        [p - height / 2 for p in positions],
        [c.current for c in ordered],
        height=height,
        color=style.accent,
        label=text.legend[1],
    )
    axes.set_yticks(list(positions), text.names)
    axes.tick_params(labelsize=text.size)
    axes.set_xlim(0, 4)
    axes.set_xticks(range(5))
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_xlabel(text.xlabel, fontsize=text.size)
    set_title(figure, text.title, style, text.title_size)
    legend_below(figure, style, text.legend_columns, size=text.size)
