"""Every item model passes Qt's model tester, filled with real data."""

from __future__ import annotations

from careerplanner.gui.models.gap import GapTableModel
from careerplanner.gui.models.plan import PlanTreeModel
from careerplanner.gui.models.skills import SkillFilterModel, SkillTreeModel


def test_skill_tree_model_is_a_valid_model(qtmodeltester, session):
    model = SkillTreeModel(session.kb)
    model.set_levels(session.snapshot().levels, {"python": 3})
    qtmodeltester.check(model)


def test_skill_filter_model_is_a_valid_model(qtmodeltester, session):
    proxy = SkillFilterModel()
    proxy.setSourceModel(SkillTreeModel(session.kb))
    proxy.set_query("vector")
    qtmodeltester.check(proxy)


def test_gap_table_model_is_a_valid_model(qtmodeltester, session):
    model = GapTableModel()
    model.set_rows(session.snapshot().gap_for("ml-engineer").gaps)
    qtmodeltester.check(model)


def test_plan_tree_model_is_a_valid_model(qtmodeltester, session):
    model = PlanTreeModel()
    model.set_plan(session.snapshot().plan.months, {})
    qtmodeltester.check(model)
