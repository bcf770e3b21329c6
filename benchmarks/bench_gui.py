"""How the window feels, offscreen, on the real knowledge base and a temporary database: one
step of the hours control on the Plan page (re-plan, rebuild the month list and heading; the
timeline waits for the control to pause), the timeline redraw itself, and one rating on the
Skills page (save, refresh every page)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timing import timings  # benchmarks/timing.py; run.py puts benchmarks/ on the path

RUNS = 40


def _timings(work, runs: int = RUNS) -> tuple[float, float]:
    return timings(work, runs, warmup=3)


def run() -> list[tuple[str, float, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    from careerplanner.charts.plan import draw_timeline
    from careerplanner.gui.app import create_application
    from careerplanner.gui.main_window import MainWindow
    from careerplanner.gui.session import Session
    from careerplanner.knowledge import default_knowledge
    from careerplanner.services.profiles import Workspace
    from careerplanner.storage.database import open_database

    app = create_application()
    kb = default_knowledge()
    db_path = Path(tempfile.mkdtemp()) / "bench.db"
    session = Session(Workspace(open_database(db_path), kb), kb)
    session.create_profile("Bench", "software-engineer", "ml-engineer", 10)
    window = MainWindow(session, db_path)
    window.resize(1280, 800)
    window.show()
    window.show_page("plan")
    app.processEvents()
    plan = window.page_by_key["plan"]
    hours = iter(range(10_000))

    def slide() -> None:
        plan.hours_spin.setValue(5 + next(hours) % 30)
        app.processEvents()

    def redraw_timeline() -> None:
        snapshot = session.what_if(5 + next(hours) % 30)
        plan.timeline.plot(draw_timeline, snapshot.plan)
        plan.timeline._canvas.draw()  # draw now, as the next paint would

    skills = window.page_by_key["skills"]
    window.show_page("skills")
    skills.select_skill("pytorch")
    levels = iter(range(10_000))

    def rate() -> None:
        skills.rate(next(levels) % 5)
        app.processEvents()

    window.show_page("plan")
    slide_median, slide_p95 = _timings(slide)
    draw_median, draw_p95 = _timings(redraw_timeline, runs=15)
    window.show_page("skills")
    rate_median, rate_p95 = _timings(rate)
    window.close()
    return [
        ("hours control step: re-plan + month list + heading, median", slide_median, "ms"),
        ("hours control step, p95", slide_p95, "ms"),
        ("timeline redraw once the control pauses, median", draw_median, "ms"),
        ("timeline redraw, p95", draw_p95, "ms"),
        ("rate a skill: save + refresh every page, median", rate_median, "ms"),
        ("rate a skill, p95", rate_p95, "ms"),
    ]
