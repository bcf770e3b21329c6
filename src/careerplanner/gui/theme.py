"""Check boxes and radio buttons that can be seen in a dark palette.

Fusion draws an indicator's frame a shade darker than the window, which is invisible on a dark
base: with a dark palette that sets only the main colour roles (as desktop themes do), the
Skills page's level buttons and the plan's check boxes all but vanished. ``IndicatorStyle``
wraps whatever style the app runs with and, only when the palette is dark, draws a light frame
around each indicator, after the style's own drawing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption

_BOXES = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)
_ROUND = QStyle.PrimitiveElement.PE_IndicatorRadioButton
#: Every element is drawn through here, several hundred times a repaint: one set look-up
#: lets the rest pass at once.
_INDICATORS = frozenset((*_BOXES, _ROUND))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class IndicatorStyle(QProxyStyle):
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget=None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in _INDICATORS or not is_dark(option.palette):
            return
        frame = QColor(option.palette.color(QPalette.ColorRole.Text))
        frame.setAlpha(170)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(frame, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == _ROUND:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def use_style(app: QApplication, name: str | None = None) -> None:
    """Run ``app`` with the style ``name`` (default: the one it has), wrapped so that its
    indicators show in a dark palette."""
    base = QStyleFactory.create(name or app.style().name())
    if base is not None:
        app.setStyle(IndicatorStyle(base))
