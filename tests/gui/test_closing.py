"""Closing the window keeps everything: pending edits are saved and a backup holds the session."""

from __future__ import annotations

from careerplanner.storage.backups import describe_backup, latest_good_backup


def test_closing_right_after_typing_a_note_keeps_it(qtbot, window, session):
    page = window.page_by_key["skills"]
    page.select_skill("python")
    page.note.setPlainText("Shipped a FastAPI service")
    window.close()
    assert session.planner.notes(session.profile.id)["python"] == "Shipped a FastAPI service"


def test_closing_right_after_moving_the_hours_keeps_them(qtbot, window, session):
    window.show_page("plan")
    window.page_by_key["plan"].hours_spin.setValue(23)
    window.close()
    assert session.profile.hours_per_week == 23


def test_the_latest_backup_after_closing_holds_the_session(qtbot, window, session, db_path):
    session.create_profile("Second", "student", "data-scientist", 6)
    window.close()
    backup = latest_good_backup(db_path)
    assert backup is not None and ".closing." in backup.name
    assert describe_backup(backup).endswith("with 2 profiles")


def test_a_save_that_fails_is_reported_and_leaves_no_undo_entry(
    qtbot, window, session, ask, monkeypatch
):
    from careerplanner.storage.database import StorageError
    from careerplanner.storage.stores import RatingStore

    def locked(*_args, **_kwargs):
        raise StorageError("Could not save the change: database is locked")

    monkeypatch.setattr(RatingStore, "add", locked)
    window.page_by_key["skills"].select_skill("python")
    window.page_by_key["skills"].rate(4)
    title, text = ask.errors[-1]
    assert title == "“Rate Python 4” was not saved"
    assert "database is locked" in text
    assert not session.undo_stack.canUndo()
    assert not session.planner.history.can_undo
    assert not window.undo_action.isEnabled()
