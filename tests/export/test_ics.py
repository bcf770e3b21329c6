"""The ICS calendar of a real plan, read back with icalendar: one all-day event per month."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from careerplanner.export import plan_ics
from careerplanner.export.to_ics import PRODID


def _events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_one_all_day_event_spans_each_month(plan, kb):
    events = _events(plan_ics(plan, kb))
    assert len(events) == plan.total_months > 12
    for event, month in zip(events, plan.months, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and type(end) is date  # all-day, not a time
        assert start == month.start and end == month.end + timedelta(days=1)
        assert str(event["summary"]).startswith(f"Career plan month {month.index}: ")
    assert events[1].decoded("dtend") == date(2027, 3, 1)  # February's event ends with it


def test_same_plan_gives_the_same_bytes_and_distinct_stable_uids(plan, kb, statuses):
    data = plan_ics(plan, kb, statuses)
    assert data == plan_ics(plan, kb, statuses)
    uids = [str(e["uid"]) for e in _events(data)]
    assert len(set(uids)) == len(uids)
    assert uids[0] == "software-engineer-ml-engineer-20270101@careerplanner"
    calendar = Calendar.from_ical(data)
    assert str(calendar["prodid"]) == PRODID and str(calendar["version"]) == "2.0"
    stamps = {e.decoded("dtstamp") for e in _events(data)}
    assert stamps == {datetime(2027, 1, 1, tzinfo=UTC)}


def test_marks_change_the_description_but_not_the_uids(plan, kb, statuses):
    plain, marked = _events(plan_ics(plan, kb)), _events(plan_ics(plan, kb, statuses))
    assert [str(e["uid"]) for e in plain] == [str(e["uid"]) for e in marked]
    first, second = plan.months[0].items[:2]
    description = str(marked[0]["description"])
    assert f"[x] {first.text}" in description
    assert f"[ ] {second.text} (skipped)" in description
    assert "[x]" not in str(plain[0]["description"])
    assert f"{round(plan.months[0].hours)} hours" in description


def test_a_stamp_given_by_the_caller_is_used(plan, kb):
    when = datetime(2027, 5, 6, 7, 8, 9, tzinfo=UTC)
    events = _events(plan_ics(plan, kb, stamp=when))
    assert {e.decoded("dtstamp") for e in events} == {when}
