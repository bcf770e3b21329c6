"""Checks that need the whole knowledge base: ids are unique, every reference points at something
that exists, levels and hours are in range, prerequisites have no cycle, every fact cites a source.

Requirements, path steps, milestones and path notes cite an article or say ``source = "ours"``
with a one-line ``reason``; everything else (role facts, market facts, disagreements, pay)
must cite an article.

Each problem is a ``KnowledgeError`` whose key is written the way the data files are
(``roles[ml-engineer].requirements[3].skill``), so it can be found by eye.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from careerplanner.knowledge.errors import KnowledgeError, did_you_mean
from careerplanner.knowledge.model import (
    LEVELS,
    MAX_LEVEL,
    MIN_LEVEL,
    OURS,
    Fact,
    Family,
    KnowledgeBase,
    Skill,
    _fold,
)

REGIONS = ("India", "US", "EU", "MENA")
CURRENCIES = ("INR", "USD", "EUR")
SENIORITIES = ("entry", "mid", "senior", "staff", "all")
BASES = ("base", "total")
KINDS = ("range", "median", "average", "expectation")
#: Beyond this, "hours a week" of study stops being a believable assumption.
MAX_WEEKLY_HOURS = 60
#: A reason for something of ours is one line: long enough for a why, short enough to show.
MAX_REASON = 200


def validate(kb: KnowledgeBase) -> None:
    """Raise ``KnowledgeError`` for the first problem found; return quietly if there is none."""
    sources = _unique("sources.toml", "sources", [s.id for s in kb.sources])
    categories = _unique("categories.toml", "categories", [c.id for c in kb.categories])
    skills = _unique("skills.toml", "skills", [s.id for s in kb.skills])
    roles = _unique("roles.toml", "roles", [r.id for r in kb.roles])
    _unique("paths.toml", "paths", [p.id for p in kb.paths])
    _unique("salaries.toml", "salaries", [b.id for b in kb.salaries])
    _unique("disagreements.toml", "disagreements", [d.id for d in kb.disagreements])
    check = _Checker(sources, skills, roles)

    for skill in kb.skills:
        _check_skill(check, skill, categories)
    _check_skill_names(kb.skills)
    _check_no_prerequisite_cycle(kb.skills)
    _check_roles(check, kb)
    _check_paths(check, kb)
    _check_salaries(check, kb)
    for disagreement in kb.disagreements:
        key = f"disagreements[{disagreement.id}]"
        if len({c.source for c in disagreement.claims}) < 2:
            raise KnowledgeError(
                "disagreements.toml", f"{key}.claims", "needs claims from at least two sources"
            )
        check.facts("disagreements.toml", f"{key}.claims", disagreement.claims)
        if not disagreement.roles:
            raise KnowledgeError("disagreements.toml", f"{key}.roles", "name the roles it bears on")
        for index, role_id in enumerate(disagreement.roles):
            check.role("disagreements.toml", f"{key}.roles[{index}]", role_id)
    check.facts("market.toml", "facts", kb.facts)


def _unique(file: str, kind: str, ids: Sequence[str]) -> set[str]:
    first: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if not item_id.strip():
            raise KnowledgeError(file, f"{kind}[{index}].id", "must not be empty")
        if item_id in first:
            also = f"{kind}[{first[item_id]}]"
            raise KnowledgeError(
                file, f"{kind}[{index}].id", f"duplicate id '{item_id}' (also {also})"
            )
        first[item_id] = index
    return set(first)


class _Checker:
    """Reference checks shared by every file: sources, skills, roles and levels."""

    def __init__(self, sources: set[str], skills: set[str], roles: set[str]) -> None:
        self.sources = sources
        self.skills = skills
        self.roles = roles

    def source(self, file: str, key: str, source_id: str) -> None:
        if not source_id.strip():
            raise KnowledgeError(file, key, "missing source: every fact must cite an article")
        if source_id == OURS:
            raise KnowledgeError(
                file, key, "must cite an article: our own reading is not allowed here"
            )
        if source_id not in self.sources:
            hint = did_you_mean(source_id, self.sources)
            raise KnowledgeError(file, key, f"unknown source '{source_id}'{hint}")

    def cited(self, file: str, key: str, source_ids: Sequence[str]) -> None:
        if not source_ids:
            raise KnowledgeError(file, key, "missing source: cite at least one article")
        for index, source_id in enumerate(source_ids):
            self.source(file, f"{key}[{index}]", source_id)

    def facts(self, file: str, key: str, facts: Iterable[Fact]) -> None:
        for index, fact in enumerate(facts):
            if not fact.text.strip():
                raise KnowledgeError(file, f"{key}[{index}].text", "must not be empty")
            self.source(file, f"{key}[{index}].source", fact.source)
            if fact.reason:
                raise KnowledgeError(
                    file, f"{key}[{index}].reason", "a reason is only for source = 'ours'"
                )

    def cited_or_ours(self, file: str, key: str, source_id: str, reason: str) -> None:
        """An article id, or OURS with a one-line reason saying why we added it."""
        if source_id != OURS:
            if not source_id.strip():
                raise KnowledgeError(
                    file,
                    f"{key}.source",
                    "missing source: cite an article, or write source = 'ours' with a reason",
                )
            self.source(file, f"{key}.source", source_id)
            if reason:
                raise KnowledgeError(file, f"{key}.reason", "a reason is only for source = 'ours'")
            return
        if not reason.strip():
            raise KnowledgeError(
                file, f"{key}.reason", "source = 'ours' needs a one-line reason saying why"
            )
        if "\n" in reason.strip() or len(reason) > MAX_REASON:
            raise KnowledgeError(
                file, f"{key}.reason", f"must be one line of at most {MAX_REASON} characters"
            )

    def cited_facts(self, file: str, key: str, facts: Iterable[Fact]) -> None:
        for index, fact in enumerate(facts):
            if not fact.text.strip():
                raise KnowledgeError(file, f"{key}[{index}].text", "must not be empty")
            self.cited_or_ours(file, f"{key}[{index}]", fact.source, fact.reason)

    def skill(self, file: str, key: str, skill_id: str) -> None:
        if skill_id not in self.skills:
            hint = did_you_mean(skill_id, self.skills)
            raise KnowledgeError(file, key, f"unknown skill '{skill_id}'{hint}")

    def role(self, file: str, key: str, role_id: str) -> None:
        if role_id not in self.roles:
            hint = did_you_mean(role_id, self.roles)
            raise KnowledgeError(file, key, f"unknown role '{role_id}'{hint}")

    @staticmethod
    def level(file: str, key: str, level: int) -> None:
        if level not in LEVELS:
            raise KnowledgeError(file, key, f"level {level} is outside {MIN_LEVEL}-{MAX_LEVEL}")


def _check_skill(check: _Checker, skill: Skill, categories: set[str]) -> None:
    file, key = "skills.toml", f"skills[{skill.id}]"
    if skill.category not in categories:
        hint = did_you_mean(skill.category, categories)
        raise KnowledgeError(file, f"{key}.category", f"unknown category '{skill.category}'{hint}")
    if len(skill.levels) != MAX_LEVEL - MIN_LEVEL + 1 or not all(t.strip() for t in skill.levels):
        raise KnowledgeError(
            file,
            f"{key}.levels",
            f"needs exactly 5 non-empty descriptions (levels 0-4), got {len(skill.levels)}",
        )
    hours = skill.hours_per_step
    if len(hours) != MAX_LEVEL - MIN_LEVEL or any(h <= 0 for h in hours):
        raise KnowledgeError(
            file,
            f"{key}.hours_per_step",
            f"needs 4 positive whole numbers (hours for 0->1, 1->2, 2->3, 3->4), got {list(hours)}",
        )
    for index, prerequisite in enumerate(skill.prerequisites):
        check.skill(file, f"{key}.prerequisites[{index}]", prerequisite)
    check.cited(file, f"{key}.sources", skill.sources)


def _check_skill_names(skills: Sequence[Skill]) -> None:
    """A name or alias must find exactly one skill, or "k8s" would depend on file order."""
    owner: dict[str, str] = {}
    for skill in skills:
        for index, spelling in enumerate((skill.id, skill.name, *skill.aliases)):
            folded = _fold(spelling)
            other = owner.setdefault(folded, skill.id)
            if other != skill.id:
                where = "name" if index == 1 else "id" if index == 0 else f"aliases[{index - 2}]"
                raise KnowledgeError(
                    "skills.toml",
                    f"skills[{skill.id}].{where}",
                    f"'{spelling}' already names skill '{other}'",
                )


def _check_no_prerequisite_cycle(skills: Sequence[Skill]) -> None:
    graph = {s.id: s.prerequisites for s in skills}
    done: set[str] = set()

    def visit(skill_id: str, trail: list[str]) -> None:
        if skill_id in trail:
            cycle = [*trail[trail.index(skill_id) :], skill_id]
            raise KnowledgeError(
                "skills.toml",
                f"skills[{cycle[0]}].prerequisites",
                f"prerequisite cycle: {' -> '.join(cycle)}",
            )
        if skill_id in done:
            return
        for prerequisite in graph.get(skill_id, ()):
            visit(prerequisite, [*trail, skill_id])
        done.add(skill_id)

    for skill in skills:
        visit(skill.id, [])


def _check_roles(check: _Checker, kb: KnowledgeBase) -> None:
    file = "roles.toml"
    for role in kb.roles:
        key = f"roles[{role.id}]"
        if not (role.is_target or role.is_background):
            raise KnowledgeError(file, key, "is neither a target nor a background")
        if role.is_target and not role.requirements:
            raise KnowledgeError(file, f"{key}.requirements", "a target role needs requirements")
        seen: set[str] = set()
        for index, requirement in enumerate(role.requirements):
            where = f"{key}.requirements[{index}]"
            check.skill(file, f"{where}.skill", requirement.skill)
            if requirement.skill in seen:
                raise KnowledgeError(
                    file, f"{where}.skill", f"skill '{requirement.skill}' is required twice"
                )
            seen.add(requirement.skill)
            check.level(file, f"{where}.level", requirement.level)
            check.cited_or_ours(file, where, requirement.source, requirement.reason)
        if role.typical_levels and not role.is_background:
            problem = "only a background (is_background = true) has typical levels"
            raise KnowledgeError(file, f"{key}.typical_levels", problem)
        if role.is_background and not role.typical_levels:
            raise KnowledgeError(file, f"{key}.typical_levels", "a background needs typical levels")
        for skill_id, level in role.typical_levels.items():
            check.skill(file, f"{key}.typical_levels.{skill_id}", skill_id)
            check.level(file, f"{key}.typical_levels.{skill_id}", level)
        for name in (
            "interview_loop",
            "hiring_companies",
            "time_to_fill",
            "who_should_pick",
            "hire_when",
            "sourcing_channels",
            "facts",
        ):
            check.facts(file, f"{key}.{name}", getattr(role, name))
        check.cited(file, f"{key}.sources", role.sources)
        if role.is_target and role.family == Family.HYBRID and role.track is None:
            raise KnowledgeError(
                file, f"{key}.track", "a hybrid role needs a track (ai or ml) for the starter plan"
            )


def _check_paths(check: _Checker, kb: KnowledgeBase) -> None:
    file = "paths.toml"
    roles = {r.id: r for r in kb.roles}
    for path in kb.paths:
        key = f"paths[{path.id}]"
        if path.from_role is not None:
            check.role(file, f"{key}.from", path.from_role)
            if not roles[path.from_role].is_background:
                raise KnowledgeError(file, f"{key}.from", f"'{path.from_role}' is not a background")
        if path.to_role is not None:
            check.role(file, f"{key}.to", path.to_role)
            if not roles[path.to_role].is_target:
                raise KnowledgeError(file, f"{key}.to", f"'{path.to_role}' is not a target role")
        if not path.claims and not path.duration_note.strip():
            raise KnowledgeError(
                file, f"{key}.claims", "no duration claim: cite one, or say why in duration_note"
            )
        for index, claim in enumerate(path.claims):
            where = f"{key}.claims[{index}]"
            if not 0 < claim.min_months <= claim.max_months:
                got = f"{claim.min_months:g}-{claim.max_months:g}"
                raise KnowledgeError(file, where, f"months must satisfy 0 < min <= max, got {got}")
            check.source(file, f"{where}.source", claim.source)
            if claim.weekly_hours is not None:
                _check_pace(file, f"{where}.weekly_hours", claim.weekly_hours)
            if not claim.weekly_hours_rationale.strip():
                raise KnowledgeError(
                    file,
                    f"{where}.weekly_hours_rationale",
                    "must say why this pace (or why no sensible pace) fits the claim",
                )
        _check_pace(file, f"{key}.weekly_hours", path.weekly_hours)
        if not path.weekly_hours_rationale.strip():
            raise KnowledgeError(file, f"{key}.weekly_hours_rationale", "must say why")
        if not path.phases:
            raise KnowledgeError(file, f"{key}.phases", "a path needs at least one phase")
        for index, phase in enumerate(path.phases):
            where = f"{key}.phases[{index}]"
            for number, skill_id in enumerate(phase.skills):
                check.skill(file, f"{where}.skills[{number}]", skill_id)
            if not phase.steps:
                raise KnowledgeError(file, f"{where}.steps", "a phase needs at least one step")
            for number, step in enumerate(phase.steps):
                if not step.text.strip():
                    raise KnowledgeError(file, f"{where}.steps[{number}].text", "must not be empty")
                check.cited_or_ours(file, f"{where}.steps[{number}]", step.source, step.reason)
            if not phase.milestone.text.strip():
                raise KnowledgeError(file, f"{where}.milestone.text", "must not be empty")
            milestone = phase.milestone
            check.cited_or_ours(file, f"{where}.milestone", milestone.source, milestone.reason)
            if phase.months is not None:
                if phase.months <= 0:
                    raise KnowledgeError(file, f"{where}.months", "must be above 0")
                if phase.steps[0].is_ours:
                    problem = "months come from an article: its first step must cite that article"
                    raise KnowledgeError(file, f"{where}.months", problem)
        check.cited_facts(file, f"{key}.notes", path.notes)


def _check_pace(file: str, key: str, hours: int) -> None:
    if not 0 < hours <= MAX_WEEKLY_HOURS:
        raise KnowledgeError(file, key, f"must be 1-{MAX_WEEKLY_HOURS}, got {hours}")


def _check_salaries(check: _Checker, kb: KnowledgeBase) -> None:
    file = "salaries.toml"
    for band in kb.salaries:
        key = f"salaries[{band.id}]"
        check.role(file, f"{key}.role", band.role)
        for name, allowed in (
            ("region", REGIONS),
            ("currency", CURRENCIES),
            ("seniority", SENIORITIES),
            ("basis", BASES),
            ("kind", KINDS),
        ):
            value = getattr(band, name)
            if value not in allowed:
                raise KnowledgeError(
                    file, f"{key}.{name}", f"expected one of {', '.join(allowed)}, got '{value}'"
                )
        if not 0 < band.low <= band.high:
            raise KnowledgeError(
                file, key, f"amounts must satisfy 0 < low <= high, got {band.low}-{band.high}"
            )
        if band.kind in ("median", "average") and band.low != band.high:
            raise KnowledgeError(file, key, f"a {band.kind} is one figure: low must equal high")
        if not 2000 <= band.year <= 2100:
            raise KnowledgeError(file, f"{key}.year", f"implausible year {band.year}")
        check.source(file, f"{key}.source", band.source)
