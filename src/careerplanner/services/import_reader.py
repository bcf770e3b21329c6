"""Reading an export document back: every value is checked, and turned into the rows the stores
write, before the database is touched. A problem ends as one ``ImportFileError`` that says where.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from careerplanner.core import limits
from careerplanner.errors import UsageError, shown
from careerplanner.files import decode_text, parse_json
from careerplanner.knowledge.model import MAX_LEVEL, MIN_LEVEL, KnowledgeBase
from careerplanner.storage.records import timestamp

FORMAT = "careerplanner-export"
VERSION = 1
MAX_BYTES = 20 * 1024 * 1024
ITEM_STATUSES = ("done", "skipped", None)
_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


class ImportFileError(UsageError):
    """The file cannot be imported; nothing was written."""


@dataclass
class ProfileRows:
    """One profile from the document, as rows ready for the stores (ids assigned on insert)."""

    profile: dict[str, Any]
    ratings: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    plans: list[dict[str, Any]] = field(default_factory=list)
    marks: list[dict[str, Any]] = field(default_factory=list)  # "plan" is an index into plans
    checkins: list[dict[str, Any]] = field(default_factory=list)
    fit_answers: list[dict[str, Any]] = field(default_factory=list)
    postings: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Document:
    profiles: list[ProfileRows]
    active_profile: str | None


def parse_text(raw: bytes | str, source: str) -> Any:
    """A file's bytes (or its text, already read) -> its JSON value, or one clear error: size,
    encoding, syntax, a key given twice, nesting too deep (see ``files.parse_json``)."""
    if len(raw) > MAX_BYTES:
        raise ImportFileError(f"{source} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = raw if isinstance(raw, str) else decode_text(raw, source)
        return parse_json(text, source)
    except ImportFileError:
        raise
    except UsageError as error:
        raise ImportFileError(str(error)) from None


def read_document(value: Any, kb: KnowledgeBase, source: str) -> Document:
    """Check a whole export document against format version 1 and the knowledge base."""
    return _Reader(kb, source).document(value)


class _Reader:
    def __init__(self, kb: KnowledgeBase, source: str) -> None:
        self.kb = kb
        self.source = source

    def fail(self, where: str, message: str) -> ImportFileError:
        return ImportFileError(f"{self.source}: {where}: {message}")

    # -- the document ----------------------------------------------------------------------

    def document(self, value: Any) -> Document:
        top = self.object(
            value, "the document", {"format", "version", "profiles"}, {"active_profile"}
        )
        if top["format"] != FORMAT:
            raise self.fail("format", f"expected {FORMAT!r}; this is not a Career Planner export")
        version = top["version"]
        if type(version) is not int:
            raise self.fail("version", "expected a whole number")
        if version != VERSION:
            newer = (
                " (from a newer Career Planner: update to import it)" if version > VERSION else ""
            )
            raise self.fail("version", f"format version {version} is not supported{newer}")
        profiles = [
            self.profile(item, f"profiles[{n}]")
            for n, item in enumerate(self.array(top["profiles"], "profiles"))
        ]
        seen: set[str] = set()
        for n, rows in enumerate(profiles):
            key = rows.profile["name"].casefold()
            if key in seen:
                raise self.fail(
                    f"profiles[{n}].name", f"the name {shown(rows.profile['name'])} is used twice"
                )
            seen.add(key)
        active = top.get("active_profile")
        if active is not None:
            active = self.text(active, "active_profile")
            if active.casefold() not in seen:
                raise self.fail("active_profile", f"no profile is named {shown(active)}")
        return Document(profiles, active)

    def profile(self, value: Any, where: str) -> ProfileRows:
        keys = {"name", "background", "target", "hours_per_week", "start_month", "created"}
        lists = {"ratings", "notes", "plans", "marks", "checkins"}
        # Added later in version 1: an older export has neither, and imports as before.
        later = {"fit_answers", "postings"}
        item = self.object(value, where, keys | lists, later)
        try:
            name = limits.check_name(self.text(item["name"], f"{where}.name"))
        except limits.LimitError as error:
            raise self.fail(f"{where}.name", str(error)) from None
        hours = self.number(item["hours_per_week"], f"{where}.hours_per_week")
        if not limits.HOURS_PER_WEEK.contains(hours):
            raise self.fail(
                f"{where}.hours_per_week",
                f"expected {limits.HOURS_PER_WEEK.describe()}; got {hours:g}",
            )
        month = self.text(item["start_month"], f"{where}.start_month")
        if not _MONTH.fullmatch(month) or not (
            limits.EARLIEST_YEAR <= int(month[:4]) <= limits.LATEST_YEAR
        ):
            raise self.fail(
                f"{where}.start_month",
                f"expected YYYY-MM between {limits.EARLIEST_YEAR} and {limits.LATEST_YEAR}, "
                f"got {shown(month)}",
            )
        rows = ProfileRows(
            profile={
                "name": name,
                "background": self.role(item["background"], f"{where}.background"),
                "target": self.role(item["target"], f"{where}.target"),
                "hours_per_week": float(hours),
                "start_month": month,
                "created": self.moment(item["created"], f"{where}.created"),
            }
        )
        for n, rating in enumerate(self.array(item["ratings"], f"{where}.ratings")):
            rows.ratings.append(self.rating(rating, f"{where}.ratings[{n}]"))
        for n, note in enumerate(self.array(item["notes"], f"{where}.notes")):
            rows.notes.append(self.note(note, f"{where}.notes[{n}]"))
        if len({note["skill_id"] for note in rows.notes}) != len(rows.notes):
            raise self.fail(f"{where}.notes", "a skill has two notes")
        for n, plan in enumerate(self.array(item["plans"], f"{where}.plans")):
            rows.plans.append(self.plan(plan, f"{where}.plans[{n}]"))
        for n, mark in enumerate(self.array(item["marks"], f"{where}.marks")):
            rows.marks.append(self.mark(mark, f"{where}.marks[{n}]", len(rows.plans)))
        for n, checkin in enumerate(self.array(item["checkins"], f"{where}.checkins")):
            rows.checkins.append(self.checkin(checkin, f"{where}.checkins[{n}]"))
        for n, answer in enumerate(self.array(item.get("fit_answers", []), f"{where}.fit_answers")):
            rows.fit_answers.append(self.fit_answer(answer, f"{where}.fit_answers[{n}]"))
        for n, posting in enumerate(self.array(item.get("postings", []), f"{where}.postings")):
            rows.postings.append(self.posting(posting, f"{where}.postings[{n}]"))
        if sum(1 for p in rows.postings if p["target_over"] is not None) > 1:
            raise self.fail(f"{where}.postings", "only one posting can be the plan's target")
        return rows

    def fit_answer(self, value: Any, where: str) -> dict[str, Any]:
        item = self.object(value, where, {"question", "option", "at"})
        question = self.text(item["question"], f"{where}.question")
        if not question.strip():
            raise self.fail(f"{where}.question", "a question id cannot be empty")
        option = item["option"]
        if option is not None:
            option = self.text(option, f"{where}.option")
        return {
            "question_id": question,
            "option_id": option,
            "answered_at": self.moment(item["at"], f"{where}.at"),
        }

    def posting(self, value: Any, where: str) -> dict[str, Any]:
        keys = {"title", "text", "created", "closest_role", "requirements", "target_over"}
        item = self.object(value, where, keys)
        title = self.text(item["title"], f"{where}.title").strip()
        if not title:
            raise self.fail(f"{where}.title", "a posting needs a title")
        requirements = []
        for n, entry in enumerate(self.array(item["requirements"], f"{where}.requirements")):
            place = f"{where}.requirements[{n}]"
            req = self.object(entry, place, {"skill", "level", "weight", "source"}, {"reason"})
            level = req["level"]
            if type(level) is not int or not MIN_LEVEL <= level <= MAX_LEVEL:
                raise self.fail(f"{place}.level", f"expected a whole number 0 to 4, got {level!r}")
            weight = self.text(req["weight"], f"{place}.weight")
            if weight not in ("core", "secondary"):
                raise self.fail(
                    f"{place}.weight", f"expected core or secondary, got {shown(weight)}"
                )
            read = {
                "skill": self.skill(req["skill"], f"{place}.skill"),
                "level": level,
                "weight": weight,
                "source": self.text(req["source"], f"{place}.source"),
            }
            if "reason" in req:
                read["reason"] = self.text(req["reason"], f"{place}.reason")
            requirements.append(read)
        closest, over = item["closest_role"], item["target_over"]
        return {
            "title": title,
            "text": self.text(item["text"], f"{where}.text"),
            "created": self.moment(item["created"], f"{where}.created"),
            "closest_role": None
            if closest is None
            else self.role(closest, f"{where}.closest_role"),
            "requirements": json.dumps(requirements, ensure_ascii=False),
            "target_over": None if over is None else self.role(over, f"{where}.target_over"),
        }

    def rating(self, value: Any, where: str) -> dict[str, Any]:
        item = self.object(value, where, {"skill", "level", "note", "at", "day"})
        level = item["level"]
        if type(level) is not int or not MIN_LEVEL <= level <= MAX_LEVEL:
            raise self.fail(f"{where}.level", f"expected a whole number 0 to 4, got {shown(level)}")
        note = item["note"]
        return {
            "skill_id": self.skill(item["skill"], f"{where}.skill"),
            "level": level,
            "note": None if note is None else self.text(note, f"{where}.note"),
            "rated_at": self.moment(item["at"], f"{where}.at"),
            "day": self.day(item["day"], f"{where}.day"),
        }

    def note(self, value: Any, where: str) -> dict[str, Any]:
        item = self.object(value, where, {"skill", "note", "updated"})
        text = self.text(item["note"], f"{where}.note")
        if not text.strip():
            raise self.fail(f"{where}.note", "an empty note is not kept; leave it out")
        return {
            "skill_id": self.skill(item["skill"], f"{where}.skill"),
            "note": text,
            "updated": self.moment(item["updated"], f"{where}.updated"),
        }

    def plan(self, value: Any, where: str) -> dict[str, Any]:
        item = self.object(value, where, {"created", "inputs", "plan"})
        return {
            "created": self.moment(item["created"], f"{where}.created"),
            "inputs": self.json_object(item["inputs"], f"{where}.inputs"),
            "plan": self.json_object(item["plan"], f"{where}.plan"),
        }

    def mark(self, value: Any, where: str, plans: int) -> dict[str, Any]:
        item = self.object(value, where, {"plan", "item", "status", "at"})
        plan = item["plan"]
        if type(plan) is not int or not 0 <= plan < plans:
            raise self.fail(f"{where}.plan", f"expected the index of one of the {plans} plans")
        status = item["status"]
        if status not in ITEM_STATUSES or isinstance(status, bool):
            raise self.fail(
                f"{where}.status", f"expected 'done', 'skipped' or null, got {shown(status)}"
            )
        item_id = self.text(item["item"], f"{where}.item")
        if not item_id:
            raise self.fail(f"{where}.item", "an item id cannot be empty")
        return {
            "plan": plan,
            "item_id": item_id,
            "status": status,
            "marked_at": self.moment(item["at"], f"{where}.at"),
        }

    def checkin(self, value: Any, where: str) -> dict[str, Any]:
        item = self.object(value, where, {"day", "hours", "note", "skills", "created"}, {"items"})
        hours = self.number(item["hours"], f"{where}.hours")
        if not limits.HOURS_PER_DAY.contains(hours):
            raise self.fail(
                f"{where}.hours", f"expected {limits.HOURS_PER_DAY.describe()}, got {hours:g}"
            )
        skills = [
            self.skill(skill, f"{where}.skills[{n}]")
            for n, skill in enumerate(self.array(item["skills"], f"{where}.skills"))
        ]
        return {
            "day": self.day(item["day"], f"{where}.day"),
            "hours": float(hours),
            "note": self.text(item["note"], f"{where}.note"),
            "skills": json.dumps(skills),
            "created": self.moment(item["created"], f"{where}.created"),
            "items": json.dumps(self.item_ids(item.get("items", []), f"{where}.items")),
        }

    def item_ids(self, value: Any, where: str) -> list[str]:
        """Plan item ids (a check-in's links); they name plan items, never checked against a
        plan, as plans change."""
        ids = [self.text(v, f"{where}[{n}]") for n, v in enumerate(self.array(value, where))]
        for n, item_id in enumerate(ids):
            if not item_id.strip():
                raise self.fail(f"{where}[{n}]", "an item id cannot be empty")
        return ids

    # -- values ----------------------------------------------------------------------------

    def object(
        self,
        value: Any,
        where: str,
        required: set[str],
        optional: frozenset[str] | set[str] = frozenset(),
    ) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {_kind(value)}")
        missing = sorted(required - set(value))
        if missing:
            raise self.fail(where, f"missing {', '.join(repr(key) for key in missing)}")
        unexpected = sorted(set(value) - required - set(optional))
        if unexpected:
            raise self.fail(where, f"unexpected key {shown(unexpected[0])}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {_kind(value)}")
        return value

    def text(self, value: Any, where: str) -> str:
        if not isinstance(value, str):
            raise self.fail(where, f"expected text, got {_kind(value)}")
        if "\0" in value or not limits.storable(value):
            raise self.fail(where, "contains a character that cannot be stored")
        return value

    def number(self, value: Any, where: str) -> float:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise self.fail(where, f"expected a number, got {_kind(value)}")
        return value

    def moment(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        try:
            return timestamp(datetime.fromisoformat(text))
        except (ValueError, OverflowError):
            raise self.fail(
                where, f"expected a date and time (ISO 8601), got {shown(text)}"
            ) from None

    def day(self, value: Any, where: str) -> str:
        text = self.text(value, where)
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise self.fail(where, f"expected a date YYYY-MM-DD, got {shown(text)}") from None
        try:
            return limits.check_day(day).isoformat()
        except limits.LimitError:
            raise self.fail(
                where, f"expected a day in {limits.EARLIEST_YEAR} or later, got {shown(text)}"
            ) from None

    def skill(self, value: Any, where: str) -> str:
        return self.known("skill", self.kb.skill, self.kb.closest_skill_names, value, where)

    def role(self, value: Any, where: str) -> str:
        return self.known("role", self.kb.role, self.kb.closest_role_names, value, where)

    def known(self, kind: str, by_id: Any, closest: Any, value: Any, where: str) -> str:
        """An id the knowledge base has (ids only: an export never writes names or aliases)."""
        text = self.text(value, where)
        try:
            return by_id(text).id
        except KeyError:
            close = closest(text)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise self.fail(where, f"unknown {kind} {shown(text)}{hint}") from None

    def json_object(self, value: Any, where: str) -> str:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, got {_kind(value)}")
        encoded = json.dumps(value, ensure_ascii=False)
        if not limits.storable(encoded):
            raise self.fail(where, "contains a character that cannot be stored")
        return encoded


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}
    return names.get(type(value), "a number")
