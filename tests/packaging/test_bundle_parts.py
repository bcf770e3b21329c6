"""The parts of the bundle that can be checked without building it: the run-time hook (the
font cache it keeps, the library path it gives back), and the end-to-end run the spec uses to
prove that what it leaves out is never needed."""

from __future__ import annotations

import ast
import os
import runpy
import subprocess
import sys

import pytest

from tests.packaging.conftest import ROOT

HOOK = ROOT / "packaging" / "pyi_rth_careerplanner.py"
PROBE = ROOT / "packaging" / "runtime_modules.py"


def _never_imported() -> list[str]:
    """The spec's NEVER_IMPORTED list, read from the spec's source."""
    tree = ast.parse((ROOT / "packaging" / "careerplanner.spec").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets] == ["NEVER_IMPORTED"]:
            return ast.literal_eval(node.value)
    raise AssertionError("the spec has no NEVER_IMPORTED list")


def test_hook_keeps_matplotlib_config_in_the_user_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)  # the hook may change it: restored
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    runpy.run_path(str(HOOK))
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "cache" / "careerplanner" / "matplotlib")
    assert not (tmp_path / "cache").exists(), "a launch that draws no chart writes nothing"


def test_hook_leaves_a_matplotlib_folder_the_user_chose(monkeypatch, tmp_path):
    monkeypatch.delenv("LD_LIBRARY_PATH", raising=False)
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "mine"))
    runpy.run_path(str(HOOK))
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "mine")


def test_hook_gives_programs_the_app_starts_the_user_s_library_path(monkeypatch):
    # What the bundle's launcher sets: its own folder first, the user's value kept aside.
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/bundle/_internal:/opt/mine")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/opt/mine")
    runpy.run_path(str(HOOK))
    assert os.environ["LD_LIBRARY_PATH"] == "/opt/mine"
    assert "LD_LIBRARY_PATH_ORIG" not in os.environ


def test_hook_drops_the_library_path_the_user_did_not_have(monkeypatch):
    monkeypatch.setenv("LD_LIBRARY_PATH", "/opt/bundle/_internal")
    monkeypatch.delenv("LD_LIBRARY_PATH_ORIG", raising=False)
    runpy.run_path(str(HOOK))
    assert "LD_LIBRARY_PATH" not in os.environ


def _probe(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, timeout=300
    )


@pytest.mark.slow
def test_the_app_runs_end_to_end_without_what_the_spec_leaves_out():
    left_out = _never_imported()
    assert {"PySide6.QtNetwork", "numpy.random", "numpy.fft", "PIL._avif"} <= set(left_out)
    result = _probe("--block", ",".join(left_out))
    assert result.returncode == 0, result.stderr
    used = set(result.stdout.split())
    assert {"careerplanner.gui.main_window", "matplotlib.backends.backend_qtagg"} <= used
    assert not {name for name in used if name.split(".")[0] in left_out or name in left_out}


@pytest.mark.slow
def test_the_end_to_end_run_fails_without_a_module_the_app_needs():
    result = _probe("--block", "numpy")
    assert result.returncode != 0
    assert "No module named 'numpy' (blocked)" in result.stderr
