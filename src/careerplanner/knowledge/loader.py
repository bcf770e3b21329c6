"""Reads the knowledge base data files (TOML in ``resources/knowledge``) into frozen dataclasses.

This module checks the shape of each file (syntax, required keys, types, known keys); the checks
that need the whole picture (references, ranges, cycles, citations) live in ``validate``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from careerplanner.knowledge.errors import KnowledgeError, did_you_mean
from careerplanner.knowledge.model import (
    Category,
    CategoryId,
    Disagreement,
    DurationClaim,
    Fact,
    Family,
    KnowledgeBase,
    PathId,
    PathPhase,
    PhaseStep,
    PivotPath,
    Requirement,
    Role,
    RoleId,
    SalaryBand,
    Skill,
    SkillId,
    Source,
    SourceId,
    Track,
    Weight,
)
from careerplanner.knowledge.validate import validate
from careerplanner.paths import resources_dir

#: Every data file, each holding one top-level array of the same name as its key.
FILES = {
    "sources": "sources.toml",
    "categories": "categories.toml",
    "skills": "skills.toml",
    "roles": "roles.toml",
    "paths": "paths.toml",
    "salaries": "salaries.toml",
    "disagreements": "disagreements.toml",
    "facts": "market.toml",
}

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)
_MISSING: Any = object()


def load_knowledge(folder: Path | None = None) -> KnowledgeBase:
    """Load and validate the knowledge base in ``folder`` (default: the shipped one).

    Raises ``KnowledgeError`` naming the file and key of the first problem found.
    """
    folder = resources_dir() / "knowledge" if folder is None else Path(folder)
    docs = {kind: _read_toml(folder, file) for kind, file in FILES.items()}

    def items(kind: str, read: Callable[[_Node], T]) -> tuple[T, ...]:
        root = _Node(docs[kind], FILES[kind], "")
        entries = tuple(_read(node, read) for node in root.tables(kind, by_id=True))
        root.finish()
        return entries

    knowledge = KnowledgeBase(
        sources=items("sources", _source),
        categories=items("categories", _category),
        skills=items("skills", _skill),
        roles=items("roles", _role),
        paths=items("paths", _path),
        salaries=items("salaries", _salary),
        disagreements=items("disagreements", _disagreement),
        facts=items("facts", _fact),
    )
    validate(knowledge)
    return knowledge


def _read_toml(folder: Path, file: str) -> dict[str, Any]:
    path = folder / file
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(file, "", f"file is missing from {folder}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(file, "", f"cannot be read: {error}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line N, column M)".
        raise KnowledgeError(file, "", f"invalid TOML: {error}") from None


def _read(node: _Node, read: Callable[[_Node], T]) -> T:
    value = read(node)
    node.finish()
    return value


class _Node:
    """One TOML table being read, with its location for error messages."""

    def __init__(self, data: dict[str, Any], file: str, key: str) -> None:
        self.data = data
        self.file = file
        self.key = key
        self._seen: set[str] = set()

    def where(self, name: str) -> str:
        return f"{self.key}.{name}" if self.key else name

    def error(self, name: str, problem: str) -> KnowledgeError:
        return KnowledgeError(self.file, self.where(name), problem)

    def _raw(self, name: str, default: Any) -> Any:
        self._seen.add(name)
        if name in self.data:
            return self.data[name]
        if default is _MISSING:
            raise self.error(name, "required key is missing")
        return default

    def _expect(self, name: str, value: Any, wanted: type | tuple[type, ...], what: str) -> Any:
        types = wanted if isinstance(wanted, tuple) else (wanted,)
        # TOML booleans are Python ints; a level of `true` must not pass as 1.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise self.error(name, f"expected {what}, got {_describe(value)}")
        return value

    def text(self, name: str, default: Any = _MISSING) -> str:
        return self._expect(name, self._raw(name, default), str, "text")

    def optional_text(self, name: str) -> str | None:
        value = self._raw(name, None)
        return None if value is None else self._expect(name, value, str, "text")

    def integer(self, name: str, default: Any = _MISSING) -> int:
        return self._expect(name, self._raw(name, default), int, "a whole number")

    def number(self, name: str) -> float:
        return float(self._expect(name, self._raw(name, _MISSING), (int, float), "a number"))

    def optional_number(self, name: str) -> float | None:
        value = self._raw(name, None)
        return None if value is None else float(self._expect(name, value, (int, float), "a number"))

    def optional_integer(self, name: str) -> int | None:
        value = self._raw(name, None)
        return None if value is None else self._expect(name, value, int, "a whole number")

    def optional_choice(self, name: str, enum: type[E]) -> E | None:
        return None if self._raw(name, None) is None else self.choice(name, enum)

    def table(self, name: str) -> _Node:
        value = self._raw(name, _MISSING)
        if not isinstance(value, dict):
            raise self.error(name, f"expected a table, got {_describe(value)}")
        return _Node(value, self.file, self.where(name))

    def flag(self, name: str, default: Any = _MISSING) -> bool:
        return self._expect(name, self._raw(name, default), bool, "true or false")

    def choice(self, name: str, enum: type[E]) -> E:
        value = self.text(name)
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise self.error(name, f"expected one of {allowed}, got '{value}'") from None

    def _list(self, name: str, default: Any) -> list[Any]:
        return self._expect(name, self._raw(name, default), list, "an array")

    def texts(self, name: str, default: Any = ()) -> tuple[str, ...]:
        values = self._list(name, list(default) if default is not _MISSING else _MISSING)
        for index, value in enumerate(values):
            self._expect(f"{name}[{index}]", value, str, "text")
        return tuple(values)

    def integers(self, name: str) -> tuple[int, ...]:
        values = self._list(name, _MISSING)
        for index, value in enumerate(values):
            self._expect(f"{name}[{index}]", value, int, "a whole number")
        return tuple(values)

    def tables(self, name: str, default: Any = _MISSING, by_id: bool = False) -> list[_Node]:
        nodes = []
        for index, value in enumerate(self._list(name, default)):
            label = value.get("id") if by_id and isinstance(value, dict) else None
            key = self.where(f"{name}[{label if isinstance(label, str) else index}]")
            if not isinstance(value, dict):
                raise KnowledgeError(self.file, key, f"expected a table, got {_describe(value)}")
            nodes.append(_Node(value, self.file, key))
        return nodes

    def levels_table(self, name: str) -> dict[str, int]:
        table = self._expect(name, self._raw(name, {}), dict, "a table of skill = level")
        for skill, level in table.items():
            self._expect(f"{name}.{skill}", level, int, "a whole number")
        return dict(table)

    def finish(self) -> None:
        """Refuse keys nobody read: they are almost always typos of real keys."""
        for name in self.data:
            if name not in self._seen:
                hint = did_you_mean(name, self._seen)
                raise self.error(name, f"unknown key{hint}")


def _describe(value: Any) -> str:
    names = {bool: "true/false", str: "text", int: "a whole number", float: "a number"}
    names |= {list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _facts(node: _Node, name: str) -> tuple[Fact, ...]:
    return tuple(_read(child, _fact) for child in node.tables(name, default=[]))


def _fact(node: _Node) -> Fact:
    return Fact(
        text=node.text("text"), source=SourceId(node.text("source")), reason=node.text("reason", "")
    )


def _source(node: _Node) -> Source:
    # A title's subtitle is kept apart in the file and joined after a colon, as the article has it.
    title, subtitle = node.text("name"), node.text("subtitle", "")
    return Source(
        id=SourceId(node.text("id")),
        name=f"{title}: {subtitle}" if subtitle else title,
        publisher=node.text("publisher"),
        seed_file=node.text("seed_file"),
        contributed=node.text("contributed"),
        short=node.text("short", ""),
    )


def _category(node: _Node) -> Category:
    return Category(id=CategoryId(node.text("id")), name=node.text("name"))


def _skill(node: _Node) -> Skill:
    return Skill(
        id=SkillId(node.text("id")),
        name=node.text("name"),
        aliases=node.texts("aliases"),
        category=CategoryId(node.text("category")),
        description=node.text("description"),
        levels=node.texts("levels", default=_MISSING),  # type: ignore[arg-type]
        prerequisites=tuple(SkillId(s) for s in node.texts("prerequisites")),
        hours_per_step=node.integers("hours_per_step"),  # type: ignore[arg-type]
        tools=node.texts("tools"),
        sources=tuple(SourceId(s) for s in node.texts("sources", default=_MISSING)),
    )


def _requirement(node: _Node) -> Requirement:
    return Requirement(
        skill=SkillId(node.text("skill")),
        level=node.integer("level"),
        weight=node.choice("weight", Weight),
        source=SourceId(node.text("source")),
        reason=node.text("reason", ""),
    )


def _role(node: _Node) -> Role:
    return Role(
        id=RoleId(node.text("id")),
        name=node.text("name"),
        family=node.choice("family", Family),
        summary=node.text("summary"),
        is_target=node.flag("is_target"),
        is_background=node.flag("is_background"),
        deliverables=node.texts("deliverables"),
        first_90_days=node.texts("first_90_days"),
        key_metrics=node.texts("key_metrics"),
        organisations=node.texts("organisations"),
        tools_must=node.texts("tools_must"),
        tools_nice=node.texts("tools_nice"),
        math_floor=node.text("math_floor", ""),
        time_to_first_value=node.text("time_to_first_value", ""),
        related_titles=node.texts("related_titles"),
        requirements=tuple(
            _read(child, _requirement) for child in node.tables("requirements", default=[])
        ),
        typical_levels={SkillId(k): v for k, v in node.levels_table("typical_levels").items()},
        interview_loop=_facts(node, "interview_loop"),
        hiring_companies=_facts(node, "hiring_companies"),
        time_to_fill=_facts(node, "time_to_fill"),
        who_should_pick=_facts(node, "who_should_pick"),
        hire_when=_facts(node, "hire_when"),
        sourcing_channels=_facts(node, "sourcing_channels"),
        facts=_facts(node, "facts"),
        sources=tuple(SourceId(s) for s in node.texts("sources", default=_MISSING)),
        track_override=node.optional_choice("track", Track),
    )


def _claim(node: _Node) -> DurationClaim:
    return DurationClaim(
        min_months=node.number("min_months"),
        max_months=node.number("max_months"),
        source=SourceId(node.text("source")),
        note=node.text("note", ""),
        weekly_hours=node.optional_integer("weekly_hours"),
        weekly_hours_rationale=node.text("weekly_hours_rationale"),
    )


def _step(node: _Node) -> PhaseStep:
    return PhaseStep(
        text=node.text("text"),
        source=SourceId(node.text("source")),
        reason=node.text("reason", ""),
        track=node.optional_choice("track", Track),
    )


def _phase(node: _Node) -> PathPhase:
    return PathPhase(
        name=node.text("name"),
        skills=tuple(SkillId(s) for s in node.texts("skills", default=_MISSING)),
        steps=tuple(_read(child, _step) for child in node.tables("steps")),
        milestone=_read(node.table("milestone"), _fact),
        months=node.optional_number("months"),
    )


def _path(node: _Node) -> PivotPath:
    from_role = node.optional_text("from")
    to_role = node.optional_text("to")
    return PivotPath(
        id=PathId(node.text("id")),
        name=node.text("name"),
        from_role=RoleId(from_role) if from_role is not None else None,
        to_role=RoleId(to_role) if to_role is not None else None,
        claims=tuple(_read(child, _claim) for child in node.tables("claims")),
        weekly_hours=node.integer("weekly_hours"),
        weekly_hours_rationale=node.text("weekly_hours_rationale"),
        phases=tuple(_read(child, _phase) for child in node.tables("phases")),
        notes=_facts(node, "notes"),
        duration_note=node.text("duration_note", ""),
    )


def _salary(node: _Node) -> SalaryBand:
    return SalaryBand(
        id=node.text("id"),
        role=RoleId(node.text("role")),
        region=node.text("region"),
        currency=node.text("currency"),
        seniority=node.text("seniority"),
        company_tier=node.text("company_tier", ""),
        low=node.integer("low"),
        high=node.integer("high"),
        basis=node.text("basis"),
        kind=node.text("kind"),
        year=node.integer("year"),
        source=SourceId(node.text("source")),
        note=node.text("note", ""),
        basis_stated=node.flag("basis_stated", True),
        region_stated=node.flag("region_stated", True),
        open_ended=node.flag("open_ended", False),
        job_title=node.text("job_title", ""),
    )


def _disagreement(node: _Node) -> Disagreement:
    return Disagreement(
        id=node.text("id"),
        topic=node.text("topic"),
        claims=_facts(node, "claims"),
        roles=tuple(RoleId(r) for r in node.texts("roles", default=_MISSING)),
    )
