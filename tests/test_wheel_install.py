"""A regular (non-editable) install must find its resources when run from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def installed_wheel(tmp_path_factory) -> Path:
    """Build the wheel and install it, without dependencies, into a folder of its own."""
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next(dist.glob("careerplanner-*.whl"))
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    return target


def _run_installed(target: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # PYTHONPATH puts the installed copy ahead of the editable one; the dependencies come from
    # the test environment, so the test needs no network.
    env = {**os.environ, "PYTHONPATH": str(target)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )


@pytest.mark.slow
def test_wheel_install_finds_its_resources_from_another_directory(installed_wheel, tmp_path):
    result = _run_installed(
        installed_wheel,
        tmp_path,
        "-c",
        "import careerplanner, careerplanner.paths as p; "
        "print(careerplanner.__file__); print(p.resources_dir())",
    )
    assert result.returncode == 0, result.stderr
    module_file, resources = result.stdout.split()
    assert module_file.startswith(str(installed_wheel))
    assert resources.startswith(str(installed_wheel))
    assert (Path(resources) / "knowledge").is_dir()
    assert not str(resources).startswith(str(ROOT))


@pytest.mark.slow
def test_wheel_install_runs_the_command_line(installed_wheel, tmp_path):
    result = _run_installed(installed_wheel, tmp_path, "-m", "careerplanner", "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("careerplanner ")
    assert list(tmp_path.iterdir()) == [], "nothing may be written into the current directory"


@pytest.mark.slow
def test_wheel_install_plans_from_the_shipped_knowledge(installed_wheel, tmp_path):
    result = _run_installed(
        installed_wheel,
        tmp_path,
        "-m",
        "careerplanner",
        "plan",
        "--to",
        "ml-engineer",
        "--start",
        "2027-01",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["from"] == "software-engineer" and plan["to"] == "ml-engineer"
    assert plan["total_months"] == len(plan["months"]) > 0
    assert plan["months"][0]["start"] == "2027-01-01"
    assert list(tmp_path.iterdir()) == [], "nothing may be written into the current directory"


@pytest.mark.slow
def test_wheel_install_prints_the_knowledge_base_as_json(installed_wheel, tmp_path):
    result = _run_installed(
        installed_wheel, tmp_path, "-m", "careerplanner", "knowledge", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {p["id"] for p in data["paths"]} >= {"swe-to-ai", "swe-to-ml", "ai-to-ml", "ml-to-ai"}
    assert len(data["skills"]) >= 40
    assert list(tmp_path.iterdir()) == [], "nothing may be written into the current directory"
