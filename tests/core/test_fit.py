"""Scoring the fit quiz: the ranking follows the answers' leans, and the result names the
answers that decided it."""

from __future__ import annotations

import pytest

from careerplanner.core.fit import fit_to_dict, score_fit
from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.fit import load_fit


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


@pytest.fixture(scope="module")
def quiz(kb):
    return load_fit(kb)


def leaning(quiz, toward: str, away: str) -> dict[str, str]:
    """Every question answered the way that leans most toward one role and away from another."""
    return {
        q.id: max(q.options, key=lambda o: o.leans.get(toward, 0) - o.leans.get(away, 0)).id
        for q in quiz.questions
    }


def test_the_most_ai_leaning_answers_rank_ai_engineer_first(kb, quiz):
    result = score_fit(kb, quiz, leaning(quiz, "ai-engineer", "ml-engineer"))
    assert result.best.role == "ai-engineer"
    assert result.score_of("ai-engineer") > result.score_of("ml-engineer")
    assert result.ranking[-1].score < result.best.score


def test_the_most_ml_leaning_answers_rank_ml_engineer_first(kb, quiz):
    result = score_fit(kb, quiz, leaning(quiz, "ml-engineer", "ai-engineer"))
    assert result.best.role == "ml-engineer"
    assert result.score_of("ml-engineer") == 1.0  # every answer gave it the most points there


def test_mixed_answers_give_a_hybrid_or_both_roles_close(kb, quiz):
    ai = leaning(quiz, "ai-engineer", "ml-engineer")
    ml = leaning(quiz, "ml-engineer", "ai-engineer")
    mixed = {q: (ai[q] if n % 2 else ml[q]) for n, q in enumerate(ai)}
    result = score_fit(kb, quiz, mixed)
    top = [f.role for f in result.ranking[:2]]
    hybrid = kb.role(result.best.role).family == "hybrid"
    close = abs(result.score_of("ai-engineer") - result.score_of("ml-engineer")) <= 0.15
    assert hybrid or (set(top) == {"ai-engineer", "ml-engineer"} and close), result.ranking


def test_answers_that_lean_to_both_put_a_hybrid_role_near_the_top(kb, quiz):
    both = {
        q.id: max(
            q.options,
            key=lambda o: (
                min(o.leans.get("ai-engineer", 0), o.leans.get("ml-engineer", 0)),
                o.leans.get("mlops-engineer", 0),
            ),
        ).id
        for q in quiz.questions
    }
    result = score_fit(kb, quiz, both)
    assert "mlops-engineer" in [f.role for f in result.ranking[:3]]


def test_the_result_names_two_or_three_answers_that_lean_toward_the_top_role(kb, quiz):
    result = score_fit(kb, quiz, leaning(quiz, "ml-engineer", "ai-engineer"))
    assert 2 <= len(result.reasons) <= 3
    for reason in result.reasons:
        assert reason.option.leans.get("ml-engineer", 0) == reason.points > 0
        assert reason.lead > 0 and reason.over == result.ranking[1].role
        assert reason.option.text in reason.text


def test_no_answers_give_no_ranking(kb, quiz):
    result = score_fit(kb, quiz, {})
    assert result.ranking == () and result.best is None
    assert fit_to_dict(result, kb)["ranking"] == []


def test_an_answer_the_quiz_no_longer_has_is_left_out(kb, quiz):
    some = {"deliverable": "llm-feature", "dropped-question": "x", "stack": "no-such-option"}
    result = score_fit(kb, quiz, some)
    assert result.answered == 1 and result.best.role == "ai-engineer"


def test_the_json_has_the_contract_fields(kb, quiz):
    document = fit_to_dict(score_fit(kb, quiz, leaning(quiz, "ai-engineer", "ml-engineer")), kb)
    first = document["ranking"][0]
    assert set(first) == {"role", "name", "score"} and first["role"] == "ai-engineer"
    assert 0 <= first["score"] <= 1
    assert {"question", "option", "text", "source"} <= set(document["reasons"][0])
