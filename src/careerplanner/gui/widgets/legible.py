"""Coloured text that can be read on a light or a dark window: links, error messages and the
grey hints in empty fields.

Many dark desktop themes set only the main colours. Qt then draws a rich-text link in the
application palette's link colour, Qt's dark blue, which all but vanishes on a dark window (the
Gap page's "change" link to the fit quiz did); a fixed error red is too dark to read there; and
a field's placeholder stays Qt's half-transparent black, invisible on a dark field. These pick
their colour for the palette they are shown with, and again whenever it changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

#: (on a light window, on a dark one): links in the charts' accent colours, and errors in red.
LINK = ("#0969da", "#4493f8")
ERROR = ("#cf222e", "#ff7b72")
#: A placeholder fainter than this against its field (WCAG contrast ratio) is redrawn halfway
#: between the field's text and its background.
MIN_PLACEHOLDER_CONTRAST = 2.5


def on_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


class LinkLabel(QLabel):
    """A rich-text label whose links are written in the colour that reads on its window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setText(text)

    def setText(self, text: str) -> None:
        # Qt takes a link's colour when it reads the text: write the one wanted into it.
        self._text = text
        colour = LINK[on_dark(self)]
        super().setText(text.replace("<a ", f"<a style='color:{colour}' "))

    def text(self) -> str:
        """The text as given, without the colour written into its links."""
        return self._text

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.setText(self._text)


def show_as_error(label: QLabel) -> None:
    """Write ``label`` in the error red that reads on its window, now and after any change of
    palette."""
    _OnPaletteChange(label, _error_colour)


def set_placeholder(field: QLineEdit | QPlainTextEdit, text: str) -> None:
    """Give ``field`` its grey hint while empty, kept visible on the field's background."""
    field.setPlaceholderText(text)
    _OnPaletteChange(field, _placeholder_colour)


class _OnPaletteChange(QObject):
    """Calls ``apply(widget)`` now and whenever the widget's palette changes."""

    def __init__(self, widget: QWidget, apply: Callable[[QWidget], None]) -> None:
        super().__init__(widget)
        self._apply = apply
        apply(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QWidget):
            self._apply(watched)
        return False


def _error_colour(label: QWidget) -> None:
    sheet = f"color: {ERROR[on_dark(label)]};"
    if label.styleSheet() != sheet:
        label.setStyleSheet(sheet)


def _placeholder_colour(field: QWidget) -> None:
    palette = field.palette()
    base = palette.color(QPalette.ColorRole.Base)
    shown = _over(palette.color(QPalette.ColorRole.PlaceholderText), base)
    if contrast(shown, base) >= MIN_PLACEHOLDER_CONTRAST:
        return
    text = palette.color(QPalette.ColorRole.Text)
    palette.setColor(QPalette.ColorRole.PlaceholderText, _mix(text, base, 0.5))
    field.setPalette(palette)


def _over(colour: QColor, background: QColor) -> QColor:
    """``colour`` as it shows, with its transparency, over ``background``."""
    return _mix(colour, background, colour.alphaF())


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() * share_of_a + b.redF() * (1 - share_of_a),
        a.greenF() * share_of_a + b.greenF() * (1 - share_of_a),
        a.blueF() * share_of_a + b.blueF() * (1 - share_of_a),
    )


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, from 1 (the same) to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )
