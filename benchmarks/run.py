"""Run every ``benchmarks/bench_*.py`` and print one table of what they measured.

Each module has ``run() -> list[tuple[str, float, str]]``: (name, value, unit). Benchmarks
report numbers; they never fail a build (tests do not time things).
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # so each bench_*.py can import the shared timing helper


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
    rows: list[tuple[str, str, float, str]] = []
    failed = 0
    for path in discover():
        if wanted and path.stem not in wanted:
            continue
        started = time.perf_counter()
        try:
            results = load(path).run()
        except Exception as error:  # one broken benchmark should not hide the others
            print(f"{path.name}: failed: {type(error).__name__}: {error}", file=sys.stderr)
            failed += 1
            continue
        rows.extend((path.stem, name, value, unit) for name, value, unit in results)
        print(f"{path.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if rows:
        print(table(rows))
    return 1 if failed else 0


def table(rows: list[tuple[str, str, float, str]]) -> str:
    module_w = max(len("module"), *(len(r[0]) for r in rows))
    name_w = max(len("measure"), *(len(r[1]) for r in rows))
    lines = [f"{'module':<{module_w}}  {'measure':<{name_w}}  {'value':>10}  unit"]
    lines.append(f"{'-' * module_w}  {'-' * name_w}  {'-' * 10}  ----")
    for module, name, value, unit in rows:
        lines.append(f"{module:<{module_w}}  {name:<{name_w}}  {value:>10.3f}  {unit}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
