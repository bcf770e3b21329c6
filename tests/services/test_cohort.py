"""Reading a cohort: the class's common gaps counted by hand, on the day asked for; rows in the
order the paths were given; a profile whose file holds several; the CSV's cells."""

from __future__ import annotations

import pytest

from careerplanner.knowledge import default_knowledge
from careerplanner.services.cohort import (
    CommonGap,
    cohort_csv,
    cohort_document,
    read_cohort,
)
from tests import cohort_files as files
from tests.cohort_files import TODAY


@pytest.fixture(scope="module")
def real_kb():
    return default_knowledge()


def meeting_target(kb, name: str, target: str, *lowered: tuple[str, str, int]) -> dict:
    """A student rated at every level their target asks for on 20 February, then ``lowered``
    (day, skill, level)."""
    met = tuple(("2026-02-20", r.skill, r.level) for r in kb.role(target).requirements)
    return files.export_profile(name, "software-engineer", target, 10, ratings=met + lowered)


def test_common_gaps_are_counted_by_hand(real_kb, tmp_path):
    students = [
        meeting_target(
            real_kb, "A", "ml-engineer", ("2026-03-15", "pytorch", 1), ("2026-03-15", "sql", 2)
        ),
        meeting_target(real_kb, "B", "ml-engineer", ("2026-03-16", "pytorch", 2)),
        meeting_target(
            real_kb, "C", "ai-engineer", ("2026-03-17", "rag", 1), ("2026-03-17", "python", 2)
        ),
        # D meets every requirement on the day; a rating made after it does not count yet.
        meeting_target(real_kb, "D", "ai-engineer", ("2026-05-01", "docker", 0)),
    ]
    for student in students:
        files.write(tmp_path / f"{student['name']}.json", files.document(student))
    cohort = read_cohort(real_kb, [tmp_path], TODAY)
    assert [s.profile for s in cohort.students] == ["A", "B", "C", "D"]
    # PyTorch: A and B. Then one student each: RAG (C, 2 levels short), then 1 level short by
    # name, Python (C) and SQL (A).
    assert cohort.common_gaps == (
        CommonGap("pytorch", "PyTorch", 2),
        CommonGap("rag", "Retrieval-augmented generation", 1),
        CommonGap("python", "Python", 1),
        CommonGap("sql", "SQL", 1),
    )
    assert cohort.students[3].readiness == 1.0
    # Asked about a later day, D's Docker 0 counts.
    later = read_cohort(real_kb, [tmp_path], TODAY.replace(month=5, day=2))
    assert CommonGap("docker", "Docker and containers", 1) in later.common_gaps


def test_a_file_with_several_profiles_gives_a_row_each(real_kb, tmp_path):
    both = files.write(tmp_path / "pair.json", files.document(files.ahead(), files.behind()))
    cohort = read_cohort(real_kb, [both], TODAY)
    assert [(s.file, s.profile) for s in cohort.students] == [
        (str(both), "Ada"),
        (str(both), "Ben"),
    ]
    assert (cohort.files, cohort.errors) == (1, ())


def test_a_profile_the_reader_refuses_names_where(real_kb, tmp_path):
    bad = files.no_data()
    bad["checkins"] = [
        {
            "day": "2026-03-02",
            "hours": 30,
            "note": "",
            "skills": [],
            "created": "2026-03-02T20:00:00+00:00",
        }
    ]
    path = files.write(tmp_path / "bad.json", files.document(bad))
    files.write(tmp_path / "good.json", files.document(files.ahead()))
    cohort = read_cohort(real_kb, [tmp_path], TODAY)
    assert [s.profile for s in cohort.students] == ["Ada"]
    (error,) = cohort.errors
    assert error.file == str(path)
    # The import reader's own words, naming the value: the file is shown beside them.
    assert error.error.startswith("this file: profiles[0].checkins[0].hours: expected ")
    assert error.error.endswith("got 30")


def test_the_csv_writes_empty_cells_for_null(real_kb, tmp_path):
    folder = files.class_folder(tmp_path / "class")
    cohort = read_cohort(real_kb, [folder], TODAY)
    document = cohort_document(cohort)
    rows = cohort_csv(cohort.students).split("\r\n")[1:-1]
    assert len(rows) == len(document["students"]) == 3
    for row, student in zip(rows, document["students"], strict=True):
        cells = row.split(",")
        assert cells[1] == student["profile"]
        assert cells[8] == (student["forecast_finish"] or "")
        assert cells[9] == (student["last_checkin"] or "")
