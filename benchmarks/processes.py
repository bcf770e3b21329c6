"""Timing whole processes from outside, the way a user waits for them: wall time from start to
exit and the process's own peak memory (``os.wait4``'s accounting of that child alone).

Runs alternate app, baseline, app, baseline ... so a machine that speeds up or slows down during
the run moves both alike, and each ratio is taken pair by pair."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values))


def run_once(command: Sequence[str], env: dict[str, str]) -> Run:
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return Run(seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


@dataclass(frozen=True)
class Pair:
    app: list[Run]
    baseline: list[Run]

    def time_ratio(self) -> Spread:
        return Spread.of(
            [a.seconds / b.seconds for a, b in zip(self.app, self.baseline, strict=True)]
        )

    def memory_ratio(self) -> Spread:
        return Spread.of(
            [a.peak_mib / b.peak_mib for a, b in zip(self.app, self.baseline, strict=True)]
        )

    def app_seconds(self) -> Spread:
        return Spread.of([r.seconds for r in self.app])

    def baseline_seconds(self) -> Spread:
        return Spread.of([r.seconds for r in self.baseline])

    def app_mib(self) -> Spread:
        return Spread.of([r.peak_mib for r in self.app])

    def baseline_mib(self) -> Spread:
        return Spread.of([r.peak_mib for r in self.baseline])

    def seconds_runs(self) -> dict[str, list[float]]:
        """Every run's time, the app's and the baseline's, for results.json."""
        return {
            "app_s": [r.seconds for r in self.app],
            "baseline_s": [r.seconds for r in self.baseline],
        }

    def mib_runs(self) -> dict[str, list[float]]:
        """Every run's peak memory, the app's and the baseline's, for results.json."""
        return {
            "app_mib": [r.peak_mib for r in self.app],
            "baseline_mib": [r.peak_mib for r in self.baseline],
        }


def alternate(
    app: Sequence[str], baseline: Sequence[str], env: dict[str, str], runs: int, warmup: int = 1
) -> Pair:
    for _ in range(warmup):
        run_once(app, env)
        run_once(baseline, env)
    app_runs, base_runs = [], []
    for _ in range(runs):
        app_runs.append(run_once(app, env))
        base_runs.append(run_once(baseline, env))
    return Pair(app_runs, base_runs)
