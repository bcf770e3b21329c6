"""Make the README screenshots: a demo profile in a throwaway database, each page at 1280x800.

Run under a real X server for faithful fonts:  xvfb-run -a -s "-screen 0 1280x800x24"
.venv/bin/python tools/screenshots.py docs/screenshots

``--size 1024x640`` takes them at another window size instead (to check a small screen),
``--dark`` with a dark Fusion palette, and
``--pages gap,compare`` only some of them (``welcome`` is the first-run dialog; ``gap`` also
takes ``gap-quiz.png``, the Gap page on its fit quiz; ``cohort`` is the cohort window over a
bootcamp class's files). ``--review`` also takes what the README does not show, to look at
every screen: ``new-profile`` (File > New Profile), ``gap-areas`` (the Gap page on its
skill-area chart), ``settings`` (the Profile Settings dialog) and ``student`` (one student's
progress, opened from the cohort window); ``--pages`` can name those too.
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
from PySide6.QtGui import QColor, QPalette

from careerplanner.gui.app import create_application, open_planner_or_say_why
from careerplanner.gui.ask import Ask
from careerplanner.gui.main_window import PAGES, MainWindow
from careerplanner.gui.profile_settings import ProfileSettingsDialog
from careerplanner.gui.session import Session
from careerplanner.gui.theme import use_style
from careerplanner.gui.welcome import WelcomeDialog
from careerplanner.services.planner import Planner
from careerplanner.storage.database import open_database

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
#: Me's fit quiz answers: mostly the AI side, with a liking for systems.
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

#: The posting the Job Posting page shows, and two saved ones to compare it with.
DEMO_POSTING = """Senior AI Engineer, Support Copilot

We are putting an assistant inside our help desk, and you will own it end to end.

What you will do
- Build retrieval-augmented generation (RAG) over our help-centre articles: chunking,
  embeddings, hybrid search and reranking.
- Design LLM agents that call our internal APIs through function calling, with LangGraph.
- Write system prompts and structured output schemas, and keep them versioned.
- Run evals in Braintrust on every change: LLM-as-judge scoring and golden datasets.
- Keep token cost and latency in check, and trace requests in Langfuse.

What you bring
- Production Python and TypeScript, and a REST API you have shipped with FastAPI.
- The OpenAI API or the Anthropic SDK, and a vector database such as pgvector or Pinecone.
- Docker, and enough AWS to deploy what you build.
"""
DEMO_SAVED = (
    (
        "ML Engineer, Fraud",
        "Machine Learning Engineer, Fraud\n\nTrain XGBoost and PyTorch models on transaction "
        "data with PySpark and SQL; track them in MLflow, serve them with Triton and watch for "
        "data drift with Evidently. Strong statistics, Python, Docker and Kubernetes.\n",
    ),
    (
        "MLOps Engineer, LLM Platform",
        "MLOps Engineer (LLM Platform)\n\nModel serving with vLLM and KServe on Kubernetes, "
        "training pipelines and automated retraining, MLflow, model monitoring and drift "
        "detection, canary deployment and rollback; LLM evals with golden datasets and "
        "LLM-as-judge, LLM observability with Langfuse, fine-tuning with LoRA, and an LLM "
        "gateway for the OpenAI API. Python, Terraform and CI/CD.\n",
    ),
)
#: The Progress page's student: a bootcamp at 15 h a week, five weeks in, falling behind.
STUDENT_DAYS = 35
#: (days ago, hours, note, skills): a prep evening before the plan, then fewer hours each week.
STUDENT_CHECKINS = (
    (38, 4.0, "Bootcamp prep: Python exercises", ("python",)),
    (34, 5.0, "Week 1: NumPy and pandas labs", ("python",)),
    (31, 4.5, "Week 1: statistics refresher", ("probability-statistics",)),
    (27, 4.0, "Week 2: linear regression from scratch", ("classical-ml",)),
    (24, 3.5, "Week 2: scikit-learn pipelines", ("classical-ml",)),
    (20, 3.5, "Week 3: model evaluation metrics", ("model-evaluation",)),
    (13, 3.0, "Week 4: decision trees lab", ("classical-ml",)),
    (10, 2.5, "Week 4: SQL joins", ("sql",)),
    (4, 2.0, "Week 5: PyTorch tensors", ("pytorch",)),
    (1, 2.0, "Week 5: first training loop", ("pytorch",)),
)
#: (days ago, skill, level) ratings the student raised as the weeks went.
STUDENT_RATINGS = ((26, "python", 2), (12, "classical-ml", 1))


#: Shots the README does not show, taken with ``--review`` to look at every screen.
REVIEW_ONLY = ("new-profile", "gap-areas", "settings", "student")


def _moment(days_ago: int) -> tuple[str, str]:
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(days=days_ago)
    return at.isoformat(), at.date().isoformat()


def _dated(profile: dict, days: int, checkins, ratings) -> None:
    """Move a freshly made export profile back ``days`` days and give it a history."""
    created, _day = _moment(days)
    profile["created"] = created
    profile["start_month"] = created[:7]
    for rating in profile["ratings"]:
        rating["at"], rating["day"] = _moment(days)
    for plan in profile["plans"]:
        plan["created"] = created
    for days_ago, skill, level in ratings:
        at, day = _moment(days_ago)
        profile["ratings"].append(
            {"skill": skill, "level": level, "note": None, "at": at, "day": day}
        )
    profile["checkins"] = [
        {
            "day": _moment(days_ago)[1],
            "hours": hours,
            "note": note,
            "skills": list(skills),
            "created": _moment(days_ago)[0],
        }
        for days_ago, hours, note, skills in checkins
    ]


def demo_document(kb) -> dict:
    """An export with two profiles with a history: made through the same Planner as the app,
    then dated back, so the Progress page has weeks to show. "Me" is shown on every page but
    Progress, which shows "Student"."""
    scratch = Planner(open_database(None), kb)
    scratch.create_profile("Me", "software-engineer", "ai-engineer", 10)
    scratch.create_profile("Student", "student", "ml-engineer", 15)
    # Two items of the student's first month ticked, a week apart.
    first_items = scratch.snapshot().plan.months[0].items[:2]
    for item in first_items:
        scratch.mark_item(item.id, "done")
    document = scratch.export_document()
    me, student = document["profiles"]
    _dated(me, DEMO_DAYS, DEMO_CHECKINS, DEMO_RATINGS)
    _dated(student, STUDENT_DAYS, STUDENT_CHECKINS, STUDENT_RATINGS)
    for mark, days_ago in zip(student["marks"], (23, 16), strict=True):
        mark["at"] = _moment(days_ago)[0]
    # Two check-ins say which plan items they worked on.
    for checkin, item in zip(student["checkins"][1:3], first_items, strict=True):
        checkin["items"] = [item.id]
    document["active_profile"] = "Me"
    return document


#: The cohort window's class: (name, background, target, hours a week, weeks since the plan
#: began, hours logged on each of three evenings a week, days since the last of them, ratings
#: as (days ago, skill, level)).
CLASS = (
    ("Priya", "student", "ml-engineer", 15, 6, 5.0, 1, ((20, "python", 2), (6, "sql", 3))),
    ("Marcus", "student", "ml-engineer", 15, 6, 1.5, 9, ()),
    ("Lena", "software-engineer", "ai-engineer", 10, 6, 5.5, 0, ((25, "llm-apis", 2),)),
    ("Tomás", "data-scientist", "ml-engineer", 12, 5, 0.0, 0, ()),
    ("Aisha", "software-engineer", "ai-engineer", 12, 6, 3.5, 2, ((15, "rag", 2),)),
    ("Jon", "student", "ai-engineer", 8, 4, 2.0, 4, ((10, "llm-apis", 1),)),
    ("Mei", "data-scientist", "ml-engineer", 20, 6, 4.0, 1, ((12, "pytorch", 2), (5, "docker", 2))),
    ("Ravi", "student", "ml-engineer", 15, 3, 5.0, 3, ((4, "python", 2),)),
)


def class_folder(kb, folder: Path) -> Path:
    """A bootcamp class's files as each student's ``export --for-instructor`` writes them, and
    one that was cut short on its way (so the window shows a file it could not read)."""
    folder.mkdir(parents=True, exist_ok=True)
    scratch = Planner(open_database(None), kb)
    for name, background, target, hours, weeks, evening, quiet, ratings in CLASS:
        scratch.create_profile(name, background, target, hours)
        profile = scratch.active_profile()
        document = json.loads(scratch.export_for_instructor(profile.id))
        days = weeks * 7
        evenings = tuple(
            (days_ago, evening, "", ())
            for days_ago in range(days - 1, quiet - 1, -1)
            if evening and (days_ago - quiet) % 7 in (0, 2, 4)
        )
        _dated(document["profiles"][0], days, evenings, ratings)
        (folder / f"{name.lower()}.json").write_text(json.dumps(document), "utf-8")
    (folder / "kofi.json").write_text('{"format": "careerplanner-export", "version": 1, "pro')
    return folder


def dark_palette() -> QPalette:
    """A dark Fusion palette that sets only the main colour roles, as many desktop themes do."""
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.AlternateBase, "#262626"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#353535"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
        (QPalette.ColorRole.Highlight, "#3d6fb4"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
        (QPalette.ColorRole.ToolTipBase, "#353535"),
        (QPalette.ColorRole.ToolTipText, "#e6e6e6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def main(
    out: Path,
    size: tuple[int, int] = (1280, 800),
    only: list[str] | None = None,
    dark: bool = False,
    review: bool = False,
) -> int:
    only = only or ["welcome", *(key for key, _title, _blurb in PAGES), "cohort"]
    if review:
        only = [*only, *REVIEW_ONLY]
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    if dark:
        use_style(app, "Fusion")
        app.setPalette(dark_palette())
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    planner = open_planner_or_say_why(db_path, Ask())
    if planner is None:
        return 1
    session = Session(planner)

    if "welcome" in only:
        _grab(app, WelcomeDialog(session.kb), out / "welcome.png")

    raw = json.dumps(demo_document(session.kb)).encode()
    planner.import_bytes(raw, "demo")
    session.use_profile("Me")
    planner.answer_fit(dict(DEMO_FIT))
    for title, text in DEMO_SAVED:
        planner.save_posting(text, title)
    session.reload()
    window = MainWindow(session, db_path)
    window.resize(*size)
    window.show()
    window.page_by_key["skills"].select_skill("rag")
    compare = window.page_by_key["compare"]
    for combo, role in zip(compare.combos, DEMO_COMPARE, strict=True):
        combo.setCurrentIndex(combo.findData(role))
    posting = window.page_by_key["posting"]
    posting.set_text(DEMO_POSTING)
    posting.save_posting()

    # (file name, page, what to do on it first)
    shots = [(key, key, None) for key, _title, _blurb in PAGES if key in only]
    gap = window.page_by_key["gap"]
    if "gap" in only:
        shots.append(("gap-quiz", "gap", gap.show_quiz))
    if "gap-areas" in only:
        shots.append(("gap-areas", "gap", lambda: gap.tabs.setCurrentIndex(gap.TAB_AREAS)))
    dialogs = {
        "new-profile": lambda: WelcomeDialog(session.kb, window, first_run=False),
        "settings": lambda: ProfileSettingsDialog(session.kb, session.profile, parent=window),
    }
    for name, make in dialogs.items():
        if name in only:
            _grab(app, make(), out / f"{name}.png")

    def shoot(index: int = 0) -> None:
        if index == len(shots):
            if "cohort" not in only:
                app.quit()
                return
            folder = class_folder(session.kb, Path(tempfile.mkdtemp()) / "class")
            cohort = window.show_cohort([folder])
            cohort.resize(*size)

            def grab_cohort() -> None:
                cohort.grab().save(str(out / "cohort.png"))
                if "student" in only:
                    _grab(app, cohort.open_student(0), out / "student.png")
                app.quit()

            QTimer.singleShot(900, grab_cohort)
            return
        name, page, prepare = shots[index]
        # The Progress page shows the student five weeks in, behind; the others show "Me".
        wanted = "Student" if page == "progress" else "Me"
        if session.profile.name != wanted:
            session.use_profile(wanted)
        window.show_page(page)
        if prepare is not None:
            prepare()
        QTimer.singleShot(600, lambda: _save(index, name))

    def _save(index: int, name: str) -> None:
        window.grab().save(str(out / f"{name}.png"))
        shoot(index + 1)

    QTimer.singleShot(300, shoot)
    return app.exec()


def _grab(app, dialog, path: Path) -> None:
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(path))
    dialog.close()


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/screenshots", type=Path)
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--pages", default="", help="comma-separated: welcome, page keys, cohort")
    parser.add_argument("--dark", action="store_true", help="a dark Fusion palette")
    parser.add_argument("--review", action="store_true", help="also: " + ", ".join(REVIEW_ONLY))
    return parser.parse_args()


if __name__ == "__main__":
    args = _arguments()
    width, height = (int(n) for n in args.size.lower().split("x"))
    pages = [p for p in args.pages.split(",") if p]
    sys.exit(main(args.out, (width, height), pages, args.dark, args.review))
