"""A database on a read-only file or folder can still be read: export, profile list, gap and plan
--profile work, with no migration and no backup; a command that would write says what is wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from careerplanner.cli import main
from careerplanner.paths import backups_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")

FIRST_RELEASE = Path(__file__).parents[1] / "storage" / "fixtures" / "first_release.sql"

READS = [
    ["export"],
    ["export", "--csv"],
    ["profile", "list", "--format", "json"],
    ["gap", "--profile", "--format", "json"],
    ["plan", "--profile", "--format", "json"],
]


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) made unwritable: by its mode, or, for root, whom modes do
    not stop, by the immutable attribute."""
    if os.geteuid() != 0:
        before = path.stat().st_mode
        path.chmod(before & ~0o222)
        try:
            yield
        finally:
            path.chmod(before)
        return
    if not shutil.which("chattr") or subprocess.run(["chattr", "+i", str(path)]).returncode:
        pytest.skip("root needs chattr +i to make a file read-only")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def saved(tmp_path, capsys) -> Path:
    db = tmp_path / "data" / "me.db"
    create = ["profile", "create", "me", "--from", "student", "--to", "ml-engineer", "--hours", "5"]
    assert run(capsys, *create, "--db", str(db))[0] == 0
    assert run(capsys, "rate", "python", "3", "--db", str(db))[0] == 0
    return db


def _state(db: Path) -> tuple[bytes, list[str]]:
    return db.read_bytes(), sorted(p.name for p in backups_dir(db).iterdir())


@pytest.mark.parametrize("command", READS, ids=lambda c: " ".join(c))
def test_reads_work_on_a_read_only_file_and_change_nothing(saved, capsys, command):
    before = _state(saved)
    with read_only(saved):
        code, out, err = run(capsys, *command, "--db", str(saved))
    assert (code, err) == (0, "")
    assert "me" in out and ("python" in out or "Python" in out or "profiles" in out)
    assert _state(saved) == before


@pytest.mark.parametrize("command", READS, ids=lambda c: " ".join(c))
def test_reads_work_in_a_read_only_folder(saved, capsys, command):
    before = _state(saved)
    with read_only(saved.parent):
        code, out, err = run(capsys, *command, "--db", str(saved))
    assert (code, err) == (0, "")
    assert out
    assert _state(saved) == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["backups", "me.db"]


def test_a_change_to_a_read_only_file_says_it_is_read_only_and_what_still_works(saved, capsys):
    before = _state(saved)
    with read_only(saved):
        code, out, err = run(capsys, "rate", "sql", "2", "--db", str(saved))
    assert code == 1 and out == ""
    assert err == (
        f"careerplanner: error: Could not open the database: {saved} is read-only (the file, "
        "its folder or its disk cannot be written). Make it writable, or copy it to a folder "
        "you can write to; commands that only read it, such as export, work as it is.\n"
    )
    assert _state(saved) == before


def test_reading_an_older_files_read_only_copy_says_it_needs_updating(tmp_path, capsys):
    old = tmp_path / "old.db"
    connection = sqlite3.connect(old)
    connection.executescript(FIRST_RELEASE.read_text())
    connection.close()
    before = old.read_bytes()
    with read_only(old):
        code, out, err = run(capsys, "export", "--db", str(old))
    assert code == 1 and out == ""
    assert "was written by an older version of Career Planner and needs updating" in err
    assert "but it is read-only. Make it writable" in err and err.count("\n") == 1
    assert old.read_bytes() == before
    assert not backups_dir(old).exists()


def test_an_export_of_a_read_only_file_is_the_same_as_of_a_writable_one(saved, capsys):
    writable = run(capsys, "export", "--db", str(saved))[1]
    with read_only(saved):
        read_only_export = run(capsys, "export", "--db", str(saved))[1]
    assert json.loads(read_only_export) == json.loads(writable)
