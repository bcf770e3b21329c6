"""The AppStream metainfo file that software centres read: valid, and consistent with the
desktop entry, the screenshots in docs/, the version and the licence."""

from __future__ import annotations

import re
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from datetime import date

import careerplanner
from tests.packaging.conftest import APP_ID, DESKTOP_ENTRY, METAINFO, ROOT, require_tools


def _component() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_metainfo_passes_appstreamcli_validate():
    require_tools("appstreamcli", package="appstream")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    issues = [line for line in result.stdout.splitlines() if re.match(r"[EWI]: ", line)]
    assert issues == []


def test_metainfo_launches_the_desktop_entry_of_the_same_id():
    component = _component()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID == DESKTOP_ENTRY.stem
    launchable = component.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_ENTRY.name


def test_metainfo_screenshots_are_the_ones_in_docs():
    screenshots = _component().find("screenshots").findall("screenshot")
    assert [shot.get("type") for shot in screenshots].count("default") == 1
    for shot in screenshots:
        url = shot.findtext("image")
        assert "/docs/screenshots/" in url
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[1]).is_file(), url
        assert shot.findtext("caption")


def test_metainfo_lists_this_version_as_the_latest_release():
    releases = _component().find("releases").findall("release")
    assert releases[0].get("version") == careerplanner.__version__
    days = [date.fromisoformat(release.get("date")) for release in releases]
    assert days == sorted(days, reverse=True)


def test_metainfo_has_a_summary_a_description_and_a_content_rating():
    component = _component()
    assert component.findtext("name") == "Career Planner"
    assert 0 < len(component.findtext("summary")) <= 80
    assert len(component.find("description").findall("p")) >= 1
    assert component.find("content_rating").get("type") == "oars-1.1"


def test_metainfo_license_is_the_project_license():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert _component().findtext("project_license") == pyproject["project"]["license"]["text"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
