"""Read a skills file: JSON ``{"skills": {"<id, name or alias>": level}}`` or CSV ``skill,level``
(with or without a header). Every mistake is a ``UsageError`` naming the file and what to fix."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from careerplanner.errors import UsageError
from careerplanner.knowledge.model import MAX_LEVEL, MIN_LEVEL, KnowledgeBase, SkillId

EXAMPLE_JSON = '{"skills": {"python": 3, "pytorch": 1}}'


def read_skill_levels(path: str | Path, kb: KnowledgeBase) -> dict[SkillId, int]:
    """Levels by skill id from a ``.json`` or ``.csv`` file (other names: JSON if the text starts
    with ``{``, else CSV). Skills are matched by id, name or alias, ignoring case."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"skills file not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"skills file {path} is a folder; give a .json or .csv file") from None
    except OSError as error:
        raise UsageError(f"cannot read skills file {path}: {error.strerror}") from None
    if looks_binary(raw):
        raise UsageError(f"{path} is not a JSON or CSV file (it looks like binary data)")
    try:
        text = raw.decode("utf-8-sig")  # -sig: spreadsheets like to add a BOM
    except UnicodeDecodeError:
        raise UsageError(f"skills file {path} is not UTF-8 text; save it as UTF-8") from None
    is_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() != ".csv" and text.lstrip().startswith("{")
    )
    rows = [] if not text.strip() else _json_rows(path, text) if is_json else _csv_rows(path, text)
    if not rows:
        raise UsageError(f"{path} lists no skills; give at least one skill and its level")
    return _resolve(path, rows, kb)


def _json_rows(path: Path, text: str) -> list[tuple[str, object, str]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(
            f"{path} is not valid JSON ({error.msg} at line {error.lineno} column {error.colno}); "
            f"expected e.g. {EXAMPLE_JSON}"
        ) from None
    skills = document.get("skills") if isinstance(document, dict) else None
    if not isinstance(skills, dict):
        raise UsageError(f'{path} needs a "skills" object of skill: level, e.g. {EXAMPLE_JSON}')
    return [(str(name), level, f'"{name}"') for name, level in skills.items()]


def _csv_rows(path: Path, text: str) -> list[tuple[str, object, str]]:
    """Rows of ``skill,level``; with a header row, the ``skill`` and ``level`` columns in any
    order, other columns ignored (the app's own ``skill,name,level,note`` export reads back)."""
    rows: list[tuple[str, object, str]] = []
    columns: tuple[int, int] | None = None
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
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
            raise UsageError(f"{path} {where}: unknown skill {name!r}{hint}")
        if isinstance(raw, bool):
            raise UsageError(
                f"{path} {where}: level for {name!r} must be a whole number "
                f"{MIN_LEVEL}-{MAX_LEVEL}, not {str(raw).lower()}"
            )
        level = _level(raw)
        if level is None:
            raise UsageError(
                f"{path} {where}: level for {name!r} must be a whole number "
                f"{MIN_LEVEL}-{MAX_LEVEL}, got {raw!r}"
            )
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            raise UsageError(
                f"{path} {where}: level for {name!r} must be {MIN_LEVEL}-{MAX_LEVEL}, got {level}"
            )
        if skill.id in levels and levels[skill.id] != level:
            raise UsageError(
                f"{path} {where}: {skill.name} is rated twice ({seen_as[skill.id]} and "
                f"{name!r}); keep one"
            )
        levels[skill.id] = level
        seen_as[skill.id] = repr(name)
    return levels


def looks_binary(raw: bytes) -> bool:
    """Bytes no text editor wrote (an image, a PDF, a zip): a NUL byte near the start, or
    more than one byte in ten that is not UTF-8 text."""
    head = raw[:4096]
    if b"\0" in head:
        return True
    return len(head) >= 32 and head.decode("utf-8", errors="replace").count("\ufffd") * 10 > len(
        head
    )


def _level(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)  # 3.0, as spreadsheets and some JSON writers give it
    if isinstance(raw, str) and raw.strip().lstrip("+-").isdigit():
        return int(raw)
    return None
