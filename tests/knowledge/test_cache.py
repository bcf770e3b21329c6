"""The knowledge base's cache between runs: used only for the very files it was made from."""

from __future__ import annotations

import shutil

import pytest

from careerplanner.knowledge import load_knowledge
from careerplanner.knowledge.cache import cached, fingerprint
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.paths import resources_dir


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(resources_dir() / "knowledge", copy)
    return copy


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("CAREERPLANNER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _build(folder, calls):
    def build():
        calls.append(1)
        return load_knowledge(folder)

    return build


def test_a_second_run_reads_the_checked_copy_instead_of_the_files(folder):
    calls = []
    first = cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    second = cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    assert calls == [1]
    assert second == first


def test_a_changed_data_file_is_read_again(folder):
    calls = []
    before = fingerprint(folder)
    cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    skills = folder / "skills.toml"
    skills.write_text(skills.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert fingerprint(folder) != before
    cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    assert calls == [1, 1]


def test_a_broken_file_is_never_hidden_by_an_old_copy(folder):
    from careerplanner.knowledge.errors import KnowledgeError

    cached(folder, "knowledge", lambda: load_knowledge(folder), KnowledgeBase)
    (folder / "roles.toml").write_text("this is [not toml", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"roles\.toml"):
        cached(folder, "knowledge", lambda: load_knowledge(folder), KnowledgeBase)


def test_a_damaged_copy_is_replaced(folder, own_cache):
    calls = []
    cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    (copy,) = (own_cache / "knowledge").glob("knowledge-*.pickle")
    copy.write_bytes(b"not a pickle")
    again = cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    assert calls == [1, 1] and isinstance(again, KnowledgeBase)
    assert copy.read_bytes() != b"not a pickle"


def test_a_cache_folder_that_cannot_be_written_only_costs_time(folder, own_cache):
    own_cache.write_text("a file where the folder should be")
    calls = []
    kb = cached(folder, "knowledge", _build(folder, calls), KnowledgeBase)
    assert isinstance(kb, KnowledgeBase) and calls == [1]
