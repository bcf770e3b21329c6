"""The one way benchmarks time a piece of work: median and 95th percentile in milliseconds."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timings(work: Callable[[], object], runs: int, warmup: int = 3) -> tuple[float, float]:
    """Median and 95th percentile of ``runs`` calls, in milliseconds, after ``warmup`` calls."""
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return median_p95(samples)


def median_p95(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile of samples timed some other way (parts of one piece)."""
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]
