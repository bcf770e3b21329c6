"""install-desktop.sh and `make install-desktop`: the menu entry, icons and metainfo go under
the user's XDG data folder, the entry starts the right program, and --uninstall takes exactly
those files away again."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import (
    APP_ID,
    HICOLOR,
    LINUX,
    METAINFO,
    ROOT,
    desktop_entry,
    require_tools,
)

SCRIPT = LINUX / "install-desktop.sh"


def _env(data_home: Path) -> dict[str, str]:
    return {
        "HOME": str(data_home.parent),
        "XDG_DATA_HOME": str(data_home),
        "PATH": os.environ["PATH"],
    }


def _install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", str(SCRIPT), *args], capture_output=True, text=True, env=_env(data_home), timeout=60
    )


def _program(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "careerplanner"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def _exec_path(value: str) -> str:
    """The program an Exec= value starts, read back as the Desktop Entry spec says: the
    string escapes first, then the quoting, then %% (a single argument here)."""
    assert value.startswith('"') and value.endswith('"'), value
    unescaped = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t"}.get(m[1], m[1]), value)
    inner = unescaped[1:-1]
    return re.sub(r'\\([\\"`$])', r"\1", inner).replace("%%", "%")


def _installed(data_home: Path) -> set[Path]:
    return {path.relative_to(data_home) for path in data_home.rglob("*") if path.is_file()}


def test_install_adds_the_entry_icons_and_metainfo_for_the_given_program(tmp_path):
    data_home = tmp_path / "share"
    program = _program(tmp_path / "My Apps")
    result = _install(data_home, "--exec", str(program))
    assert result.returncode == 0, result.stderr
    assert str(program) in result.stdout

    entry = data_home / "applications" / f"{APP_ID}.desktop"
    installed, original = desktop_entry(entry), desktop_entry()
    assert _exec_path(installed.pop("Exec")) == str(program)
    original.pop("Exec")
    assert installed == original
    assert (data_home / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    icons = {path.relative_to(HICOLOR) for path in HICOLOR.glob("*/apps/*")}
    assert len(icons) == 9
    for icon in icons:
        assert (data_home / "icons" / "hicolor" / icon).read_bytes() == (
            HICOLOR / icon
        ).read_bytes()


def test_a_path_with_spaces_quotes_dollars_and_percents_survives_the_exec_quoting(tmp_path):
    data_home = tmp_path / "share"
    program = _program(tmp_path / 'odd "name" $HOME `x` 100% back\\slash')
    assert _install(data_home, "--exec", str(program)).returncode == 0
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    assert _exec_path(desktop_entry(entry)["Exec"]) == str(program)
    if shutil.which("desktop-file-validate") or os.environ.get("CI"):
        require_tools("desktop-file-validate", package="desktop-file-utils")
        result = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        assert result.returncode == 0 and result.stdout == "", result.stdout


def test_uninstall_removes_what_install_added_and_nothing_else(tmp_path):
    data_home = tmp_path / "share"
    others = [
        data_home / "applications" / "org.example.Other.desktop",
        data_home / "icons" / "hicolor" / "48x48" / "apps" / "org.example.Other.png",
    ]
    for other in others:
        other.parent.mkdir(parents=True, exist_ok=True)
        other.write_text("another app's file")
    assert _install(data_home, "--exec", str(_program(tmp_path / "bin"))).returncode == 0
    assert len(_installed(data_home)) == 2 + 1 + 1 + 9

    result = _install(data_home, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert _installed(data_home) == {other.relative_to(data_home) for other in others}


def test_install_from_the_source_tree_says_which_program_to_pass(tmp_path):
    result = _install(tmp_path / "share")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "--exec PATH" in result.stderr
    assert not (tmp_path / "share").exists()


def test_install_refuses_a_file_that_is_not_a_program(tmp_path):
    not_a_program = tmp_path / "notes.txt"
    not_a_program.write_text("hello")
    result = _install(tmp_path / "share", "--exec", str(not_a_program))
    assert result.returncode == 1
    assert "is not a program" in result.stderr
    assert not (tmp_path / "share").exists()


def _make(target: str, data_home: Path, *variables: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), target, *variables],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


@pytest.mark.slow
def test_make_install_desktop_starts_the_venv_launcher_when_no_bundle_was_built(tmp_path):
    data_home = tmp_path / "share"
    result = _make("install-desktop", data_home, f"BUNDLE={tmp_path / 'no-bundle'}")
    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data_home / "applications" / f"{APP_ID}.desktop")
    assert _exec_path(entry["Exec"]) == str(ROOT / ".venv" / "bin" / "careerplanner")

    result = _make("uninstall-desktop", data_home)
    assert result.returncode == 0, result.stderr
    assert _installed(data_home) == set()


def test_make_install_desktop_starts_the_bundle_when_one_was_built(tmp_path):
    data_home = tmp_path / "share"
    bundle = _program(tmp_path / "dist" / "careerplanner").parent
    result = _make("install-desktop", data_home, f"BUNDLE={bundle}")
    assert result.returncode == 0, result.stderr
    entry = desktop_entry(data_home / "applications" / f"{APP_ID}.desktop")
    assert _exec_path(entry["Exec"]) == str(bundle / "careerplanner")
