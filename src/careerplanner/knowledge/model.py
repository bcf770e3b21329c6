"""The knowledge base as frozen dataclasses: what the five source articles say about roles,
skills, pivot paths and pay. Everything here is read-only at run time."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType, TypeVar

T = TypeVar("T")

SourceId = NewType("SourceId", str)
SkillId = NewType("SkillId", str)
RoleId = NewType("RoleId", str)
PathId = NewType("PathId", str)
CategoryId = NewType("CategoryId", str)

MIN_LEVEL = 0
MAX_LEVEL = 4
LEVELS = range(MIN_LEVEL, MAX_LEVEL + 1)


class Weight(StrEnum):
    """How much a required skill counts towards a role's readiness."""

    CORE = "core"
    SECONDARY = "secondary"


class Family(StrEnum):
    AI = "ai"
    ML = "ml"
    HYBRID = "hybrid"
    BACKGROUND = "background"  # a starting point only, e.g. "Software Engineer"


@dataclass(frozen=True)
class Source:
    id: SourceId
    name: str  # the article's title, as it names itself
    publisher: str
    seed_file: str  # file name in shared/seeds
    contributed: str  # what the app takes from it, in our words


@dataclass(frozen=True)
class Fact:
    """One statement in our words, with the article it comes from."""

    text: str
    source: SourceId


@dataclass(frozen=True)
class Category:
    id: CategoryId
    name: str


@dataclass(frozen=True)
class Skill:
    id: SkillId
    name: str
    aliases: tuple[str, ...]
    category: CategoryId
    description: str
    #: What levels 0..4 mean for this skill, "you can ..." (always five entries).
    levels: tuple[str, str, str, str, str]
    prerequisites: tuple[SkillId, ...]
    #: Typical hours of deliberate study and practice for each step: 0->1, 1->2, 2->3, 3->4.
    hours_per_step: tuple[int, int, int, int]
    tools: tuple[str, ...]
    sources: tuple[SourceId, ...]

    def hours_between(self, from_level: int, to_level: int) -> int:
        """Typical hours to go from one level to a higher one (0 if not higher)."""
        return sum(self.hours_per_step[from_level:to_level]) if to_level > from_level else 0


@dataclass(frozen=True)
class Requirement:
    skill: SkillId
    level: int
    weight: Weight
    source: SourceId


@dataclass(frozen=True)
class Role:
    id: RoleId
    name: str
    family: Family
    summary: str  # what the work is
    #: True for roles a user can aim at; False for starting backgrounds only.
    is_target: bool
    #: True for roles a user can start from (their typical levels pre-fill the skills page).
    is_background: bool
    deliverables: tuple[str, ...] = ()
    first_90_days: tuple[str, ...] = ()
    key_metrics: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    tools_must: tuple[str, ...] = ()
    tools_nice: tuple[str, ...] = ()
    math_floor: str = ""
    time_to_first_value: str = ""
    related_titles: tuple[str, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    #: For backgrounds: the levels such a person typically has (skills not listed are 0).
    typical_levels: Mapping[SkillId, int] = field(default_factory=dict)
    interview_loop: tuple[Fact, ...] = ()
    hiring_companies: tuple[Fact, ...] = ()
    time_to_fill: tuple[Fact, ...] = ()
    who_should_pick: tuple[Fact, ...] = ()
    facts: tuple[Fact, ...] = ()  # anything else worth showing, each cited
    sources: tuple[SourceId, ...] = ()
    #: Employer-side signals: when a company should hire this role (the sources are hiring guides).
    hire_when: tuple[Fact, ...] = ()
    #: Where employers find candidates for this role (communities, events, job boards).
    sourcing_channels: tuple[Fact, ...] = ()

    def requirement_for(self, skill: SkillId) -> Requirement | None:
        return next((r for r in self.requirements if r.skill == skill), None)


@dataclass(frozen=True)
class PathPhase:
    name: str
    #: Skills this phase works on, in the order the path takes them.
    skills: tuple[SkillId, ...]
    #: Concrete steps the sources name ("Work through Karpathy's Zero to Hero", ...).
    steps: tuple[str, ...]
    milestone: str  # a deliverable that shows the phase is done
    sources: tuple[SourceId, ...]


@dataclass(frozen=True)
class DurationClaim:
    """One source's duration for a path. Sources that disagree each get their own claim."""

    min_months: float
    max_months: float
    source: SourceId
    note: str = ""  # e.g. 'says "apply in 8 weeks"'


@dataclass(frozen=True)
class PivotPath:
    id: PathId
    name: str
    from_role: RoleId | None  # None for the generic starter plan
    to_role: RoleId | None  # None for a plan that leaves the track open
    claims: tuple[DurationClaim, ...]
    #: Weekly hours the sources' durations assume (the articles do not say; see the rationale).
    weekly_hours: int
    weekly_hours_rationale: str
    phases: tuple[PathPhase, ...]
    notes: tuple[Fact, ...] = ()
    #: Said when no source gives a duration for this path (``claims`` is then empty).
    duration_note: str = ""

    @property
    def has_duration(self) -> bool:
        """Whether any source gives a duration; ``min_months``/``max_months`` need one."""
        return bool(self.claims)

    @property
    def min_months(self) -> float:
        return min(c.min_months for c in self.claims)

    @property
    def max_months(self) -> float:
        return max(c.max_months for c in self.claims)

    @property
    def sources(self) -> tuple[SourceId, ...]:
        return tuple(dict.fromkeys(c.source for c in self.claims))


@dataclass(frozen=True)
class SalaryBand:
    id: str
    role: RoleId
    region: str  # "India", "US", "EU", "MENA"
    currency: str  # ISO code: INR, USD, EUR
    seniority: str  # "entry", "mid", "senior", "staff", "all"
    company_tier: str  # "" when the source gives none
    low: int  # plain amount in the currency's unit (Rs 25L -> 2500000)
    high: int  # equal to low for a point figure
    basis: str  # "base" or "total"
    kind: str  # "range", "median" or "average"
    year: int
    source: SourceId
    note: str = ""
    #: False where the article does not say base or total; ``basis`` is then our reading.
    basis_stated: bool = True


@dataclass(frozen=True)
class Disagreement:
    id: str
    topic: str
    claims: tuple[Fact, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    sources: tuple[Source, ...]
    categories: tuple[Category, ...]
    skills: tuple[Skill, ...]
    roles: tuple[Role, ...]
    paths: tuple[PivotPath, ...]
    salaries: tuple[SalaryBand, ...]
    disagreements: tuple[Disagreement, ...] = ()
    #: Cited facts about the market as a whole rather than one role.
    facts: tuple[Fact, ...] = ()

    _by_id: dict[str, dict[str, object]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        # Lookup tables, built once (the dict itself is mutable; the fields are not).
        for name in ("skills", "roles", "sources", "paths"):
            self._by_id[name] = {item.id: item for item in getattr(self, name)}
        names: dict[str, object] = {}
        for skill in self.skills:
            for key in (skill.id, skill.name, *skill.aliases):
                names.setdefault(_fold(key), skill)
        self._by_id["skill_names"] = names
        role_names: dict[str, object] = {}
        for role in self.roles:
            for key in (role.id, role.name):
                role_names.setdefault(_fold(key), role)
        self._by_id["role_names"] = role_names

    def find_skill(self, text: str) -> Skill | None:
        """The skill whose id, name or alias is ``text``, ignoring case and spacing."""
        return self._by_id["skill_names"].get(_fold(text))  # type: ignore[return-value]

    def find_role(self, text: str) -> Role | None:
        """The role whose id or name is ``text``, ignoring case and spacing."""
        return self._by_id["role_names"].get(_fold(text))  # type: ignore[return-value]

    def closest_skill_names(self, text: str, limit: int = 3) -> list[str]:
        """Names of the skills whose id, name or an alias looks like ``text``, best first, each
        skill once (by its best-matching spelling), for "did you mean"."""
        return [s.name for s in _closest(text, self.skills, _skill_spellings, limit, 0.5)]

    def closest_role_names(
        self, text: str, limit: int = 3, among: Iterable[Role] | None = None
    ) -> list[str]:
        """Names of the roles (of ``among``, default all) whose id or name looks like ``text``,
        best first, each role once, for "did you mean"."""
        roles = tuple(self.roles if among is None else among)
        return [r.name for r in _closest(text, roles, lambda r: (r.id, r.name), limit, 0.4)]

    def skill(self, skill_id: SkillId | str) -> Skill:
        return self._by_id["skills"][skill_id]  # type: ignore[return-value]

    def role(self, role_id: RoleId | str) -> Role:
        return self._by_id["roles"][role_id]  # type: ignore[return-value]

    def source(self, source_id: SourceId | str) -> Source:
        return self._by_id["sources"][source_id]  # type: ignore[return-value]

    def path(self, path_id: PathId | str) -> PivotPath:
        return self._by_id["paths"][path_id]  # type: ignore[return-value]

    @property
    def target_roles(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.is_target)

    @property
    def backgrounds(self) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if r.is_background)

    def path_between(self, from_role: RoleId | str, to_role: RoleId | str) -> PivotPath | None:
        return next(
            (p for p in self.paths if p.from_role == from_role and p.to_role == to_role), None
        )


def _skill_spellings(skill: Skill) -> tuple[str, ...]:
    return (skill.id, skill.name, *skill.aliases)


def _closest(
    text: str,
    items: Sequence[T],
    spellings: Callable[[T], Iterable[str]],
    limit: int,
    cutoff: float,
) -> list[T]:
    """The items with a spelling at least ``cutoff`` similar to ``text``, each scored by its
    best spelling, best first; ties keep the items' order."""
    wanted = _fold(text)
    scored = []
    for order, item in enumerate(items):
        best = 0.0
        for spelling in spellings(item):
            matcher = difflib.SequenceMatcher(None, wanted, _fold(spelling))
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                best = max(best, matcher.ratio())
        if best >= cutoff:
            scored.append((-best, order, item))
    return [item for _, _, item in sorted(scored, key=lambda s: s[:2])[:limit]]


def _fold(text: str) -> str:
    """Case- and spacing-insensitive key: "Vector DBs", "vector-dbs" and "vector_dbs" match."""
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())
