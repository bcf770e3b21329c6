"""What a chart that is redrawn often (the plan's timeline, while the hours control moves) tells
the screen about a drawing, so the screen can redraw only what moved.

A drawing function returns a ``Redraw`` or nothing; nothing means "draw it all", which is what
every other chart wants.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.artist import Artist


@dataclass(frozen=True)
class Redraw:
    #: The artists that change from one call to the next (the timeline's bars and date axis);
    #: everything else in the figure stays as drawn while the rows stay the same.
    moving: tuple[Artist, ...]
    #: True when this call changed nothing but ``moving``: the rest of the figure, and where
    #: the layout put it, are exactly as the previous call left them.
    only_moving: bool
