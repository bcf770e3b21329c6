"""Storage at scale: a profile with ten years of daily check-ins and 50,000 ratings, opened and
read back as the Progress page does (median of several runs, in milliseconds).

The timed opens are later opens of the day, as most are: a quick look at the file. The day's
first open, which looks at the whole file before it makes the daily backup, is reported beside
them (``storage_first_open_10y_ms``)."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the source tree importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import data
from results import Metric

from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.paths import backups_dir
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database

RUNS = 9
FIRST_OPEN_RUNS = 5
TARGET_MS = 200.0


def build(path: Path) -> int:
    """The ten-year database the start-up benchmark opens too (``data.ten_years``); returns
    the id of its one profile."""
    data.ten_years(path)
    db = open_database(path)
    try:
        (profile,) = db.execute("SELECT id FROM profiles").fetchone()
    finally:
        db.close()
    return profile


def _empty_kb() -> KnowledgeBase:
    return KnowledgeBase(sources=(), categories=(), skills=(), roles=(), paths=(), salaries=())


def run() -> list[Metric]:
    with tempfile.TemporaryDirectory(prefix="careerplanner-bench-") as folder:
        path = Path(folder) / "careerplanner.db"
        profile = build(path)
        open_database(path).close()  # the day's first open makes the rolling backup; not timed
        timings: dict[str, list[float]] = {"open": [], "levels_over_time": [], "checkins": []}
        totals = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            db = open_database(path)
            t1 = time.perf_counter()
            ws = Planner(db, _empty_kb())
            series = ws.levels_over_time(profile)
            t2 = time.perf_counter()
            checkins = ws.checkins(profile)
            t3 = time.perf_counter()
            db.close()
            assert len(checkins) == data.YEARS * 365 and len(series) > 3000
            timings["open"].append(t1 - t0)
            timings["levels_over_time"].append(t2 - t1)
            timings["checkins"].append(t3 - t2)
            totals.append(t3 - t0)
        first_opens = []
        for _ in range(FIRST_OPEN_RUNS):
            for daily in backups_dir(path).glob(f"{path.name}.daily.*"):
                daily.unlink()  # so that the next open is the day's first
            t0 = time.perf_counter()
            open_database(path).close()
            first_opens.append(time.perf_counter() - t0)
        size_mb = path.stat().st_size / 1e6
    results = [
        Metric(
            f"storage_{name}_10y_ms",
            f"{name}, 10 y of check-ins + 50k ratings, median",
            statistics.median(values) * 1000,
            "ms",
        )
        for name, values in timings.items()
    ]
    results.append(
        Metric(
            "storage_read_10y_ms",
            "open + levels over time + check-ins, median",
            statistics.median(totals) * 1000,
            "ms",
            TARGET_MS,
        )
    )
    results.append(
        Metric(
            "storage_first_open_10y_ms",
            "the day's first open: the whole file checked, backed up, median",
            statistics.median(first_opens) * 1000,
            "ms",
            runs={"first_open_ms": [round(t * 1000, 1) for t in first_opens]},
        )
    )
    results.append(Metric("storage_10y_size_mb", "ten-year database size", size_mb, "MB"))
    return results


if __name__ == "__main__":
    for metric in run():
        print(f"{metric.label:60s} {metric.value:9.1f} {metric.unit}")
    print(f"(target: open + progress series well under {TARGET_MS:.0f} ms)")
