"""How a command hands over what it made: to ``--out FILE`` (whole or not at all) or to
standard output, a CSV's CRLF line ends kept as they are on every system."""

from __future__ import annotations

import sys
from pathlib import Path

from careerplanner.files import write_whole


def write_output(output: str, out: Path | None, *, crlf: bool = False) -> None:
    if out is not None:
        write_whole(out, output)
        print(f"Wrote {out}", file=sys.stderr)
    elif crlf:  # written as bytes: a text stream would turn CRLF into CR CR LF on Windows
        sys.stdout.flush()
        sys.stdout.buffer.write(output.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(output)
