"""Writing the files a user asks for (exports, plans, reports): whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from careerplanner.errors import UsageError


def write_whole(path: Path, text: str | bytes) -> None:
    """Write under a temporary name, then rename: never half a file under the real name.
    Bytes are written as they are (an ICS file, a CSV with its CRLFs); text as UTF-8."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        if isinstance(text, bytes):
            partial.write_bytes(text)
        else:
            # newline="": the text's own line ends are kept (no CR CR LF on Windows).
            partial.write_text(text, encoding="utf-8", newline="")
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise UsageError(f"Cannot write {path}: {error.strerror or error}") from None
