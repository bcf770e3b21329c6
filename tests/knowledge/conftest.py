"""Fixtures for knowledge tests: a writable copy of the shipped data files to break on purpose."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Protocol

import pytest

from careerplanner.paths import resources_dir


class Edit(Protocol):
    def __call__(self, file: str, old: str, new: str, *, within: str | None = None) -> Path: ...


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of resources/knowledge that a test may edit."""
    folder = tmp_path / "knowledge"
    shutil.copytree(resources_dir() / "knowledge", folder)
    return folder


@pytest.fixture
def edit(data_copy: Path) -> Edit:
    """edit(file, old, new, within=ID): replace the one ``old`` in a copied data file.

    With ``within``, only the entry whose ``id = "ID"`` it is (up to the next ``[[``) is searched,
    so a test names the entry it breaks and stays valid when other entries change.
    """

    def replace(file: str, old: str, new: str, *, within: str | None = None) -> Path:
        path = data_copy / file
        text = path.read_text(encoding="utf-8")
        start, end = 0, len(text)
        if within is not None:
            start = text.index(f'id = "{within}"\n')
            following = re.compile(r"^\[\[", re.MULTILINE).search(text, start)
            end = following.start() if following else len(text)
        block = text[start:end]
        assert block.count(old) == 1, f"{old!r} must occur exactly once in {file} ({within})"
        path.write_text(text[:start] + block.replace(old, new) + text[end:], encoding="utf-8")
        return data_copy

    return replace
