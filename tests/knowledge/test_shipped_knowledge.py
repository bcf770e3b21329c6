"""The shipped knowledge base loads, keeps the ids other layers rely on, and is internally
consistent: each pivot path's effort fits each source's claimed months at the pace we read into
that claim, and a claim we read no pace into cannot be met at a sensible pace."""

from __future__ import annotations

import math

import pytest

from careerplanner.knowledge import default_knowledge, load_knowledge
from careerplanner.knowledge.model import KnowledgeBase, PivotPath

WEEKS_PER_MONTH = 52 / 12
#: Below this, a pace is not the deliberate effort any of the sources describes.
SENSIBLE_WEEKLY_HOURS = 6

TARGET_ROLES = {
    "ai-engineer",
    "ml-engineer",
    "ai-application-engineer",
    "ml-platform-engineer",
    "mlops-engineer",
    "foundation-model-engineer",
    "data-scientist",
}
BACKGROUNDS = {"software-engineer", "data-scientist", "student", "ai-engineer", "ml-engineer"}
PATHS = {"ai-to-ml", "ml-to-ai", "swe-to-ai", "swe-to-ml", "ds-to-ai", "ds-to-ml", "starter"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge()


def test_default_knowledge_is_loaded_once_and_shared():
    assert default_knowledge() is default_knowledge()


def test_target_roles_and_backgrounds_keep_their_contract_ids(kb):
    assert {r.id for r in kb.target_roles} == TARGET_ROLES
    assert {r.id for r in kb.backgrounds} == BACKGROUNDS
    assert not kb.role("software-engineer").is_target
    assert not kb.role("student").is_target


def test_every_pivot_path_the_articles_give_is_present(kb):
    assert {p.id for p in kb.paths} == PATHS
    assert kb.path_between("software-engineer", "ml-engineer").id == "swe-to-ml"
    assert kb.path("starter").from_role == "student"
    assert kb.path("starter").to_role is None


def test_skill_catalogue_is_rateable_size_with_five_levels_and_four_steps(kb):
    assert 40 <= len(kb.skills) <= 80
    for skill in kb.skills:
        assert len(skill.levels) == 5, skill.id
        assert len(skill.hours_per_step) == 4, skill.id


def _gap_hours(kb: KnowledgeBase, path: PivotPath) -> int:
    have = kb.role(path.from_role).typical_levels
    return sum(
        kb.skill(r.skill).hours_between(have.get(r.skill, 0), r.level)
        for r in kb.role(path.to_role).requirements
    )


@pytest.mark.parametrize("path_id", ["ai-to-ml", "ml-to-ai", "swe-to-ai", "swe-to-ml"])
def test_typical_gap_at_each_claims_pace_fits_that_claims_months(kb, path_id):
    path = kb.path(path_id)
    for claim in path.claims:
        if claim.weekly_hours is None:
            # No sensible pace stretches the gap to the claim: even the slowest takes less.
            months = _gap_hours(kb, path) / (SENSIBLE_WEEKLY_HOURS * WEEKS_PER_MONTH)
            assert months < claim.min_months, (claim.source, f"{months:.1f} months")
            continue
        months = _gap_hours(kb, path) / (claim.weekly_hours * WEEKS_PER_MONTH)
        # A rough check from the requirements alone: within a month of the claim. The plan
        # itself (prerequisites added, months filled one by one) must land inside it exactly;
        # tests/core/test_calibration.py checks that.
        assert claim.min_months - 1 <= math.ceil(months) <= claim.max_months + 1, (
            claim.source,
            f"{months:.1f} months",
        )


def test_no_path_starts_from_a_profile_that_already_qualifies(kb):
    for path in kb.paths:
        if path.to_role is not None:
            assert _gap_hours(kb, path) > 0, path.id


@pytest.mark.parametrize("typo", ["pytorc", "kubernets", "kube"])
def test_skill_suggestions_name_each_skill_once_by_its_display_name(kb, typo):
    names = kb.closest_skill_names(typo)
    assert names, typo
    assert len(names) == len(set(names))
    assert all(name in {s.name for s in kb.skills} for name in names)
    assert len({kb.find_skill(n).id for n in names}) == len(names)


def test_skill_suggestions_put_the_best_match_first(kb):
    assert kb.closest_skill_names("pytorc")[0] == "PyTorch"
    # A close match is not followed by far ones that only share a few letters.
    assert "Vector databases" not in kb.closest_skill_names("pytorc")
    assert kb.closest_skill_names("kubernets")[0] == "Kubernetes"


def test_role_suggestions_name_each_role_once_and_only_among_the_given_roles(kb):
    names = kb.closest_role_names("ml enginer")
    assert names[0] == kb.role("ml-engineer").name
    assert len(names) == len(set(names))
    assert all(name in {r.name for r in kb.roles} for name in names)
    backgrounds = kb.closest_role_names("ml enginer", among=kb.backgrounds)
    assert backgrounds and all(kb.find_role(n).is_background for n in backgrounds)
