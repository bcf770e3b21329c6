"""The knowledge base is in our own words: no run of eight or more words in resources/ is prose
shared with the five source articles (facts and figures carry over; sentences do not).

The check is the project workspace's ``shared/tools/copied-runs``, found beside the repository
(``../shared``) or beside one of its parent folders; a user's checkout has no articles, and the
test says so rather than pass.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


def copied_runs_tool() -> Path | None:
    for folder in REPOSITORY.parents:
        tool = folder / "shared" / "tools" / "copied-runs"
        if tool.is_file() and (folder / "shared" / "seeds").is_dir():
            return tool
    return None


def test_resources_share_no_prose_with_the_articles():
    tool = copied_runs_tool()
    if tool is None:
        pytest.skip("no ../shared/tools/copied-runs and seeds beside this checkout to check with")
    result = subprocess.run(
        [sys.executable, str(tool), "resources"],
        cwd=REPOSITORY,
        capture_output=True,
        text=True,
        timeout=120,
    )
    prose = result.stdout.split("\nnames and numbers", 1)[0].strip()
    assert result.returncode == 0, f"copied sentences in resources/:\n{prose}"
    assert "\n0 prose runs" in result.stdout
