from __future__ import annotations

from pathlib import Path

from careerplanner import paths


def test_database_lives_in_the_data_folder_by_default(monkeypatch, tmp_path):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "data"))
    assert paths.resolve_db_path(None) == tmp_path / "data" / "careerplanner.db"


def test_default_data_folder_is_the_platform_user_data_folder(monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    folder = paths.data_dir()
    assert folder.name == "careerplanner"
    assert not str(folder).startswith(str(Path.cwd()))


def test_db_option_overrides_the_default(tmp_path):
    chosen = tmp_path / "elsewhere" / "mine.db"
    assert paths.resolve_db_path(str(chosen)) == chosen


def test_relative_db_option_is_made_absolute(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert paths.resolve_db_path("mine.db") == tmp_path / "mine.db"


def test_resources_are_found_from_a_source_checkout():
    assert (paths.resources_dir() / "knowledge").is_dir()


def test_backups_sit_beside_the_database(tmp_path):
    assert paths.backups_dir(tmp_path / "a.db") == tmp_path / "backups"
