"""Test-wide set-up: no display, and no test ever touches the real user's data or settings."""

from __future__ import annotations

import os
import tempfile

# These must be set before Qt or platformdirs are first used, so they are set at import time.
_SANDBOX = tempfile.mkdtemp(prefix="careerplanner-tests-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CAREERPLANNER_DATA_DIR"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["MPLCONFIGDIR"] = os.path.join(_SANDBOX, "mpl")
os.environ["CAREERPLANNER_CACHE_DIR"] = os.path.join(_SANDBOX, "cache")
