from __future__ import annotations

import json
import os
import re
import subprocess
import sys

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


# -- every mistake on one line (issue: never a traceback) ------------------------------------

CREATE = ["profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "5"]


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's own mistakes end with exit status 2
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(result: tuple[int, str, str], code: int = 1) -> str:
    got, out, err = result
    assert got == code and out == "", err
    assert err.count("\n") == 1 and err.startswith("careerplanner"), err
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plan", "--to", ""], "argument --to: needs a role id or name, e.g. ml-engineer"),
        (["plan", "--to", "ai-engineer", "--from", " "], "argument --from: needs a role id"),
        (["plan", "--to", "ml-engineer", "--out", ""], "argument --out: needs the name of a file"),
        (["export", "--out", ""], "argument --out: needs the name of a file to write"),
        (["export", "--out", "."], "argument --out: . is a folder; give the name of a file in"),
        (["plan", "--hours"], "argument --hours: expected one argument"),
        (["checkin", "--note", "x"], "the following arguments are required: --hours"),
        (["gap", "--format", "x" * 100_000], "argument --format: invalid choice"),
    ],
)
def test_argument_mistakes_are_one_line_with_where_to_look(tmp_path, capsys, argv, message):
    err = _one_line_error(_run(capsys, *argv, "--db", str(tmp_path / "me.db")), code=2)
    assert message in err
    assert err.rstrip().endswith("--help'")
    assert len(err) < 1100, "a refused value is cut short, not echoed whole"


# A name typed on a Latin-1 terminal: Python hands its bytes on as lone surrogates.
NOT_UTF8 = "caf\udce9"


@pytest.mark.parametrize(
    "argv",
    [
        ["profile", "use", NOT_UTF8],
        ["profile", "delete", NOT_UTF8, "--yes"],
        ["rate", "python", "2", "--note", NOT_UTF8],
        ["rate", "python", "2", "--profile", NOT_UTF8],
        ["checkin", "--hours", "1", "--note", NOT_UTF8],
        ["export", "--csv", "--profile", NOT_UTF8],
        ["gap", "--profile", NOT_UTF8],
        ["plan", "--profile", NOT_UTF8],
        ["profile", "create", NOT_UTF8, "--from", "student", "--to", "ml-engineer", "--hours", "5"],
    ],
    ids=lambda argv: " ".join(a for a in argv if a != NOT_UTF8),
)
def test_an_argument_that_is_not_utf8_is_one_line_and_changes_nothing(tmp_path, capsys, argv):
    db = tmp_path / "me.db"
    assert _run(capsys, *CREATE, "--db", str(db))[0] == 0
    before = db.read_bytes()
    err = _one_line_error(_run(capsys, *argv, "--db", str(db)))
    assert err == (
        "careerplanner: error: 'caf\\xe9' is not UTF-8 text: the terminal seems to use another "
        "encoding. Switch it to UTF-8 (e.g. LANG=C.UTF-8) and type it again\n"
    )
    assert db.read_bytes() == before


def test_a_file_name_that_is_not_utf8_is_still_a_file_name(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "me.db"
    assert _run(capsys, *CREATE, "--db", str(db))[0] == 0
    code, _out, err = _run(capsys, "export", "--out", NOT_UTF8 + ".json", "--db", str(db))
    assert code == 0, err
    assert (tmp_path / os.fsdecode(b"caf\xe9.json")).exists()


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="arguments as bytes")
def test_a_latin1_terminal_gets_its_output_and_one_line_errors(tmp_path):
    """The real thing: LC_ALL=C, output in Latin-1, an argument in Latin-1 bytes."""
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "latin-1"}
    run = [sys.executable, "-m", "careerplanner"]
    db = str(tmp_path / "me.db")
    subprocess.run([*run, *CREATE, "--db", db], env=env, check=True, capture_output=True)
    note = "RAG demo \u2713 \u2014 done".encode()
    subprocess.run([*run, "rate", "python", "2", "--note", note, "--db", db], env=env, check=True)

    exported = subprocess.run([*run, "export", "--db", db], env=env, capture_output=True)
    assert exported.returncode == 0, exported.stderr
    # What Latin-1 cannot show is written as a JSON escape, so the export still reads back.
    ratings = json.loads(exported.stdout.decode("latin-1"))["profiles"][0]["ratings"]
    assert ratings[-1]["note"] == "RAG demo \u2713 \u2014 done"

    rated = subprocess.run(
        [*run, "rate", "python", "3", "--note", b"caf\xe9", "--db", db],
        env=env,
        capture_output=True,
    )
    assert rated.returncode == 1
    assert rated.stderr.count(b"\n") == 1 and b"Traceback" not in rated.stderr
    assert b"'caf\\xe9' is not UTF-8 text" in rated.stderr


def test_a_name_with_a_newline_or_a_megabyte_keeps_the_error_on_one_short_line(tmp_path, capsys):
    db = tmp_path / "me.db"
    assert _run(capsys, *CREATE, "--db", str(db))[0] == 0
    err = _one_line_error(_run(capsys, "profile", "use", "first\nsecond", "--db", str(db)))
    assert "There is no profile named 'first second'" in err
    err = _one_line_error(_run(capsys, "profile", "use", "y" * 1_000_000, "--db", str(db)))
    assert len(err) < 1100 and err.rstrip().endswith("the profiles are: me")
    err = _one_line_error(_run(capsys, "rate", "python", "2", "--hours", "3", "--db", str(db)), 2)
    assert "unrecognized arguments: --hours 3" in err
    for name in ("²", "7" * 5000):  # digits, but no profile's id (int() refuses both)
        err = _one_line_error(_run(capsys, "profile", "use", name, "--db", str(db)))
        assert err.startswith("careerplanner: error: There is no profile named")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plan", "--to", "ml-engineer", "--hours", "0.1"], "must be from 1 to 80"),
        ([*CREATE[:-1], "0.1"], "must be from 1 to 80"),
        (["checkin", "--hours", "1", "--date", "0001-01-01"], "must be in 1990 or later"),
        (["checkin", "--hours", "25"], "must be from 0 to 24"),
        (["plan", "--to", "ml-engineer", "--hours", "1" * 5000], "needs a number, not '1111"),
    ],
)
def test_values_outside_their_range_are_refused_from_the_command_line(
    tmp_path, capsys, argv, message
):
    db = tmp_path / "me.db"
    assert _run(capsys, *CREATE, "--db", str(db))[0] == 0
    err = _one_line_error(_run(capsys, *argv, "--db", str(db)))
    assert message in err and len(err) < 300


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('"hours_per_week": 5.0', '"hours_per_week": 1e-320'), "hours_per_week: expected from 1"),
        (('"hours_per_week": 5.0', '"hours_per_week": 5.0, "name": "b"'), "key 'name' appears"),
        ((r'"day": "\d{4}', '"day": "0001'), "ratings[0].day: expected a day in 1990 or later"),
    ],
)
def test_an_import_with_a_value_out_of_range_or_a_key_twice_is_one_line(
    tmp_path, capsys, change, message
):
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    assert _run(capsys, *CREATE, "--db", str(source))[0] == 0
    assert _run(capsys, "checkin", "--hours", "1", "--db", str(source))[0] == 0
    exported = _run(capsys, "export", "--db", str(source))[1]
    broken = tmp_path / "broken.json"
    broken.write_text(re.sub(*change, exported, count=1))
    assert broken.read_text() != exported
    assert _run(capsys, "profile", "list", "--db", str(target))[0] == 0
    err = _one_line_error(_run(capsys, "import", str(broken), "--db", str(target)))
    assert message in err
    assert "No profiles yet" in _run(capsys, "profile", "list", "--db", str(target))[1]
