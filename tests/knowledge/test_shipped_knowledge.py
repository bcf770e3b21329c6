"""The shipped knowledge base loads, keeps the ids other layers rely on, and is internally
consistent: each pivot path's effort fits the duration its sources claim at its weekly hours."""

from __future__ import annotations

import pytest

from careerplanner.knowledge import default_knowledge, load_knowledge
from careerplanner.knowledge.model import KnowledgeBase, PivotPath

WEEKS_PER_MONTH = 52 / 12

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
def test_typical_gap_at_documented_hours_fits_the_claimed_duration(kb, path_id):
    path = kb.path(path_id)
    months = _gap_hours(kb, path) / (path.weekly_hours * WEEKS_PER_MONTH)
    # A month of slack at each end, so month-by-month rounding in a plan stays inside the range.
    assert path.min_months + 1 <= months <= path.max_months - 1, f"{months:.1f} months"


def test_no_path_starts_from_a_profile_that_already_qualifies(kb):
    for path in kb.paths:
        if path.to_role is not None:
            assert _gap_hours(kb, path) > 0, path.id
