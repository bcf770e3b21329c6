"""The fit quiz's data file: every question cites the article whose decision signal it is built
from, every answer says which roles it counts toward, and a broken file names the key."""

from __future__ import annotations

import pytest

from careerplanner.knowledge import KnowledgeError, default_knowledge
from careerplanner.knowledge.fit import MAX_QUESTIONS, MIN_QUESTIONS, load_fit


@pytest.fixture(scope="module")
def kb():
    return default_knowledge()


@pytest.fixture(scope="module")
def quiz(kb):
    return load_fit(kb)


def test_the_quiz_has_eight_to_twelve_questions_each_citing_a_source(kb, quiz):
    assert MIN_QUESTIONS == 8 and MAX_QUESTIONS == 12
    assert 8 <= len(quiz.questions) <= 12
    sources = {s.id for s in kb.sources}
    for question in quiz.questions:
        assert question.source in sources, question.id
        assert question.signal.strip(), question.id


def test_every_article_gives_at_least_one_question(kb, quiz):
    assert {q.source for q in quiz.questions} == {s.id for s in kb.sources}


def test_every_option_leans_toward_target_roles(kb, quiz):
    targets = {r.id for r in kb.target_roles}
    for question in quiz.questions:
        assert len(question.options) >= 2
        for option in question.options:
            assert option.leans, f"{question.id}.{option.id} counts toward nothing"
            assert set(option.leans) <= targets
            assert all(1 <= points <= 3 for points in option.leans.values())
            assert option.short and option.text


def test_every_question_can_tell_ai_from_ml_engineering(quiz):
    # Each question has an answer that counts more toward AI engineering than ML engineering,
    # and one the other way round.
    for question in quiz.questions:
        ai = {
            o.leans.get("ai-engineer", 0) - o.leans.get("ml-engineer", 0) for o in question.options
        }
        assert max(ai) > 0 > min(ai), question.id


def test_the_quiz_says_it_is_not_a_psychometric_test_and_cites_clarup(kb, quiz):
    assert "not a psychometric test" in quiz.about
    assert quiz.assessment.source == "clarup-india"
    assert "six-trait" in quiz.assessment.text


def test_an_unknown_role_in_leans_names_the_file_and_key(kb, edit):
    folder = edit(
        "fit.toml",
        "ml-engineer = 3, data-scientist = 1 }",
        "ml-enginer = 3 }",
        within="deliverable",
    )
    with pytest.raises(KnowledgeError) as error:
        load_fit(kb, folder)
    assert str(error.value) == (
        "fit.toml: questions[deliverable].options[production-model].leans.ml-enginer: "
        "unknown target role 'ml-enginer' (did you mean 'ml-engineer'?)"
    )


def test_an_answer_that_counts_toward_nothing_is_refused(kb, edit):
    folder = edit(
        "fit.toml",
        "leans = { ai-engineer = 3, ai-application-engineer = 1 }",
        "leans = {}",
        within="stack",
    )
    with pytest.raises(
        KnowledgeError,
        match=r"questions\[stack\].options\[llm-stack\].leans: "
        "every answer must count toward some role",
    ):
        load_fit(kb, folder)


def test_a_question_without_a_known_source_is_refused(kb, edit):
    folder = edit(
        "fit.toml", 'source = "h2k-infosys"', 'source = "h2k"', within="systems-or-models"
    )
    with pytest.raises(
        KnowledgeError, match=r"questions\[systems-or-models\].source: unknown source"
    ):
        load_fit(kb, folder)


def test_a_misspelt_key_is_refused_with_a_suggestion(kb, edit):
    folder = edit("fit.toml", "signal = ", "signl = ", within="strength")
    with pytest.raises(
        KnowledgeError,
        match=r"questions\[strength\].signl: unknown key \(did you mean 'signal'\?\)",
    ):
        load_fit(kb, folder)
