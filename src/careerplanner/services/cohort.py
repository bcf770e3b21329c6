"""A class at a glance: students' export files read into one row per student, the skills most of
them still lack for their own target, and the files that could not be read, with why.

Each file goes through the import reader's whole check (``read_document``), and each row's
status, weeks behind, readiness and forecast come from ``progress_document``: exactly what
``careerplanner progress --format json`` says for that profile on the same day. Nothing here
opens a database; reading a cohort writes nothing anywhere.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from careerplanner.core import progress as rules
from careerplanner.core.gap import analyse_role
from careerplanner.errors import CareerPlannerError, UsageError
from careerplanner.files import read_text_file
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.import_reader import (
    MAX_BYTES,
    ImportFileError,
    parse_text,
    read_document,
)
from careerplanner.services.progress import ProfileData, from_export, progress_document

#: How a file is named inside its own error message ("this file is not valid JSON ..."): the
#: file is shown beside it.
THIS_FILE = "this file"
#: The window ranks statuses in this order, most in need of attention first.
STATUS_ORDER = (rules.BEHIND, rules.NO_DATA, rules.NOT_STARTED, rules.ON_TRACK, rules.AHEAD)
CSV_COLUMNS = (
    "file",
    "profile",
    "background",
    "target",
    "readiness",
    "status",
    "weeks_behind",
    "hours_last_4_weeks",
    "forecast_finish",
    "last_checkin",
)


@dataclass(frozen=True)
class Student:
    """One profile of one file, as the cohort shows it."""

    file: str
    profile: str
    background: str
    target: str
    readiness: float  # 0..1, as progress says it
    status: str  # progress's status
    weeks_behind: int  # progress's: negative when ahead
    hours_last_4_weeks: float
    forecast_finish: date | None
    last_checkin: date | None
    #: What the student's progress is worked out from (to open it read-only).
    data: ProfileData = field(repr=False, compare=False)
    #: (skill, levels short) for each skill below the target's requirement on the day.
    gaps: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    @property
    def status_text(self) -> str:
        """ "3 weeks behind", "on track", "no data yet": the verdict without its hours."""
        if self.status in (rules.BEHIND, rules.AHEAD):
            return (
                f"{rules.plural(abs(self.weeks_behind), 'week')} {rules.STATUS_WORDS[self.status]}"
            )
        return rules.STATUS_WORDS[self.status]

    @property
    def status_rank(self) -> int:
        """Sorts students most in need of attention first: the furthest behind, then those with
        no data, not started, on track, and the furthest ahead last."""
        return STATUS_ORDER.index(self.status) * 1000 - self.weeks_behind


@dataclass(frozen=True)
class CommonGap:
    skill: str
    name: str
    students: int  # how many students are below their own target's requirement in it


@dataclass(frozen=True)
class FileError:
    file: str
    error: str


@dataclass(frozen=True)
class Cohort:
    today: date
    students: tuple[Student, ...]
    common_gaps: tuple[CommonGap, ...]
    errors: tuple[FileError, ...]
    files: int  # how many export files were found, read or not


def read_cohort(kb: KnowledgeBase, paths: Iterable[Path | str], today: date) -> Cohort:
    """Every student of ``paths`` (export files, or folders of ``*.json`` export files, not
    searched below) as on ``today``, in the order given (a folder's files by name, each file
    once). A path, file or profile that cannot be read is an entry of ``errors``, and the
    others are read all the same."""
    students: list[Student] = []
    errors: list[FileError] = []
    seen: set[Path] = set()
    for given in paths:
        found = export_files(Path(given))
        if isinstance(found, FileError):
            errors.append(found)
            continue
        for path in found:
            if path.resolve() in seen:
                continue
            seen.add(path.resolve())
            try:
                students.extend(read_students(kb, path, today))
            except CareerPlannerError as error:
                errors.append(FileError(str(path), str(error)))
    return Cohort(
        today=today,
        students=tuple(students),
        common_gaps=common_gaps(kb, students),
        errors=tuple(errors),
        files=len(seen),
    )


def export_files(path: Path) -> list[Path] | FileError:
    """The file named, or the ``*.json`` files of the folder named, by name."""
    if path.is_dir():
        inside = sorted(p for p in path.glob("*.json") if p.is_file())
        return inside or FileError(str(path), "this folder holds no .json files")
    if path.exists():
        return [path]
    return FileError(str(path), "there is no such file or folder")


def read_students(kb: KnowledgeBase, path: Path, today: date) -> list[Student]:
    """The students of one export file, one a profile. A file that is not a valid export, or
    holds a profile whose progress cannot be worked out, raises ``ImportFileError`` saying
    why (the import reader's reason, or the profile's name and its problem)."""
    try:  # the way ``import`` reads a file: its size, encoding and line ends checked
        text = read_text_file(path, "export file", MAX_BYTES)
    except UsageError as error:
        raise ImportFileError(str(error)) from None
    value = parse_text(text, THIS_FILE)
    document = read_document(value, kb, THIS_FILE)  # every key, type, id and date checked
    if not document.profiles:
        raise ImportFileError(f"{THIS_FILE} holds no profiles")
    return [student(kb, str(path), profile, today) for profile in value["profiles"]]


def student(kb: KnowledgeBase, file: str, profile: dict[str, Any], today: date) -> Student:
    """One checked export profile as a row; its verdict is ``progress_document``'s."""
    data = from_export(profile)
    try:
        progress = progress_document(kb, data, today)
    except CareerPlannerError as error:
        raise ImportFileError(f"profile {data.name!r}: {error}") from None
    counted = [c for c in data.checkins if c.day <= today]
    window_start = today - timedelta(days=rules.PACE_WINDOW_DAYS - 1)
    forecast = progress["forecast_finish"]
    return Student(
        file=file,
        profile=data.name,
        background=data.background,
        target=data.target,
        readiness=progress["readiness"],
        status=progress["status"],
        weeks_behind=progress["weeks_behind"],
        hours_last_4_weeks=round(sum(c.hours for c in counted if c.day >= window_start) + 0.0, 2),
        forecast_finish=date.fromisoformat(forecast) if forecast else None,
        last_checkin=max((c.day for c in counted), default=None),
        data=data,
        gaps=tuple(
            (gap.skill, gap.required - gap.current)
            for gap in analyse_role(kb, data.target, levels_on(data, today)).gaps
        ),
    )


def levels_on(data: ProfileData, today: date) -> dict[str, int]:
    """The profile's levels at the end of ``today``: what its readiness on that day reads
    (a report for a past day knows only what was rated by then)."""
    known = [levels for day, levels in data.levels_over_time if day <= today]
    return dict(known[-1]) if known else {}


def common_gaps(kb: KnowledgeBase, students: Sequence[Student]) -> tuple[CommonGap, ...]:
    """Each skill some student is below their own target's requirement in, with how many are:
    the most common first; among as common, the one the class is most levels short of, then
    by name."""
    counts: Counter[str] = Counter()
    short: Counter[str] = Counter()
    for student in students:
        for skill, levels in student.gaps:
            counts[skill] += 1
            short[skill] += levels
    names: dict[str, str] = {skill.id: skill.name for skill in kb.skills}
    gaps = [CommonGap(skill, names.get(skill, skill), n) for skill, n in counts.items()]
    return tuple(
        sorted(gaps, key=lambda g: (-g.students, -short[g.skill], g.name.casefold(), g.skill))
    )


# -- what is written out ------------------------------------------------------------------------


def cohort_document(cohort: Cohort) -> dict[str, Any]:
    """The JSON of ``careerplanner cohort --format json`` (its contract is in the README)."""
    return {
        "students": [student_row(s) for s in cohort.students],
        "common_gaps": [
            {"skill": g.skill, "name": g.name, "students": g.students} for g in cohort.common_gaps
        ],
        "errors": [{"file": e.file, "error": e.error} for e in cohort.errors],
    }


def student_row(student: Student) -> dict[str, Any]:
    return {
        "file": student.file,
        "profile": student.profile,
        "background": student.background,
        "target": student.target,
        "readiness": student.readiness,
        "status": student.status,
        "weeks_behind": student.weeks_behind,
        "hours_last_4_weeks": student.hours_last_4_weeks,
        "forecast_finish": _day(student.forecast_finish),
        "last_checkin": _day(student.last_checkin),
    }


def cohort_csv(students: Iterable[Student]) -> str:
    """One row per student, the JSON's fields as columns (RFC 4180, CRLF line ends); an empty
    cell where the JSON has null."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for student in students:
        row = student_row(student)
        writer.writerow(["" if row[key] is None else _cell(row[key]) for key in CSV_COLUMNS])
    return out.getvalue()


def _cell(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None
