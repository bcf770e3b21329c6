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
        text = path.read_text(encoding="utf-8-sig")  # -sig: spreadsheets like to add a BOM
    except FileNotFoundError:
        raise UsageError(f"skills file not found: {path}") from None
    except IsADirectoryError:
        raise UsageError(f"skills file {path} is a folder; give a .json or .csv file") from None
    except UnicodeDecodeError:
        raise UsageError(f"skills file {path} is not UTF-8 text; save it as UTF-8") from None
    except OSError as error:
        raise UsageError(f"cannot read skills file {path}: {error.strerror}") from None
    is_json = path.suffix.lower() == ".json" or (
        path.suffix.lower() != ".csv" and text.lstrip().startswith("{")
    )
    rows = _json_rows(path, text) if is_json else _csv_rows(path, text)
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
    rows: list[tuple[str, object, str]] = []
    header_seen = False
    for number, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if len(cells) != 2:
            raise UsageError(
                f"{path} line {number}: expected two columns 'skill,level', got {len(cells)}"
            )
        if not rows and not header_seen and _is_header(cells):
            header_seen = True
            continue
        rows.append((cells[0], cells[1], f"line {number}"))
    return rows


def _is_header(cells: list[str]) -> bool:
    """The optional first row, e.g. ``skill,level``: words, not a skill and a number."""
    return cells[0].casefold() in {"skill", "skills", "name", "id"} and _level(cells[1]) is None


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


def _level(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().lstrip("+-").isdigit():
        return int(raw)
    return None
