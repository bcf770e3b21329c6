"""``careerplanner posting``: the JSON contract, the table and Markdown, ``--plan`` (whose months
are the posting's months), standard input, and one clear line for every bad input."""

from __future__ import annotations

import io
import json
import sys

import pytest

from tests.core.postings import FOLDER, posting

AI = str(FOLDER / "ai_engineer.txt")
ML = str(FOLDER / "ml_engineer.txt")


def run_json(cli, *args: str) -> dict:
    code, out, err = cli("posting", *args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_json_follows_the_contract(cli):
    document = run_json(cli, AI)
    assert {"skills", "lean", "closest_role", "readiness", "hours", "months"} <= set(document)
    assert {"verdict", "ai", "ml", "shared", "sources"} <= set(document["lean"])
    assert document["lean"]["verdict"] == "ai"
    assert document["lean"]["sources"] == ["ayautomate-hiring", "datadriven-hiring"]
    assert document["closest_role"] == "ai-engineer"
    assert 0 < document["readiness"] < 1 and document["months"] >= 1
    text = posting("ai_engineer")
    for skill in document["skills"]:
        assert {"skill", "name", "matches", "required", "current", "hours"} <= set(skill)
        assert skill["matches"], skill["skill"]
        for match in skill["matches"]:
            assert text[match["start"] : match["end"]] == match["text"]
    rag = next(s for s in document["skills"] if s["skill"] == "rag")
    assert (rag["required"], rag["current"]) == (3, 0)
    assert document["hours"] == sum(s["hours"] for s in document["skills"])


def test_months_are_those_of_the_plan_toward_the_posting(cli):
    for extra in ((), ("--hours", "6"), ("--from", "data-scientist")):
        report = run_json(cli, ML, *extra)
        plan = run_json(cli, ML, "--plan", *extra)
        assert plan["total_months"] == report["months"]
        assert plan["to"] == "posting" and plan["hours_per_week"] == report["hours_per_week"]


def test_with_a_profile_it_uses_the_saved_levels_and_hours(cli):
    code, _out, err = cli(
        "profile", "create", "me", "--from", "software-engineer", "--to", "ml-engineer",
        "--hours", "12",
    )  # fmt: skip
    assert code == 0, err
    assert cli("rate", "rag", "3")[0] == 0
    document = run_json(cli, AI, "--profile")
    rag = next(s for s in document["skills"] if s["skill"] == "rag")
    assert rag["current"] == 3 and rag["hours"] == 0
    assert document["hours_per_week"] == 12
    assert run_json(cli, AI, "--profile", "me", "--plan")["total_months"] == document["months"]


def test_a_skills_file_gives_the_levels(cli, tmp_path):
    levels = tmp_path / "me.json"
    levels.write_text('{"skills": {"RAG": 3, "LLM evaluation": 3, "python": 4}}')
    document = run_json(cli, AI, "--skills", str(levels))
    current = {s["skill"]: s["current"] for s in document["skills"]}
    assert current["rag"] == current["llm-evals"] == 3 and current["python"] == 4
    assert current["docker"] == 0  # not in the file


def test_a_dash_reads_standard_input(cli, monkeypatch):
    raw = posting("mlops_llm").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    document = run_json(cli, "-")
    assert document["lean"]["verdict"] == "mixed"
    assert document["closest_role"] == "mlops-engineer"


def test_a_non_technical_posting_is_no_ai_job_and_has_nothing_to_plan(cli):
    document = run_json(cli, str(FOLDER / "not_technical.txt"))
    assert document["skills"] == [] and document["lean"]["verdict"] == "none"
    assert document["closest_role"] is None and document["readiness"] is None
    code, out, err = cli("posting", str(FOLDER / "not_technical.txt"), "--plan")
    assert code == 1 and out == ""
    assert err == (
        "careerplanner: error: The posting names none of the skills the app knows, so there "
        "is nothing to plan\n"
    )


def test_the_table_says_the_lean_the_readiness_and_each_skill(cli):
    code, out, _ = cli("posting", ML)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Posting: Machine Learning Engineer, Fraud and Risk (ml_engineer.txt)"
    assert lines[1].startswith("Leans ML engineering (AI 0%, ML 76%, shared 24%); closest role:")
    assert "DataDriven Partners" in out and "ready" in out
    assert any(line.startswith("PyTorch") for line in lines)


def test_markdown_is_a_document_with_a_table(cli):
    code, out, _ = cli("posting", AI, "--format", "markdown")
    assert code == 0
    assert out.startswith("# Senior AI Engineer — Customer Support Copilot\n")
    assert "| Skill | Lean | Written as | You | Needs | Hours |" in out
    code, out, _ = cli("posting", AI, "--plan", "--format", "markdown")
    assert out.startswith("# Plan: Software Engineer -> Senior AI Engineer")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "job.txt is empty; put the posting's text in it, or paste the text"),
        (b"\x00\x01\x02PK\x03\x04" * 20, "job.txt is not a text file (it holds binary data)"),
        (b"a" * (1024 * 1024 + 10), "job.txt is 1.0 MB; a posting is at most 1 MB of text"),
        (b"\x81\x8d\x8f\x90\x9d", "job.txt is not UTF-8 text, nor Windows-1252"),
    ],
    ids=["empty", "binary", "too big", "no known encoding"],
)
def test_bad_input_is_one_line_and_nothing_is_saved(cli, tmp_path, db_path, content, message):
    job = tmp_path / "job.txt"
    job.write_bytes(content)
    code, out, err = cli("posting", str(job))
    assert code == 1 and out == ""
    assert err.startswith(f"careerplanner: error: {message}") and err.count("\n") == 1
    assert not db_path.exists()  # nothing was written anywhere


def test_a_windows_1252_file_is_read_with_a_note(cli, tmp_path):
    job = tmp_path / "job.txt"
    job.write_bytes("Ingénieur IA : RAG, LangGraph, évals, Pinecone".encode("cp1252"))
    code, out, err = cli("posting", str(job), "--format", "json")
    assert code == 0
    assert err == (
        "careerplanner: note: job.txt is not UTF-8; it was read as Windows-1252 (Western "
        "European): check any accented letters\n"
    )
    assert "rag" in {s["skill"] for s in json.loads(out)["skills"]}


def test_profile_and_skills_cannot_be_combined(cli, tmp_path):
    levels = tmp_path / "me.json"
    levels.write_text('{"skills": {}}')
    code, _out, err = cli("posting", AI, "--profile", "--skills", str(levels))
    assert code == 1
    assert err == (
        "careerplanner: error: --skills and --profile both give your levels; use one of them\n"
    )


def test_a_missing_file_is_one_line(cli, tmp_path):
    code, _out, err = cli("posting", str(tmp_path / "nope.txt"))
    assert code == 1 and err.startswith("careerplanner: error: There is no file")


def test_plan_with_a_profile_follows_the_posting_it_plans_for(cli, db_path):
    from careerplanner.knowledge import default_knowledge
    from careerplanner.services.planner import Planner
    from careerplanner.storage import open_database

    created = cli("profile", "create", "me", "--from", "student", "--to", "ml-engineer",
                  "--hours", "9")  # fmt: skip
    assert created[0] == 0
    planner = Planner(open_database(db_path), default_knowledge())
    planner.plan_for_posting(text=posting("ai_engineer"), title="Copilot")
    months = planner.snapshot().plan.total_months
    planner.close()

    plan = json.loads(cli("plan", "--profile", "--format", "json")[1])
    assert plan["to"].startswith("posting-")
    assert (plan["total_months"], plan["hours_per_week"]) == (months, 9)
    code, out, _ = cli("plan", "--profile")
    assert code == 0 and out.startswith("# Plan: Student / new graduate -> Copilot")
    overridden = json.loads(cli("plan", "--profile", "--to", "ml-engineer", "--format", "json")[1])
    assert overridden["to"] == "ml-engineer"  # --to still chooses a role
