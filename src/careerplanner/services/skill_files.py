"""Read a skills file: JSON ``{"skills": {"<id, name or alias>": level}}`` or CSV ``skill,level``
(with or without a header). Every mistake is a ``UsageError`` naming the file and what to fix."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from careerplanner.core import limits
from careerplanner.errors import UsageError, shown
from careerplanner.files import parse_json, read_text_file
from careerplanner.knowledge.model import MAX_LEVEL, MIN_LEVEL, KnowledgeBase, SkillId

EXAMPLE_JSON = '{"skills": {"python": 3, "pytorch": 1}}'

#: A skills file lists a few dozen skills; the app's own CSV export, notes and all, fits many
#: times over (500 skills with the longest note allowed is about 5 MB).
MAX_BYTES = 20 * 1024 * 1024


def read_skill_levels(path: str | Path, kb: KnowledgeBase) -> dict[SkillId, int]:
    """Levels by skill id from a ``.json`` or ``.csv`` file (other names: JSON if the text starts
    with ``{``, else CSV). Skills are matched by id, name or alias, ignoring case."""
    path = Path(path)
    text = read_text_file(path, "skills file", MAX_BYTES)
    is_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() != ".csv" and text.lstrip().startswith("{")
    )
    rows = [] if not text.strip() else _json_rows(path, text) if is_json else _csv_rows(path, text)
    if not rows:
        raise UsageError(f"{path} lists no skills; give at least one skill and its level")
    return _resolve(path, rows, kb)


def _json_rows(path: Path, text: str) -> list[tuple[str, object, str]]:
    try:
        document = parse_json(text, str(path))
    except UsageError as error:
        if "is not valid JSON" not in str(error):
            raise  # a key given twice, nesting too deep: the message says what to change
        raise UsageError(f"{error}; expected e.g. {EXAMPLE_JSON}") from None
    skills = document.get("skills") if isinstance(document, dict) else None
    if not isinstance(skills, dict):
        raise UsageError(f'{path} needs a "skills" object of skill: level, e.g. {EXAMPLE_JSON}')
    return [(name, level, f'"{shown(name)[1:-1]}"') for name, level in skills.items()]


def _csv_rows(path: Path, text: str) -> list[tuple[str, object, str]]:
    """Rows of ``skill,level``; with a header row, the ``skill`` and ``level`` columns in any
    order, other columns ignored (the app's own ``skill,name,level,note`` export reads back)."""
    rows: list[tuple[str, object, str]] = []
    columns: tuple[int, int] | None = None
    for number, row in _csv_records(path, text):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if not rows and columns is None:
            columns = _header_columns(path, number, cells)
            if columns is not None:
                continue
            columns = (0, 1)
            if len(cells) != 2:
                raise UsageError(
                    f"{path} line {number}: expected two columns 'skill,level' (or a header row "
                    f"naming the skill and level columns), got {len(cells)}"
                )
        assert columns is not None  # set by the first row just above
        skill_at, level_at = columns
        if max(skill_at, level_at) >= len(cells):
            raise UsageError(
                f"{path} line {number}: expected a skill and a level, got {len(cells)} column"
                + ("" if len(cells) == 1 else "s")
            )
        rows.append((cells[skill_at], cells[level_at], f"line {number}"))
    return rows


def _csv_records(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """Each CSV record with the line it starts on. A quote left open, or text after a closing
    quote, is a clear error; a cell may be as long as the file (a long note)."""
    with _field_limit(len(text)):
        reader = csv.reader(io.StringIO(text), strict=True)
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                if "unexpected end of data" in str(error):
                    raise UsageError(
                        f'{path} line {start}: a quote (") opened here is never closed; '
                        "close it or remove it"
                    ) from None
                raise UsageError(
                    f"{path} line {reader.line_num}: this is not valid CSV ({error}); "
                    'a cell with a quote in it is written "like ""this"""'
                ) from None
            yield start, row


@contextmanager
def _field_limit(size: int) -> Iterator[None]:
    # The csv module refuses cells over 131,072 characters by default, a limit shared by the
    # whole process: raised for this file only (its size bounds every cell), then put back.
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, size + 1))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


_SKILL_HEADERS = {"skill", "skills", "id"}
_LEVEL_HEADERS = {"level", "levels"}


def _header_columns(path: Path, number: int, cells: list[str]) -> tuple[int, int] | None:
    """Where the skill and level columns are, if the first row is a header (words, not a
    skill and a number); None when it is data."""
    folded = [cell.casefold() for cell in cells]
    if any(_level(cell) is not None for cell in cells):
        return None
    level_at = next((i for i, cell in enumerate(folded) if cell in _LEVEL_HEADERS), None)
    skill_at = next((i for i, cell in enumerate(folded) if cell in _SKILL_HEADERS), None)
    if skill_at is None and len(cells) == 2 and folded[0] == "name":
        skill_at = 0  # the old optional header "name,level"
    if skill_at is None and level_at is not None and "name" in folded:
        skill_at = folded.index("name")
    if skill_at is None and level_at is None:
        return None
    if skill_at is None or level_at is None:
        missing = "skill" if skill_at is None else "level"
        raise UsageError(f"{path} line {number}: the header row has no {missing!r} column")
    return skill_at, level_at


def _resolve(
    path: Path, rows: Iterable[tuple[str, object, str]], kb: KnowledgeBase
) -> dict[SkillId, int]:
    levels: dict[SkillId, int] = {}
    seen_as: dict[SkillId, str] = {}
    for name, raw, where in rows:
        skill = kb.find_skill(name)
        if skill is None:
            closest = kb.closest_skill_names(name)
            hint = f"; did you mean {', '.join(closest)}?" if closest else ""
            raise UsageError(f"{path} {where}: unknown skill {shown(name)}{hint}")
        if isinstance(raw, bool):
            raise UsageError(
                f"{path} {where}: level for {shown(name)} must be a whole number "
                f"{MIN_LEVEL}-{MAX_LEVEL}, not {str(raw).lower()}"
            )
        level = _level(raw)
        if level is None:
            raise UsageError(
                f"{path} {where}: level for {shown(name)} must be a whole number "
                f"{MIN_LEVEL}-{MAX_LEVEL}, got {shown(raw)}"
            )
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise UsageError(
                f"{path} {where}: level for {shown(name)} must be {MIN_LEVEL}-{MAX_LEVEL}, "
                f"got {level}"
            )
        if skill.id in levels and levels[skill.id] != level:
            raise UsageError(
                f"{path} {where}: {skill.name} is rated twice ({seen_as[skill.id]} and "
                f"{shown(name)}); keep one"
            )
        levels[skill.id] = level
        seen_as[skill.id] = shown(name)
    return levels


def _level(raw: object) -> int | None:
    """A level as written: a whole number, in JSON or as text ("3", " 3 ", "3.0"); anything
    else (``+-3``, ``²``, a number with 5,000 digits) is None."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        try:
            raw = limits.parse_number(raw, "a level")
        except limits.LimitError:
            return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)  # 3.0, as spreadsheets and some JSON writers give it
    return None
