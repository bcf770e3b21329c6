"""Ten years of daily use give the same progress report as a straightforward reading of the
history: every rating replayed one by one, each day's readiness from the gap analysis itself,
every check-in read and parsed on its own. (The Planner reads the check-ins in one go, works
each profile's levels out once and scores readiness from a precomputed table: none of that may
change a figure of the page or of ``careerplanner progress --format json``.)"""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, date, datetime, timedelta

import pytest

from careerplanner.core import progress as rules
from careerplanner.core.gap import analyse_role
from careerplanner.knowledge import default_knowledge
from careerplanner.services import progress as progress_service
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database, write_transaction
from tests.storage_fixtures import make_profile

KB = default_knowledge()
SKILLS = [skill.id for skill in KB.skills]
TODAY = date(2026, 6, 15)
FIRST_DAY = TODAY - timedelta(days=10 * 365)


@pytest.fixture(scope="module")
def ten_years(tmp_path_factory):
    """A profile begun ten years ago: a check-in most days (some days two, a few skipped, one
    dated after today), 8,000 ratings in order with now and then one whose clock was put back,
    and plan items marked, cleared and marked again."""
    path = tmp_path_factory.mktemp("ten-years") / "careerplanner.db"
    db = open_database(path)
    planner = Planner(db, KB, path, today=lambda: TODAY)
    me = make_profile(
        planner, "Ten years", "software-engineer", "ml-engineer", 8, FIRST_DAY, prefill=False
    )
    rng = random.Random(15)
    start = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=UTC)
    step = timedelta(days=10 * 365) / 8000
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO ratings (profile_id, skill_id, level, note, rated_at, day) "
            "VALUES (?,?,?,?,?,?)",
            [
                (
                    me.id,
                    rng.choice(SKILLS),
                    rng.randint(0, 4),
                    None,
                    moment.isoformat(timespec="seconds"),
                    moment.date().isoformat(),
                )
                for n in range(8000)
                # One rating in fifty was made with the clock a few days behind.
                for moment in [start + step * n - timedelta(days=3 * (rng.random() < 0.02))]
            ],
        )
        rows = []
        for n in range(10 * 365 + 1):
            day = FIRST_DAY + timedelta(days=n)
            for _ in range(rng.choice([0, 1, 1, 1, 2])):
                skills = rng.sample(SKILLS, rng.randint(0, 3))
                rows.append(
                    (
                        me.id,
                        day.isoformat(),
                        rng.choice([0.25, 0.5, 1, 1.5, 2, 3]),
                        "practised",
                        json.dumps(skills),
                        f"{day}T20:00:00+00:00",
                        json.dumps([f"skill:{s}:3" for s in skills[:1]]),
                    )
                )
        later = TODAY + timedelta(days=2)
        rows.append((me.id, later.isoformat(), 4, "", "[]", f"{later}T08:00:00+00:00", "[]"))
        db.conn.executemany(
            "INSERT INTO checkins (profile_id, day, hours, note, skills, created, items) "
            "VALUES (?,?,?,?,?,?,?)",
            rows,
        )
    plan = planner.snapshot().plan
    items = [item.id for month in plan.months for item in month.items]
    for item, status in [(items[0], "done"), (items[1], "skipped"), (items[1], None)]:
        planner.mark_item(item, status, "mark")
    planner.mark_item(items[2], "done", "mark")
    yield planner, db, me
    planner.close()


def _reference_levels_over_time(ratings):
    """The rule as written: each rating in the order made, counted on the latest day seen so far;
    the levels at the end of each such day."""
    series: list[tuple[date, dict[str, int]]] = []
    levels: dict[str, int] = {}
    latest = ""
    for day, skill, level in ratings:
        latest = max(latest, day)
        levels[skill] = level
        if series and series[-1][0] == date.fromisoformat(latest):
            series[-1] = (series[-1][0], dict(levels))
        else:
            series.append((date.fromisoformat(latest), dict(levels)))
    return series


def _reference_data(planner, db, profile) -> progress_service.ProfileData:
    ratings = db.execute(
        "SELECT day, skill_id, level FROM ratings WHERE profile_id = ? ORDER BY id", [profile.id]
    ).fetchall()
    checkins = []
    for day, hours, note, skills, items in db.execute(
        "SELECT day, hours, note, skills, items FROM checkins WHERE profile_id = ? "
        "ORDER BY day, id",
        [profile.id],
    ):
        checkins.append(
            progress_service.CheckinEntry(
                date.fromisoformat(day),
                hours,
                note,
                tuple(json.loads(skills)),
                tuple(json.loads(items)),
            )
        )
    marks = db.execute(
        "SELECT marked_at, item_id, status FROM plan_items WHERE profile_id = ? ORDER BY id",
        [profile.id],
    ).fetchall()
    # The profile's own fields as the Planner reads them; its history as read above.
    return dataclasses.replace(
        planner.progress_data(profile.id),
        levels_over_time=_reference_levels_over_time(ratings),
        marks=tuple(
            (datetime.fromisoformat(at).astimezone().date(), item, status)
            for at, item, status in marks
        ),
        checkins=tuple(checkins),
    )


def test_ten_years_give_the_reports_of_a_straightforward_reading(ten_years):
    planner, db, me = ten_years
    reference = _reference_data(planner, db, me)
    series = reference.levels_over_time
    assert len(series) > 3000, "a point for most days of the ten years"
    plan = progress_service.plan_for(KB, reference, TODAY)
    expected = rules.progress_report(
        KB,
        target=reference.target,
        plan=plan,
        start=reference.start,
        checkins=reference.checkins,
        levels_over_time=series,
        statuses=reference.statuses,
        today=TODAY,
        set_aside=reference.set_aside,
        marks_over_time=reference.marks,
    )
    report = planner.progress(TODAY)
    assert report == expected
    assert report.lines == expected.lines
    assert planner.progress_document(me.id, TODAY) == progress_service.report_document(
        reference, expected
    )
    assert planner.levels_over_time(me.id) == series


def test_each_days_readiness_is_the_gap_analysis_of_that_days_levels(ten_years):
    planner, db, me = ten_years
    series = _reference_data(planner, db, me).levels_over_time
    report = planner.progress(TODAY)
    assert [(p.day, p.readiness) for p in report.readiness_over_time] == [
        (day, analyse_role(KB, me.target, levels).readiness) for day, levels in series
    ]
    assert report.readiness == analyse_role(KB, me.target, planner.levels(me.id)).readiness


def test_ten_years_of_check_ins_read_back_as_stored(ten_years):
    planner, db, me = ten_years
    reference = _reference_data(planner, db, me)
    read = planner.checkins(me.id)
    assert [(c.day, c.hours, c.note, c.skills, c.items) for c in read] == [
        (c.day, c.hours, c.note, c.skills, c.items) for c in reference.checkins
    ]
