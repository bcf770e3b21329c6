"""The skill matcher: word boundaries, case rules, everyday words only in a technical context,
each match at its place in the text; recall and precision on four postings, skill by skill."""

from __future__ import annotations

import pytest

from careerplanner.core.matcher import SkillMatcher
from careerplanner.knowledge import default_knowledge
from tests.core.postings import EXPECTED, LOOK_ALIKES, posting


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    return SkillMatcher(default_knowledge())


def found(matcher: SkillMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.skill) for m in matcher.find(text)]


# -- recall and precision on the four postings ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "skill"),
    [(name, skill) for name, skills in EXPECTED.items() for skill in sorted(skills)],
)
def test_finds_each_skill_a_posting_asks_for(matcher, name, skill):
    assert skill in {m.skill for m in matcher.find(posting(name))}


@pytest.mark.parametrize("name", EXPECTED)
def test_finds_nothing_a_posting_does_not_ask_for(matcher, name):
    wrong = {m.skill: m.text for m in matcher.find(posting(name))}
    for skill in EXPECTED[name]:
        wrong.pop(skill, None)
    assert wrong == {}


@pytest.mark.parametrize("word", LOOK_ALIKES)
def test_a_look_alike_word_in_a_non_technical_posting_is_not_a_skill(matcher, word):
    text = posting("not_technical")
    assert word in text  # the posting really uses the word
    assert not [m for m in matcher.find(text) if m.text.casefold() == word.casefold()]


@pytest.mark.parametrize("name", EXPECTED)
def test_each_match_is_the_text_at_its_place(matcher, name):
    text = posting(name)
    matches = matcher.find(text)
    assert all(text[m.start : m.end] == m.text for m in matches)
    assert [m.start for m in matches] == sorted(m.start for m in matches)


# -- the rules -------------------------------------------------------------------------------


def test_a_spelling_matches_whole_words_only(matcher):
    assert found(matcher, "Fragile RAGtime; aragorn") == []
    assert found(matcher, "Build a RAG-based search.") == [("RAG", "rag")]


def test_spaces_hyphens_and_ampersands_are_interchangeable(matcher):
    assert [s for _, s in found(matcher, "fine-tuning, fine tuning, fine_tuning")] == [
        "fine-tuning"
    ] * 3
    assert found(matcher, "Weights and Biases") == [("Weights and Biases", "experiment-tracking")]
    assert found(matcher, "W&B") == [("W&B", "experiment-tracking")]


def test_the_last_word_may_be_singular_or_plural(matcher):
    assert found(matcher, "a feature store") == [("feature store", "feature-stores")]
    assert found(matcher, "two LLM APIs") == [("LLM APIs", "llm-apis")]


def test_short_spellings_match_only_in_their_own_case_or_capitals(matcher):
    assert found(matcher, "We run on AWS.") == [("AWS", "cloud-platforms")]
    assert found(matcher, "dbt models, DBT docs") == [
        ("dbt", "data-pipelines"),
        ("DBT", "data-pipelines"),
    ]
    assert found(matcher, "Rag and bone; a rag doll") == []


def test_the_longest_spelling_wins(matcher):
    assert found(matcher, "Apache Spark") == [("Apache Spark", "spark")]
    assert found(matcher, "Datadog LLM observability") == [
        ("Datadog LLM observability", "llm-observability")
    ]


def test_an_everyday_word_alone_is_not_a_skill(matcher):
    text = "Serving our customers, our agents spark ideas; a vision at the edge; send your CV."
    assert found(matcher, text) == []


def test_an_everyday_word_counts_in_a_list_of_skills(matcher):
    assert found(matcher, "Stack: Python, Spark, Snowflake and dbt.") == [
        ("Python", "python"),
        ("Spark", "spark"),
        ("Snowflake", "data-warehouses"),
        ("dbt", "data-pipelines"),
    ]
    bullets = "- PyTorch\n- Ray\n- Triton\n"
    assert [s for _, s in found(matcher, bullets)] == [
        "pytorch",
        "distributed-compute",
        "model-serving",
    ]


def test_a_list_does_not_reach_across_a_sentence_or_a_blank_line(matcher):
    assert found(matcher, "We use Python. Spark joy in the team.") == [("Python", "python")]
    assert found(matcher, "Python\n\nServing customers") == [("Python", "python")]


def test_an_everyday_word_beside_a_technical_word_counts(matcher):
    assert found(matcher, "train a vision model") == [("vision", "computer-vision")]
    assert found(matcher, "a Spark cluster") == [("Spark", "spark")]
    assert found(matcher, "ship ML features") == [("features", "feature-engineering")]


def test_product_features_built_on_llms_are_not_model_features(matcher):
    assert found(matcher, "Our teams ship LLM features and AI features every week.") == []


def test_technical_forms_need_no_context(matcher):
    assert found(matcher, "a REST API, model serving and computer vision") == [
        ("REST API", "api-design"),
        ("model serving", "model-serving"),
        ("computer vision", "computer-vision"),
    ]


def test_nothing_inside_an_address_is_a_skill(matcher):
    text = "Write to jobs@openai.com or see https://pytorch.org/get-started."
    assert found(matcher, text) == []


def test_a_name_alias_beats_another_skills_tool(matcher):
    # "Hugging Face" is a tool of five skills and an alias of one: that one has it.
    assert found(matcher, "Hugging Face") == [("Hugging Face", "transformers")]
    # "LangSmith" is only a tool, of two skills: the first in the catalogue has it.
    assert found(matcher, "LangSmith") == [("LangSmith", "llm-evals")]


def test_positions_count_characters_of_the_text_as_given(matcher):
    text = "Café ☕ team: Python and PyTorch"
    matches = matcher.find(text)
    assert [(text[m.start : m.end], m.start) for m in matches] == [
        ("Python", 13),
        ("PyTorch", 24),
    ]


def test_a_posting_of_a_megabyte_is_matched_whole(matcher):
    text = posting("ai_engineer") * 700  # about 1 MB
    assert len(matcher.find(text)) == len(matcher.find(posting("ai_engineer"))) * 700
