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

#: The ``source`` of something that is our own reading or suggestion, not an article's: it
#: always comes with a one-line ``reason`` and is shown as "our suggestion" / "our reading".
OURS = SourceId("ours")
#: How the app labels what is ours; skill levels and hours per step are always our reading.
OUR_SUGGESTION = "our suggestion"
OUR_READING = "our reading"


class Weight(StrEnum):
    """How much a required skill counts towards a role's readiness."""

    CORE = "core"
    SECONDARY = "secondary"


class Family(StrEnum):
    AI = "ai"
    ML = "ml"
    HYBRID = "hybrid"
    BACKGROUND = "background"  # a starting point only, e.g. "Software Engineer"


class Track(StrEnum):
    """The two tracks the starter plan splits into once a learner picks one."""

    AI = "ai"
    ML = "ml"


@dataclass(frozen=True)
class Source:
    id: SourceId
    name: str  # the article's title, as it names itself
    publisher: str
    seed_file: str  # file name in shared/seeds
    contributed: str  # what the app takes from it, in our words
    #: How a sentence names it: "ClarUp", "the essay" ("the essay's 2-3 months").
    short: str = ""

    @property
    def possessive(self) -> str:
        """ "ClarUp's", "the essay's": the short name that owns a figure."""
        name = self.short or self.publisher
        return f"{name}'" if name.endswith("s") else f"{name}'s"


@dataclass(frozen=True)
class Fact:
    """One statement in our words, with the article it comes from, or ``OURS`` and the reason
    (a requirement, step, milestone or note we added ourselves)."""

    text: str
    source: SourceId
    reason: str = ""  # one line, only when ``source`` is OURS

    @property
    def is_ours(self) -> bool:
        return self.source == OURS


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
    """A skill a role needs. ``source`` is the article that names the skill for the role, or
    OURS with a reason; the level and the weight are always our reading of it."""

    skill: SkillId
    level: int
    weight: Weight
    source: SourceId
    reason: str = ""  # one line, only when ``source`` is OURS

    @property
    def is_ours(self) -> bool:
        return self.source == OURS


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
    #: The starter plan's track that leads here; None takes it from the family (AI or ML).
    track_override: Track | None = None

    @property
    def track(self) -> Track | None:
        """Which track of the starter plan a learner aiming here follows (None: neither)."""
        if self.track_override is not None:
            return self.track_override
        return {Family.AI: Track.AI, Family.ML: Track.ML}.get(self.family)

    def requirement_for(self, skill: SkillId) -> Requirement | None:
        return next((r for r in self.requirements if r.skill == skill), None)


@dataclass(frozen=True)
class PhaseStep:
    """A concrete step of a pivot path, in our words, with the article that names it (or OURS
    and why we added it). ``track`` limits it to learners on that track of the starter plan."""

    text: str
    source: SourceId
    reason: str = ""
    track: Track | None = None

    @property
    def is_ours(self) -> bool:
        return self.source == OURS


@dataclass(frozen=True)
class PathPhase:
    name: str
    #: Skills this phase works on, in the order the path takes them (our mapping of its steps).
    skills: tuple[SkillId, ...]
    steps: tuple[PhaseStep, ...]
    milestone: Fact  # a deliverable that shows the phase is done; mostly our suggestion
    #: How many months the article of the phase's first step gives the phase, if it gives any
    #: (the essay's "Month 1-2", "spend 6 months"); the plan says how its own months differ.
    months: float | None = None

    @property
    def sources(self) -> tuple[SourceId, ...]:
        """The articles the phase's steps and milestone cite (never OURS), first cited first."""
        cited = (*(s.source for s in self.steps), self.milestone.source)
        return tuple(dict.fromkeys(s for s in cited if s != OURS))

    def steps_for(self, track: Track | None) -> tuple[tuple[int, PhaseStep], ...]:
        """(number from 1, step) of the steps a learner on ``track`` takes: the steps of no
        track, and those of ``track``; with no track chosen, every step."""
        return tuple(
            (n, step)
            for n, step in enumerate(self.steps, 1)
            if track is None or step.track is None or step.track == track
        )


@dataclass(frozen=True)
class DurationClaim:
    """One source's duration for a path. Sources that disagree each get their own claim.

    ``weekly_hours`` is our reading of the pace the claim implies (the articles never give
    one): the pace at which the path's typical starting levels take the claim's months. None
    when no sensible pace does; ``weekly_hours_rationale`` then says why.
    """

    min_months: float
    max_months: float
    source: SourceId
    note: str = ""  # e.g. 'says "apply in 8 weeks"'
    weekly_hours: int | None = None
    weekly_hours_rationale: str = ""


@dataclass(frozen=True)
class PivotPath:
    id: PathId
    name: str
    from_role: RoleId | None  # None for the generic starter plan
    to_role: RoleId | None  # None for a plan that leaves the track open
    claims: tuple[DurationClaim, ...]
    #: The plan's pace when the user gives none: our choice, never an article's (the rationale
    #: says why). Each claim has its own implied pace in ``DurationClaim.weekly_hours``.
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
    #: "range", "median", "average", or "expectation" (what candidates ask for, not a pay band)
    kind: str
    year: int
    source: SourceId
    note: str = ""
    #: False where the article does not say base or total; ``basis`` is then our reading.
    basis_stated: bool = True
    #: False where the article names no region; ``region`` is then our reading.
    region_stated: bool = True
    #: The article writes the top of the range with a "+" (open-ended): "$140,000-$170,000+".
    open_ended: bool = False
    #: A job title the figure is for ("Member of Technical Staff"), when the article names one.
    job_title: str = ""

    @property
    def basis_label(self) -> str:
        """ "base", "total", or "basis not stated" when the article does not say which."""
        return self.basis if self.basis_stated else "basis not stated"

    @property
    def region_label(self) -> str:
        """ "US", or "US (our reading)" when the article does not name the region."""
        return self.region if self.region_stated else f"{self.region} ({OUR_READING})"

    @property
    def is_pay_band(self) -> bool:
        """False for what candidates expect to be offered: that is not what anyone is paid."""
        return self.kind != "expectation"


@dataclass(frozen=True)
class Disagreement:
    id: str
    topic: str
    claims: tuple[Fact, ...]
    #: The roles the disagreement bears on (what the Compare page shows it beside).
    roles: tuple[RoleId, ...] = ()


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

    def cite(self, source_id: SourceId | str) -> str:
        """Who says it, as the app shows it: the article's publisher, or "our suggestion"."""
        return OUR_SUGGESTION if source_id == OURS else self.source(source_id).publisher

    def disagreements_about(self, role_ids: Iterable[RoleId | str]) -> tuple[Disagreement, ...]:
        """The disagreements that bear on any of ``role_ids``, in the data file's order."""
        wanted = set(role_ids)
        return tuple(d for d in self.disagreements if wanted.intersection(d.roles))

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
    best spelling, best first; ties keep the items' order. A close match leaves out the far
    ones ("pytorc": PyTorch, not also Vector databases): only those within ``MARGIN`` of the
    best are kept."""
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
    scored.sort(key=lambda s: s[:2])
    best_score = -scored[0][0] if scored else 0.0
    return [item for score, _, item in scored[:limit] if -score >= best_score - MARGIN]


#: How much less alike than the best match a "did you mean" suggestion may be.
MARGIN = 0.25


def _fold(text: str) -> str:
    """Case- and spacing-insensitive key: "Vector DBs", "vector-dbs" and "vector_dbs" match."""
    return re.sub(r"[\s_\-]+", " ", text.strip().casefold())
