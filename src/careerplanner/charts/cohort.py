"""The cohort chart: the skills most of a class still lacks for their own targets."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from careerplanner.charts.fitting import fit_bar_text
from careerplanner.charts.style import LIGHT, ChartStyle, new_axes, set_title, show_message

#: More bars than this do not fit a readable chart; the table behind it has them all.
MAX_GAPS = 10


def draw_common_gaps(
    figure: Figure,
    gaps: Sequence[tuple[str, int]],
    students: int,
    style: ChartStyle = LIGHT,
    max_gaps: int = MAX_GAPS,
) -> None:
    """Horizontal bars, the most common gap on top: ``gaps`` are (skill name, how many of the
    ``students`` are below their own target's requirement in it), most common first; the count
    is written at the bar's end."""
    if not gaps or not students:
        show_message(figure, "No common gaps: every student meets their target", style)
        return
    shown = list(gaps)[:max_gaps]
    ordered = list(reversed(shown))  # barh draws bottom-up; the most common goes on top
    title = "The class's most common gaps"
    if len(gaps) > len(shown):
        title += f" (top {len(shown)} of {len(gaps)})"
    text = fit_bar_text(
        figure,
        title=title,
        names=[name for name, _n in ordered],
        xlabel=f"Students below their target's level (of {students})",
        size=style.font_size,
        value=str(students),
    )
    axes = new_axes(figure, style)
    bars = axes.barh(range(len(ordered)), [n for _name, n in ordered], height=0.62)
    for bar in bars:
        bar.set_color(style.accent)
    axes.set_yticks(range(len(ordered)), text.names)
    axes.tick_params(labelsize=text.size)
    axes.set_xlim(0, students * 1.12)
    axes.xaxis.set_major_locator(MaxNLocator(nbins="auto", integer=True))
    axes.xaxis.grid(True, color=style.grid, linewidth=0.8)
    axes.set_xlabel(text.xlabel, fontsize=text.size)
    for bar, (_name, count) in zip(bars, ordered, strict=True):
        axes.text(
            bar.get_width() + students * 0.01,
            bar.get_y() + bar.get_height() / 2,
            str(count),
            va="center",
            ha="left",
            color=style.foreground,
            fontsize=text.size,
        )
    set_title(figure, text.title, style, text.title_size)
