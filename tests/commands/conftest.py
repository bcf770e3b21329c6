"""Fixtures: see tests/storage_fixtures.py; ``cli`` runs a command against a temporary file."""

import pytest

from careerplanner.cli import main
from tests.storage_fixtures import db_path, fresh_db, kb  # noqa: F401


@pytest.fixture
def cli(db_path, capsys):  # noqa: F811 (db_path is the fixture imported above)
    """cli(*args) -> (exit code, stdout, stderr), with --db pointing at a temporary file."""

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args, "--db", str(db_path)])
        out, err = capsys.readouterr()
        return code, out, err

    return run
