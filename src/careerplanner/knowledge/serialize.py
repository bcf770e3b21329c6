"""The knowledge base as plain JSON-ready data (the stable ``careerplanner knowledge --format json``
contract) and as a readable text summary. References are ids; nothing here reads files."""

from __future__ import annotations

from typing import Any

from careerplanner.knowledge.model import (
    OUR_READING,
    OUR_SUGGESTION,
    OURS,
    DurationClaim,
    Fact,
    KnowledgeBase,
    PathPhase,
    PivotPath,
    Role,
    SalaryBand,
    Skill,
)

#: Bumped only when a field is removed or changes meaning; adding fields keeps the version.
#: 2: a requirement's, step's, milestone's or path note's ``source`` may be "ours" (with a
#: ``reason``) instead of an article id.
FORMAT_VERSION = 2


def to_json_dict(kb: KnowledgeBase) -> dict[str, Any]:
    """Everything in ``kb`` as one JSON-ready dict with the lists the README documents."""
    return {
        "format_version": FORMAT_VERSION,
        "sources": [
            {
                "id": s.id,
                "name": s.name,
                "publisher": s.publisher,
                "seed_file": s.seed_file,
                "contributed": s.contributed,
                "short": s.short,
            }
            for s in kb.sources
        ],
        "categories": [{"id": c.id, "name": c.name} for c in kb.categories],
        "skills": [_skill(s) for s in kb.skills],
        "roles": [_role(r) for r in kb.roles],
        "paths": [_path(p) for p in kb.paths],
        "salaries": [_salary(b) for b in kb.salaries],
        "disagreements": [
            {"id": d.id, "name": d.topic, "claims": _facts(d.claims), "roles": list(d.roles)}
            for d in kb.disagreements
        ],
        "facts": _facts(kb.facts),
    }


def _facts(facts: tuple[Fact, ...]) -> list[dict[str, str]]:
    return [{"text": f.text, "source": f.source, "reason": f.reason} for f in facts]


def _number(value: float) -> int | float:
    """Months as written in the data: 18 rather than 18.0, 1.5 stays 1.5."""
    return int(value) if float(value).is_integer() else value


def _skill(skill: Skill) -> dict[str, Any]:
    return {
        "id": skill.id,
        "name": skill.name,
        "aliases": list(skill.aliases),
        "category": skill.category,
        "description": skill.description,
        "levels": list(skill.levels),
        "prerequisites": list(skill.prerequisites),
        "hours_per_step": list(skill.hours_per_step),
        "tools": list(skill.tools),
        "sources": list(skill.sources),
    }


def _role(role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "name": role.name,
        "family": role.family.value,
        "summary": role.summary,
        "is_target": role.is_target,
        "is_background": role.is_background,
        "deliverables": list(role.deliverables),
        "first_90_days": list(role.first_90_days),
        "key_metrics": list(role.key_metrics),
        "organisations": list(role.organisations),
        "tools_must": list(role.tools_must),
        "tools_nice": list(role.tools_nice),
        "math_floor": role.math_floor,
        "time_to_first_value": role.time_to_first_value,
        "related_titles": list(role.related_titles),
        "requirements": [
            {
                "skill": r.skill,
                "level": r.level,
                "weight": r.weight.value,
                "source": r.source,
                "reason": r.reason,
            }
            for r in role.requirements
        ],
        "track": role.track.value if role.track else None,
        "typical_levels": dict(role.typical_levels),
        "interview_loop": _facts(role.interview_loop),
        "hiring_companies": _facts(role.hiring_companies),
        "time_to_fill": _facts(role.time_to_fill),
        "who_should_pick": _facts(role.who_should_pick),
        "hire_when": _facts(role.hire_when),
        "sourcing_channels": _facts(role.sourcing_channels),
        "facts": _facts(role.facts),
        "sources": list(role.sources),
    }


def _phase(phase: PathPhase) -> dict[str, Any]:
    return {
        "name": phase.name,
        "skills": list(phase.skills),
        "steps": [s.text for s in phase.steps],
        "cited_steps": [
            {
                "text": s.text,
                "source": s.source,
                "reason": s.reason,
                "track": s.track.value if s.track else None,
            }
            for s in phase.steps
        ],
        "milestone": phase.milestone.text,
        "milestone_source": phase.milestone.source,
        "milestone_reason": phase.milestone.reason,
        "months": _number(phase.months) if phase.months is not None else None,
        "sources": list(phase.sources),
    }


def _claim(claim: DurationClaim) -> dict[str, Any]:
    return {
        "min_months": _number(claim.min_months),
        "max_months": _number(claim.max_months),
        "source": claim.source,
        "note": claim.note,
        # The pace is never the article's: it is our reading of what its months imply.
        "weekly_hours": claim.weekly_hours,
        "weekly_hours_rationale": claim.weekly_hours_rationale,
        "weekly_hours_source": OURS,
    }


def duration_range(path: PivotPath) -> dict[str, Any]:
    """``{"min", "max", "sources"}`` in months; min and max are null when no source gives one."""
    if not path.has_duration:
        return {"min": None, "max": None, "sources": []}
    return {
        "min": _number(path.min_months),
        "max": _number(path.max_months),
        "sources": list(path.sources),
    }


def _path(path: PivotPath) -> dict[str, Any]:
    return {
        "id": path.id,
        "name": path.name,
        "from": path.from_role,
        "to": path.to_role,
        "duration_range": duration_range(path),
        "claims": [_claim(c) for c in path.claims],
        "duration_note": path.duration_note,
        "weekly_hours": path.weekly_hours,
        "weekly_hours_rationale": path.weekly_hours_rationale,
        "weekly_hours_source": OURS,
        "phases": [_phase(p) for p in path.phases],
        "notes": _facts(path.notes),
    }


def _salary(band: SalaryBand) -> dict[str, Any]:
    return {
        "id": band.id,
        "role": band.role,
        "region": band.region,
        "currency": band.currency,
        "seniority": band.seniority,
        "company_tier": band.company_tier,
        "low": band.low,
        "high": band.high,
        "basis": band.basis,
        "basis_stated": band.basis_stated,
        "region_stated": band.region_stated,
        "open_ended": band.open_ended,
        "job_title": band.job_title,
        "kind": band.kind,
        "year": band.year,
        "source": band.source,
        "note": band.note,
    }


def to_table(kb: KnowledgeBase) -> str:
    """A readable plain-text summary: sources, skills by category, roles, paths and salaries."""
    lines: list[str] = []

    def section(title: str, count: int) -> None:
        heading = f"{title} ({count})"
        lines.extend(["", heading, "-" * len(heading)])

    section("Sources", len(kb.sources))
    for s in kb.sources:
        lines.append(f"  {s.id:<18} {s.publisher}: {s.name}")

    section("Skills", len(kb.skills))
    for category in kb.categories:
        lines.append(f"  {category.name}")
        for skill in (s for s in kb.skills if s.category == category.id):
            aliases = f"  ({', '.join(skill.aliases)})" if skill.aliases else ""
            lines.append(f"    {skill.id:<24} {skill.name}{aliases}")

    section("Roles", len(kb.roles))
    for role in kb.roles:
        kinds = [
            k for k, on in (("target", role.is_target), ("background", role.is_background)) if on
        ]
        core = sum(1 for r in role.requirements if r.weight.value == "core")
        ours = sum(1 for r in role.requirements if r.is_ours)
        needs = f"{len(role.requirements)} requirements ({core} core" if role.requirements else ""
        if needs:
            needs += f", {ours} {OUR_SUGGESTION})" if ours else ")"
        lines.append(
            f"  {role.id:<26} {role.name:<30} {role.family.value:<10} {'+'.join(kinds):<17} "
            f"{needs or 'a starting point only'}"
        )
    lines.append(f"  (requirement levels and weights are {OUR_READING} of the articles)")

    section("Pivot paths", len(kb.paths))
    for path in kb.paths:
        route = f"{path.from_role or 'anyone'} -> {path.to_role or 'a track of your choice'}"
        lines.append(
            f"  {path.id:<10} {route}, {len(path.phases)} phases; default pace "
            f"{path.weekly_hours} h/week ({OUR_SUGGESTION})"
        )
        for claim in path.claims:
            span = _months(claim.min_months, claim.max_months)
            pace = (
                f"about {claim.weekly_hours} h/week"
                if claim.weekly_hours is not None
                else "no sensible pace gives these months"
            )
            lines.append(
                f"             {span} months [{claim.source}] {claim.note}".rstrip()
                + f"; implied pace: {pace} ({OUR_READING})"
            )
        if not path.claims:
            lines.append("             no source gives a duration")
        ours = sum(s.is_ours for phase in path.phases for s in phase.steps)
        milestones = sum(phase.milestone.is_ours for phase in path.phases)
        lines.append(
            f"             steps: {sum(len(p.steps) for p in path.phases)}, {ours} of them "
            f"{OUR_SUGGESTION}; milestones: {len(path.phases)}, {milestones} of them "
            f"{OUR_SUGGESTION}"
        )

    section("Salary bands", len(kb.salaries))
    for band in kb.salaries:
        amount = f"{band.low:,}" if band.low == band.high else f"{band.low:,}-{band.high:,}"
        amount += "+" if band.open_ended else ""
        tier = f", {band.company_tier}" if band.company_tier else ""
        title = f", job title {band.job_title}" if band.job_title else ""
        lines.append(
            f"  {band.role:<16} {band.region_label:<5} {band.seniority:<6} {band.currency} "
            f"{amount:<22} {band.basis_label} {band.kind}, {band.year}{tier}{title} "
            f"[{band.source}]"
        )

    section("Where the sources disagree", len(kb.disagreements))
    for disagreement in kb.disagreements:
        sources = ", ".join(dict.fromkeys(c.source for c in disagreement.claims))
        lines.append(f"  {disagreement.topic} [{sources}] ({', '.join(disagreement.roles)})")
    return "\n".join(lines).lstrip("\n") + "\n"


def _months(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"
