"""Text that fits the room a bar chart really has, so no title, name, axis label or legend is
ever cut off at the figure's edge, whatever the window's size or the screen's scale.

Before a chart draws, ``fit_bar_text`` measures its words in the font it will use and decides:
each name on one line at the style's size if they fit; else long names over two lines; else a
smaller size (never below ``MIN_FONT_SIZE``); else names shortened with "…" (the chart's
description in words, ``charts.words``, still has them whole). A title or axis label wider than
the chart wraps; a legend too wide for one row gets one entry per row. Everything is measured in
points, which do not change with the dpi: a chart laid out for a widget at 1x is laid out the
same at 1.5x, where the widget has as many points and more pixels per point.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath

#: No text in a chart gets smaller than this (points).
MIN_FONT_SIZE = 7.0
#: How much smaller each try is, from the style's size down to ``MIN_FONT_SIZE``.
SIZE_STEP = 0.5
#: A line of text takes this many times its font size; matplotlib spaces the lines of one text
#: ``LINE_SPREAD`` wider, and two rows' names keep ``ROW_GAP`` between them (in font sizes).
LINE, LINE_SPREAD, ROW_GAP = 1.2, 0.2, 0.1
#: Bars leave this much of a row free above the first and below the last (matplotlib's margins).
ROW_MARGINS = 0.4
#: The space constrained layout keeps around the axes and at the figure's edges (points).
PAD = 3.0
#: The room between a name and the axes (matplotlib's tick pad), and an axis label and its ticks.
TICK_PAD = 3.5
LABEL_PAD = 4.0
#: The bars keep at least this share of the chart's width, and never less than ``MIN_BARS``.
BAR_SHARE = 0.34
MIN_BARS = 60.0
#: Measured widths are a little short of what the screen draws (hinting): keep this margin.
SLACK = 1.06
#: A legend entry's handle, the gap after it and the space between columns, in font sizes.
LEGEND_HANDLE, LEGEND_TEXT_PAD, LEGEND_COLUMN_GAP, LEGEND_BORDER = 2.0, 0.8, 2.0, 0.5
#: A title is this much bigger than the chart's other text (points).
TITLE_GROWTH = 1.5
ELLIPSIS = "…"


@dataclass(frozen=True)
class BarText:
    """How a horizontal bar chart writes its words in the room it has."""

    title: str
    names: list[str]
    xlabel: str
    size: float  # names, ticks, value labels, axis label and legend
    legend: list[str]
    legend_columns: int

    @property
    def title_size(self) -> float:
        return self.size + TITLE_GROWTH


def room(figure: Figure) -> tuple[float, float]:
    """The figure's width and height in points."""
    width, height = figure.get_size_inches()
    return width * 72, height * 72


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of ``text``'s widest line in points, in the charts' font."""
    return max(_line_width(line, size, bold) for line in text.split("\n")) * SLACK


@functools.lru_cache(maxsize=4096)
def _line_width(line: str, size: float, bold: bool) -> float:
    if not line:
        return 0.0
    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    width, _height, _descent = _TEXT.get_text_width_height_descent(line, prop, ismath=False)
    return width


_TEXT = TextToPath()


def wrap(text: str, width: float, size: float, lines: int = 2, bold: bool = False) -> str:
    """``text`` over at most ``lines`` lines no wider than ``width`` points, broken between
    words; what still does not fit is shortened with "…"."""
    rows: list[str] = []
    for word in text.split():
        if rows and text_width(f"{rows[-1]} {word}", size, bold) <= width:
            rows[-1] = f"{rows[-1]} {word}"
        else:
            rows.append(word)
    if len(rows) > lines:
        rows = [*rows[: lines - 1], " ".join(rows[lines - 1 :])]
    return "\n".join(shorten(row, width, size, bold) for row in rows)


def shorten(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text``, or as much of it as fits ``width`` points followed by "…"."""
    if text_width(text, size, bold) <= width:
        return text
    for end in range(len(text) - 1, 0, -1):
        short = text[:end].rstrip() + ELLIPSIS
        if text_width(short, size, bold) <= width:
            return short
    return ELLIPSIS


@dataclass(frozen=True)
class _Words:
    """Everything a bar chart writes, before it is fitted."""

    title: str
    names: Sequence[str]
    xlabel: str
    legend: Sequence[str]
    short_legend: Sequence[str]
    value: str
    bold: frozenset[int]


def fit_bar_text(
    figure: Figure,
    *,
    title: str,
    names: Sequence[str],
    xlabel: str,
    size: float,
    legend: Sequence[str] = (),
    short_legend: Sequence[str] = (),
    value: str = "",
    bold: frozenset[int] = frozenset(),
) -> BarText:
    """The words of a horizontal bar chart laid out for ``figure``'s size: a title at the top,
    one name per bar on the left (``bold``: the indexes of names drawn in bold), ``value`` the
    widest label written after a bar ("100%"), the x axis's ticks and ``xlabel`` below, and a
    ``legend`` under everything (``short_legend`` when it would not fit in one row)."""
    words = _Words(title, names, xlabel, legend, short_legend, value, bold)
    width, height = room(figure)
    inner = width - 2 * PAD
    smallest = min(size, MIN_FONT_SIZE)
    tries = [size - SIZE_STEP * n for n in range(int((size - smallest) / SIZE_STEP) + 1)]
    for now in tries:
        for lines in (1, 2):
            fitted = _laid_out(words, now, inner, lines)
            if fitted is not None and _height(fitted, len(names), lines) <= height:
                return fitted
    # No room for every row even at the smallest size: names shortened onto one line, and the
    # axis label left out if the rows need its line (the ticks and the chart's description in
    # words still say what the axis is).
    shortened = _laid_out(words, smallest, inner, lines=1, shorten_names=True)
    assert shortened is not None  # shortened names always fit their room
    if _height(shortened, len(names), 1) > height:
        shortened = replace(shortened, xlabel="")
    return shortened


def _laid_out(
    words: _Words, size: float, inner: float, lines: int, shorten_names: bool = False
) -> BarText | None:
    """The words at ``size`` with names over at most ``lines`` lines, if the names and the axis
    label fit across without being shortened (or, with ``shorten_names``, names that do not fit
    shortened)."""
    name_room = _name_room(size, words.value, inner)
    names = [
        shorten(n, name_room, size, i in words.bold)
        if shorten_names
        else wrap(n, name_room, size, lines, i in words.bold)
        for i, n in enumerate(words.names)
    ]
    if not shorten_names and any(
        ELLIPSIS in label and ELLIPSIS not in name
        for label, name in zip(names, words.names, strict=True)
    ):
        return None
    widest = max((text_width(n, size, i in words.bold) for i, n in enumerate(names)), default=0)
    xlabel = wrap(words.xlabel, _xlabel_room(inner - widest, size), size)
    if not shorten_names and ELLIPSIS in xlabel and ELLIPSIS not in words.xlabel:
        return None
    full, columns = _legend(words.legend, size, inner)
    if words.short_legend and columns < len(words.legend):
        full, columns = _legend(words.short_legend, size, inner)
    title = wrap(words.title, inner, size + TITLE_GROWTH)
    return BarText(title, names, xlabel, size, full, columns)


def _height(text: BarText, rows: int, lines: int) -> float:
    """The height the chart needs: its rows of names and everything around the bars."""
    return _rows_height(rows, lines, text.size) + _chrome(text)


def _name_room(size: float, value: str, inner: float) -> float:
    """What the names may take: all but the bars' share, which holds the widest ``value``
    written after a bar a few times over."""
    value_width = text_width(value, size) if value else 0.0
    bars = max(MIN_BARS, BAR_SHARE * inner, 3 * value_width)
    return inner - bars - TICK_PAD


def _xlabel_room(bars: float, size: float) -> float:
    """An axis label is centred under the bars, so it may be as wide as they are."""
    return max(bars - TICK_PAD, 4 * size)


def _legend(labels: Sequence[str], size: float, inner: float) -> tuple[list[str], int]:
    """The legend's labels and columns: all in one row when it fits, else one per row."""
    if not labels:
        return [], 1
    entry = (LEGEND_HANDLE + LEGEND_TEXT_PAD) * size
    border = 2 * LEGEND_BORDER * size
    row = sum(entry + text_width(t, size) for t in labels)
    row += LEGEND_COLUMN_GAP * size * (len(labels) - 1) + border
    if row <= inner:
        return list(labels), len(labels)
    return [wrap(t, inner - entry - border, size) for t in labels], 1


def _chrome(text: BarText) -> float:
    """The height everything but the bars takes: title, tick labels, axis label, legend, pads."""
    size = text.size
    title = _lines(text.title) * text.title_size * LINE
    ticks = size * LINE + TICK_PAD
    label = _lines(text.xlabel) * size * LINE + LABEL_PAD if text.xlabel else 0.0
    legend = 0.0
    if text.legend:
        columns = text.legend_columns
        rows = [text.legend[i : i + columns] for i in range(0, len(text.legend), columns)]
        lines = sum(max(_lines(t) for t in row) for row in rows)
        legend = lines * size * LINE + 2 * LEGEND_BORDER * size
    return title + ticks + label + legend + 4 * PAD


def _rows_height(rows: int, lines: int, size: float) -> float:
    """What ``rows`` names of ``lines`` lines need: their lines (matplotlib spaces the lines
    of one text a little wider than a line), and a little between rows."""
    return (rows + ROW_MARGINS) * (lines * LINE + (lines - 1) * LINE_SPREAD + ROW_GAP) * size


def _lines(text: str) -> int:
    return text.count("\n") + 1 if text else 0
