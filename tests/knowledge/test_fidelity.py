"""A sample of figures checked by hand against the five articles (seed file named per test).

Each expectation below was read off the article, not copied from the data files. Comments cite
the figures, never the articles' sentences.
"""

from __future__ import annotations

import pytest

from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.model import KnowledgeBase, SalaryBand


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_knowledge()


def band(kb: KnowledgeBase, **fields: object) -> SalaryBand:
    matches = [b for b in kb.salaries if all(getattr(b, k) == v for k, v in fields.items())]
    assert len(matches) == 1, f"expected one band for {fields}, found {len(matches)}"
    return matches[0]


# --- salary bands


def test_india_senior_ai_engineer_at_faang_india_is_90l_to_1_6cr_total(kb):
    # 000: AI engineer, senior (5-9 years), FAANG-India L5: Rs 90L to Rs 1.6Cr, total comp
    b = band(
        kb, role="ai-engineer", region="India", seniority="senior", company_tier="FAANG-India (L5)"
    )
    assert (b.low, b.high, b.currency, b.basis, b.source) == (
        9000000,
        16000000,
        "INR",
        "total",
        "clarup-india",
    )


def test_india_entry_ai_engineer_at_ai_native_startups_includes_equity(kb):
    # 000: AI engineer, entry, AI-native startups: Rs 15-30L, plus equity
    b = band(kb, id="clarup-ai-entry-ai-native")
    assert (b.low, b.high, b.seniority) == (1500000, 3000000, "entry")
    assert "equity" in b.note


def test_india_ml_engineer_lead_band_is_1_1_to_2_5cr(kb):
    # 000: ML engineer, lead or principal (10+ years), top product companies: Rs 1.1-2.5Cr
    b = band(kb, role="ml-engineer", region="India", seniority="staff")
    assert (b.low, b.high, b.company_tier) == (11000000, 25000000, "top product company")


def test_us_senior_ml_engineer_base_is_190k_to_310k(kb):
    # 002: ML engineer, US senior (5+ years): $190k-$310k base, with equity on top
    b = band(kb, source="ayautomate-hiring", role="ml-engineer", region="US", seniority="senior")
    assert (b.low, b.high, b.basis, b.year) == (190000, 310000, "base", 2026)


def test_eu_senior_ai_engineer_base_is_in_euros(kb):
    # 002: AI engineer, EU senior: EUR 90k-160k base
    b = band(kb, role="ai-engineer", region="EU")
    assert (b.low, b.high, b.currency) == (90000, 160000, "EUR")


def test_senior_median_total_comp_is_370k_for_ai_and_320k_for_ml(kb):
    # 004: median senior IC total comp at top-50 US tech in 2026: AI $370K, ML $320K
    ai = band(kb, role="ai-engineer", kind="median")
    ml = band(kb, role="ml-engineer", kind="median")
    assert (ai.low, ai.high, ai.basis) == (370000, 370000, "total")
    assert (ml.low, ml.high, ml.basis) == (320000, 320000, "total")
    assert ai.source == ml.source == "datadriven-hiring"


def test_h2k_indicative_ranges_do_not_claim_a_basis_the_article_never_gives(kb):
    # 003: AI engineer entry $85,000-$110,000, and the table never says base or total
    b = band(kb, source="h2k-infosys", role="ai-engineer", seniority="entry")
    assert (b.low, b.high) == (85000, 110000)
    assert b.basis_stated is False


def test_mlops_with_llm_focus_band_is_310k_to_380k(kb):
    # 004: MLOps engineer with an LLM focus: $310,000-$380,000
    b = band(kb, role="mlops-engineer")
    assert (b.low, b.high) == (310000, 380000)


def test_no_salary_figure_is_recorded_twice(kb):
    keys = [
        (b.role, b.region, b.seniority, b.company_tier, b.low, b.high, b.source)
        for b in kb.salaries
    ]
    assert len(keys) == len(set(keys))


# --- pivot path durations


@pytest.mark.parametrize(
    ("path_id", "low", "high", "sources"),
    [
        ("ai-to-ml", 18, 24, ("clarup-india",)),  # 000: 18-24 months, either direction
        ("ml-to-ai", 18, 24, ("clarup-india",)),
        ("swe-to-ai", 2, 6, ("careerchoice-us", "ayautomate-hiring")),  # 001 2-3; 002 six
        ("swe-to-ml", 12, 18, ("careerchoice-us",)),  # 001: 12-18 months
        ("starter", 6, 6, ("careerchoice-us",)),  # 001: months 1-2, 3-4 and 5-6
    ],
)
def test_path_duration_range_matches_the_articles(kb, path_id, low, high, sources):
    path = kb.path(path_id)
    assert (path.min_months, path.max_months, path.sources) == (low, high, sources)


def test_software_to_ai_keeps_both_sources_claims_apart(kb):
    claims = {c.source: c for c in kb.path("swe-to-ai").claims}
    assert (claims["careerchoice-us"].min_months, claims["careerchoice-us"].max_months) == (2, 3)
    assert "8 weeks" in claims["careerchoice-us"].note
    assert (claims["ayautomate-hiring"].min_months, claims["ayautomate-hiring"].max_months) == (
        6,
        6,
    )


@pytest.mark.parametrize("path_id", ["ds-to-ai", "ds-to-ml"])
def test_data_scientist_paths_claim_no_duration_the_articles_do_not_give(kb, path_id):
    path = kb.path(path_id)
    assert path.claims == ()
    assert not path.has_duration
    assert "No source gives a duration" in path.duration_note


def test_every_path_documents_its_weekly_hours(kb):
    for path in kb.paths:
        assert path.weekly_hours > 0
        assert len(path.weekly_hours_rationale) > 80, path.id
        for claim in path.claims:
            assert claim.weekly_hours_rationale.strip(), (path.id, claim.source)


def _steps(kb, path_id: str, source: str) -> str:
    return " ".join(
        s.text for phase in kb.path(path_id).phases for s in phase.steps if s.source == source
    )


def test_ai_to_ml_phases_carry_the_articles_concrete_steps(kb):
    # 000: Karpathy's Zero to Hero, a feature store or serving-layer project, then an ML
    # platform team.
    steps = _steps(kb, "ai-to-ml", "clarup-india")
    assert "Zero to Hero" in steps
    assert "feature store" in steps and "model-serving layer" in steps
    assert "ML platform team" in steps


def test_ml_to_ai_ships_a_rag_feature_and_fine_tunes_an_open_weight_model(kb):
    # 000: one RAG feature in production at the current employer; fine-tune a small model with
    # open weights on domain data.
    steps = _steps(kb, "ml-to-ai", "clarup-india")
    assert "RAG feature into production where you work now" in steps
    assert "Fine-tune a small model with open weights on data from your domain" in steps


def test_the_added_classical_ml_phase_of_ai_to_ml_is_ours_not_clarups(kb):
    # 000's pivot names three steps (Zero to Hero, an internal project, a lateral move).
    added = kb.path("ai-to-ml").phases[1]
    assert all(step.is_ours and step.reason for step in added.steps)
    assert added.sources == ()


def test_data_scientist_to_ml_engineer_cites_no_article_that_never_discusses_the_move(kb):
    # 000 never discusses data scientists; its ML engineer's weekly work is not a step of it.
    for phase in kb.path("ds-to-ml").phases:
        assert "clarup-india" not in phase.sources, phase.name


# --- requirements and role facts


def test_ai_engineer_requires_rag_as_a_core_skill(kb):
    # 000: RAG and retrieval systems are in the AI engineer's core stack
    requirement = kb.role("ai-engineer").requirement_for("rag")
    assert (requirement.level, requirement.weight.value, requirement.source) == (
        3,
        "core",
        "clarup-india",
    )


def test_ml_engineer_requires_pytorch_and_treats_fine_tuning_as_not_required(kb):
    role = kb.role("ml-engineer")
    assert role.requirement_for("pytorch").weight.value == "core"
    assert role.requirement_for("fine-tuning") is None


def test_ml_engineer_tools_follow_the_must_know_table(kb):
    # 001: five must-know ML tools and three nice-to-have ones
    role = kb.role("ml-engineer")
    assert {"PyTorch", "MLflow", "Docker", "SQL", "Spark"} <= set(role.tools_must)
    assert {"Kubernetes", "Ray", "Weights & Biases"} <= set(role.tools_nice)


def test_interview_loop_lengths_and_time_to_fill_match_the_hiring_guide(kb):
    # 004: AI loop "Total 4 hours", MLE loop "3.5 to 4 hours"; 85 vs 70 days to fill
    ai, ml = kb.role("ai-engineer"), kb.role("ml-engineer")
    assert any("About 4 hours" in f.text for f in ai.interview_loop)
    assert any("3.5 to 4 hours" in f.text for f in ml.interview_loop)
    assert "85 days" in ai.time_to_fill[0].text
    assert "70 days" in ml.time_to_fill[0].text


def test_india_hiring_companies_are_listed_per_role(kb):
    ai = " ".join(f.text for f in kb.role("ai-engineer").hiring_companies)
    ml = " ".join(f.text for f in kb.role("ml-engineer").hiring_companies)
    assert "Sarvam AI" in ai and "Yellow.ai" in ai
    assert "Flipkart" in ml and "Meesho" in ml


def test_six_trait_fit_hint_keeps_the_scores(kb):
    ai = " ".join(f.text for f in kb.role("ai-engineer").facts)
    ml = " ".join(f.text for f in kb.role("ml-engineer").facts)
    assert "Openness (92)" in ai and "Risk-Tolerance (62)" in ai
    assert "Conscientiousness (95)" in ml and "Structure-Preference (60)" in ml


@pytest.mark.parametrize(
    ("title", "role_id"),
    [
        ("AI Solutions Architect", "ai-engineer"),
        ("Applied AI Developer", "ai-engineer"),
        ("NLP Engineer", "ml-engineer"),
        ("MLOps Engineer", "mlops-engineer"),
        ("Data Scientist (ML-focused)", "data-scientist"),
    ],
)
def test_related_job_titles_map_to_the_closest_role(kb, title, role_id):
    assert title in kb.role(role_id).related_titles


def test_software_to_ai_disagreement_shows_both_sources(kb):
    disagreement = next(d for d in kb.disagreements if d.id == "swe-to-ai-duration")
    assert {c.source for c in disagreement.claims} == {"careerchoice-us", "ayautomate-hiring"}


# --- finding skills the way users type them


@pytest.mark.parametrize(
    ("typed", "skill_id"),
    [
        ("k8s", "kubernetes"),
        ("RAG", "rag"),
        ("LLM-as-judge", "llm-evals"),
        ("pgvector", "vector-databases"),
        ("Vector DBs", "vector-databases"),
        ("sklearn", "classical-ml"),
        ("LoRA", "fine-tuning"),
    ],
)
def test_aliases_find_the_skill(kb, typed, skill_id):
    assert kb.find_skill(typed).id == skill_id


def test_averages_covering_both_roles_are_market_facts_not_role_bands(kb):
    # 001: $206,000 on average in 2025, and $244,000 per Levels.fyi (AI and ML together)
    market = " ".join(f.text for f in kb.facts)
    assert "$206,000 in 2025" in market
    assert "$244,000" in market
    assert all(b.low not in (206000, 244000) for b in kb.salaries)


def test_software_engineer_background_starts_without_llm_depth(kb):
    # 001: a software engineer is 60% of the way to AI engineering and still has prompting, two
    # RAG projects and vector databases to learn.
    levels = kb.role("software-engineer").typical_levels
    assert levels.get("rag", 0) == 0 and levels.get("vector-databases", 0) == 0
    assert levels["api-design"] >= 3 and levels["system-design"] >= 3
    assert any("60%" in f.text for f in kb.role("software-engineer").facts)
