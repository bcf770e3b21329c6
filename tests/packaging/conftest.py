"""Shared by the packaging tests: where the packaging files are, and the system tools some
tests need (desktop-file-validate, appstreamcli, Xvfb). Without a tool a test is skipped on a
developer's machine, but fails under CI (which sets CI=true), where .ci/run installs them all."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
APP_ID = "io.github.careerplanner.CareerPlanner"
LINUX = ROOT / "packaging" / "linux"
DESKTOP_ENTRY = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"


def require_tools(*names: str, package: str) -> None:
    missing = [name for name in names if shutil.which(name) is None]
    if not missing:
        return
    message = f"needs {', '.join(missing)} (Debian package {package})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}: .ci/run installs it")
    pytest.skip(message)


def load_script(name: str):
    """A script in packaging/ as a module (the folder is no package: its name is taken)."""
    path = ROOT / "packaging" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"careerplanner_packaging_{name}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def desktop_entry(path: Path = DESKTOP_ENTRY) -> dict[str, str]:
    """The [Desktop Entry] group's keys and values."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values[key] = value
    return values
