"""The user's data is theirs alone, whatever the umask: the data folder 0700; the database, its
-wal and -shm and every backup 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from careerplanner import paths
from careerplanner.paths import backups_dir
from careerplanner.storage import backups as backup_module
from careerplanner.storage import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems give: new files readable by everyone unless the app says not."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_data_folder_database_and_backups_are_private(tmp_path, monkeypatch):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "share" / "careerplanner"))
    db_path = paths.default_db_path()
    db = open_database(db_path)
    wal = db_path.with_name(db_path.name + "-wal")
    shm = db_path.with_name(db_path.name + "-shm")
    assert wal.exists() and shm.exists()
    assert {mode(p) for p in (db_path, wal, shm)} == {0o600}
    db.close()
    assert mode(db_path.parent) == 0o700
    assert mode(db_path.parent.parent) == 0o700, "every folder the app made is private"
    assert mode(backups_dir(db_path)) == 0o700
    (backup,) = backup_module.list_backups(db_path)
    assert mode(backup) == 0o600


def test_files_and_the_data_folder_of_an_older_version_are_made_private(tmp_path, monkeypatch):
    folder = tmp_path / "careerplanner"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    db_path = paths.default_db_path()
    open_database(db_path).close()
    for made in (folder, backups_dir(db_path)):
        made.chmod(0o755)
    for made in (db_path, *backup_module.list_backups(db_path)):
        made.chmod(0o644)

    db = open_database(db_path)
    closing = backup_module.closing_backup(db.conn, db_path)
    db.close()

    # The old backups stay as they were, but no one else can reach them in a 0700 folder.
    assert mode(folder) == 0o700 and mode(backups_dir(db_path)) == 0o700
    assert mode(db_path) == 0o600
    assert mode(closing) == 0o600


def test_a_folder_the_user_chose_for_db_is_left_as_it_is(tmp_path):
    tmp_path.chmod(0o755)
    db_path = tmp_path / "mine.db"
    open_database(db_path).close()
    assert mode(tmp_path) == 0o755, "the user's own folder is not the app's to change"
    assert mode(db_path) == 0o600
