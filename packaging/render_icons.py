"""Render the app icon's PNGs from its SVG source, at the sizes desktops look for.

    .venv/bin/python packaging/render_icons.py

Run it after editing resources/icons/hicolor/scalable/apps/<id>.svg and commit the PNGs: the
window, the desktop entry and the bundle use them, and tests/packaging checks their sizes.
"""

from __future__ import annotations

import sys
from pathlib import Path

APP_ID = "io.github.careerplanner.CareerPlanner"
HICOLOR = Path(__file__).resolve().parent.parent / "resources" / "icons" / "hicolor"
SOURCE = HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg"
#: The freedesktop icon theme's usual application icon sizes.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render() -> list[Path]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG file")
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in render():
        print(path.relative_to(HICOLOR.parent.parent.parent))
    sys.exit(0)
