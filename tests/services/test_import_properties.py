"""Property tests for imports: random and mutated documents either import or raise the one clear
error, and a failed import never changes the database."""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerplanner.errors import CareerPlannerError
from careerplanner.services.planner import Planner
from careerplanner.storage import open_database
from tests.services.test_transfer import fill
from tests.storage_fixtures import dump, small_knowledge_base

KB = small_knowledge_base()

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["python", "ml-engineer", "2026-01-01", "2026-01", "done", "me now"]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _valid_document() -> dict[str, Any]:
    db = open_database(None)
    ws = Planner(db, KB)
    fill(ws, db)
    document = ws.export_document()
    ws.close()
    return document


VALID = _valid_document()


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PATHS = _paths(VALID)[1:]


def _import_leaves_db_unchanged_unless_it_succeeds(raw: bytes) -> None:
    db = open_database(None)
    ws = Planner(db, KB)
    ws.create_profile("already here", "student", "ml-engineer", 3)
    before = dump(db)
    try:
        summary = ws.import_bytes(raw, "in.json")
    except CareerPlannerError as error:
        assert "\n" not in str(error) and str(error).startswith("in.json")
        assert dump(db) == before
        assert not db.conn.in_transaction
    else:
        _assert_round_trip(ws, summary.profiles)
    finally:
        db.close()


def _assert_round_trip(ws: Planner, names: list[str]) -> None:
    """What was imported exports as a document that imports and exports to the same again."""
    exported = ws.export_document()
    imported = [p for p in exported["profiles"] if p["name"] in names]
    assert [p["name"] for p in imported] == names
    once = {**exported, "active_profile": None, "profiles": imported}
    again = Planner(open_database(None), KB)
    again.import_bytes(json.dumps(once).encode(), "once.json")
    twice = again.export_document()
    again.close()
    assert twice["profiles"] == imported


def test_the_valid_document_round_trips():
    _import_leaves_db_unchanged_unless_it_succeeds(json.dumps(VALID).encode())


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_a_random_json_value_imports_or_fails_cleanly(value):
    _import_leaves_db_unchanged_unless_it_succeeds(json.dumps(value).encode())


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_import_or_fail_cleanly(raw):
    _import_leaves_db_unchanged_unless_it_succeeds(raw)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(PATHS), st.sampled_from(["replace", "delete", "add"]), json_values
        ),
        min_size=1,
        max_size=3,
    )
)
def test_a_mutated_export_imports_or_fails_cleanly(mutations):
    document = copy.deepcopy(VALID)
    for path, action, value in mutations:
        _mutate(document, path, action, value)
    _import_leaves_db_unchanged_unless_it_succeeds(json.dumps(document).encode())


def _mutate(document: Any, path: tuple, action: str, value: Any) -> None:
    parent = document
    for key in path[:-1]:
        try:
            parent = parent[key]
        except (KeyError, IndexError, TypeError):
            return  # an earlier mutation removed this place
    key = path[-1]
    if isinstance(parent, dict):
        if action == "delete":
            parent.pop(key, None)
        elif action == "add":
            parent[f"{key}_extra"] = value
        else:
            parent[key] = value
    elif isinstance(parent, list) and isinstance(key, int) and key < len(parent):
        if action == "delete":
            del parent[key]
        elif action == "add":
            parent.insert(key, value)
        else:
            parent[key] = value
