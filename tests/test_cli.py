from __future__ import annotations

import pytest

from careerplanner import __version__
from careerplanner.cli import main
from tests.helpers import run_cli

PRODUCT_COMMANDS = ["knowledge", "gap", "plan", "export", "import", "profile", "rate", "checkin"]


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"careerplanner {__version__}"


def test_help_lists_every_command_of_the_product(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in PRODUCT_COMMANDS:
        assert f"    {command}" in out, f"--help does not list {command!r}"
    assert "--db PATH" in out


def test_python_dash_m_runs_the_same_cli():
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"careerplanner {__version__}"


def test_unknown_command_is_a_usage_error_without_traceback():
    result = run_cli("fly-to-the-moon")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["profile", "list"], ["export"], ["rate", "python", "2"]])
def test_db_naming_a_folder_says_so_instead_of_disk_io_error(command, tmp_path, capsys):
    assert main([*command, "--db", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"careerplanner: error: --db must name a file, but {tmp_path} is a folder\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["window", "chart"])
def test_exit_after_quits_once_painted_with_the_profile_loaded(tmp_path, moment):
    import os
    import subprocess
    import sys

    db = tmp_path / "me.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = [sys.executable, "-m", "careerplanner", "--db", str(db)]
    # No profile yet: the welcome dialog paints, and the run ends without making one.
    first = subprocess.run([*run, "--exit-after", moment], env=env, timeout=60)
    assert first.returncode == 0
    listed = subprocess.run(
        [*run, "profile", "list"], env=env, capture_output=True, text=True, timeout=60
    )
    assert "no profiles" in (listed.stdout + listed.stderr).lower()
    subprocess.run(
        [
            *run,
            "profile",
            "create",
            "Me",
            "--from",
            "student",
            "--to",
            "ml-engineer",
            "--hours",
            "5",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    second = subprocess.run([*run, "--exit-after", moment], env=env, timeout=60)
    assert second.returncode == 0


def test_exit_after_is_not_advertised_to_users(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "exit-after" not in capsys.readouterr().out
