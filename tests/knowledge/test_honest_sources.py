"""Nothing of ours is put in an article's mouth: what the audit of the knowledge base found
invented or misattributed is now cited right or marked ours, the pay details say what the
articles leave out, and every disagreement the articles hold is shown, with its claims cited.

Expectations are read off the articles (seed file named per test), not off the data files.
"""

from __future__ import annotations

import pytest

from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.model import OURS, KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_knowledge()


def disagreement(kb: KnowledgeBase, topic_id: str):
    return next(d for d in kb.disagreements if d.id == topic_id)


# --- invented and misattributed claims


def test_mlops_engineer_with_llm_focus_claims_nothing_its_one_source_does_not_say(kb):
    # 004 gives the role one sentence (LLM-applied and MLOps depth) and a pay band; 003 lists
    # a plain MLOps Engineer. Nothing names its skills or deliverables.
    role = kb.role("mlops-engineer")
    assert role.requirements and all(r.is_ours and r.reason for r in role.requirements)
    assert role.deliverables == ()
    assert "our reading" in role.summary


def test_data_scientist_requirements_cite_the_essay_only_for_python_and_statistics(kb):
    # 001: a data scientist's Python and stats background transfers; no article lists what a
    # data scientist's job requires.
    role = kb.role("data-scientist")
    cited = {r.skill: r.source for r in role.requirements if not r.is_ours}
    assert cited == {"python": "careerchoice-us", "probability-statistics": "careerchoice-us"}
    assert "our reading" in role.summary


@pytest.mark.parametrize("role_id", ["ai-application-engineer", "ml-platform-engineer"])
def test_hybrid_roles_cite_only_the_article_that_discusses_them(kb, role_id):
    # Only 002 discusses AI Application and ML Platform Engineers; the essay and H2K never do.
    for requirement in kb.role(role_id).requirements:
        assert requirement.source in {"ayautomate-hiring", OURS}, requirement.skill


def test_ai_engineer_related_titles_leave_out_h2ks_careers_after_a_course(kb):
    # 003 lists AI Consultant, Automation Architect and Cloud AI Specialist as careers after an
    # AI course, not as AI engineer titles; its AI-focused roles are AI Solutions Architect,
    # Applied AI Developer and Intelligent Automation Engineer.
    titles = set(kb.role("ai-engineer").related_titles)
    assert {"AI Solutions Architect", "Applied AI Developer"} <= titles
    assert not titles & {"AI Consultant", "Automation Architect", "Cloud AI Specialist"}


def test_most_milestones_are_ours_and_say_why(kb):
    milestones = [phase.milestone for path in kb.paths for phase in path.phases]
    ours = [m for m in milestones if m.is_ours]
    assert len(ours) > len(milestones) / 2
    assert all(m.reason for m in ours)


def test_a_note_that_is_our_reading_is_marked_ours(kb):
    # 001 gives both 12-18 months and "6 months building depth"; how they fit is our reading.
    notes = kb.path("swe-to-ml").notes
    reading = next(n for n in notes if "6 months" in n.text)
    assert reading.is_ours and reading.reason


# --- salary details


def test_every_band_without_a_stated_basis_says_basis_not_stated(kb):
    # 001 writes "base" only after the entry ML figure; 003 never says; 004's two comp bands
    # do not say. 11 bands in all.
    unstated = {b.id for b in kb.salaries if not b.basis_stated}
    assert unstated == {
        "careerchoice-ml-mid",
        "careerchoice-ml-senior",
        "careerchoice-ai-mid",
        *(f"h2k-{r}-{s}" for r in ("ai", "ml") for s in ("entry", "mid", "senior")),
        "datadriven-ml-comp-band",
        "datadriven-mlops-llm-band",
    }
    assert all(
        kb_band.basis_label == "basis not stated"
        for kb_band in kb.salaries
        if kb_band.id in unstated
    )


def test_h2k_senior_bands_keep_their_open_top(kb):
    # 003: senior AI $140,000-$170,000+, senior ML $145,000-$180,000+
    open_top = {(b.id, b.low, b.high) for b in kb.salaries if b.open_ended}
    assert open_top == {("h2k-ai-senior", 140000, 170000), ("h2k-ml-senior", 145000, 180000)}


def test_member_of_technical_staff_is_a_job_title_with_no_seniority_or_region(kb):
    # 002: the top of the market, titled Member of Technical Staff (frontier labs, AI-native
    # startups), often earns $400k-$700k total comp; no region is given.
    band = next(b for b in kb.salaries if b.job_title == "Member of Technical Staff")
    assert (band.low, band.high, band.basis) == (400000, 700000, "total")
    assert band.seniority == "all" and not band.region_stated
    assert band.region_label == "US (our reading)"


def test_what_ai_candidates_expect_is_an_expectation_not_a_pay_band(kb):
    # 004: candidates expect $360,000-$410,000 total comp.
    band = next(b for b in kb.salaries if (b.low, b.high) == (360000, 410000))
    assert band.kind == "expectation" and not band.is_pay_band


def test_calling_the_essays_bands_us_is_marked_as_our_reading(kb):
    # 001 names no region for its pay figures.
    essay = [b for b in kb.salaries if b.source == "careerchoice-us"]
    assert essay and all(not b.region_stated and b.region == "US" for b in essay)


def test_ml_engineers_need_a_supervised_production_deployment_in_the_role_and_its_paths(kb):
    # 002: the ML path still needs at least one production deployment under supervision.
    def says_it(text: str) -> bool:
        return "production deployment" in text and "supervis" in text

    assert any(says_it(f.text) for f in kb.role("ml-engineer").facts)
    for path in (p for p in kb.paths if p.to_role == "ml-engineer"):
        steps = [s for phase in path.phases for s in phase.steps if says_it(s.text)]
        assert steps and all(s.source == "ayautomate-hiring" for s in steps), path.id


# --- disagreements, by topic


def test_who_earns_more_includes_h2ks_table_where_ml_engineers_lead_at_every_level(kb):
    # 003: ML above AI at entry (90-115k vs 85-110k), mid (115-145k vs 110-140k) and senior
    # (145-180k+ vs 140-170k+).
    topic = disagreement(kb, "who-earns-more")
    h2k = next(c for c in topic.claims if c.source == "h2k-infosys")
    for figure in ("$90,000-$115,000", "$110,000-$140,000", "$145,000-$180,000+"):
        assert figure in h2k.text
    # India is among the claims, so the topic is not about senior US pay alone.
    assert "clarup-india" in {c.source for c in topic.claims}
    assert "US" not in topic.topic and "senior" not in topic.topic


@pytest.mark.parametrize(
    ("topic_id", "says"),
    [
        # 002: AI engineers easier to find, the ML pool thinner (Europe, MENA); 004: the AI pool
        # smaller, a median 85 days to fill a senior AI role against 70 for ML.
        (
            "hiring-difficulty",
            {"ayautomate-hiring": ("easy to find", "thinner"), "datadriven-hiring": ("85", "70")},
        ),
        # 003 answers yes to advanced maths for AI roles; 001: basic statistics; 002: the basics
        # of linear algebra and a feel for probability.
        (
            "math-for-ai-engineers",
            {
                "h2k-infosys": ("yes",),
                "careerchoice-us": ("Basic statistics",),
                "ayautomate-hiring": ("linear algebra", "probability"),
            },
        ),
        # 004: 12-24 months; 002: the senior band is 5+ years; 000: the senior bands are 5-9 years.
        (
            "senior-ai-experience",
            {
                "datadriven-hiring": ("12-24 months",),
                "ayautomate-hiring": ("5+ years",),
                "clarup-india": ("5-9 years",),
            },
        ),
        # 001: converging; 002: the two stay separate; 000: AI engineering bifurcates.
        (
            "where-the-roles-are-heading",
            {
                "careerchoice-us": ("converging",),
                "ayautomate-hiring": ("separate",),
                "clarup-india": ("split in two",),
            },
        ),
    ],
)
def test_each_new_disagreement_gives_every_side_with_its_article(kb, topic_id, says):
    claims = {c.source: c.text for c in disagreement(kb, topic_id).claims}
    assert set(claims) == set(says)
    for source, phrases in says.items():
        for phrase in phrases:
            assert phrase in claims[source], (source, phrase)


def test_disagreements_about_a_set_of_roles_are_those_bearing_on_any_of_them(kb):
    about_ai = kb.disagreements_about(["ai-engineer"])
    assert {d.id for d in about_ai} >= {"math-for-ai-engineers", "senior-ai-experience"}
    about_ai_and_ml = kb.disagreements_about(["ai-engineer", "ml-engineer"])
    assert [d.id for d in about_ai_and_ml] == [d.id for d in kb.disagreements if d.roles]
    assert kb.disagreements_about(["ml-platform-engineer"]) == ()
    assert [d.id for d in kb.disagreements_about(["foundation-model-engineer"])] == ["phd-needed"]


def test_every_disagreement_cites_at_least_two_articles(kb):
    for topic in kb.disagreements:
        assert len({c.source for c in topic.claims}) >= 2, topic.id
        assert OURS not in {c.source for c in topic.claims}
