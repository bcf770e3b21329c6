"""The app icon: an SVG source and PNGs at the sizes desktops look for, all named by the app
id that the desktop entry and the metainfo use; the window offers every size."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from careerplanner.gui.app import create_application
from tests.packaging.conftest import APP_ID, HICOLOR, desktop_entry, load_script

SIZES = load_script("render_icons").SIZES


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG file"
    return struct.unpack(">II", header[16:24])


def test_icon_png_exists_at_every_usual_size():
    assert set(SIZES) >= {16, 24, 32, 48, 64, 128, 256, 512}
    for size in SIZES:
        assert _png_size(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png") == (size, size)


def test_icon_source_is_a_scalable_svg():
    root = ET.parse(HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"


def test_every_icon_file_is_named_by_the_app_id_the_desktop_entry_names():
    assert desktop_entry()["Icon"] == APP_ID
    names = {path.name for path in HICOLOR.glob("*/apps/*")}
    assert names == {f"{APP_ID}.png", f"{APP_ID}.svg"}


def test_window_icon_offers_every_size():
    sizes = create_application().windowIcon().availableSizes()
    assert {(size.width(), size.height()) for size in sizes} >= {(n, n) for n in SIZES}
