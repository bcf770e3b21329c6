"""The main window's size and place, remembered across runs (QSettings, read with ``type=``).

``QWidget.saveGeometry()``/``restoreGeometry()`` mix the frame and the client area under some
window managers, so a window at the top of the screen crept down by its title bar at every
start; and a window opened on a smaller screen (or at a larger scale factor) was shrunk to fit,
then saved shrunk, and came back small on the big screen. Here the frame's position and the
size the user chose are kept apart: the window is fitted to the screen it opens on, and the size
saved is the one the user chose, unless they resized the window since.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from careerplanner.files import make_private

DEFAULT_SIZE = QSize(1200, 780)
SIZE, POSITION, MAXIMIZED = "window/size", "window/position", "window/maximized"
#: Room kept for the window manager's title bar and borders, which are not known before the
#: window is first shown: a window as tall as the screen would lose its status bar below it.
FRAME = QSize(8, 40)


def fit(size: QSize, position: QPoint | None, available: QRect, frame: QSize = FRAME) -> QRect:
    """Where a window of ``size`` at ``position`` (its frame's top-left; None: centred) goes on
    a screen whose free area is ``available``: as large as it was, up to the screen, and all of
    it, with its ``frame``, on the screen."""
    room_w, room_h = available.width() - frame.width(), available.height() - frame.height()
    width = min(size.width(), room_w)
    height = min(size.height(), room_h)
    if position is None:
        x = available.x() + (room_w - width) // 2
        y = available.y() + (room_h - height) // 2
    else:
        x = min(max(position.x(), available.x()), available.x() + room_w - width)
        y = min(max(position.y(), available.y()), available.y() + room_h - height)
    return QRect(x, y, width, height)


class WindowState:
    """Restores a window's size, place and maximised state, and saves them when it closes.
    The window calls ``resized()`` from its ``resizeEvent``."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        #: The size the user chose, which a small screen may not have room for.
        self.wanted = DEFAULT_SIZE
        #: The smaller size the window was fitted to at start, while the user keeps it.
        self._fitted: QSize | None = None

    def restore(self) -> None:
        settings = QSettings()
        wanted = settings.value(SIZE, DEFAULT_SIZE, type=QSize)
        self.wanted = wanted if wanted.isValid() and not wanted.isEmpty() else DEFAULT_SIZE
        position = settings.value(POSITION, QPoint(), type=QPoint)
        known = settings.contains(POSITION)
        screen = QGuiApplication.screenAt(position) if known else None
        screen = screen or self.window.screen() or QGuiApplication.primaryScreen()
        place = fit(self.wanted, position if known else None, screen.availableGeometry())
        self._fitted = place.size() if place.size() != self.wanted else None
        self.window.resize(place.size())
        self.window.move(place.topLeft())
        if settings.value(MAXIMIZED, False, type=bool):
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)

    def resized(self, size: QSize) -> None:
        """The user gave the window another size: that is the one to keep now."""
        if self._fitted is not None and size != self._fitted and not self.window.isMaximized():
            self._fitted = None

    def save(self) -> None:
        settings = QSettings()
        maximized = self.window.isMaximized()
        settings.setValue(MAXIMIZED, maximized)
        if maximized:
            return  # the size and place it had before stay saved
        size = self.window.size()
        settings.setValue(SIZE, self.wanted if self._fitted == size else size)
        settings.setValue(POSITION, self.window.pos())
        keep_private(settings)


def keep_private(settings: QSettings) -> None:
    """The settings file (the last folder used, the window's place) readable by its owner
    alone, like the data: written now, then made 0600 in a 0700 folder."""
    settings.sync()
    path = Path(settings.fileName())
    if path.is_file():
        make_private(path)
        make_private(path.parent, folder=True)
