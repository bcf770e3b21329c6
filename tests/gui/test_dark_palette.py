"""With a dark palette, check boxes and radio buttons stay visible (their frames were drawn
darker than a dark background)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleFactory, QStyleOptionButton

from careerplanner.gui.theme import IndicatorStyle, is_dark


def _dark() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def _brightest_in_indicator(widget, style) -> int:
    """The lightest pixel inside the widget's indicator, drawn on its dark background."""
    widget.setStyle(style)
    widget.setPalette(_dark())
    widget.resize(widget.sizeHint())
    image = widget.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(widget)
    element = (
        QStyle.SubElement.SE_RadioButtonIndicator
        if isinstance(widget, QRadioButton)
        else QStyle.SubElement.SE_CheckBoxIndicator
    )
    rect = style.subElementRect(element, option, widget)
    return max(
        QColor(image.pixel(x, y)).lightness()
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_a_dark_palette_is_told_from_a_light_one():
    assert is_dark(_dark()) and not is_dark(QPalette(QColor("#eeeeee")))


def test_unticked_indicators_show_a_light_frame_on_a_dark_background(qtbot):
    ours = IndicatorStyle(QStyleFactory.create("Fusion"))
    for make in (QRadioButton, QCheckBox):
        widget = make("Level 1")
        qtbot.addWidget(widget)
        brightest = _brightest_in_indicator(widget, ours)
        assert brightest > 120, f"{make.__name__}'s indicator is lost in the dark ({brightest})"
