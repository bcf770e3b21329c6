"""A matplotlib chart inside Qt: a ``Figure`` on a ``FigureCanvasQTAgg``, drawn by a Qt-free
function from ``careerplanner.charts``.

matplotlib is imported when the first chart is shown, not at start-up, so the window appears
quickly; a chart that is hidden is redrawn only when it becomes visible. A drawing function that
returns a ``charts.redraw.Redraw`` (the plan's timeline) is redrawn by blitting when only its
moving artists changed: the rest of the canvas, kept from the last full draw, is copied back and
only those artists are drawn over it, with no new layout.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QVBoxLayout, QWidget

from careerplanner.charts.redraw import Redraw  # no matplotlib: that comes with the first chart

MIN_DRAW_SIZE = 120
#: After a resize, wait this long for the next one before drawing again.
RESIZE_REDRAW_MS = 150


class ChartView(QWidget):
    #: The chart has been painted on screen (emitted after each paint of its canvas).
    painted = Signal()
    #: The user clicked a part of the chart the drawing function made pickable, with its gid
    #: (the Gap page's bars carry their role's id).
    picked = Signal(str)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._canvas = None
        self._blitter: _Blitter | None = None
        self.figure = None
        self._pending: tuple[Callable, tuple, dict] | None = None
        self._drawn: tuple | None = None  # what the canvas shows now, to skip a redraw of it
        self._last_pick: object = None
        self._tip: Callable[[object, float, float], str | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._draw_pending)

    def plot(self, draw: Callable, *args, delay_ms: int = 0, **kwargs) -> None:
        """Draw with ``draw(figure, *args, style=..., **kwargs)``, now or when next shown.

        With ``delay_ms``, wait that long for the next request first: a control that moves
        quickly (the hours slider) redraws once when it pauses, not on every step.
        """
        if self._pending is None and self._drawn == (draw, args, kwargs, self._style()):
            self._timer.stop()
            return  # exactly what is on screen already
        self._pending = (draw, args, kwargs)
        if delay_ms:
            self._timer.start(delay_ms)
        elif self.isVisible():
            self._timer.stop()
            self._draw_pending()

    def set_tips(self, tip: Callable[[object, float, float], str | None]) -> None:
        """``tip(figure, x, y)``: the tooltip at a point of the chart (in matplotlib's display
        coordinates), or None for the chart's description there."""
        self._tip = tip

    def describe(self, words: str) -> None:
        """What the chart shows, in words: for screen readers, and as its tooltip."""
        self.setAccessibleDescription(words)
        self.setToolTip(words)
        if self._canvas is not None:
            self._canvas.setAccessibleDescription(words)

    def flush(self) -> None:
        """Draw a waiting request now instead of when its timer fires (benchmarks and tests);
        the canvas renders it when the event loop next runs."""
        self._timer.stop()
        self._draw_pending()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._draw_pending()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._draw_pending()

    def _draw_pending(self) -> None:
        # A chart squeezed to a sliver cannot lay out its labels; draw once it has room.
        if (
            self._pending is None
            or not self.isVisible()
            or self.width() < MIN_DRAW_SIZE
            or self.height() < MIN_DRAW_SIZE
        ):
            return
        self._ensure_canvas()
        draw, args, kwargs = self._pending
        self._pending = None
        style = self._style()
        drawn = draw(self.figure, *args, style=style, **kwargs)
        self._drawn = (draw, args, kwargs, style)
        assert self._blitter is not None
        if self._blitter.redraw(drawn):
            return
        self._canvas.draw_idle()

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.figure import Figure

        dpi = self.logicalDpiX() or 96
        # The size it is about to have, so the first drawing is laid out for it.
        size = (max(self.width(), 1) / dpi, max(self.height(), 1) / dpi)
        self.figure = Figure(figsize=size, layout="constrained", dpi=dpi)
        self._canvas = _canvas_class()(self.figure)
        self._canvas.setAccessibleName(self.accessibleName())
        self._canvas.setAccessibleDescription(self.accessibleDescription())
        self._canvas.installEventFilter(self)
        self._canvas.mpl_connect("pick_event", self._on_pick)
        self._canvas.mpl_connect("motion_notify_event", self._on_motion)
        self._blitter = _Blitter(self._canvas)
        self._layout.addWidget(self._canvas)

    def _on_pick(self, event) -> None:
        gid = event.artist.get_gid()
        # One click can pick a bar and its label; say it once.
        if gid and event.mouseevent is not self._last_pick:
            self._last_pick = event.mouseevent
            self.picked.emit(gid)

    def _on_motion(self, event) -> None:
        """A pointing hand over what can be clicked, so the user knows it can."""
        over = any(
            artist.contains(event)[0]
            for artist in self.figure.findobj(lambda a: bool(a.get_gid()) and a.pickable())
        )
        shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
        if self._canvas.cursor().shape() != shape:
            self._canvas.setCursor(shape)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._canvas and event.type() == QEvent.Type.ToolTip and self._tip:
            x, y = self._canvas.mouseEventCoords(event.pos())
            tip = self._tip(self.figure, x, y)
            if tip:
                QToolTip.showText(event.globalPos(), tip, self._canvas)
                return True
        if watched is self._canvas and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.painted.emit)
        if (
            watched is self._canvas
            and event.type() == QEvent.Type.Resize
            and self._pending is None
            and self._drawn is not None
        ):
            # Drawing functions fit their labels to the size (the timeline's dates and names):
            # draw again once the size settles.
            self._pending = self._drawn[:3]
            self._timer.start(RESIZE_REDRAW_MS)
        return super().eventFilter(watched, event)

    def _style(self):
        from careerplanner.charts.style import LIGHT, ChartStyle

        window = self.palette().color(QPalette.ColorRole.Window)
        return ChartStyle.dark() if window.lightness() < 128 else LIGHT


@functools.cache
def _canvas_class():
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class Canvas(FigureCanvasQTAgg):
        def draw(self) -> None:
            # While the user drags a splitter a chart can be briefly too small for its labels;
            # matplotlib then draws without the layout and warns each time. Nothing is wrong.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="constrained_layout not applied")
                super().draw()

    return Canvas


class _Blitter:
    """Redraws a chart's moving artists over a copy of the rest of its canvas.

    The moving artists are marked animated, so a full draw leaves them out; right after it
    (matplotlib's ``draw_event``) the canvas without them is copied, and they are drawn on top.
    A redraw that changed only them then copies that back and draws them again: a few text
    labels and one collection instead of every label in the chart and a new layout.
    """

    def __init__(self, canvas) -> None:
        self._canvas = canvas
        self._moving: tuple = ()
        self._background = None  # the canvas without the moving artists, from the last full draw
        self._bounds: tuple | None = None  # the figure's size then, in pixels
        self._full_draw_waiting = False
        canvas.mpl_connect("draw_event", self._on_draw)

    def redraw(self, drawn: object) -> bool:
        """Redraw after a drawing function returned ``drawn``: True when its moving artists
        were redrawn alone, False when the whole canvas has to be drawn (it is then asked)."""
        moving = drawn.moving if isinstance(drawn, Redraw) else ()
        for artist in self._moving:
            if artist not in moving:
                artist.set_animated(False)
        for artist in moving:
            artist.set_animated(True)
        self._moving = tuple(sorted(moving, key=lambda artist: artist.get_zorder()))
        figure = self._canvas.figure
        if (
            isinstance(drawn, Redraw)
            and drawn.only_moving
            and not self._full_draw_waiting
            and self._background is not None
            and self._bounds == tuple(figure.bbox.bounds)
        ):
            self._canvas.restore_region(self._background)
            self._draw_moving()
            self._canvas.blit(figure.bbox)
            return True
        self._full_draw_waiting = True
        return False

    def _on_draw(self, _event) -> None:
        self._full_draw_waiting = False
        if not self._moving:
            self._background = None
            return
        figure = self._canvas.figure
        self._background = self._canvas.copy_from_bbox(figure.bbox)
        self._bounds = tuple(figure.bbox.bounds)
        self._draw_moving()

    def _draw_moving(self) -> None:
        figure = self._canvas.figure
        for artist in self._moving:
            figure.draw_artist(artist)
