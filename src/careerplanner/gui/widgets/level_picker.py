"""Five radio buttons, 0-4, each with what that level means for the chosen skill."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QRadioButton, QWidget

LEVEL_NAMES = ("None", "Aware", "Working", "Strong", "Expert")


class LevelPicker(QWidget):
    #: Emitted when the user picks a level (not when set_level() is called).
    level_picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your level")
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setColumnStretch(1, 1)
        self.group = QButtonGroup(self)
        self.buttons: list[QRadioButton] = []
        self.descriptions: list[QLabel] = []
        self.markers: list[QLabel] = []
        for level in range(5):
            button = QRadioButton(f"{level} · {LEVEL_NAMES[level]}")
            button.setAccessibleName(f"Level {level}, {LEVEL_NAMES[level]}")
            description = QLabel()
            description.setWordWrap(True)
            description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            description.setBuddy(button)
            marker = QLabel()
            marker.setObjectName("targetMarker")
            self.group.addButton(button, level)
            layout.addWidget(button, level, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(description, level, 1)
            layout.addWidget(marker, level, 2, Qt.AlignmentFlag.AlignTop)
            self.buttons.append(button)
            self.descriptions.append(description)
            self.markers.append(marker)
        self.group.idClicked.connect(self.level_picked)

    def set_skill(self, descriptions: tuple[str, ...], level: int, needed: int | None) -> None:
        for index, text in enumerate(descriptions):
            self.descriptions[index].setText(text)
            self.buttons[index].setToolTip(text)
            self.markers[index].setText("◀ target" if needed == index else "")
        self.set_level(level)

    def set_level(self, level: int) -> None:
        self.buttons[level].setChecked(True)

    def level(self) -> int:
        return self.group.checkedId()
