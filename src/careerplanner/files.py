"""Reading the files a user gives (skills files, imports, postings) and writing the ones they ask
for (exports, plans): text read in one way, with one clear line for every kind of bad file;
files written whole or not at all, readable by their owner alone."""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tempfile
from itertools import accumulate
from pathlib import Path
from typing import Any

from careerplanner.errors import UsageError, shown

#: Files and folders holding the user's data are theirs alone: personal notes and progress.
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

#: JSON a person or this app writes nests a dozen levels at most (an export: about eleven).
MAX_JSON_DEPTH = 64

# Byte-order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


# -- reading -------------------------------------------------------------------------------------


def read_text_file(path: str | os.PathLike[str], what: str, max_bytes: int) -> str:
    """The text of the file at ``path``, with ``\\n`` line ends (CRLF and CR alone included).

    UTF-8 with or without a byte-order mark, and UTF-16 or UTF-32 with one, are read; anything
    else, a folder, a missing file or one over ``max_bytes`` is a ``UsageError`` of one line
    that names the file (``what`` says what it is for: "skills file", "import file") and says
    what to do.
    """
    path = Path(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(f"{what} {path} is a folder; give a file")
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(f"{what} {path} is not a regular file; give a file")
        if info.st_size > max_bytes:
            raise UsageError(f"{what} {path} is larger than {_size(max_bytes)}")
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UsageError(f"{what} not found: {path}") from None
    except OSError as error:
        raise UsageError(f"cannot read {what} {path}: {error.strerror or error}") from None
    if len(raw) > max_bytes:  # it grew while being read
        raise UsageError(f"{what} {path} is larger than {_size(max_bytes)}")
    return decode_text(raw, str(path))


def decode_text(raw: bytes, source: str) -> str:
    """``raw`` as text (see ``read_text_file``), or a ``UsageError`` naming ``source``."""
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is not None:
        bom = next(bom for bom, name in _BOMS if name == encoding and raw.startswith(bom))
        body = raw[len(bom) :]
    else:
        if _looks_like_utf16(raw):
            raise UsageError(f"{source} is UTF-16 text without a byte-order mark; save it as UTF-8")
        if looks_binary(raw):
            raise UsageError(f"{source} is not a text file (it looks like binary data)")
        encoding, body = "utf-8", raw
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        name = encoding.upper().removesuffix("-LE").removesuffix("-BE")
        raise UsageError(
            f"{source} is not {name} text (its byte {error.start + len(raw) - len(body) + 1} "
            f"cannot be read); save it as UTF-8"
        ) from None
    if "\0" in text:
        raise UsageError(f"{source} is not a text file (it looks like binary data)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(raw: bytes) -> bool:
    """Bytes no text editor wrote (an image, a PDF, a zip): a NUL byte near the start, or
    more than three bytes in ten that are not UTF-8 (random bytes have about half; text in
    Latin-1, which deserves its own message, far fewer)."""
    head = raw[:4096]
    if b"\0" in head:
        return True
    undecodable = head.decode("utf-8", errors="replace").count("\ufffd")
    return len(head) >= 32 and undecodable * 10 > len(head) * 3


def _looks_like_utf16(raw: bytes) -> bool:
    """Text such as ASCII written as UTF-16 without a mark: every other byte is NUL."""
    head = raw[:4096]
    if len(head) < 4:
        return False
    evens, odds = head[0::2], head[1::2]
    return (evens.count(0) == 0 and odds.count(0) * 10 >= len(odds) * 9) or (
        odds.count(0) == 0 and evens.count(0) * 10 >= len(evens) * 9
    )


def parse_json(text: str, source: str) -> Any:
    """The JSON value in ``text``, or one ``UsageError`` line naming ``source``: a syntax error
    with its line and column, NaN or Infinity, a key given twice in one object, a number too
    long to read, or nesting deeper than ``MAX_JSON_DEPTH``."""
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise UsageError(
            f"{source} nests lists or objects {depth:,} deep, more than the {MAX_JSON_DEPTH} "
            f"a Career Planner file can have"
        )
    try:
        return json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{source} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except _DuplicateKey as error:
        raise UsageError(
            f"{source}: the key {shown(error.key)} appears twice in one object; keep one of them"
        ) from None
    except _NotANumber as error:
        raise UsageError(f"{source} is not valid JSON ({error.name} is not a number)") from None
    except RecursionError:
        raise UsageError(f"{source} nests lists or objects too deeply to be read") from None
    except ValueError:  # the only other one: an integer of thousands of digits
        raise UsageError(f"{source} has a number too long to be read") from None


_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_BRACKET = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """How deep ``text``'s lists and objects nest (brackets inside strings do not count)."""
    if text.count("[") + text.count("{") <= MAX_JSON_DEPTH:
        return 0  # too few brackets to nest too deep: the common case costs two counts
    brackets = _BRACKET.findall(_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _NotANumber(ValueError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON lets a key appear twice and the last one silently wins: a user's file never means that.
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return found


def _no_constant(name: str) -> float:
    raise _NotANumber(name)


# -- writing -------------------------------------------------------------------------------------


def write_whole(path: str | os.PathLike[str], text: str | bytes) -> None:
    """Write ``path`` whole or not at all: under a temporary name of its own beside it, made
    durable, then renamed into place, so neither a crash nor a second writer ever leaves half a
    file under the real name. Bytes are written as they are (an ICS file, a CSV with its
    CRLFs); text as UTF-8 with its own line ends. The file is readable by its owner alone."""
    path = Path(path)
    if not path.name or path.is_dir():
        raise UsageError(f"Cannot write {str(path) or repr('')}: give the name of a file")
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    folder = path.parent
    try:
        handle, partial = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
    except OSError as error:
        raise UsageError(f"Cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            _make_private(stream.fileno())
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
        sync_folder(folder)
    except OSError as error:
        Path(partial).unlink(missing_ok=True)
        raise UsageError(f"Cannot write {path}: {error.strerror or error}") from None


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and private (0600 whatever the umask); an existing file is kept."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    try:
        _make_private(handle)
    finally:
        os.close(handle)


def make_private(path: Path, folder: bool = False) -> None:
    """Take away group and other access from ``path`` if it has any (POSIX; a no-op when the
    file is not ours to change)."""
    if os.name != "posix":
        return
    mode = PRIVATE_FOLDER if folder else PRIVATE_FILE
    try:
        if path.stat().st_mode & 0o077:
            os.chmod(path, stat.S_IMODE(path.stat().st_mode) & mode)
    except OSError:
        pass


def create_private_folder(path: Path) -> None:
    """Create ``path`` and any missing parents, each one 0700 whatever the umask; folders that
    already exist are left as they are."""
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made at the same moment by another instance
        if os.name == "posix":
            os.chmod(folder, PRIVATE_FOLDER)


def sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (POSIX; elsewhere the rename is enough)."""
    if os.name != "posix":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _make_private(handle: int) -> None:
    if os.name == "posix":
        os.fchmod(handle, PRIVATE_FILE)


def _size(limit: int) -> str:
    return f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"
