"""Fuzzing the command line in-process: any arguments to any command end with exit status 0, 1
(a mistake, one line on stderr) or 2 (an argument argparse refused, one line too), and never
with an exception."""

from __future__ import annotations

import io
import os
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.cli import main

FOLDER = Path(tempfile.mkdtemp(prefix="careerplanner-cli-fuzz-"))
DB = FOLDER / "fuzz.db"

nasty = st.sampled_from(
    [
        "",
        " ",
        "\n",
        "a\nb",
        "\t",
        "x" * 3000,
        "caf\udce9",
        "\ud800",
        "²",
        "٣",
        "1e-320",
        "nan",
        "0.1",
        "-5",
        "81",
        "3",
        "0001-01-01",
        "2026-13",
        "2026-01",
        "--",
        "-x",
        "me",
        "python",
        "k8s",
        "ml-engineer",
        "student",
        "json",
        "table",
    ]
) | st.text(max_size=8)
# Paths come from a fixed list: random ones would write files all over the disk.
files = st.sampled_from(
    ["", ".", "missing.json", "missing/dir/x.json", "out.json", "caf\udce9.csv", str(FOLDER)]
)
databases = st.sampled_from([str(DB), str(DB), "", str(FOLDER), "missing/dir/x.db"])

COMMANDS: dict[tuple[str, ...], dict[str, st.SearchStrategy[str] | None]] = {
    ("knowledge",): {"--format": nasty},
    ("gap",): {"--skills": files, "--profile": nasty, "--from": nasty, "--format": nasty},
    ("plan",): {
        "--to": nasty,
        "--from": nasty,
        "--hours": nasty,
        "--start": nasty,
        "--format": nasty,
        "--out": files,
        "--profile": nasty,
    },
    ("profile", "create", "NAME"): {"--from": nasty, "--to": nasty, "--hours": nasty},
    ("profile", "use", "NAME"): {},
    ("profile", "list"): {"--format": nasty},
    ("profile", "delete", "NAME"): {"--yes": None},
    ("rate", "SKILL", "LEVEL"): {"--note": nasty, "--profile": nasty},
    ("checkin",): {"--hours": nasty, "--note": nasty, "--date": nasty, "--skills": nasty},
    ("export",): {"--out": files, "--csv": None, "--profile": nasty},
    ("import", "FILE"): {},
}


@st.composite
def command_lines(draw) -> list[str]:
    words, options = draw(st.sampled_from(list(COMMANDS.items())))
    argv = [draw(files) if w == "FILE" else draw(nasty) if w.isupper() else w for w in words]
    chosen = draw(st.lists(st.sampled_from(sorted(options) or ["--db"]), max_size=4))
    for option in chosen:
        values = options.get(option)
        argv.append(option)
        if option == "--db":
            argv.append(draw(databases))
        elif values is not None:
            argv.append(draw(values))
    if draw(st.booleans()):
        argv += ["--db", draw(databases)]
    return argv


@pytest.fixture(scope="module", autouse=True)
def in_the_fuzz_folder():
    before = os.getcwd()
    os.chdir(FOLDER)
    create = ["profile", "create", "me", "--from", "student", "--to", "ml-engineer"]
    assert main([*create, "--hours", "5", "--db", str(DB)]) == 0
    yield
    os.chdir(before)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command_lines())
def test_any_command_line_ends_in_a_result_or_one_line(argv):
    stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    stderr = io.StringIO()
    with redirect_stdout(stdout), redirect_stderr(stderr):
        try:
            code = main(argv)
        except SystemExit as stop:
            code = stop.code
    message = stderr.getvalue()
    assert code in (0, 1, 2), (argv, code, message)
    if code:
        assert message.count("\n") == 1 and message.startswith("careerplanner"), (argv, message)
        assert len(message) < 1100, argv
    assert "Traceback" not in message
