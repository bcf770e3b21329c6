"""With a dark palette, check boxes and radio buttons stay visible (their frames were drawn
darker than a dark background), the Compare page's headings keep light text on dark shading,
and links and error messages are written in colours that read on the window."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
)

from careerplanner.gui.theme import IndicatorStyle, is_dark
from careerplanner.gui.widgets.legible import contrast


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


def _with_dark_palette(window) -> None:
    palette = _dark()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    window.setPalette(palette)


def test_compare_headings_stay_readable_on_a_dark_window(qtbot, window):
    _with_dark_palette(window)
    window.show_page("compare")
    view = window.page_by_key["compare"].view
    qtbot.waitUntil(lambda: "Your readiness" in view.toPlainText())
    found = view.document().find("Your readiness")
    found.setPosition(found.selectionStart())
    where = view.cursorRect(found)
    image = view.viewport().grab().toImage()
    ratio = view.viewport().devicePixelRatioF()
    shade = QColor(image.pixel(int((where.left() - 3) * ratio), int(where.center().y() * ratio)))
    text = view.palette().color(QPalette.ColorRole.Text)
    assert text.lightness() - shade.lightness() > 120, shade.name()  # light text, dark shading


def _link_contrast(label) -> float:
    """The contrast of the label's link with the window behind it (the most colourful pixel is
    the link's: everything else in the card is grey)."""
    image = label.grab().toImage()
    pixels = [
        QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())
    ]
    link = max(pixels, key=lambda c: c.hsvSaturation())
    return contrast(link, label.palette().color(QPalette.ColorRole.Window))


def test_links_read_on_a_light_window_and_on_a_dark_one(qtbot, window):
    window.show_page("gap")
    card = window.page_by_key["gap"].fits_card
    qtbot.waitUntil(lambda: "</a>" in card.text())
    assert _link_contrast(card) >= 3
    _with_dark_palette(window)
    assert _link_contrast(card) >= 3  # Qt's own dark blue gives about 1.6 here
    assert "style=" not in card.text()  # the text as the page wrote it


def _most_colourful_against_window(label) -> float:
    image = label.grab().toImage()
    pixels = [
        QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())
    ]
    colour = max(pixels, key=lambda c: c.hsvSaturation())
    return contrast(colour, label.palette().color(QPalette.ColorRole.Window))


@pytest.mark.parametrize("dark", [False, True])
def test_a_refused_name_is_said_in_a_red_that_reads_on_the_window(qtbot, kb, dark):
    from careerplanner.gui.welcome import WelcomeDialog

    app = QApplication.instance()
    before = app.palette()
    try:
        if dark:  # as a dark desktop theme does: the whole application's palette
            app.setPalette(_dark())
        dialog = WelcomeDialog(kb)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.name_edit.clear()
        dialog.buttons.accepted.emit()
        assert dialog.error.text().startswith("Give the profile a name")
        assert _most_colourful_against_window(dialog.error) >= 4
    finally:
        app.setPalette(before)


def test_an_empty_fields_hint_shows_on_a_dark_field(qtbot, kb):
    from careerplanner.gui.welcome import WelcomeDialog

    app = QApplication.instance()
    before = app.palette()
    try:
        app.setPalette(_dark())  # as a dark desktop theme does, leaving the hints' colour alone
        dialog = WelcomeDialog(kb, first_run=False)  # an empty name shows its hint
        qtbot.addWidget(dialog)
        dialog.show()
        field = dialog.name_edit
        image = field.grab().toImage()
        middle = image.height() // 2
        band = [
            QColor(image.pixel(x, y))
            for x in range(8, image.width() // 2)
            for y in range(middle - 3, middle + 4)
        ]
        hint = max(band, key=lambda c: c.lightness())
        assert contrast(hint, field.palette().color(QPalette.ColorRole.Base)) >= 2.5
    finally:
        app.setPalette(before)
