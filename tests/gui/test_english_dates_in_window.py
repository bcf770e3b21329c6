"""The window's own dates stay English on a French desktop: the plan's months, the check-in list
and the check-in form's day, with both the C library's and Qt's default locale set to French."""

from __future__ import annotations

import locale
import os
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt

from careerplanner.core.plan import PlanRequest, build_plan
from careerplanner.gui.models.checkins import CheckinTableModel
from careerplanner.gui.models.plan import PlanTreeModel
from careerplanner.gui.widgets.checkin_form import CheckinForm
from careerplanner.services.planner import Checkin

FRENCH = "fr_FR.UTF-8"


@pytest.fixture
def french_desktop():
    saved_c, saved_qt = locale.setlocale(locale.LC_ALL), QLocale()
    try:
        locale.setlocale(locale.LC_ALL, FRENCH)
    except locale.Error:
        pytest.skip(f"the {FRENCH} locale is not installed here (.ci/run builds it)")
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        assert date(2026, 12, 1).strftime("%B") == "décembre"  # the check below can fail
        yield
    finally:
        QLocale.setDefault(saved_qt)
        locale.setlocale(locale.LC_ALL, saved_c)


def test_plan_months_are_named_in_english(french_desktop, kb):
    levels = dict(kb.role("software-engineer").typical_levels)
    plan = build_plan(
        kb, PlanRequest(levels, "software-engineer", "ai-engineer", 10, date(2026, 12, 1))
    )
    model = PlanTreeModel()
    model.set_plan(plan.months, {})
    first = model.index(0, PlanTreeModel.COL_WHAT)
    assert first.data() == "Month 1 · December 2026"
    assert first.data(Qt.ItemDataRole.ToolTipRole).startswith("01 Dec 2026 – 31 Dec 2026: ")


def test_checkins_and_the_check_in_form_name_days_in_english(french_desktop, kb, qtbot):
    model = CheckinTableModel()
    checkin = Checkin(1, 1, date(2026, 12, 1), 2, "", (), datetime.now(UTC))
    model.set_rows([checkin])
    assert model.index(0, CheckinTableModel.COL_DAY).data() == "Tue 1 Dec 2026"
    form = CheckinForm(kb)
    qtbot.addWidget(form)
    form.day.setDate(QDate(2026, 12, 1))
    assert (form.day.text(), form.weekday.text()) == ("1 Dec 2026", "Tue")


def test_saved_postings_and_backups_are_dated_in_english(french_desktop, tmp_path):
    from types import SimpleNamespace

    from careerplanner.core.posting import Verdict
    from careerplanner.gui.models.postings import SavedPostingsModel
    from careerplanner.storage.backups import describe_backup

    saved = SimpleNamespace(
        posting=SimpleNamespace(title="ML Engineer", created=datetime(2026, 12, 2, 12, tzinfo=UTC)),
        report=SimpleNamespace(readiness=0.4, months=14),
        verdict=Verdict.ML,
        closest="Machine Learning Engineer",
        is_target=False,
    )
    model = SavedPostingsModel()
    model.set_rows([saved])
    assert model.index(0, SavedPostingsModel.COL_SAVED).data() == "02 Dec 2026"
    backup = tmp_path / "me.db.daily.2026-12-01.db"
    backup.write_bytes(b"")
    stamp = datetime(2026, 12, 1, 18, 2).timestamp()
    os.utime(backup, (stamp, stamp))
    assert describe_backup(backup).startswith("made 01 Dec 2026 at 18:02")
