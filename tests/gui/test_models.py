"""Every item model passes Qt's model tester, filled with real data; a model added to
``gui/models`` without a check here fails ``test_every_item_model_is_checked``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel

from careerplanner.core.posting import Verdict
from careerplanner.core.why_it_counts import why_it_counts
from careerplanner.gui import models as models_package
from careerplanner.gui.models.checkins import CheckinTableModel
from careerplanner.gui.models.cohort import CohortTableModel
from careerplanner.gui.models.gap import GapRow, GapTableModel, RoleRow, RolesTableModel
from careerplanner.gui.models.plan import PlanTreeModel
from careerplanner.gui.models.postings import PostingGapModel, SavedPostingsModel, SavedRow
from careerplanner.gui.models.skills import SkillFilterModel, SkillTreeModel
from careerplanner.services.cohort import read_cohort
from careerplanner.services.edits import AddCheckin
from tests.cohort_files import TODAY, class_folder


def _skill_tree(session):
    model = SkillTreeModel(session.kb)
    model.set_levels(session.snapshot().levels, {"python": 3})
    return model


def _skill_filter(session):
    proxy = SkillFilterModel()
    proxy.setSourceModel(SkillTreeModel(session.kb))
    proxy.set_query("vector")
    return proxy


def _gap_table(session):
    gap = session.snapshot().gap_for("ml-engineer")
    plan = session.planner.role_plans()["ml-engineer"]
    role = session.kb.role("ml-engineer")
    why = why_it_counts(session.kb, role, plan, tuple(g.skill for g in gap.gaps))
    model = GapTableModel()
    model.set_rows(GapRow(g, why[g.skill]) for g in gap.gaps)
    return model


def _roles_table(session):
    snapshot = session.snapshot()
    plans = session.planner.role_plans()
    model = RolesTableModel()
    model.set_hours(8)
    model.set_rows(
        RoleRow(
            g.role, g.name, g.readiness, g.hours, plans[g.role].total_months, False, None, n == 0
        )
        for n, g in enumerate(snapshot.gaps)
    )
    return model


def _plan_tree(session):
    model = PlanTreeModel()
    model.set_plan(session.snapshot().plan.months, {})
    return model


def _checkin_table(session):
    profile_id = session.profile.id
    for hours, skills in ((1, ("python",)), (2.5, ("rag", "python")), (0.25, ())):
        session.do(AddCheckin(profile_id, date(2026, 3, 2), hours, "x", skills))
    model = CheckinTableModel({"python": "Python", "rag": "RAG"})
    model.set_rows(session.planner.checkins(profile_id))
    return model


_POSTING = "AI Engineer: RAG with LangGraph and Pinecone, evals in Braintrust; Python, Docker."


def _posting_gap(session):
    model = PostingGapModel()
    model.set_rows(session.planner.posting_report(_POSTING).skills)
    return model


def _saved_postings(session):
    planner = session.planner
    planner.save_posting(_POSTING, "An AI posting")
    planner.plan_for_posting(text=_POSTING + " Also Kubernetes.", title="Another one")
    model = SavedPostingsModel()
    model.set_rows(
        SavedRow(posting, planner.saved_posting_report(posting), Verdict.AI, "AI Engineer", n == 1)
        for n, posting in enumerate(planner.saved_postings())
    )
    return model


def _cohort_table(session):
    folder = class_folder(Path(tempfile.mkdtemp()) / "class")
    model = CohortTableModel({role.id: role.name for role in session.kb.roles})
    model.set_rows(read_cohort(session.kb, [folder], TODAY).students)
    return model


FILLED = {
    SkillTreeModel: _skill_tree,
    SkillFilterModel: _skill_filter,
    GapTableModel: _gap_table,
    RolesTableModel: _roles_table,
    PlanTreeModel: _plan_tree,
    CheckinTableModel: _checkin_table,
    PostingGapModel: _posting_gap,
    SavedPostingsModel: _saved_postings,
    CohortTableModel: _cohort_table,
}


def _concrete_models() -> set[type]:
    found = set()
    for info in pkgutil.iter_modules(models_package.__path__):
        module = importlib.import_module(f"{models_package.__name__}.{info.name}")
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QAbstractItemModel) and value.__module__ == module.__name__:
                found.add(value)
    return found


def test_every_item_model_is_checked():
    models = _concrete_models()
    bases = {base for model in models for base in model.__mro__[1:]}
    views_use = {model for model in models if model not in bases}  # not a shared base class
    assert views_use - set(FILLED) == set()


@pytest.mark.parametrize("model_class", FILLED, ids=lambda cls: cls.__name__)
def test_each_model_is_a_valid_model(qtmodeltester, session, model_class):
    model = FILLED[model_class](session)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
