"""Number fields that never change what was typed without saying so.

A plain ``QDoubleSpinBox`` silently refuses the third key of "100" when its maximum is 80 (the
user sees 10) and silently puts back the old value for "0" below its minimum. ``NumberBox``
lets any number be typed, keeps a value in range as it is, and refuses one out of range
visibly: its ``refused`` signal carries a sentence with the range ("100 is more than 80: give 1
to 80 hours a week"), shown in the label given to ``show_refusals_in``, and the field goes back
to the value it had, which is still the one in use. It takes its range from
``careerplanner.core.limits``, like every other control of that value.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QWidget

from careerplanner.core.limits import NumberRange
from careerplanner.gui.widgets.legible import show_as_error

_NUMBER = re.compile(r"\d*[.,]?\d*")
#: How long a refusal stays on screen when nothing else replaces it.
MESSAGE_MS = 8000


class NumberBox(QDoubleSpinBox):
    #: A typed value was refused: the sentence that says why and what is allowed.
    refused = Signal(str)

    def __init__(
        self, limits: NumberRange, suffix: str, what: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.limits = limits
        self._what = what  # "hours a week", for the message
        self._label: QLabel | None = None
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.setInterval(MESSAGE_MS)
        self._clear.timeout.connect(self._hide_message)
        self.setDecimals(2 if limits.step < 0.5 else 1)
        self.setRange(limits.low, limits.high)
        self.setSingleStep(1)
        self.setSuffix(suffix)
        self.setCorrectionMode(QDoubleSpinBox.CorrectionMode.CorrectToPreviousValue)
        self.valueChanged.connect(self._hide_message)

    def show_refusals_in(self, label: QLabel) -> None:
        """Say each refusal in ``label`` (kept hidden while there is nothing to say)."""
        self._label = label
        label.setWordWrap(True)
        show_as_error(label)
        label.hide()
        self.refused.connect(self._show_message)

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"

    def valueFromText(self, text: str) -> float:
        return float(self._number_text(text).replace(",", "."))

    def validate(self, text: str, pos: int) -> object:
        """Any number may be typed (out of range is Intermediate, refused only when the user
        is done); anything else is not a key this field takes."""
        number = self._number_text(text)
        if not _NUMBER.fullmatch(number):
            return QValidator.State.Invalid, text, pos
        if number in ("", ".", ","):
            return QValidator.State.Intermediate, text, pos
        in_range = self.limits.contains(float(number.replace(",", ".")))
        state = QValidator.State.Acceptable if in_range else QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        """Called by Qt for text it will not accept, just before it puts the old value back:
        the moment to say so."""
        number = self._number_text(text)
        if number not in ("", ".", ","):
            message = self.refusal(float(number.replace(",", ".")))
            QTimer.singleShot(0, lambda: self.refused.emit(message))
        return text

    def refusal(self, value: float) -> str:
        low, high = self.limits.low, self.limits.high
        side = f"more than {high:g}" if value > high else f"less than {low:g}"
        return (
            f"{value:g} is {side}: give {low:g} to {high:g} {self._what}. Still {self.value():g}."
        )

    def commit(self) -> bool:
        """Take what is typed now (Enter pressed before Qt would): True when it is a value in
        range, False after refusing it."""
        if self.hasAcceptableInput():
            self.interpretText()
            return True
        self.interpretText()  # refuses it through fixup(), and puts the old value back
        return False

    def _number_text(self, text: str) -> str:
        stripped = text
        if self.suffix() and stripped.endswith(self.suffix()):
            stripped = stripped[: -len(self.suffix())]
        elif self.suffix().strip() and stripped.endswith(self.suffix().strip()):
            stripped = stripped[: -len(self.suffix().strip())]
        return stripped.strip()

    def _show_message(self, message: str) -> None:
        if self._label is not None:
            self._label.setText(message)
            self._label.show()
            self._clear.start()

    def _hide_message(self, *_args: object) -> None:
        if self._label is not None and self._label.isVisible():
            self._label.hide()


class HoursSpinBox(NumberBox):
    """Hours a week: "7.5 h/week" and "10 h/week", never "10.0"."""

    def __init__(
        self, limits: NumberRange, suffix: str = " h/week", parent: QWidget | None = None
    ) -> None:
        super().__init__(limits, suffix, "hours a week", parent)
