"""A spin box for hours a week that shows "7.5 h/week" and "10 h/week", never "10.0"."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget


class HoursSpinBox(QDoubleSpinBox):
    def __init__(self, maximum: float, suffix: str = " h/week", parent: QWidget | None = None):
        super().__init__(parent)
        self.setDecimals(1)
        self.setRange(0.5, maximum)
        self.setSingleStep(1)
        self.setSuffix(suffix)

    def textFromValue(self, value: float) -> str:
        return f"{value:g}"
