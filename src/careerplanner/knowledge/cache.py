"""The shipped knowledge base, kept ready in the user's cache folder between runs.

Reading and checking the TOML files takes most of a tenth of a second, every start; a validated
copy, pickled under a name made of the app's version and a hash of every data file, loads in a
couple of milliseconds. Any change to a file (or a new version) gives another name, so a stale
copy is never read; one that cannot be read is thrown away and the files are read again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from careerplanner import __version__
from careerplanner.paths import cache_dir

log = logging.getLogger(__name__)

T = TypeVar("T")
#: Copies of earlier data files or versions beyond the newest few are removed.
KEPT = 3


def fingerprint(folder: Path) -> str:
    """A hash of the app's version and the name and bytes of every data file in ``folder``."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(folder.glob("*.toml")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def cached(folder: Path, name: str, build: Callable[[], T], kind: type) -> T:
    """What ``build()`` makes from the files in ``folder``: from the cache when a copy of these
    very files is there, else built (checks and all) and then kept for the next run. A cache
    that cannot be read or written only costs the time to build."""
    try:
        key = fingerprint(folder)
    except OSError:
        return build()  # the files themselves will say what is wrong
    place = cache_dir() / "knowledge" / f"{name}-{key}.pickle"
    try:
        with open(place, "rb") as handle:
            found = pickle.load(handle)
        if isinstance(found, kind):
            return found
    except FileNotFoundError:
        pass
    except Exception as error:  # a damaged copy: build anew and replace it
        log.info("Discarding the cached %s %s: %s", name, place, error)
    value = build()
    _keep(place, value)
    return value


def _keep(place: Path, value: object) -> None:
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(prefix=place.name, dir=place.parent)
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, place)
        stem = place.name.split("-", 1)[0]
        older = sorted(place.parent.glob(f"{stem}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in older[:-KEPT]:
            old.unlink(missing_ok=True)
    except OSError as error:
        log.info("Could not keep a cached copy in %s: %s", place, error)
