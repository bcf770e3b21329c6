"""What the Gap page's "Why it counts" says (only what its other columns do not), and the Compare
page's pay table (one row per region, seniority and tier; every figure once, never blended)."""

from __future__ import annotations

from datetime import date

import pytest

from careerplanner.core.gap import analyse_role
from careerplanner.core.pay import band_text, pay_table, regions
from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.core.why_it_counts import why_it_counts
from careerplanner.knowledge import default_knowledge


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


def reasons(kb, target: str):
    levels = dict(kb.role("software-engineer").typical_levels)
    plan = build_plan(kb, PlanRequest(levels, "software-engineer", target, 8, date(2027, 1, 1)))
    gap = analyse_role(kb, target, levels)
    return gap, plan, why_it_counts(kb, kb.role(target), plan, tuple(g.skill for g in gap.gaps))


def test_why_it_counts_names_the_path_step_and_the_article(kb):
    _gap, plan, why = reasons(kb, "ai-engineer")
    rag = why["rag"]
    path = kb.path(plan.path)
    position, count, name = rag.step
    assert path.phases[position - 1].name == name and count == len(path.phases)
    assert "rag" in path.phases[position - 1].skills
    assert rag.named_by == ("ClarUp",)  # the requirement's source
    assert rag.short.startswith(f"Step {position} of {count}: {name}")


def test_why_it_counts_says_what_a_skill_unlocks(kb):
    _gap, _plan, why = reasons(kb, "ai-engineer")
    assert "Prompt engineering" in why["llm-apis"].unlocks
    assert "before Prompt engineering" in why["llm-apis"].short


def test_why_it_counts_never_repeats_the_other_columns(kb):
    gap, _plan, why = reasons(kb, "ml-engineer")
    for skill_gap in gap.gaps:
        text = why[skill_gap.skill].short
        assert text, skill_gap.skill
        assert "you have" not in text and "needs" not in text
        assert skill_gap.weight.value not in text.split(" · ")


def test_the_months_are_those_the_plan_works_on_the_skill(kb):
    _gap, plan, why = reasons(kb, "ai-engineer")
    first, last = why["rag"].months
    worked = [m.index for m in plan.months if any(s.skill == "rag" for s in m.skills)]
    assert (first, last) == (worked[0], worked[-1])
    assert why["rag"].month_text == f"{first}–{last}"
    assert f"months {first} to {last}" in why["rag"].sentence


def test_without_a_plan_the_step_and_months_are_left_out(kb):
    gap = analyse_role(kb, "ai-engineer", {})
    why = why_it_counts(kb, kb.role("ai-engineer"), None, tuple(g.skill for g in gap.gaps))
    assert why["rag"].step is None and why["rag"].months is None
    assert why["rag"].short == "named by ClarUp"


# -- pay


def test_india_pay_rows_are_india_only_from_entry_up(kb):
    rows = pay_table(kb, ["ai-engineer", "ml-engineer"], "India")
    assert rows and {r.region for r in rows} == {"India"}
    order = ["entry", "mid", "senior", "staff", "all"]
    ranks = [order.index(r.seniority) for r in rows]
    assert ranks == sorted(ranks)
    entry_startup = next(r for r in rows if r.tier == "product startup")
    ai, ml = entry_startup.cells
    assert [band_text(b) for b in ai] == ["₹8L–₹15L total"] and ml == ()


def test_us_mid_pay_keeps_each_sources_band_apart(kb):
    rows = pay_table(kb, ["ai-engineer", "ml-engineer"], "US")
    mid = next(r for r in rows if r.seniority == "mid" and r.tier == "")
    ai, _ml = mid.cells
    assert len(ai) == len({b.source for b in ai}) >= 3  # one band per article, none blended
    assert [b.low for b in ai] == sorted(b.low for b in ai)
    assert "$160k–$220k base" in [band_text(b) for b in ai]
    h2k = next(b for b in ai if b.source == "h2k-infosys")
    assert band_text(h2k).endswith("base*")  # the article does not say base or total


def test_every_band_of_the_compared_roles_is_in_exactly_one_cell(kb):
    roles = ["ai-engineer", "ml-engineer", "mlops-engineer"]
    rows = pay_table(kb, roles)
    shown = [b.id for row in rows for cell in row.cells for b in cell]
    expected = [b.id for b in kb.salaries if b.role in roles]
    assert sorted(shown) == sorted(expected)
    for row in rows:
        for role, cell in zip(roles, row.cells, strict=True):
            assert all(
                (b.role, b.region, b.seniority, b.company_tier)
                == (role, row.region, row.seniority, row.tier)
                for b in cell
            )


def test_regions_come_in_the_usual_order(kb):
    assert regions(kb) == ("India", "US", "EU", "MENA")
    assert pay_table(kb, ["ai-application-engineer"]) == ()
