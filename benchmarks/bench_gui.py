"""How the window feels, offscreen, on the real knowledge base:

- one step of the hours control on the Plan page, the whole of it: re-plan, the month list and
  heading, and the timeline drawn (its canvas rendered, as the next paint would show it);
- one rating on the Skills page: saved, and every page refreshed as a user would see it;
- the Progress page drawn for a ten-year database (report, charts and the check-in list).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import data
from results import Metric
from timing import median_p95, timings  # benchmarks/timing.py; run.py puts benchmarks/ on the path

RUNS = 40
WHAT_IF_GOAL_MS, RATE_GOAL_MS, PROGRESS_GOAL_MS = 50.0, 16.0, 300.0


def _window(app, db_path: Path):
    from careerplanner.gui.main_window import MainWindow
    from careerplanner.gui.session import Session
    from careerplanner.knowledge import default_knowledge
    from careerplanner.services.opening import open_planner

    session = Session(open_planner(db_path, default_knowledge()))
    window = MainWindow(session, db_path)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return window  # it keeps its session


def run() -> list[Metric]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    from careerplanner.gui.app import create_application

    app = create_application()
    folder = Path(tempfile.mkdtemp(prefix="careerplanner-bench-"))
    window = _window(app, data.new_user(folder / "new-user.db"))
    plan = window.page_by_key["plan"]
    window.show_page("plan")
    app.processEvents()
    hours = iter(range(10_000))
    parts: dict[str, list[float]] = {"list": [], "timeline": []}

    def what_if_step() -> None:
        started = time.perf_counter()
        plan.hours_spin.setValue(5 + next(hours) % 30)
        app.processEvents()
        listed = time.perf_counter()
        # Then the timeline: the page waits for the control to pause; here it draws at once.
        plan.timeline.flush()
        app.processEvents()
        parts["list"].append((listed - started) * 1000)
        parts["timeline"].append((time.perf_counter() - listed) * 1000)

    what_if_median, what_if_p95 = timings(what_if_step, RUNS, warmup=3)
    # The step's two halves, for finding where the time goes: re-plan, heading and month
    # list; then the timeline drawn. (Their p95s need not add up to the whole step's.)
    halves = {name: median_p95(samples[-RUNS:]) for name, samples in parts.items()}

    skills = window.page_by_key["skills"]
    window.show_page("skills")
    skills.select_skill("pytorch")
    levels = iter(range(10_000))

    def rate() -> None:
        skills.rate(next(levels) % 5)
        app.processEvents()

    rate_median, rate_p95 = timings(rate, RUNS, warmup=3)
    window.close()

    heavy = _window(app, data.ten_years(folder / "ten-years.db"))
    progress = heavy.page_by_key["progress"]
    drawn = []
    for _ in range(5):
        started = time.perf_counter()
        heavy.show_page("progress")
        progress.refresh()
        for chart in (progress.readiness_chart, progress.hours_chart):
            chart.flush()
        app.processEvents()
        drawn.append((time.perf_counter() - started) * 1000)
        heavy.show_page("skills")
        app.processEvents()
    heavy.close()
    drawn.sort()
    progress_ms = drawn[len(drawn) // 2]
    return [
        Metric(
            "what_if_p95_ms",
            "what-if: one hours step, plan, list and timeline on screen (p95)",
            what_if_p95,
            "ms",
            WHAT_IF_GOAL_MS,
            app=f"median {what_if_median:.1f} ms",
            runs={"median_ms": what_if_median},
        ),
        *(
            Metric(
                f"what_if_{name}_p95_ms",
                f"  of which {label} (p95, reported only)",
                p95,
                "ms",
                app=f"median {median:.1f} ms",
                runs={"median_ms": median},
            )
            for name, label, (median, p95) in (
                ("list", "re-plan, heading and month list", halves["list"]),
                ("timeline", "the timeline drawn", halves["timeline"]),
            )
        ),
        Metric(
            "rate_p95_ms",
            "rate a skill, every page refreshed (p95)",
            rate_p95,
            "ms",
            RATE_GOAL_MS,
            app=f"median {rate_median:.1f} ms",
            runs={"median_ms": rate_median},
        ),
        Metric(
            "progress_10y_ms",
            "Progress page drawn, ten-year database (median of 5)",
            progress_ms,
            "ms",
            PROGRESS_GOAL_MS,
            runs={"drawn_ms": drawn},
        ),
    ]
