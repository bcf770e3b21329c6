"""Make the README screenshots: a demo profile in a throwaway database, each page at 1280x800.

Run under a real X server for faithful fonts:  xvfb-run -a -s "-screen 0 1280x800x24"
.venv/bin/python tools/screenshots.py docs/screenshots

``--size 1024x640`` takes them at another window size instead (to check a small screen), and
``--pages gap,compare`` only some of them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("CAREERPLANNER_DATA_DIR", tempfile.mkdtemp())
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never reuse the developer's window state

from PySide6.QtCore import QTimer

from careerplanner.gui.app import create_application
from careerplanner.gui.main_window import PAGES, MainWindow
from careerplanner.gui.session import Session
from careerplanner.gui.welcome import WelcomeDialog
from careerplanner.knowledge import default_knowledge
from careerplanner.services.opening import open_planner

#: The demo student started this many days ago and rated skills up as they went.
DEMO_DAYS = 42
#: (days ago, skill, level): the levels after the background's typical ones.
DEMO_RATINGS = (
    (30, "llm-apis", 2),
    (24, "prompt-engineering", 2),
    (9, "rag", 1),
)
#: (days ago, hours, note, skills): six weeks of a student's evenings, with a slow patch.
DEMO_CHECKINS = (
    (41, 3.0, "Python refresher: typing and dataclasses", ("python",)),
    (39, 4.0, "OpenAI and Anthropic API quick-starts", ("llm-apis",)),
    (36, 3.5, "Function calling and JSON output", ("llm-apis",)),
    (33, 4.0, "Prompt patterns course, week 1", ("prompt-engineering",)),
    (31, 3.0, "Structured output exercises", ("llm-apis", "prompt-engineering")),
    (27, 4.5, "Prompt patterns course, week 2", ("prompt-engineering",)),
    (19, 2.0, "Read about embeddings", ("rag",)),
    (12, 3.5, "Built a small RAG demo over my notes", ("rag", "python")),
    (10, 2.0, "Chunking experiments", ("rag",)),
    (5, 3.0, "Dockerised the RAG demo", ("docker", "rag")),
    (2, 2.5, "Evaluation notebook for the demo", ("rag", "python")),
)
#: The demo's fit quiz answers: mostly the AI side, with a liking for systems.
DEMO_FIT = {
    "sharpest-signal": "llm-failure",
    "what-to-own": "llm-features",
    "uncertainty-or-maths": "try-and-evaluate",
    "build-on-or-train": "build-on",
    "deliverable": "llm-feature",
    "stack": "both-stacks",
    "background": "software-llm",
    "good-morning": "stale-answer",
    "strength": "ship-software",
    "systems-or-models": "systems",
    "first-problem": "agent-on-model",
}
#: The roles the Compare page shows in its screenshot.
DEMO_COMPARE = ("ai-engineer", "ml-engineer", "ai-application-engineer")


def demo_document(kb) -> dict:
    """An export of the demo profile with a history: made through the same services as the
    app, then dated back, so the Progress page has weeks to show."""
    scratch = open_planner(None, kb)
    scratch.create_profile("Me", "software-engineer", "ai-engineer", 10)
    document = scratch.export_document()
    scratch.close()
    profile = document["profiles"][0]
    now = datetime.now(UTC).replace(microsecond=0)

    def moment(days_ago: int) -> tuple[str, str]:
        at = now - timedelta(days=days_ago)
        return at.isoformat(), at.date().isoformat()

    created, _day = moment(DEMO_DAYS)
    profile["created"] = created
    profile["start_month"] = created[:7]
    for rating in profile["ratings"]:
        rating["at"], rating["day"] = moment(DEMO_DAYS)
    for days_ago, skill, level in DEMO_RATINGS:
        at, day = moment(days_ago)
        profile["ratings"].append(
            {"skill": skill, "level": level, "note": None, "at": at, "day": day}
        )
    profile["checkins"] = [
        {
            "day": moment(days_ago)[1],
            "hours": hours,
            "note": note,
            "skills": list(skills),
            "created": moment(days_ago)[0],
        }
        for days_ago, hours, note, skills in DEMO_CHECKINS
    ]
    return document


def main(out: Path, size: tuple[int, int], only: list[str]) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    kb = default_knowledge()
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    planner = open_planner(db_path, kb)
    session = Session(planner)

    if "welcome" in only:
        welcome = WelcomeDialog(session.kb)
        welcome.show()
        app.processEvents()
        welcome.grab().save(str(out / "welcome.png"))
        welcome.close()

    planner.import_bytes(json.dumps(demo_document(session.kb)).encode(), "demo")
    session.use_profile("Me")
    planner.answer_fit(dict(DEMO_FIT))
    session.reload()
    window = MainWindow(session, db_path)
    window.resize(*size)
    window.show()
    window.page_by_key["skills"].select_skill("rag")
    compare = window.page_by_key["compare"]
    for combo, role in zip(compare.combos, DEMO_COMPARE, strict=True):
        combo.setCurrentIndex(combo.findData(role))

    # (file name, page, what to do on it first)
    shots = [(key, key, None) for key, _title, _blurb in PAGES if key in only]
    if "gap" in only:
        shots.append(("gap-quiz", "gap", window.page_by_key["gap"].show_quiz))

    def shoot(index: int = 0) -> None:
        if index == len(shots):
            app.quit()
            return
        _name, page, prepare = shots[index]
        window.show_page(page)
        if prepare is not None:
            prepare()
        QTimer.singleShot(500, lambda: _save(index))

    def _save(index: int) -> None:
        window.grab().save(str(out / f"{shots[index][0]}.png"))
        shoot(index + 1)

    QTimer.singleShot(300, shoot)
    return app.exec()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--pages",
        default=",".join(["welcome", *(key for key, _title, _blurb in PAGES)]),
        help="comma-separated: welcome and page keys",
    )
    return parser.parse_args()


if __name__ == "__main__":
    args = _arguments()
    width, height = (int(n) for n in args.size.lower().split("x"))
    sys.exit(main(args.out, (width, height), args.pages.split(",")))
