"""``make bench``: run every ``benchmarks/bench_*.py``, print one table of what they measured
against their goals, and write ``benchmarks/results.json``.

Each module has ``run() -> list[Metric]`` (``results.py``). Goals are ratios against baselines
measured in the same run wherever a baseline makes sense, so a faster or slower machine moves
both alike. Benchmarks report; they never fail a build (tests do not time things).
"""

from __future__ import annotations

import importlib.util
import sys
import time
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


def main(argv: list[str]) -> int:
    wanted = set(argv)  # optional module names to run, e.g. `run.py bench_core`
    metrics: list[Metric] = []
    failed = 0
    for path in discover():
        if wanted and path.stem not in wanted:
            continue
        started = time.perf_counter()
        print(f"{path.name} ...", file=sys.stderr, flush=True)
        try:
            metrics.extend(load(path).run())
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
