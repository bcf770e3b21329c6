"""Start-up as a user waits for it, whole processes, offscreen, side by side with bare Qt:

- the window on screen with the profile loaded (Skills page) against a bare QMainWindow, in
  time and in peak memory;
- the first chart painted (the Gap page's readiness) against a bare QMainWindow with one
  FigureCanvasQTAgg bar chart;
- the window with a ten-year database, against the start-up budget (1.5x the bare window) plus
  100 ms.

Runs alternate app and baseline (``processes.py``); each ratio is the median of the pairs."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import data
from processes import alternate
from results import Metric

HERE = Path(__file__).resolve().parent
RUNS = 7
STARTUP_GOAL, MEMORY_GOAL, CHART_GOAL = 1.5, 1.5, 1.2
HEAVY_EXTRA_S = 0.100


def _env(folder: Path, scenario: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        # Window state of its own, never the user's, and one per scenario: the window reopens
        # on the page it closed on, so after the chart runs it would open on the Gap page.
        "XDG_CONFIG_HOME": str(folder / "config" / scenario),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "MPLCONFIGDIR": str(folder / "mpl"),  # kept between runs, as a user's would be
    }


def _app(db: Path, moment: str) -> list[str]:
    return [sys.executable, "-m", "careerplanner", "--db", str(db), "--exit-after", moment]


def _baseline(name: str) -> list[str]:
    return [sys.executable, str(HERE / "baselines" / name)]


def run() -> list[Metric]:
    with tempfile.TemporaryDirectory(prefix="careerplanner-bench-") as name:
        folder = Path(name)
        small = data.new_user(folder / "new-user.db")
        heavy = data.ten_years(folder / "ten-years.db")
        window = alternate(
            _app(small, "window"), _baseline("bare_window.py"), _env(folder, "window"), RUNS
        )
        chart = alternate(
            _app(small, "chart"), _baseline("bare_chart.py"), _env(folder, "chart"), RUNS
        )
        ten = alternate(
            _app(heavy, "window"), _baseline("bare_window.py"), _env(folder, "ten-years"), RUNS
        )
    base_s, app_s = window.baseline_seconds(), window.app_seconds()
    base_mib, app_mib = window.baseline_mib(), window.app_mib()
    time_ratio, memory_ratio, chart_ratio = (
        window.time_ratio(),
        window.memory_ratio(),
        chart.time_ratio(),
    )
    budget = STARTUP_GOAL * ten.baseline_seconds().median + HEAVY_EXTRA_S
    heavy_s = ten.app_seconds()
    return [
        Metric(
            "startup_ratio",
            "window on screen, profile loaded",
            time_ratio.median,
            "x",
            STARTUP_GOAL,
            baseline=f"{base_s.median:.2f} s",
            app=f"{app_s.median:.2f} s",
            spread=(time_ratio.low, time_ratio.high),
            runs=window.seconds_runs(),
        ),
        Metric(
            "startup_memory_ratio",
            "window on screen: peak memory",
            memory_ratio.median,
            "x",
            MEMORY_GOAL,
            baseline=f"{base_mib.median:.0f} MiB",
            app=f"{app_mib.median:.0f} MiB",
            spread=(memory_ratio.low, memory_ratio.high),
            runs=window.mib_runs(),
        ),
        Metric(
            "first_chart_ratio",
            "first chart painted (Gap page)",
            chart_ratio.median,
            "x",
            CHART_GOAL,
            baseline=f"{chart.baseline_seconds().median:.2f} s",
            app=f"{chart.app_seconds().median:.2f} s",
            spread=(chart_ratio.low, chart_ratio.high),
            runs=chart.seconds_runs(),
        ),
        Metric(
            "startup_10y_ms",
            "window on screen, ten-year database",
            heavy_s.median * 1000,
            "ms",
            budget * 1000,
            baseline=f"budget {budget:.2f} s",
            app=f"{heavy_s.median:.2f} s",
            spread=(heavy_s.low * 1000, heavy_s.high * 1000),
            runs=ten.seconds_runs(),
        ),
        Metric(
            "startup_10y_extra_ms",
            "  of which more than a new user's window (reported only)",
            (heavy_s.median - app_s.median) * 1000,
            "ms",
            baseline=f"new user {app_s.median:.2f} s",
            app=f"{heavy_s.median:.2f} s",
        ),
    ]
