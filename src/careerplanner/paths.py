"""Where Career Planner keeps things: the user's database, its backups, and the shipped resources.

Nothing is ever written into the source tree or the current directory: the database lives in
the platform's user data folder unless ``--db PATH`` says otherwise.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from careerplanner.errors import UsageError

APP_NAME = "careerplanner"
DB_FILENAME = "careerplanner.db"

#: Set this to a folder to move the whole data folder (used by tests and portable installs).
DATA_DIR_ENV = "CAREERPLANNER_DATA_DIR"
#: The same for the cache folder.
CACHE_DIR_ENV = "CAREERPLANNER_CACHE_DIR"


def data_dir() -> Path:
    """The folder that holds the user's database and backups (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def cache_dir() -> Path:
    """Where the app keeps what it can make again (a ready copy of the knowledge base,
    matplotlib's font list); not created here."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    """The database file to use: ``--db PATH`` when given, else the default in the data folder.
    ``UsageError`` when ``--db`` names a folder (SQLite would only say "disk I/O error")."""
    if db is None or str(db) == "":
        return default_db_path()
    path = Path(db).expanduser().resolve()
    if path.is_dir():
        raise UsageError(f"--db must name a file, but {db} is a folder")
    return path


def backups_dir(db_path: Path) -> Path:
    """Automatic backups sit beside the database they protect, in ``backups/``."""
    return db_path.parent / "backups"


def resources_dir() -> Path:
    """The shipped ``resources/`` folder, wherever the app runs from.

    Three layouts are supported: a PyInstaller bundle (``sys._MEIPASS``), an installed wheel
    (``careerplanner/resources`` inside the package), and a source checkout or editable
    install (``resources/`` at the top of the repository).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    candidates = []
    if bundle:
        candidates.append(Path(bundle) / "careerplanner" / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir / "resources")
    candidates.append(package_dir.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / "knowledge").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Career Planner's resources folder is missing (looked in {searched})")
