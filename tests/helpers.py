"""Small helpers shared by tests that run the command line in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run ``python -m careerplanner ARGS`` in a fresh interpreter and return the result."""
    return subprocess.run(
        [sys.executable, "-m", "careerplanner", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
