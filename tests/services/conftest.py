"""Fixtures: see tests/storage_fixtures.py."""

from tests.storage_fixtures import db_path, fresh_db, kb  # noqa: F401
