"""Colours and sizes for every chart, so they read well on a light or a dark window."""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.figure import Figure

from careerplanner.charts.fitting import PAD, room, wrap


@dataclass(frozen=True)
class ChartStyle:
    background: str = "#ffffff"
    foreground: str = "#1f2328"
    muted: str = "#8c959f"
    grid: str = "#d0d7de"
    accent: str = "#0969da"  # the user's target, "you"
    secondary: str = "#9ecbff"  # everything else
    required: str = "#bf8700"  # what a role asks for
    done: str = "#1a7f37"
    font_size: float = 9.5

    @classmethod
    def dark(cls) -> ChartStyle:
        return cls(
            background="#1e1e1e",
            foreground="#e6edf3",
            muted="#8b949e",
            grid="#3d444d",
            accent="#4493f8",
            secondary="#2f5d8a",
            required="#d29922",
            done="#3fb950",
        )


LIGHT = ChartStyle()


def prepare(figure: Figure, style: ChartStyle) -> None:
    """Clear the figure and give it the style's background."""
    figure.clear()
    figure.set_facecolor(style.background)


def style_axes(axes, style: ChartStyle) -> None:
    axes.set_facecolor(style.background)
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes.tick_params(colors=style.foreground, labelsize=style.font_size, length=0)
    axes.xaxis.label.set_color(style.foreground)
    axes.yaxis.label.set_color(style.foreground)
    axes.title.set_color(style.foreground)
    axes.set_axisbelow(True)


def new_axes(figure: Figure, style: ChartStyle):
    """A cleared figure with one styled axes, ready to draw on."""
    prepare(figure, style)
    axes = figure.add_subplot()
    style_axes(axes, style)
    return axes


def set_title(figure: Figure, text: str, style: ChartStyle, size: float | None = None) -> None:
    """The chart's title, at the figure's left edge so a long one is never cut off by the
    axis labels, in the style's text colour so it reads on a dark window too (``size``: the
    one ``charts.fitting`` chose for the room the chart has)."""
    figure.suptitle(
        text,
        x=0.01,
        ha="left",
        fontsize=size or style.font_size + 1.5,
        color=style.foreground,
    )


def show_message(figure: Figure, text: str, style: ChartStyle) -> None:
    """An empty chart that says why it is empty, instead of blank axes."""
    prepare(figure, style)
    size = style.font_size + 1
    width, _height = room(figure)
    figure.text(
        0.5,
        0.5,
        wrap(text, width - 4 * PAD, size, lines=3),
        ha="center",
        va="center",
        multialignment="center",
        color=style.muted,
        fontsize=size,
    )


def legend_below(
    figure: Figure, style: ChartStyle, columns: int = 2, size: float | None = None
) -> None:
    """The figure's legend under the axes, outside them, so it never hides a bar (``size``: the
    one ``charts.fitting`` chose for the room the chart has)."""
    figure.legend(
        loc="outside lower center",
        ncol=columns,
        frameon=False,
        fontsize=size or style.font_size,
        labelcolor=style.foreground,
    )
