"""Export everything to versioned JSON and import it back (all or nothing); CSV of current skills.

An import adds the file's profiles to the database. A profile whose name is already taken makes
the whole import fail, with nothing written: rename or remove one of the two, then import again.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerplanner.errors import UsageError
from careerplanner.files import read_text_file, write_whole
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.changes import EVERYTHING, ChangeSet
from careerplanner.services.import_reader import (
    FORMAT,
    MAX_BYTES,
    VERSION,
    Document,
    ImportFileError,
    parse_text,
    read_document,
)
from careerplanner.storage import Database, write_transaction
from careerplanner.storage.stores import (
    ACTIVE_PROFILE,
    CheckinStore,
    FitAnswerStore,
    NoteStore,
    PlanItemStore,
    PlanStore,
    PostingStore,
    ProfileStore,
    RatingStore,
    SettingsStore,
    active_profile,
)

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "VERSION",
    "ImportFileError",
    "ImportSummary",
    "export_document",
    "export_file",
    "export_json",
    "export_profile",
    "import_bytes",
    "import_file",
    "instructor_document",
    "instructor_json",
    "skills_csv",
]


@dataclass(frozen=True)
class ImportSummary:
    profiles: list[str]
    ratings: int
    plans: int
    checkins: int
    changes: ChangeSet = EVERYTHING

    def __str__(self) -> str:
        shown = self.profiles[:MAX_NAMES_SHOWN]
        names = ", ".join(f"'{name}'" for name in shown) or "no profiles"
        if len(self.profiles) > len(shown):
            names += f" and {len(self.profiles) - len(shown)} more profiles"
        counts = ", ".join(
            _count(n, word)
            for n, word in (
                (self.ratings, "rating"),
                (self.plans, "plan"),
                (self.checkins, "check-in"),
            )
        )
        return f"{names}: {counts}"


MAX_NAMES_SHOWN = 5


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def export_document(db: Database) -> dict[str, Any]:
    """Everything in the database as one JSON-ready dict (format version 1)."""
    active = active_profile(db)
    return {
        "format": FORMAT,
        "version": VERSION,
        "active_profile": active.name if active else None,
        "profiles": [_export_profile(db, profile.id) for profile in ProfileStore(db).all()],
    }


def export_json(db: Database) -> str:
    return json.dumps(export_document(db), ensure_ascii=False, indent=2) + "\n"


def export_file(db: Database, path: Path) -> None:
    """Write ``export_json`` to ``path`` (all of it, or the old file stays as it was)."""
    write_whole(Path(path), export_json(db))


def import_file(db: Database, kb: KnowledgeBase, path: Path) -> ImportSummary:
    """Import an export file. Nothing is written unless all of it is valid and fits."""
    try:
        text = read_text_file(path, "import file", MAX_BYTES)
    except UsageError as error:
        raise ImportFileError(str(error)) from None
    return import_bytes(db, kb, text, str(path))


def import_bytes(db: Database, kb: KnowledgeBase, raw: bytes | str, source: str) -> ImportSummary:
    """Import an export document, as bytes or text; ``source`` names it in error messages."""
    document = read_document(parse_text(raw, source), kb, source)
    return _write(db, document, source)


def skills_csv(db: Database, kb: KnowledgeBase, profile_id: int) -> str:
    """``skill,name,level,note`` for every rated or annotated skill, in the catalogue's order.

    A skill with a note but no rating has level 0.
    """
    levels = RatingStore(db).latest_levels(profile_id)
    notes = NoteStore(db).all(profile_id)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["skill", "name", "level", "note"])
    known = {skill.id for skill in kb.skills}
    for skill in kb.skills:
        if skill.id in levels or skill.id in notes:
            writer.writerow(
                [skill.id, skill.name, levels.get(skill.id, 0), notes.get(skill.id, "")]
            )
    # Skills the knowledge base no longer has are still the user's: keep them, at the end.
    for skill_id in sorted((set(levels) | set(notes)) - known):
        writer.writerow([skill_id, skill_id, levels.get(skill_id, 0), notes.get(skill_id, "")])
    return out.getvalue()


def export_profile(db: Database, profile_id: int) -> dict[str, Any]:
    """One profile as an export file holds it (``progress_document`` reads this form)."""
    return _export_profile(db, profile_id)


def _export_profile(db: Database, profile_id: int) -> dict[str, Any]:
    row = ProfileStore(db).row(profile_id) or {}
    plans = PlanStore(db).rows(profile_id)
    plan_index = {plan["id"]: n for n, plan in enumerate(plans)}
    return {
        "name": row["name"],
        "background": row["background"],
        "target": row["target"],
        "hours_per_week": row["hours_per_week"],
        "start_month": row["start_month"],
        "created": row["created"],
        "ratings": [
            {
                "skill": r["skill_id"],
                "level": r["level"],
                "note": r["note"],
                "at": r["rated_at"],
                "day": r["day"],
            }
            for r in RatingStore(db).rows(profile_id)
        ],
        "notes": [
            {"skill": n["skill_id"], "note": n["note"], "updated": n["updated"]}
            for n in NoteStore(db).rows(profile_id)
        ],
        "plans": [
            {
                "created": p["created"],
                "inputs": json.loads(p["inputs"]),
                "plan": json.loads(p["plan"]),
            }
            for p in plans
        ],
        # Marks in the order they were made (the latest mark of an item wins), across plans.
        "marks": [
            {
                "plan": plan_index[m["plan_id"]],
                "item": m["item_id"],
                "status": m["status"],
                "at": m["marked_at"],
            }
            for m in PlanItemStore(db).rows(profile_id)
        ],
        "checkins": [
            {
                "day": c["day"],
                "hours": c["hours"],
                "note": c["note"],
                "skills": json.loads(c["skills"]),
                "created": c["created"],
                "items": json.loads(c["items"]),
            }
            for c in CheckinStore(db).rows(profile_id)
        ],
        # The fit quiz's answers as given, oldest first (an option of null cleared one).
        "fit_answers": [
            {"question": a["question_id"], "option": a["option_id"], "at": a["answered_at"]}
            for a in FitAnswerStore(db).rows(profile_id)
        ],
        "postings": [
            {
                "title": p["title"],
                "text": p["text"],
                "created": p["created"],
                "closest_role": p["closest_role"],
                "requirements": json.loads(p["requirements"]),
                "target_over": p["target_over"],
            }
            for p in PostingStore(db).rows(profile_id)
        ],
    }


def _write(db: Database, document: Document, source: str) -> ImportSummary:
    profiles = ProfileStore(db)
    with write_transaction(db):
        active_before = active_profile(db)
        for rows in document.profiles:
            if profiles.by_name(rows.profile["name"]) is not None:
                raise ImportFileError(
                    f"{source}: this database already has a profile named "
                    f"{rows.profile['name']!r}; nothing was imported (rename yours first, in "
                    "the window's File ▸ Profile Settings, then import again)"
                )
        ids: dict[str, int] = {}
        for rows in document.profiles:
            profile_id = profiles.insert_row(rows.profile)
            ids[rows.profile["name"].casefold()] = profile_id
            for rating in rows.ratings:
                RatingStore(db).insert_row({"profile_id": profile_id, **rating})
            for note in rows.notes:
                NoteStore(db).put_row({"profile_id": profile_id, **note})
            plan_ids = [
                PlanStore(db).insert_row({"profile_id": profile_id, **plan}) for plan in rows.plans
            ]
            for mark in rows.marks:
                fields = {key: value for key, value in mark.items() if key != "plan"}
                PlanItemStore(db).insert_row(
                    {"profile_id": profile_id, "plan_id": plan_ids[mark["plan"]], **fields}
                )
            for checkin in rows.checkins:
                CheckinStore(db).insert_row({"profile_id": profile_id, **checkin})
            for answer in rows.fit_answers:
                FitAnswerStore(db).insert_row({"profile_id": profile_id, **answer})
            for posting in rows.postings:
                PostingStore(db).insert_row({"profile_id": profile_id, **posting})
        if active_before is None and document.profiles:
            chosen = document.active_profile or document.profiles[0].profile["name"]
            SettingsStore(db).set(ACTIVE_PROFILE, str(ids[chosen.casefold()]))
    return ImportSummary(
        profiles=[rows.profile["name"] for rows in document.profiles],
        ratings=sum(len(rows.ratings) for rows in document.profiles),
        plans=sum(len(rows.plans) for rows in document.profiles),
        checkins=sum(len(rows.checkins) for rows in document.profiles),
    )


def instructor_document(db: Database, profile_id: int, include_notes: bool = False) -> dict:
    """One profile as an export file for an instructor (``export --for-instructor``): a valid
    export that ``cohort`` and ``import`` read, holding that profile alone. Unless
    ``include_notes``, it leaves out what the student wrote: the notes beside skills, the
    notes of ratings and of check-ins (the hours, days and skills stay)."""
    profile = _export_profile(db, profile_id)
    if not include_notes:
        profile = without_notes(profile)
    return {
        "format": FORMAT,
        "version": VERSION,
        "active_profile": profile["name"],
        "profiles": [profile],
    }


def instructor_json(db: Database, profile_id: int, include_notes: bool = False) -> str:
    return (
        json.dumps(instructor_document(db, profile_id, include_notes), ensure_ascii=False, indent=2)
        + "\n"
    )


def without_notes(profile: dict[str, Any]) -> dict[str, Any]:
    """An export profile with every note the student wrote left out."""
    return {
        **profile,
        "ratings": [{**rating, "note": None} for rating in profile["ratings"]],
        "notes": [],
        "checkins": [{**checkin, "note": ""} for checkin in profile["checkins"]],
        "postings": [],  # the jobs a student looks at are theirs, and no part of progress
    }
