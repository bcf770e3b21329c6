"""The one reader of text files a user gives, and the one writer of files they ask for."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from careerplanner import files
from careerplanner.errors import UsageError
from careerplanner.files import parse_json, read_text_file, write_whole

TEXT = "skill,level\nPython,3\nSQL — with a dash,2\n"


# -- reading ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (TEXT.encode("utf-8-sig"), "UTF-8 with a byte-order mark"),
        (TEXT.encode("utf-16"), "UTF-16 with its mark (what Windows calls Unicode)"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16, big-endian"),
        (TEXT.encode("utf-32"), "UTF-32 with its mark"),
        (TEXT.replace("\n", "\r\n").encode(), "Windows line ends"),
        (TEXT.replace("\n", "\r").encode(), "old Mac line ends (CR alone)"),
    ],
)
def test_text_is_read_whatever_its_encoding_and_line_ends(tmp_path, raw, why):
    path = tmp_path / "in.csv"
    path.write_bytes(raw)
    assert read_text_file(path, "skills file", 1000) == TEXT, why


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("skill,level\ncafé,2\n".encode("latin-1"), "is not UTF-8 text (its byte 16 cannot be"),
        ("Résumé écrit,2\n".encode("latin-1") * 20, "is not UTF-8 text (its byte 2 cannot"),
        (TEXT.encode("utf-16-le"), "is UTF-16 text without a byte-order mark; save it as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)), "is not a text file (it looks"),
        (b"\xff\xfe" + "no NUL here\0but here".encode("utf-16-le"), "is not a text file"),
    ],
)
def test_what_is_not_text_is_one_line_saying_what_to_do(tmp_path, raw, message):
    path = tmp_path / "in.csv"
    path.write_bytes(raw)
    with pytest.raises(UsageError) as raised:
        read_text_file(path, "skills file", 10_000)
    assert str(raised.value).startswith(f"{path} ")
    assert message in str(raised.value) and "\n" not in str(raised.value)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)  # sparse: nothing is really written or read
    with pytest.raises(UsageError, match=r"skills file .*big\.csv is larger than 10 MB"):
        read_text_file(path, "skills file", 10 * 1024 * 1024)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: None, "skills file not found: {path}"),
        (lambda p: p.mkdir(), "skills file {path} is a folder; give a file"),
        (lambda p: os.mkfifo(p), "skills file {path} is not a regular file; give a file"),
    ],
)
def test_no_file_a_folder_or_a_pipe_is_one_line(tmp_path, make, message):
    if make.__code__.co_names == ("mkfifo",) and not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    path = tmp_path / "in.csv"
    make(path)
    with pytest.raises(UsageError) as raised:
        read_text_file(path, "skills file", 1000)
    assert str(raised.value) == message.format(path=path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"a": 1, "b": 2, "a": 3}', "in.json: the key 'a' appears twice in one object; keep one"),
        ("[" * 100_000 + "]" * 100_000, "in.json nests lists or objects 100,000 deep"),
        ('{"n": ' + "7" * 5000 + "}", "in.json has a number too long to be read"),
        ('{"n": NaN}', "in.json is not valid JSON (NaN is not a number)"),
        ('{"n": 1,}', "in.json is not valid JSON (line 1, column 9: Expecting property name"),
    ],
)
def test_json_that_is_not_what_a_person_meant_is_one_line(text, message):
    with pytest.raises(UsageError) as raised:
        parse_json(text, "in.json")
    assert str(raised.value).startswith(message)


def test_brackets_inside_strings_do_not_count_as_nesting():
    text = '{"note": "' + "[{" * 500 + '", "a": [[1]]}'
    assert files.json_depth(text) == 3
    assert parse_json(text, "in.json")["a"] == [[1]]


# -- writing ---------------------------------------------------------------------------------


def test_a_file_is_written_whole_private_and_durable_before_it_takes_the_name(
    tmp_path, monkeypatch
):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(handle):
        events.append("fsync")
        real_fsync(handle)

    def replace(source, target):
        events.append("rename")
        real_replace(source, target)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    previous = os.umask(0o022)
    try:
        write_whole(tmp_path / "plan.md", "# My plan\r\n")
    finally:
        os.umask(previous)
    assert (tmp_path / "plan.md").read_bytes() == b"# My plan\r\n"
    assert events[:2] == ["fsync", "rename"], "the data is on disk before the name points at it"
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "plan.md").stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_two_writers_of_one_file_never_share_a_temporary_file(tmp_path, monkeypatch):
    names = []
    real_mkstemp = files.tempfile.mkstemp

    def spy(*args, **kwargs):
        handle, name = real_mkstemp(*args, **kwargs)
        names.append(name)
        return handle, name

    monkeypatch.setattr(files.tempfile, "mkstemp", spy)
    writers = [
        threading.Thread(target=write_whole, args=(tmp_path / "out.json", f"{n}\n" * 50_000))
        for n in range(4)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert len(set(names)) == 4
    assert (tmp_path / "out.json").read_text() in {f"{n}\n" * 50_000 for n in range(4)}
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize("name", ["", ".", "folder"])
def test_no_file_name_or_a_folder_is_one_clear_line(tmp_path, monkeypatch, name):
    (tmp_path / "folder").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as raised:
        write_whole(name, "text")
    assert "give the name of a file" in str(raised.value)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("the old export")

    def full_disk(handle):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(UsageError, match=r"Cannot write .*out\.json: No space left on device"):
        write_whole(target, "the new export")
    assert target.read_text() == "the old export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
