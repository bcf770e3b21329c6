"""Students' export files for the cohort tests, written as ``careerplanner export`` writes them:
three students on 6 April 2026, one ahead, one behind and one with no data yet, plus a broken
file and one from a newer version."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

#: The day the cohort and every student's own progress are worked out for.
TODAY = date(2026, 4, 6)
TODAY_TEXT = TODAY.isoformat()


def export_profile(
    name: str,
    background: str,
    target: str,
    hours: float,
    *,
    start_month: str = "2026-03",
    created: str = "2026-02-20",
    ratings: tuple[tuple[str, str, int], ...] = (),
    checkins: tuple[tuple[str, float, str], ...] = (),
) -> dict[str, Any]:
    """A profile object of an export file: ``ratings`` are (day, skill, level), ``checkins``
    (day, hours, note)."""
    return {
        "name": name,
        "background": background,
        "target": target,
        "hours_per_week": hours,
        "start_month": start_month,
        "created": f"{created}T12:00:00+00:00",
        "ratings": [
            {
                "skill": skill,
                "level": level,
                "note": f"private: {skill} evidence",
                "at": f"{day}T12:00:00+00:00",
                "day": day,
            }
            for day, skill, level in ratings
        ],
        "notes": [],
        "plans": [],
        "marks": [],
        "checkins": [
            {
                "day": day,
                "hours": hours_logged,
                "note": note,
                "skills": [],
                "created": f"{day}T20:00:00+00:00",
                "items": [],
            }
            for day, hours_logged, note in checkins
        ],
    }


def document(*profiles: dict[str, Any], version: int = 1) -> dict[str, Any]:
    return {
        "format": "careerplanner-export",
        "version": version,
        "active_profile": profiles[0]["name"] if profiles else None,
        "profiles": list(profiles),
    }


def write(path: Path, value: dict[str, Any]) -> Path:
    path.write_text(json.dumps(value, indent=2), encoding="utf-8")
    return path


def march_days(step: int) -> list[str]:
    """Every ``step``-th day from 2 March 2026 to 5 April."""
    first = date(2026, 3, 2)
    return [(first + timedelta(days=n)).isoformat() for n in range(0, 35, step)]


def ahead() -> dict[str, Any]:
    """Ada, 10 h a week, logs 5 h every other day: far more than her plan asks."""
    return export_profile(
        "Ada",
        "software-engineer",
        "ml-engineer",
        10,
        ratings=(("2026-02-20", "python", 3), ("2026-03-20", "pytorch", 2)),
        checkins=tuple((day, 5.0, "private: ahead of the class") for day in march_days(2)),
    )


def behind() -> dict[str, Any]:
    """Ben, 15 h a week, logs 2 h once a week."""
    return export_profile(
        "Ben",
        "student",
        "ai-engineer",
        15,
        ratings=(("2026-02-20", "python", 2),),
        checkins=tuple((day, 2.0, "private: a slow week") for day in march_days(7)),
    )


def no_data() -> dict[str, Any]:
    """Noor, 8 h a week, has not logged anything yet."""
    return export_profile("Noor", "data-scientist", "ml-engineer", 8)


def class_folder(folder: Path) -> Path:
    """Three students' files, a file that is not JSON and one from a newer Career Planner."""
    folder.mkdir(parents=True, exist_ok=True)
    write(folder / "ada.json", document(ahead()))
    write(folder / "ben.json", document(behind()))
    write(folder / "noor.json", document(no_data()))
    (folder / "broken.json").write_text('{"format": "careerplanner-export", "vers', "utf-8")
    write(folder / "newer.json", document(ahead(), version=2))
    (folder / "notes.txt").write_text("not an export, and not a .json file", "utf-8")
    return folder
