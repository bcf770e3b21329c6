"""Each way a data file can be broken stops loading with a message naming the file and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careerplanner.errors import CareerPlannerError
from careerplanner.knowledge import KnowledgeError, load_knowledge

PYTORCH_REQUIREMENT = (
    '{ skill = "pytorch", level = 3, weight = "core", source = "careerchoice-us" }'
)


def error_of(folder: Path) -> str:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(folder)
    return str(caught.value)


def break_pytorch_requirement(edit, old: str, new: str) -> Path:
    """Change the ML engineer's PyTorch requirement (requirements[3] in roles.toml)."""
    return edit(
        "roles.toml",
        PYTORCH_REQUIREMENT,
        PYTORCH_REQUIREMENT.replace(old, new),
        within="ml-engineer",
    )


def test_knowledge_error_is_a_user_facing_careerplanner_error():
    assert issubclass(KnowledgeError, CareerPlannerError)


def test_shipped_data_passes_validation():
    assert load_knowledge().skills


def test_unknown_skill_in_a_requirement_names_role_index_and_suggests_the_spelling(edit):
    folder = break_pytorch_requirement(edit, '"pytorch"', '"pytorchh"')
    assert error_of(folder) == (
        "roles.toml: roles[ml-engineer].requirements[3].skill: "
        "unknown skill 'pytorchh' (did you mean 'pytorch'?)"
    )


def test_unknown_prerequisite_is_reported_on_the_skill(edit):
    folder = edit("skills.toml", '"deep-learning"]', '"deep-lerning"]', within="pytorch")
    assert error_of(folder) == (
        "skills.toml: skills[pytorch].prerequisites[1]: "
        "unknown skill 'deep-lerning' (did you mean 'deep-learning'?)"
    )


def test_unknown_skill_in_typical_levels_is_reported(edit):
    folder = edit("roles.toml", "\nclassical-ml = 1\n", "\nclasical-ml = 1\n", within="student")
    assert error_of(folder) == (
        "roles.toml: roles[student].typical_levels.clasical-ml: "
        "unknown skill 'clasical-ml' (did you mean 'classical-ml'?)"
    )


def test_unknown_skill_in_a_path_phase_is_reported(edit):
    # The first phase of swe-to-ai is the only one working on exactly these two skills.
    phase = 'skills = ["llm-apis", "prompt-engineering"]'
    folder = edit("paths.toml", phase, phase.replace("prompt-engineering", "prompting-101"))
    assert error_of(folder).startswith(
        "paths.toml: paths[swe-to-ai].phases[0].skills[1]: unknown skill 'prompting-101'"
    )


def test_unknown_role_in_a_path_is_reported(edit):
    folder = edit("paths.toml", 'to = "ml-engineer"', 'to = "ml-enginer"', within="swe-to-ml")
    assert error_of(folder) == (
        "paths.toml: paths[swe-to-ml].to: unknown role 'ml-enginer' (did you mean 'ml-engineer'?)"
    )


def test_path_from_a_role_that_is_not_a_background_is_reported(edit):
    folder = edit(
        "paths.toml", 'from = "software-engineer"', 'from = "mlops-engineer"', within="swe-to-ml"
    )
    assert (
        error_of(folder)
        == "paths.toml: paths[swe-to-ml].from: 'mlops-engineer' is not a background"
    )


def test_unknown_role_in_a_salary_band_is_reported(edit):
    folder = edit(
        "salaries.toml", 'role = "ai-engineer"', 'role = "ai-engneer"', within="h2k-ai-entry"
    )
    assert error_of(folder) == (
        "salaries.toml: salaries[h2k-ai-entry].role: "
        "unknown role 'ai-engneer' (did you mean 'ai-engineer'?)"
    )


def test_duplicate_skill_id_names_both_entries(edit):
    folder = edit("skills.toml", 'id = "typescript"', 'id = "python"', within="typescript")
    assert error_of(folder) == "skills.toml: skills[1].id: duplicate id 'python' (also skills[0])"


def test_duplicate_role_id_is_reported(edit):
    folder = edit("roles.toml", 'id = "ml-platform-engineer"', 'id = "ml-engineer"')
    assert error_of(folder) == "roles.toml: roles[3].id: duplicate id 'ml-engineer' (also roles[1])"


def test_alias_that_already_names_another_skill_is_reported(edit):
    folder = edit("skills.toml", '"helm"]', '"docker"]', within="kubernetes")
    assert error_of(folder) == (
        "skills.toml: skills[kubernetes].aliases[2]: 'docker' already names skill 'docker'"
    )


@pytest.mark.parametrize("level", [5, -1])
def test_requirement_level_outside_0_to_4_is_reported(edit, level):
    folder = break_pytorch_requirement(edit, "level = 3", f"level = {level}")
    assert error_of(folder) == (
        f"roles.toml: roles[ml-engineer].requirements[3].level: level {level} is outside 0-4"
    )


def test_typical_level_outside_0_to_4_is_reported(edit):
    folder = edit("roles.toml", "\nclassical-ml = 1\n", "\nclassical-ml = 7\n", within="student")
    assert error_of(folder) == (
        "roles.toml: roles[student].typical_levels.classical-ml: level 7 is outside 0-4"
    )


@pytest.mark.parametrize("hours", ["[5, 10, 20]", "[5, 0, 20, 30]", "[5, 10, 20, 30, 40]"])
def test_hours_per_step_must_be_four_positive_numbers(edit, hours):
    folder = edit("skills.toml", "[5, 10, 20, 30]", hours, within="git")
    assert error_of(folder).startswith(
        "skills.toml: skills[git].hours_per_step: needs 4 positive whole numbers"
    )


def test_levels_must_have_exactly_five_descriptions(edit):
    folder = edit("skills.toml", '    "You have not used version control.",\n', "", within="git")
    assert error_of(folder) == (
        "skills.toml: skills[git].levels: "
        "needs exactly 5 non-empty descriptions (levels 0-4), got 4"
    )


def test_prerequisite_cycle_is_named_in_full(edit):
    folder = edit(
        "skills.toml", "prerequisites = []", 'prerequisites = ["pytorch"]', within="python"
    )
    assert error_of(folder) == (
        "skills.toml: skills[python].prerequisites: prerequisite cycle: python -> pytorch -> python"
    )


def test_skill_that_requires_itself_is_a_cycle(edit):
    folder = edit("skills.toml", "prerequisites = []", 'prerequisites = ["sql"]', within="sql")
    assert (
        error_of(folder) == "skills.toml: skills[sql].prerequisites: prerequisite cycle: sql -> sql"
    )


def test_skill_without_any_source_is_reported(edit):
    folder = edit(
        "skills.toml",
        'sources = ["careerchoice-us", "ayautomate-hiring", "h2k-infosys"]',
        "sources = []",
        within="git",
    )
    assert error_of(folder) == (
        "skills.toml: skills[git].sources: missing source: cite at least one article"
    )


def test_fact_citing_a_source_that_does_not_exist_is_reported(edit):
    folder = edit(
        "roles.toml",
        '"A prompt engineering exercise.", source = "datadriven-hiring"',
        '"A prompt engineering exercise.", source = "datadriven"',
        within="ai-engineer",
    )
    assert error_of(folder) == (
        "roles.toml: roles[ai-engineer].interview_loop[3].source: "
        "unknown source 'datadriven' (did you mean 'datadriven-hiring'?)"
    )


def test_fact_without_a_source_is_reported(edit):
    folder = edit(
        "roles.toml",
        '"A prompt engineering exercise.", source = "datadriven-hiring"',
        '"A prompt engineering exercise."',
        within="ai-engineer",
    )
    assert error_of(folder) == (
        "roles.toml: roles[ai-engineer].interview_loop[3].source: required key is missing"
    )


def test_fact_with_an_empty_source_is_reported(edit):
    folder = edit(
        "market.toml",
        'in the US at $244,000."\nsource = "careerchoice-us"',
        'in the US at $244,000."\nsource = ""',
    )
    assert error_of(folder) == (
        "market.toml: facts[1].source: missing source: every fact must cite an article"
    )


def test_salary_citing_a_source_that_does_not_exist_is_reported(edit):
    folder = edit(
        "salaries.toml", 'source = "h2k-infosys"', 'source = "h2k-infosys-2"', within="h2k-ml-mid"
    )
    assert error_of(folder) == (
        "salaries.toml: salaries[h2k-ml-mid].source: "
        "unknown source 'h2k-infosys-2' (did you mean 'h2k-infosys'?)"
    )


def test_duration_claim_citing_a_source_that_does_not_exist_is_reported(edit):
    claim = 'max_months = 18, source = "careerchoice-us"'
    folder = edit("paths.toml", claim, claim.replace("careerchoice-us", "career-choice"))
    assert error_of(folder).startswith(
        "paths.toml: paths[swe-to-ml].claims[0].source: unknown source 'career-choice'"
    )


def test_toml_syntax_error_names_the_file_and_line(edit):
    folder = edit("paths.toml", 'id = "ai-to-ml"', 'id = "ai-to-ml')
    message = error_of(folder)
    assert message.startswith("paths.toml: invalid TOML: ")
    assert re.search(r"\(at line \d+, column \d+\)$", message)


def test_missing_data_file_is_reported(data_copy):
    (data_copy / "salaries.toml").unlink()
    assert error_of(data_copy) == f"salaries.toml: file is missing from {data_copy}"


def test_missing_required_key_is_reported(edit):
    folder = edit(
        "skills.toml", 'description = "Version control', 'summary = "Version control', within="git"
    )
    # The misspelt key is left unread; the missing one is reported first.
    assert error_of(folder) == "skills.toml: skills[git].description: required key is missing"


@pytest.mark.parametrize(
    ("value", "got"), [('"three"', "text"), ("true", "true/false"), ("3.0", "a number")]
)
def test_wrong_type_is_reported_with_what_was_expected(edit, value, got):
    folder = break_pytorch_requirement(edit, "level = 3", f"level = {value}")
    assert error_of(folder) == (
        f"roles.toml: roles[ml-engineer].requirements[3].level: expected a whole number, got {got}"
    )


def test_misspelt_key_is_reported_with_the_right_spelling(edit):
    folder = edit("skills.toml", "prerequisites = ", "prerequisite = ", within="pytorch")
    assert error_of(folder) == (
        "skills.toml: skills[pytorch].prerequisite: unknown key (did you mean 'prerequisites'?)"
    )


def test_unknown_weight_lists_the_allowed_values(edit):
    folder = break_pytorch_requirement(edit, '"core"', '"crucial"')
    assert error_of(folder) == (
        "roles.toml: roles[ml-engineer].requirements[3].weight: "
        "expected one of core, secondary, got 'crucial'"
    )


def test_salary_with_low_above_high_is_reported(edit):
    folder = edit("salaries.toml", "low = 85000\nhigh = 110000", "low = 110000\nhigh = 85000")
    assert error_of(folder) == (
        "salaries.toml: salaries[h2k-ai-entry]: "
        "amounts must satisfy 0 < low <= high, got 110000-85000"
    )


def test_median_must_be_a_single_figure(edit):
    folder = edit("salaries.toml", "low = 370000\nhigh = 370000", "low = 360000\nhigh = 370000")
    assert error_of(folder) == (
        "salaries.toml: salaries[datadriven-ai-senior-median]: "
        "a median is one figure: low must equal high"
    )


def test_path_without_claims_must_say_why(data_copy):
    paths = data_copy / "paths.toml"
    start = paths.read_text().index('id = "ds-to-ai"')
    head, tail = paths.read_text()[:start], paths.read_text()[start:]
    tail = re.sub(
        r'duration_note = """.*?"""', 'duration_note = ""', tail, count=1, flags=re.DOTALL
    )
    paths.write_text(head + tail)
    assert error_of(data_copy) == (
        "paths.toml: paths[ds-to-ai].claims: "
        "no duration claim: cite one, or say why in duration_note"
    )


# --- every requirement, step, milestone and note cites an article or says it is ours


@pytest.mark.parametrize(
    ("old", "new", "key", "problem"),
    [
        (', source = "careerchoice-us"', "", "source", "required key is missing"),
        (
            '"careerchoice-us"',
            '""',
            "source",
            "missing source: cite an article, or write source = 'ours' with a reason",
        ),
        (
            '"careerchoice-us"',
            '"ours"',
            "reason",
            "source = 'ours' needs a one-line reason saying why",
        ),
        (
            '"careerchoice-us"',
            '"ours", reason = "one\\ntwo"',
            "reason",
            "must be one line of at most 200 characters",
        ),
        (
            '"careerchoice-us"',
            '"careerchoice-us", reason = "x"',
            "reason",
            "a reason is only for source = 'ours'",
        ),
    ],
    ids=["no-source", "empty-source", "ours-without-reason", "two-line-reason", "article-reason"],
)
def test_a_requirement_cites_an_article_or_is_ours_with_a_one_line_reason(
    edit, old, new, key, problem
):
    folder = break_pytorch_requirement(edit, old, new)
    assert error_of(folder) == f"roles.toml: roles[ml-engineer].requirements[3].{key}: {problem}"


def test_a_requirement_of_ours_with_a_reason_loads_and_says_so(edit):
    folder = break_pytorch_requirement(
        edit, '"careerchoice-us"', '"ours", reason = "Every ML team we know trains in PyTorch."'
    )
    requirement = load_knowledge(folder).role("ml-engineer").requirement_for("pytorch")
    assert requirement.is_ours and requirement.reason.startswith("Every ML team")


def test_a_role_fact_must_cite_an_article_not_our_reading(edit):
    folder = edit(
        "roles.toml",
        '"A prompt engineering exercise.", source = "datadriven-hiring"',
        '"A prompt engineering exercise.", source = "ours", reason = "we think so"',
        within="ai-engineer",
    )
    assert error_of(folder) == (
        "roles.toml: roles[ai-engineer].interview_loop[3].source: "
        "must cite an article: our own reading is not allowed here"
    )


def test_a_path_step_without_a_source_is_refused(edit):
    folder = edit(
        "paths.toml",
        '{ text = "Learn prompt engineering.", source = "careerchoice-us" }',
        '{ text = "Learn prompt engineering." }',
    )
    assert error_of(folder) == (
        "paths.toml: paths[swe-to-ai].phases[0].steps[0].source: required key is missing"
    )


def test_a_milestone_of_ours_needs_its_reason(edit):
    folder = edit(
        "paths.toml",
        ', reason = "A first thing to build once prompting is learnt."',
        "",
    )
    assert error_of(folder) == (
        "paths.toml: paths[swe-to-ai].phases[0].milestone.reason: "
        "source = 'ours' needs a one-line reason saying why"
    )


def test_a_phase_the_article_gives_months_must_cite_it_in_its_first_step(edit):
    folder = edit(
        "paths.toml",
        '{ text = "Spend 6 months building depth.", source = "careerchoice-us" }',
        '{ text = "Spend 6 months building depth.", source = "ours", reason = "x" }',
    )
    assert error_of(folder) == (
        "paths.toml: paths[swe-to-ml].phases[2].months: "
        "months come from an article: its first step must cite that article"
    )


def test_a_duration_claim_must_say_why_its_pace(edit):
    folder = edit(
        "paths.toml",
        ', weekly_hours_rationale = "Sustained serious study beside a full-time job: two evenings '
        'and most of a weekend."',
        ', weekly_hours_rationale = ""',
        within="swe-to-ml",
    )
    assert error_of(folder) == (
        "paths.toml: paths[swe-to-ml].claims[0].weekly_hours_rationale: "
        "must say why this pace (or why no sensible pace) fits the claim"
    )


def test_a_hybrid_role_needs_a_track_for_the_starter_plan(edit):
    folder = edit("roles.toml", 'track = "ai"\n', "", within="ai-application-engineer")
    assert error_of(folder) == (
        "roles.toml: roles[ai-application-engineer].track: "
        "a hybrid role needs a track (ai or ml) for the starter plan"
    )


def test_a_disagreement_needs_two_articles_and_roles(edit):
    folder = edit(
        "disagreements.toml",
        'source = "ayautomate-hiring" },\n]',
        'source = "careerchoice-us" },\n]',
        within="swe-to-ai-duration",
    )
    assert error_of(folder) == (
        "disagreements.toml: disagreements[swe-to-ai-duration].claims: "
        "needs claims from at least two sources"
    )
