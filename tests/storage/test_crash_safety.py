"""A writer killed with SIGKILL at random moments, many times, and two writers on one file:
the file always passes ``PRAGMA integrity_check`` and holds every edit reported committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest

from careerplanner.services.planner import Planner
from careerplanner.storage import open_database
from tests.storage_fixtures import small_knowledge_base

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"),
]


def _new_database(path: Path) -> None:
    db = open_database(path)
    Planner(db, small_knowledge_base()).create_profile("me", "student", "ml-engineer", 5)
    db.close()


def _start_writers(jobs: list[tuple[Path, str]], pause: float = 0.0) -> list[subprocess.Popen[str]]:
    """Start one writer per (file, tag), all at once; return when each has committed an edit."""
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.storage.crash_writer", str(path), tag, str(pause)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path, tag in jobs
    ]
    for writer in writers:
        first = writer.stdout.readline()  # past start-up, in the middle of its edits
        if not first:
            raise AssertionError(f"a writer failed: {writer.stderr.read()}")
        writer.first_marker = first.strip()  # type: ignore[attr-defined]
    return writers


def _kill(writer: subprocess.Popen[str]) -> set[str]:
    """SIGKILL the writer; return the markers it reported committed."""
    os.kill(writer.pid, signal.SIGKILL)
    rest = writer.stdout.read()
    writer.wait()
    writer.stderr.close()
    writer.stdout.close()
    return {writer.first_marker, *rest.split()}  # type: ignore[attr-defined]


def _check(path: Path, reported: set[str], writers: int) -> None:
    db = open_database(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in db.execute("SELECT note FROM ratings WHERE note IS NOT NULL")}
        stored |= {row[0] for row in db.execute("SELECT note FROM checkins")}
        assert reported <= stored, f"committed edits lost: {sorted(reported - stored)[:5]}"
        # Nothing but the edits in flight (one per writer per round) may be there unreported.
        assert len(stored - reported) <= writers
        # The two parts of a rating with a note were written together or not at all.
        for skill, note in db.execute("SELECT skill_id, note FROM skill_notes"):
            latest = db.execute(
                "SELECT note FROM ratings WHERE skill_id = ? AND note IS NOT NULL "
                "ORDER BY id DESC LIMIT 1",
                [skill],
            ).fetchone()
            assert latest == (note,)
    finally:
        db.close()


def test_a_writer_killed_at_random_moments_loses_no_committed_edit(tmp_path):
    rng = random.Random(2026)
    files = [tmp_path / f"kill-{n}.db" for n in range(4)]
    for path in files:
        _new_database(path)
    reported: dict[Path, set[str]] = {path: set() for path in files}
    kills = 0
    for round_ in range(ROUNDS):
        writers = _start_writers([(path, f"r{round_}") for path in files])
        for path, writer in zip(files, writers, strict=True):
            time.sleep(rng.uniform(0, 0.03))
            reported[path] |= _kill(writer)
            kills += 1
        for path in files:
            # Each round re-opens a file killed mid-write: recovery from a hot WAL, every time.
            _check(path, reported[path], writers=round_ + 1)
    assert kills == 4 * ROUNDS
    assert all(len(markers) > 6 for markers in reported.values())


def test_two_writers_on_one_file_neither_corrupt_it_nor_lose_edits(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "shared.db"
    _new_database(path)
    reported: set[str] = set()
    for round_ in range(3):
        first, second = _start_writers([(path, f"a{round_}"), (path, f"b{round_}")], pause=0.002)
        # Both writing at once, taking turns on the lock (long enough for a busy machine to
        # give each its turns).
        time.sleep(rng.uniform(0.25, 0.4))
        order = [first, second]
        rng.shuffle(order)
        for writer in order:
            reported |= _kill(writer)
            time.sleep(rng.uniform(0, 0.02))
        _check(path, reported, writers=2 * (round_ + 1))
    # The two really wrote while the other was running: in every round their edits interleave
    # (a, b, a), rather than one writer's block following the other's.
    db = open_database(path)
    notes = [
        row[0] for row in db.execute("SELECT note FROM ratings WHERE note NOT NULL ORDER BY id")
    ]
    db.close()
    rounds = [[note[0] for note in notes if note[1:].startswith(f"{n}-")] for n in range(3)]
    assert all(sum(a != b for a, b in pairwise(writers)) >= 2 for writers in rounds)
