"""A spin box for hours a week that shows "7.5 h/week" and "10 h/week", never "10.0"."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from careerplanner.core.limits import NumberRange


class HoursSpinBox(QDoubleSpinBox):
    """Takes its range from ``careerplanner.core.limits``, like every other hours control."""

    def __init__(self, limits: NumberRange, suffix: str = " h/week", parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(2 if limits.step < 0.5 else 1)
        self.setRange(limits.low, limits.high)
        self.setSingleStep(1)
        self.setSuffix(suffix)

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"
