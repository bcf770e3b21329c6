"""Job postings through the Planner: the gap and months to a posting, saving and removing one,
planning for one instead of the target role (all undoable, all exact), and reading a posting
from a file, where every kind of bad input is one clear line and nothing is saved."""

from __future__ import annotations

import io
from datetime import date

import pytest

from careerplanner.errors import UsageError
from careerplanner.knowledge import default_knowledge
from careerplanner.services.planner import Planner
from careerplanner.services.posting_files import (
    MAX_BYTES,
    check_pasted_text,
    default_title,
    html_text,
    read_posting_bytes,
    read_posting_file,
)
from careerplanner.services.postings import report_to_dict
from careerplanner.storage import open_database
from careerplanner.storage.stores import PostingStore
from tests.core.postings import posting
from tests.storage_fixtures import dump, make_profile

AI_POSTING = posting("ai_engineer")


@pytest.fixture
def kb():
    """The shipped knowledge base: postings are read against the real catalogue."""
    return default_knowledge()


@pytest.fixture
def ws(fresh_db, kb):
    planner = Planner(fresh_db, kb, today=lambda: date(2026, 3, 10))
    planner.create_profile("me", "software-engineer", "ml-engineer", 8, date(2026, 3, 1))
    return planner


# -- the gap and the months ------------------------------------------------------------------


def test_the_gap_to_a_posting_uses_the_profiles_levels(ws):
    report = ws.posting_report(AI_POSTING)
    levels = ws.levels(ws.active_profile().id)
    rows = {row.skill: row for row in report.skills}
    assert rows["python"].current == levels["python"] == 3
    assert rows["rag"].current == 0 and rows["rag"].required == 3
    assert rows["rag"].hours == ws.kb.skill("rag").hours_between(0, 3)
    assert report.hours == sum(row.hours for row in report.skills)
    assert 0 < report.readiness < 1


def test_months_are_the_plan_toward_the_posting_at_the_profiles_hours(ws):
    report = ws.posting_report(AI_POSTING)
    assert report.plan.to_role == "posting" and report.plan.hours_per_week == 8
    ws.plan_for_posting(text=AI_POSTING)
    plan = ws.snapshot().plan
    assert plan.to_role.startswith("posting-")
    assert report.months == plan.total_months
    assert ws.posting_report(AI_POSTING, hours_per_week=16).months < report.months


def test_the_json_document_keeps_the_contract(ws):
    document = report_to_dict(ws.posting_report(AI_POSTING))
    assert {"skills", "lean", "closest_role", "readiness", "hours", "months"} <= set(document)
    assert set(document["lean"]) >= {"verdict", "ai", "ml", "shared", "sources"}
    skill = document["skills"][0]
    assert set(skill) >= {"skill", "name", "matches", "required", "current", "hours"}
    assert set(skill["matches"][0]) == {"text", "start", "end"}
    assert document["closest_role"] == "ai-engineer"


def test_a_posting_that_names_no_skill_has_no_readiness_and_no_plan(ws):
    report = ws.posting_report(posting("not_technical"))
    assert report.skills == () and report.readiness is None and report.months is None


# -- saving, removing and planning for a posting -------------------------------------------


def test_a_saved_posting_keeps_what_it_asked_for(ws, fresh_db):
    ws.save_posting(AI_POSTING)
    (saved,) = ws.saved_postings()
    assert saved.title == "Senior AI Engineer — Customer Support Copilot"
    assert saved.text == AI_POSTING
    assert saved.closest_role == "ai-engineer"
    assert {r.skill for r in saved.requirements} == {
        s.skill for s in ws.analyse_posting(AI_POSTING).skills
    }
    assert ws.saved_posting_report(saved).months == ws.posting_report(AI_POSTING).months


def test_planning_for_a_posting_replaces_the_role_until_undone(ws, fresh_db):
    before = dump(fresh_db)
    role_plan = ws.snapshot().plan
    change = ws.plan_for_posting(text=AI_POSTING, title="Copilot")
    assert change.postings and change.profile
    snap = ws.snapshot()
    assert snap.posting is not None and snap.posting.role.name == "Copilot"
    assert snap.plan.to_role == snap.posting.role.id
    assert snap.plan_kb(ws.kb).role(snap.plan.to_role).name == "Copilot"
    assert snap.profile.target == "ml-engineer"  # the profile's target stays a role
    assert ws.history.undo_text == "Plan for posting Copilot"
    ws.undo()
    assert dump(fresh_db) == before  # the posting it saved is gone too
    assert ws.snapshot().plan.total_months == role_plan.total_months
    assert ws.snapshot().posting is None
    ws.redo()
    assert ws.snapshot().posting.role.name == "Copilot"


def test_planning_for_the_role_again_is_undoable(ws):
    ws.plan_for_posting(text=AI_POSTING)
    ws.plan_for_role()
    assert ws.snapshot().posting is None and ws.snapshot().plan.to_role == "ml-engineer"
    ws.undo()
    assert ws.snapshot().posting is not None


def test_choosing_another_target_role_ends_planning_for_a_posting(ws):
    from careerplanner.services.edits import UpdateProfile

    ws.plan_for_posting(text=AI_POSTING)
    me = ws.active_profile()
    ws.do(UpdateProfile(me.id, target="data-scientist"))
    assert ws.snapshot().posting is None and ws.snapshot().plan.to_role == "data-scientist"
    assert ws.target_posting() is None
    ws.undo()  # the old target role, and with it the posting's plan
    assert ws.snapshot().plan.to_role.startswith("posting-")


def test_only_one_posting_is_planned_for_at_a_time(ws):
    ws.save_posting(AI_POSTING, "First")
    ws.save_posting(posting("ml_engineer"), "Second")
    first, second = ws.saved_postings()
    ws.plan_for_posting(posting_id=first.id)
    ws.plan_for_posting(posting_id=second.id)
    me = ws.active_profile()
    assert [p.is_target(me) for p in ws.saved_postings()] == [False, True]
    ws.undo()
    assert [p.is_target(me) for p in ws.saved_postings()] == [True, False]


def test_removing_the_planned_posting_brings_the_role_back_and_undo_restores_it(ws, fresh_db):
    ws.plan_for_posting(text=AI_POSTING)
    before = dump(fresh_db)
    (saved,) = ws.saved_postings()
    change = ws.remove_posting(saved.id)
    assert change.postings and change.profile
    assert ws.saved_postings() == [] and ws.snapshot().posting is None
    ws.undo()
    assert dump(fresh_db) == before
    assert ws.snapshot().posting is not None


def test_a_replan_while_planning_for_a_posting_records_it(ws):
    ws.plan_for_posting(text=AI_POSTING)
    ws.replan()
    (saved,) = ws.saved_postings()
    _id, inputs, plan = ws.latest_plan(ws.active_profile().id)
    assert inputs["posting"] == saved.id and plan["to"] == f"posting-{saved.id}"
    assert ws.snapshot().plan.to_role == f"posting-{saved.id}"


def test_a_posting_cannot_be_planned_for_from_another_profile(ws):
    ws.save_posting(AI_POSTING)
    (saved,) = ws.saved_postings()
    make_profile(ws, "other", "student", "ai-engineer", 5)
    with pytest.raises(UsageError, match="no saved posting"):
        ws.plan_for_posting(posting_id=saved.id)


def test_deleting_a_profile_removes_its_postings_and_undo_brings_them_back(ws, fresh_db):
    ws.plan_for_posting(text=AI_POSTING)
    me = ws.active_profile()
    make_profile(ws, "other", "student", "ai-engineer", 5)
    before = dump(fresh_db)
    ws.delete_profile(me.id)
    assert PostingStore(fresh_db).rows(me.id) == []
    ws.undo()
    assert dump(fresh_db) == before


def test_saved_postings_outlive_the_window(db_path, kb):
    first = Planner(open_database(db_path), kb)
    first.create_profile("me", "software-engineer", "ml-engineer", 8)
    first.plan_for_posting(text=AI_POSTING, title="Copilot")
    months = first.snapshot().plan.total_months
    first.close()
    again = Planner(open_database(db_path), kb)
    assert [p.title for p in again.saved_postings()] == ["Copilot"]
    assert again.snapshot().plan.total_months == months
    again.close()


def test_an_empty_or_oversized_posting_is_refused_and_nothing_is_saved(ws, fresh_db):
    before = dump(fresh_db)
    with pytest.raises(UsageError, match="no posting yet"):
        ws.save_posting("   \n")
    with pytest.raises(UsageError, match="at most 1 MB"):
        ws.plan_for_posting(text="Python " * (MAX_BYTES // 6))
    assert dump(fresh_db) == before


# -- reading a posting -----------------------------------------------------------------------


def test_a_text_file_is_read_as_it_is(tmp_path):
    path = tmp_path / "job.txt"
    path.write_text(AI_POSTING, encoding="utf-8")
    read = read_posting_file(path)
    assert (read.text, read.source, read.note) == (AI_POSTING, "job.txt", "")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "job.txt is empty; put the posting's text in it"),
        (b" \n\t\n", "job.txt is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "job.txt is not a text file"),
        (bytes(range(1, 32)) * 40, "job.txt is not a text file"),
        (b"Python and \x81\x8d SQL \xc3", "job.txt is not UTF-8 text, nor Windows-1252"),
        (b"x" * (MAX_BYTES + 1), "job.txt is 1.0 MB; a posting is at most 1 MB"),
    ],
    ids=["empty", "blank", "image", "control characters", "no known encoding", "too big"],
)
def test_bad_input_is_one_clear_line(tmp_path, raw, message):
    path = tmp_path / "job.txt"
    path.write_bytes(raw)
    with pytest.raises(UsageError, match=message) as error:
        read_posting_file(path)
    assert "\n" not in str(error.value)


def test_a_missing_file_or_a_folder_is_one_clear_line(tmp_path):
    with pytest.raises(UsageError, match="There is no file"):
        read_posting_file(tmp_path / "nope.txt")
    with pytest.raises(UsageError, match="is a folder"):
        read_posting_file(tmp_path)


def test_a_windows_1252_file_is_read_and_the_note_says_so(tmp_path):
    path = tmp_path / "job.txt"
    path.write_bytes("Café team — Python, PyTorch".encode("cp1252"))
    read = read_posting_file(path)
    assert read.text == "Café team — Python, PyTorch"
    assert read.note == (
        "job.txt is not UTF-8; it was read as Windows-1252 (Western European): check any "
        "accented letters"
    )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_unicode_files_with_a_byte_order_mark_are_read(encoding):
    read = read_posting_bytes("Café: RAG and PyTorch".encode(encoding), "job.txt")
    assert read.text == "Café: RAG and PyTorch" and read.note == ""


def test_an_html_page_is_read_as_its_words():
    page = (
        "<!DOCTYPE html><html><head><title>Job</title><style>p{}</style>"
        "<script>var spark = 1;</script></head><body><h1>AI Engineer</h1>"
        "<ul><li>RAG &amp; evals</li><li>Python</li></ul></body></html>"
    )
    assert read_posting_bytes(page.encode(), "job.html", ".html").text == (
        "AI Engineer\n\n- RAG & evals\n\n- Python"
    )
    assert html_text("<p>a</p><p>b</p>") == "a\n\nb"


def _pdf(text: str) -> bytes:
    """A one-page PDF whose page shows ``text`` in Helvetica, made with pypdf itself."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_is_read_as_its_text(tmp_path):
    path = tmp_path / "job.pdf"
    path.write_bytes(_pdf("ML Engineer: PyTorch, MLflow and Ray"))
    assert read_posting_file(path).text.strip() == "ML Engineer: PyTorch, MLflow and Ray"


def test_a_damaged_pdf_is_one_clear_line(tmp_path):
    path = tmp_path / "job.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(UsageError, match=r"job\.pdf is a PDF that cannot be read"):
        read_posting_file(path)


def test_a_pdf_without_text_says_so(tmp_path):
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.write(out)
    path = tmp_path / "scan.pdf"
    path.write_bytes(out.getvalue())
    with pytest.raises(UsageError, match=r"scan\.pdf has no text in it"):
        read_posting_file(path)


def test_pasted_text_is_checked_like_a_file():
    with pytest.raises(UsageError, match="There is no posting yet"):
        check_pasted_text(" \n ")
    with pytest.raises(UsageError, match=r"The pasted text is 1\.0 MB"):
        check_pasted_text("x" * (MAX_BYTES + 1))
    assert check_pasted_text("RAG\x00 and evals").text == "RAG  and evals"


def test_the_title_is_the_first_line_with_words():
    assert default_title("\n\n## Senior AI Engineer ##\nbody") == "Senior AI Engineer"
    assert default_title("- - -\n* Data Scientist") == "Data Scientist"
    assert default_title(" \n") == "Job posting"
    long = default_title("word " * 40)
    assert len(long) <= 80 and long.endswith("…")
