"""A writer process for the crash tests: makes committed edits as fast as it can and prints a
marker for each one after it is committed, until it is killed.

    python -m tests.storage.crash_writer DB_PATH TAG [PAUSE_SECONDS]
"""

from __future__ import annotations

import sys
import time

# sqlite-utils imports numpy and pandas when they are installed (matplotlib brings numpy);
# this writer needs neither, and skipping them makes each of the many start-ups 3x faster.
sys.modules.setdefault("numpy", None)  # type: ignore[arg-type]
sys.modules.setdefault("pandas", None)  # type: ignore[arg-type]

# ruff: noqa: E402
from datetime import date
from pathlib import Path

from careerplanner.services.edits import AddCheckin, RateSkill
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database
from tests.storage_fixtures import small_knowledge_base

SKILLS = ["python", "sql", "pytorch"]


def main(path: str, tag: str, pause: float = 0.0, count: int = 10_000) -> None:
    db = open_database(Path(path))
    ws = Planner(db, small_knowledge_base())
    profile = ws.active_profile()
    assert profile is not None, "the test creates the profile before starting writers"
    for n in range(count):
        marker = f"{tag}-{n}"
        if n % 2:
            edit = AddCheckin(profile.id, date(2026, 1, 1 + n % 28), 1.0, marker, ["python"])
        else:
            # Two tables in one transaction: the rating and the skill's current note.
            edit = RateSkill(profile.id, SKILLS[n % 3], n % 5, note=marker)
        ws.do(edit)
        print(marker, flush=True)
        if pause:
            time.sleep(pause)  # like a person between clicks: the other writer gets its turn


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0.0)
