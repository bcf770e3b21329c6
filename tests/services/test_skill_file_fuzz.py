"""Fuzzing skills files: whatever bytes a file holds, reading it gives levels 0-4 of known skills
or one short line naming the file, never another exception."""

from __future__ import annotations

import codecs
import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from careerplanner.errors import UsageError
from careerplanner.services.skill_files import read_skill_levels
from tests.core.conftest import make_kb

KB = make_kb()
FOLDER = Path(tempfile.mkdtemp(prefix="careerplanner-skill-fuzz-"))

names = st.sampled_from(
    ["python", "PyTorch", "k8s", "skill", "level", "name", "note", "", " ", "pytorc", "x" * 300]
) | st.text(max_size=12)
levels = st.sampled_from(
    ["0", "3", " 4 ", "5", "-1", "+-3", "²", "٣", "3.0", "2.5", "1e3", "nan", "7" * 5000, ""]
) | st.text(max_size=6)
cells = names | levels | st.sampled_from(['"', '""', '"a,b"', '"open', "a\tb", "\r", "\0"])
csv_rows = st.lists(st.lists(cells, min_size=0, max_size=5), max_size=8)
line_ends = st.sampled_from(["\n", "\r\n", "\r"])
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"])

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats()
    | levels
    | names,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(names, children, max_size=4),
    max_leaves=10,
)


def _check(raw: bytes, suffix: str) -> None:
    path = FOLDER / f"skills{suffix}"
    path.write_bytes(raw)
    try:
        levels_read = read_skill_levels(path, KB)
    except UsageError as error:
        message = str(error)
        assert "\n" not in message and "\r" not in message, message
        assert str(path) in message
        assert len(message) < 600, message
        return
    assert levels_read, "a file read without an error lists at least one skill"
    assert all(0 <= level <= 4 for level in levels_read.values())
    assert set(levels_read) <= {skill.id for skill in KB.skills}


@settings(max_examples=150, deadline=None)
@given(csv_rows, line_ends, encodings, st.sampled_from([".csv", ".txt", ""]))
def test_any_csv_gives_levels_or_one_line(rows, line_end, encoding, suffix):
    text = line_end.join(",".join(row) for row in rows)
    _check(text.encode(encoding, errors="replace"), suffix)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(names, json_values, max_size=3) | json_values,
    st.booleans(),
    st.sampled_from(["utf-8", "utf-16"]),
)
def test_any_json_gives_levels_or_one_line(value, wrapped, encoding):
    document = {"skills": value} if wrapped else value
    _check(json.dumps(document).encode(encoding), ".json")


@settings(max_examples=100, deadline=None)
@given(
    st.binary(max_size=300),
    st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]),
)
def test_any_bytes_give_levels_or_one_line(raw, mark):
    _check(mark + raw, ".csv")
