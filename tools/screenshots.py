"""Make the README screenshots: a demo profile in a throwaway database, each page at 1280x800.

Run under a real X server for faithful fonts:  xvfb-run -a -s "-screen 0 1280x800x24"
.venv/bin/python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("CAREERPLANNER_DATA_DIR", tempfile.mkdtemp())
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # never reuse the developer's window state

from PySide6.QtCore import QTimer

from careerplanner.gui.app import create_application, open_workspace
from careerplanner.gui.ask import Ask
from careerplanner.gui.main_window import PAGES, MainWindow
from careerplanner.gui.session import Session
from careerplanner.gui.welcome import WelcomeDialog
from careerplanner.services.edits import RateSkill

DEMO_RATINGS = {"python": 3, "llm-apis": 2, "prompt-engineering": 2, "rag": 1, "docker": 3}


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    db_path = Path(tempfile.mkdtemp()) / "demo.db"
    workspace = open_workspace(db_path, Ask())
    session = Session(workspace, workspace.kb)

    welcome = WelcomeDialog(session.kb)
    welcome.show()
    app.processEvents()
    welcome.grab().save(str(out / "welcome.png"))
    welcome.close()

    profile = session.create_profile("Me", "software-engineer", "ai-engineer", 10)
    for skill, level in DEMO_RATINGS.items():
        session.do(RateSkill(profile.id, skill, level))
    window = MainWindow(session, db_path)
    window.resize(1280, 800)
    window.show()
    window.page_by_key["skills"].select_skill("rag")

    keys = [key for key, _title, _blurb in PAGES if key != "progress"]

    def shoot(index: int = 0) -> None:
        if index == len(keys):
            app.quit()
            return
        window.show_page(keys[index])
        QTimer.singleShot(400, lambda: _save(index))

    def _save(index: int) -> None:
        window.grab().save(str(out / f"{keys[index]}.png"))
        shoot(index + 1)

    QTimer.singleShot(300, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
