"""The source distribution builds everything the repository does: it carries every tracked
file that `make test`, `make bench` and `make package` read, and the project's metadata."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from email.parser import Parser

import pytest

from tests.packaging.conftest import ROOT

NEEDED = ("src", "resources", "tests", "benchmarks", "tools", "packaging", "docs")


@pytest.fixture(scope="module")
def sdist(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sdist")
    build = "import sys, hatchling.build as b; b.build_sdist(sys.argv[1])"
    subprocess.run([sys.executable, "-c", build, str(folder)], cwd=ROOT, check=True)
    (archive,) = folder.glob("careerplanner-*.tar.gz")
    with tarfile.open(archive) as tar:
        top = f"{archive.name.removesuffix('.tar.gz')}/"
        names = {m.name.removeprefix(top) for m in tar.getmembers() if m.isfile()}
        pkg_info = tar.extractfile(top + "PKG-INFO").read().decode()
    return names, Parser().parsestr(pkg_info)


def _tracked(*folders: str) -> set[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--", *folders], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(listed.split())


@pytest.mark.slow
def test_sdist_carries_every_tracked_file_the_make_targets_need(sdist):
    names, _ = sdist
    tracked = _tracked(*NEEDED) | {"Makefile", "pyproject.toml", "LICENSE", "README.md"}
    assert tracked - names == set()
    assert {"packaging/careerplanner.spec", "docs/screenshots/gap.png"} <= names


@pytest.mark.slow
def test_sdist_leaves_out_what_a_build_makes(sdist):
    names, _ = sdist
    made = [n for n in names if n.startswith((".venv/", "build/", "dist/")) or "__pycache__" in n]
    assert made == []


@pytest.mark.slow
def test_sdist_metadata_names_the_license_the_project_urls_and_classifiers(sdist):
    _, metadata = sdist
    assert metadata["License"] == "MIT"
    classifiers = metadata.get_all("Classifier")
    assert "License :: OSI Approved :: MIT License" in classifiers
    assert "Intended Audience :: End Users/Desktop" in classifiers
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL"))
    assert urls["Source"].startswith("https://") and urls["Issues"].startswith("https://")
