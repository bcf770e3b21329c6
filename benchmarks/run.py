"""``make bench``: run every ``benchmarks/bench_*.py``, print one table of what they measured
against their goals, and write ``benchmarks/results.json``.

Each module has ``run() -> list[Metric]`` (``results.py``) and runs in a process of its own,
so one module's memory and imports never reach another's figures (on Linux a child process
starts with its parent's peak memory as its own, so start-up memory must be measured from a
small parent). Goals are ratios against baselines measured in the same run wherever a baseline
makes sense, so a faster or slower machine moves both alike. Benchmarks report; they never fail
a build (tests do not time things).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # so each bench_*.py can import the shared helpers

from results import Metric, table, write_json  # noqa: E402

RESULTS = HERE / "results.json"


def discover() -> list[Path]:
    return sorted(HERE.glob("bench_*.py"))


def load(path: Path):
    spec = importlib.util.spec_from_file_location(f"benchmarks.{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_module(path: Path) -> list[Metric]:
    """Run one benchmark module in a fresh interpreter and read back its metrics."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "metrics.json"
        subprocess.run(
            [sys.executable, __file__, "--one", str(path), str(out)], check=True, timeout=1800
        )
        rows = json.loads(out.read_text(encoding="utf-8"))
    return [
        Metric(**{**row, "spread": tuple(row["spread"]) if row["spread"] else None}) for row in rows
    ]


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:  # inside the child: run one module, write its metrics
        metrics = load(Path(argv[1])).run()
        Path(argv[2]).write_text(json.dumps([asdict(m) for m in metrics]), encoding="utf-8")
        return 0
    wanted = set(argv)  # optional module names to run, e.g. `run.py bench_core`
    metrics: list[Metric] = []
    failed = 0
    for path in discover():
        if wanted and path.stem not in wanted:
            continue
        started = time.perf_counter()
        print(f"{path.name} ...", file=sys.stderr, flush=True)
        try:
            metrics.extend(run_module(path))
        except Exception as error:  # one broken benchmark should not hide the others
            print(f"{path.name}: failed: {type(error).__name__}: {error}", file=sys.stderr)
            failed += 1
            continue
        print(f"{path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if metrics:
        print(table(metrics))
        write_json(metrics, RESULTS)
        missed = [m for m in metrics if m.met is False]
        print(f"\n{len(metrics)} figures, {len(missed)} goal(s) missed; written to {RESULTS}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
