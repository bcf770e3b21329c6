"""How long the window's re-plan takes on the real knowledge base: the gap for every role plus
a full plan, as on each keystroke of the hours control. The budget is well under 5 ms."""

from __future__ import annotations

from datetime import date

from results import Metric
from timing import timings  # benchmarks/timing.py; run.py puts benchmarks/ on the path

from careerplanner.core.gap import analyse_all
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge

RUNS = 500


def _timings(work, runs: int = RUNS) -> tuple[float, float]:
    return timings(work, runs, warmup=20)


def run() -> list[Metric]:
    kb = default_knowledge()
    start = date(2027, 1, 1)
    results: list[Metric] = []
    cases = [
        ("software-engineer -> ml-engineer", "software-engineer", "ml-engineer", None),
        ("student -> ml-platform-engineer", "student", "ml-platform-engineer", None),
        ("software-engineer -> ml-engineer at 1 h/week", "software-engineer", "ml-engineer", 1),
    ]
    for label, background, target, hours in cases:
        levels = dict(kb.role(background).typical_levels)
        request = PlanRequest(levels, background, target, hours, start)

        def work(levels=levels, request=request) -> None:
            analyse_all(kb, levels)
            build_plan(kb, request)

        median, p95 = _timings(work)
        months = build_plan(kb, request).total_months
        key = f"plan_{background}_{target}{'_1h' if hours else ''}".replace("-", "_")
        results.append(Metric(f"{key}_ms", f"gap + plan, {label} ({months} months)", median, "ms"))
        results.append(Metric(f"{key}_p95_ms", f"gap + plan, {label}, p95", p95, "ms"))
    levels = dict(kb.role("software-engineer").typical_levels)
    median, p95 = _timings(lambda: analyse_all(kb, levels))
    results.append(Metric("gap_all_roles_ms", "gap for every role alone, median", median, "ms"))
    return results
