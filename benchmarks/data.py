"""Databases the benchmarks open: a new user's (one profile, typical levels) and a heavy one
(ten years of daily check-ins and 50,000 ratings over the real catalogue's skills)."""

from __future__ import annotations

import json
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the source tree importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from careerplanner.knowledge import default_knowledge
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database, write_transaction

YEARS = 10
RATINGS = 50_000


def new_user(path: Path) -> Path:
    """One profile at a software engineer's typical levels, aiming at ML Engineer."""
    planner = Planner(open_database(path), default_knowledge(), path)
    planner.create_profile("Bench", "software-engineer", "ml-engineer", 10)
    planner.close()
    return path


def ten_years(path: Path) -> Path:
    """One profile started ten years ago with a check-in every day and 50,000 ratings, rated
    in order day after day: its readiness over time has a point for every day of the ten years.
    (The profile's first ratings, the background's typical levels, are dated its first day as
    well: dated today, they would come before the rest and hold every later day back to today,
    as a clock put back does.)"""
    kb = default_knowledge()
    skills = [skill.id for skill in kb.skills]
    rng = random.Random(5)
    first_day = date.today() - timedelta(days=YEARS * 365)
    planner = Planner(open_database(path), kb, path)
    planner.create_profile("Ten years", "software-engineer", "ml-engineer", 10, first_day)
    profile = planner.active_profile()
    assert profile is not None
    planner.close()
    db = open_database(path)
    days = YEARS * 365
    start = datetime.combine(first_day, datetime.min.time(), tzinfo=UTC)
    step = timedelta(days=days) / RATINGS
    with write_transaction(db):
        made = start.isoformat(timespec="seconds")
        db.conn.execute("UPDATE profiles SET created = ? WHERE id = ?", [made, profile.id])
        db.conn.execute(
            "UPDATE ratings SET rated_at = ?, day = ? WHERE profile_id = ?",
            [made, first_day.isoformat(), profile.id],
        )
        db.conn.executemany(
            "INSERT INTO ratings (profile_id, skill_id, level, note, rated_at, day) "
            "VALUES (?,?,?,?,?,?)",
            (
                (
                    profile.id,
                    rng.choice(skills),
                    rng.randint(0, 4),
                    None,
                    (start + step * n).isoformat(timespec="seconds"),
                    (start + step * n).date().isoformat(),
                )
                for n in range(RATINGS)
            ),
        )
        db.conn.executemany(
            "INSERT INTO checkins (profile_id, day, hours, note, skills, created) "
            "VALUES (?,?,?,?,?,?)",
            (
                (
                    profile.id,
                    (first_day + timedelta(days=n)).isoformat(),
                    rng.choice([0.5, 1, 1.5, 2]),
                    "practised",
                    json.dumps(rng.sample(skills, 2)),
                    f"{first_day + timedelta(days=n)}T20:00:00+00:00",
                )
                for n in range(days)
            ),
        )
    db.close()
    return path
