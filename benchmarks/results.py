"""What a benchmark reports: a metric with its goal, and the table and JSON ``make bench``
prints and writes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Metric:
    key: str  # its name in results.json, e.g. "startup_ratio"
    label: str  # what it measures, for people
    value: float
    unit: str  # "x" for a ratio against a baseline measured in the same run, "ms", "MB"...
    goal: float | None = None  # the most it may be; None: reported only
    baseline: str = ""  # the baseline's own figure, for the table
    app: str = ""  # the app's own figure, for the table
    spread: tuple[float, float] | None = None  # min and max of the value over the runs
    runs: dict[str, Any] = field(default_factory=dict)  # the raw figures, for results.json

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.value <= self.goal

    def verdict(self) -> str:
        if self.goal is None:
            return ""
        if self.value <= self.goal:
            return "met"
        over = self.value - self.goal
        if self.unit == "x":
            return f"missed by {over:.2f}x"
        return f"missed by {over:.3g} {self.unit}"


def _figure(value: float, unit: str) -> str:
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.3g} {unit}" if value < 100 else f"{value:.0f} {unit}"


def table(metrics: list[Metric]) -> str:
    rows = [("metric", "baseline", "app", "value (min-max)", "goal", "result")]
    for m in metrics:
        value = _figure(m.value, m.unit)
        if m.spread is not None:
            low, high = (_figure(v, m.unit) for v in m.spread)
            value += f" ({low}-{high})"
        goal = "" if m.goal is None else f"<= {_figure(m.goal, m.unit)}"
        rows.append((m.label, m.baseline, m.app, value, goal, m.verdict()))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def write_json(metrics: list[Metric], path: Path) -> None:
    document = {
        "metrics": {m.key: round(m.value, 4) for m in metrics},
        "goals": {m.key: m.goal for m in metrics if m.goal is not None},
        "met": {m.key: m.met for m in metrics if m.goal is not None},
        "runs": {m.key: m.runs for m in metrics if m.runs},
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
