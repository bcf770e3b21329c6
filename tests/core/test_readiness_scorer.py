"""``readiness_scorer`` gives exactly ``analyse_role``'s readiness, for every target role and
any levels (it is how progress scores a history's many days quickly)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.core.gap import analyse_role, readiness_scorer
from careerplanner.knowledge import default_knowledge

KB = default_knowledge()
SKILLS = [skill.id for skill in KB.skills]


@pytest.mark.parametrize("role", [role.id for role in KB.target_roles])
@settings(max_examples=40, deadline=None)
@given(levels=st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4)))
def test_the_scorer_is_the_gap_analysis_readiness(role, levels):
    assert readiness_scorer(KB, role)(levels) == analyse_role(KB, role, levels).readiness


def test_no_levels_and_every_level_met():
    for role in KB.target_roles:
        score = readiness_scorer(KB, role.id)
        assert score({}) == 0.0
        assert score({r.skill: r.level for r in role.requirements}) == 1.0
