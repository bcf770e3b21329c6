"""The Planner's "which role" reads and edits, Qt-free: every role's plan at the profile's hours
(the very plan the Plan page shows for its target), and fit answers saved with the profile,
undoable, with every change kept as history."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from careerplanner.core.plan import build_plan
from careerplanner.errors import UsageError
from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.fit import load_fit
from careerplanner.services.fit import read_answers
from careerplanner.services.planner import Planner
from careerplanner.services.snapshot import plan_request
from careerplanner.storage.stores import FitAnswerStore
from tests.storage_fixtures import dump


@pytest.fixture
def planner(fresh_db):
    planner = Planner(fresh_db, default_knowledge(), today=lambda: date(2027, 2, 10))
    planner.create_profile("Me", "software-engineer", "ai-engineer", 8, date(2027, 2, 1))
    return planner


def test_every_role_gets_the_plan_the_plan_page_would_make_for_it(planner):
    plans = planner.role_plans()
    kb = planner.kb
    assert set(plans) == {r.id for r in kb.target_roles}
    snap = planner.snapshot()
    assert plans["ai-engineer"] == snap.plan  # the target's is the Plan page's own plan
    for role, plan in plans.items():
        request = plan_request(
            levels=snap.levels,
            background="software-engineer",
            target=role,
            hours_per_week=8,
            start=date(2027, 2, 1),
            today=date(2027, 2, 10),
        )
        assert plan.total_months == build_plan(kb, request).total_months, role
    assert plans["ai-engineer"].total_months < plans["ml-engineer"].total_months


def test_more_hours_give_every_role_fewer_months_or_as_many(planner):
    slow, fast = planner.role_plans(5), planner.role_plans(20)
    for role in slow:
        assert fast[role].total_months <= slow[role].total_months


def test_answers_are_saved_with_the_profile_and_undo_brings_back_the_old_ones(planner):
    me = planner.active_profile().id
    planner.answer_fit({"deliverable": "llm-feature", "stack": "llm-stack"})
    planner.answer_fit({"deliverable": "production-model"})
    assert planner.fit_answers(me) == {"deliverable": "production-model", "stack": "llm-stack"}
    planner.undo()
    assert planner.fit_answers(me) == {"deliverable": "llm-feature", "stack": "llm-stack"}
    planner.redo()
    assert planner.fit_answers(me)["deliverable"] == "production-model"


def test_every_change_of_an_answer_is_kept_as_history(planner, fresh_db):
    me = planner.active_profile().id
    planner.answer_fit({"deliverable": "llm-feature"})
    planner.answer_fit({"deliverable": "production-model"})
    planner.answer_fit({"deliverable": None})  # cleared
    rows = FitAnswerStore(fresh_db).rows(me)
    assert [r["option_id"] for r in rows] == ["llm-feature", "production-model", None]
    assert planner.fit_answers(me) == {}


def test_replacing_answers_clears_the_questions_left_out(planner):
    me = planner.active_profile().id
    planner.answer_fit({"deliverable": "llm-feature", "stack": "llm-stack"})
    planner.answer_fit({"stack": "training-stack"}, replace=True)
    assert planner.fit_answers(me) == {"stack": "training-stack"}


def test_saving_the_same_answers_again_is_no_edit(planner):
    planner.answer_fit({"deliverable": "llm-feature"})
    undo_before = len(planner.history)
    assert not planner.answer_fit({"deliverable": "llm-feature"})
    assert len(planner.history) == undo_before


def test_an_unknown_question_or_answer_is_one_clear_error_and_saves_nothing(planner, fresh_db):
    before = dump(fresh_db)
    with pytest.raises(UsageError, match="unknown question 'deliverables'; the questions are: "):
        planner.answer_fit({"deliverables": "llm-feature"})
    with pytest.raises(UsageError, match="'stack': unknown answer \"pytorch\"; choose one of: "):
        planner.answer_fit({"stack": "pytorch"})
    assert dump(fresh_db) == before


def test_the_fit_result_ranks_the_saved_answers(planner):
    planner.answer_fit({"deliverable": "production-model", "strength": "maths-systems"})
    result = planner.fit_result()
    assert result.best.role == "ml-engineer" and result.answered == 2


def test_answers_belong_to_one_profile(planner):
    planner.answer_fit({"deliverable": "llm-feature"})
    planner.create_profile("Other", "data-scientist", "ml-engineer", 10)
    assert planner.fit_answers(planner.active_profile().id) == {}
    assert planner.fit_result().ranking == ()


def test_undoing_a_deleted_profile_brings_its_answers_back(planner, fresh_db):
    me = planner.active_profile().id
    planner.answer_fit({"deliverable": "llm-feature"})
    planner.create_profile("Other", "data-scientist", "ml-engineer", 10)
    before = dump(fresh_db)
    planner.delete_profile(me)
    assert planner.fit_answers(me) == {}
    planner.undo()
    assert dump(fresh_db) == before
    assert planner.fit_answers(me) == {"deliverable": "llm-feature"}


def test_an_answers_file_is_read_and_checked(tmp_path):
    quiz = default_quiz()
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"answers": {"deliverable": "llm-feature"}}))
    assert read_answers(path, quiz) == {"deliverable": "llm-feature"}
    path.write_text("{not json")
    with pytest.raises(UsageError, match=re.escape("answers.json: not valid JSON")):
        read_answers(path, quiz)
    path.write_text(json.dumps({"deliverable": "llm-feature"}))
    with pytest.raises(UsageError, match=re.escape('expected {"answers": ')):
        read_answers(path, quiz)
    path.write_text(json.dumps({"answers": {"deliverable": 3}}))
    with pytest.raises(
        UsageError, match="'deliverable': unknown answer 3; choose one of: llm-feature"
    ):
        read_answers(path, quiz)
    with pytest.raises(UsageError, match="Cannot read"):
        read_answers(tmp_path / "missing.json", quiz)


def default_quiz():
    return load_fit(default_knowledge())
