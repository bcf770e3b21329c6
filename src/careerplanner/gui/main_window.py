"""The main window: navigation on the left, one page at a time on the right, menus on top."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
)

from careerplanner import __version__
from careerplanner.errors import CareerPlannerError
from careerplanner.files import write_whole
from careerplanner.gui.ask import Ask
from careerplanner.gui.lazy_pages import LazyPages
from careerplanner.gui.plan_export import FORMATS
from careerplanner.gui.session import Session
from careerplanner.gui.undo_keys import UndoKeys
from careerplanner.gui.welcome import WelcomeDialog
from careerplanner.gui.widgets.chart import ChartView
from careerplanner.gui.window_state import WindowState
from careerplanner.services.changes import ChangeSet

if TYPE_CHECKING:
    from careerplanner.gui.cohort_window import CohortWindow

#: (page key, title in the navigation, what the page is for)
PAGES: tuple[tuple[str, str, str], ...] = (
    ("skills", "Skills", "Rate what you can do today, from 0 (none) to 4 (can lead and teach it)."),
    ("gap", "Gap", "How far you are from every role, and which skills make the difference."),
    ("plan", "Plan", "A month-by-month plan to your target role, sized to your weekly hours."),
    ("progress", "Progress", "Log study hours and see whether you are on track."),
    ("compare", "Compare roles", "Two or three roles side by side: work, stack, pay, interviews."),
    ("sources", "Sources", "The five articles behind every figure, and where they disagree."),
    ("posting", "Job Posting", "Paste a job posting: the skills it asks for, its lean, your gap."),
)


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        db_path: Path,
        ask: Ask | None = None,
        parent=None,
        start_page: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.db_path = db_path
        self.ask = ask or Ask(self)
        self.setMinimumSize(QSize(720, 520))

        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.setMinimumWidth(140)
        self.navigation.setMaximumWidth(220)
        self.navigation.setSpacing(2)
        self.pages = QStackedWidget()
        #: Each page is built the first time it is shown (or asked for), so the window opens
        #: with only the page the user sees; matplotlib loads with the first page that draws.
        self.page_by_key = LazyPages(session, self.ask, [key for key, _, _ in PAGES])
        for key, title, blurb in PAGES:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(blurb)
            item.setSizeHint(QSize(0, 30))
            self.navigation.addItem(item)
            self.pages.addWidget(self.page_by_key.slot(key))
        self.navigation.currentRowChanged.connect(self._on_navigation_change)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.profile_label = QLabel()
        self.profile_label.setAccessibleName("Active profile")
        self.statusBar().addPermanentWidget(self.profile_label)
        self._build_menus()
        session.changed.connect(self._on_session_change)
        session.message.connect(self.say)
        session.failed.connect(self.ask.error)
        self._on_session_change(None)
        self.window_state = WindowState(self)
        self._restore_state()
        if start_page is not None:  # a new user starts by correcting their levels
            self.show_page(start_page)

    # -- navigation -------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        """Show a page (from a menu, a shortcut or another page) with the keyboard where the
        user acts next on it. A page picked in the navigation list leaves the focus there, so
        the arrow keys go on moving through the pages."""
        keys = [k for k, _, _ in PAGES]
        self.navigation.setCurrentRow(keys.index(key))
        self.page_by_key[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_navigation_change(self, row: int) -> None:
        if 0 <= row < len(PAGES):
            self.page_by_key[PAGES[row][0]]  # built now, before it is shown
        self.pages.setCurrentIndex(row)

    def first_chart(self) -> ChartView:
        """The Gap page's readiness chart: the first chart a user sees."""
        return self.page_by_key["gap"].readiness_chart

    def current_page_key(self) -> str:
        return PAGES[self.pages.currentIndex()][0]

    # -- menus ------------------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(
            self._action("&New Profile…", self.new_profile, QKeySequence.StandardKey.New)
        )
        self.switch_menu = file_menu.addMenu("&Switch Profile")
        self.switch_menu.aboutToShow.connect(self._fill_switch_menu)
        file_menu.addAction(self._action("&Delete Profile…", self.delete_profile))
        file_menu.addAction(self._action("Profile Se&ttings…", self.profile_settings, "Ctrl+,"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Import…", self.import_file, "Ctrl+I"))
        file_menu.addAction(self._action("&Export Everything…", self.export_file, "Ctrl+E"))
        file_menu.addAction(self._action("Export Skills as &CSV…", self.export_csv))
        plan_menu = file_menu.addMenu("Export &Plan")
        for fmt in FORMATS:
            plan_menu.addAction(
                self._action(
                    fmt.label, lambda _c=False, f=fmt: self.page_by_key["plan"].export_plan(f)
                )
            )
        file_menu.addAction(
            self._action(
                "Export Progress &Report (PDF)…",
                lambda _c=False: self.page_by_key["progress"].export_report(),
            )
        )
        instructor = file_menu.addMenu("Export for I&nstructor")
        for text, notes in (("&Without My Notes…", False), ("With My &Notes…", True)):
            instructor.addAction(
                self._action(text, lambda _c=False, n=notes: self.export_for_instructor(n))
            )
        file_menu.addSeparator()
        file_menu.addAction(self._action("Open C&ohort…", self.open_cohort))
        file_menu.addAction(self._action("Open Cohort Fo&lder…", self.open_cohort_folder))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        edit_menu = self.menuBar().addMenu("&Edit")
        stack = self.session.undo_stack
        undo = self._action("&Undo", self._undo, QKeySequence.StandardKey.Undo)
        redo = self._action("&Redo", self._redo)
        # The platform's Redo keys, and Ctrl+Shift+Z everywhere, once: a key bound twice is
        # "ambiguous" to Qt and then does nothing at all.
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Shift+Z") not in keys:
            keys.append(QKeySequence("Ctrl+Shift+Z"))
        redo.setShortcuts(keys)
        undo.setEnabled(stack.canUndo())
        redo.setEnabled(stack.canRedo())
        # Bound to the window (not lambdas), so the connections end with it.
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(self._show_undo_text)
        stack.redoTextChanged.connect(self._show_redo_text)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        self.undo_action, self.redo_action = undo, redo
        self._show_undo_text(stack.undoText())
        self._show_redo_text(stack.redoText())
        self._undo_keys = UndoKeys(self)
        QApplication.instance().installEventFilter(self._undo_keys)
        edit_menu.addSeparator()
        edit_menu.addAction(
            self._action("&Find Skill…", self.find_skill, QKeySequence.StandardKey.Find)
        )

        view_menu = self.menuBar().addMenu("&View")
        for index, title in enumerate(with_mnemonics([title for _, title, _ in PAGES])):
            key = PAGES[index][0]
            view_menu.addAction(
                self._action(title, lambda _c=False, k=key: self.show_page(k), f"Ctrl+{index + 1}")
            )

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("Open &Data Folder", self._open_data_folder))
        help_menu.addAction(self._action("&About Career Planner", self._show_about))

    def _fill_switch_menu(self) -> None:
        self.switch_menu.clear()
        group = QActionGroup(self.switch_menu)
        active = self.session.profile
        for profile in self.session.planner.profiles():
            action = self.switch_menu.addAction(profile.name)
            action.setCheckable(True)
            action.setChecked(active is not None and profile.id == active.id)
            action.triggered.connect(lambda _c=False, pid=profile.id: self.switch_profile(pid))
            group.addAction(action)

    # -- actions ----------------------------------------------------------------------------

    def switch_profile(self, profile_id: int) -> None:
        self.flush_pages()
        self.session.use_profile(profile_id)

    def delete_profile(self) -> None:
        profile = self.session.profile
        if profile is None:
            return
        others = [p for p in self.session.planner.profiles() if p.id != profile.id]
        if not others:
            self.ask.info(
                "Delete profile",
                f"“{profile.name}” is your only profile. Create another one first "
                "(File ▸ New Profile); Career Planner always needs one.",
            )
            return
        if not self.ask.confirm(
            "Delete profile",
            f"Delete “{profile.name}” with its ratings, plans and check-ins? Until you close "
            "the window, Edit ▸ Undo brings it back.",
            yes="Delete Profile",
            safe_default=True,
        ):
            return
        self.flush_pages()
        self.session.delete_profile(profile.id, profile.name)

    def new_profile(self) -> None:
        self.flush_pages()
        names = frozenset(p.name for p in self.session.planner.profiles())
        dialog = WelcomeDialog(self.session.kb, self, first_run=False, taken_names=names)
        if dialog.exec():
            choice = dialog.result_profile()
            self.session.create_profile(
                choice.name,
                choice.background,
                choice.target,
                choice.hours_per_week,
                choice.start_month,
            )
            self.show_page("skills")

    def profile_settings(self) -> None:
        """File ▸ Profile Settings: rename, background, target, hours a week, start month."""
        from careerplanner.gui.profile_settings import ProfileSettingsDialog

        profile = self.session.profile
        if profile is None:
            return
        self.flush_pages()
        others = frozenset(p.name for p in self.session.planner.profiles() if p.id != profile.id)
        dialog = ProfileSettingsDialog(self.session.kb, profile, others, self)
        if dialog.exec():
            edit = dialog.edit()
            if edit is not None:
                self.session.do(edit)

    def find_skill(self) -> None:
        self.show_page("skills")
        search = self.page_by_key["skills"].search
        search.setFocus()
        search.selectAll()

    def import_file(self) -> None:
        path = self.ask.open_file("Import Career Planner data", "Career Planner export (*.json)")
        if path is None:
            return
        try:
            summary = self.session.import_file(path)
        except CareerPlannerError as error:
            self.ask.error("Nothing was imported", str(error))
            return
        self.statusBar().showMessage(f"Imported {summary}", 6000)

    def export_file(self) -> None:
        path = self.ask.save_file(
            "Export everything", "careerplanner-export.json", "JSON files (*.json)"
        )
        if path is None:
            return
        try:
            self.session.planner.export_file(path)
        except (CareerPlannerError, OSError) as error:
            self.ask.error("Export failed", str(error))
            return
        self.statusBar().showMessage(f"Exported everything to {path}", 6000)

    def export_csv(self) -> None:
        profile = self.session.profile
        if profile is None:
            return
        path = self.ask.save_file(
            "Export skills as CSV", f"{profile.name}-skills.csv", "CSV files (*.csv)"
        )
        if path is None:
            return
        try:
            write_whole(path, self.session.planner.skills_csv(profile.id))
        except (CareerPlannerError, OSError) as error:
            self.ask.error("Export failed", str(error))
            return
        self.statusBar().showMessage(f"Exported your skills to {path}", 6000)

    def _open_data_folder(self) -> None:
        """Open the folder in the file manager; with none installed, show where it is, with a
        button that copies the path."""
        folder = self.db_path.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.ask.show_path(
                "Your data folder",
                "No file manager could open it. Your data is in this folder:",
                str(folder),
            )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Career Planner",
            f"<b>Career Planner {__version__}</b><p>Plan a move into AI and ML engineering, "
            "offline. Every figure cites one of five source articles.</p>"
            f"<p>Your data: {self.db_path}</p>",
        )

    # -- for instructors ---------------------------------------------------------------------

    def export_for_instructor(self, include_notes: bool) -> None:
        """File ▸ Export for Instructor: this profile alone, without its notes unless asked."""
        profile = self.session.profile
        if profile is None:
            return
        self.flush_pages()
        path = self.ask.save_file(
            "Export for your instructor",
            f"{profile.name} for instructor.json",
            "JSON files (*.json)",
        )
        if path is None:
            return
        try:
            write_whole(path, self.session.planner.export_for_instructor(profile.id, include_notes))
        except (CareerPlannerError, OSError) as error:
            self.ask.error("Export failed", str(error))
            return
        notes = "with" if include_notes else "without"
        self.statusBar().showMessage(f"Exported “{profile.name}”, {notes} notes, to {path}", 6000)

    def open_cohort(self) -> CohortWindow | None:
        """File ▸ Open Cohort: several students' export files, in a read-only window."""
        paths = self.ask.open_files("Open students' export files", "Career Planner export (*.json)")
        return self.show_cohort(paths) if paths else None

    def open_cohort_folder(self) -> CohortWindow | None:
        """File ▸ Open Cohort Folder: every export file (*.json) of a folder."""
        folder = self.ask.open_folder("Open a folder of students' export files")
        return self.show_cohort([folder]) if folder else None

    def show_cohort(self, paths: list[Path]) -> CohortWindow | None:
        from careerplanner.gui.cohort_window import CohortWindow  # only when first wanted

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            window = CohortWindow(self.session.kb, paths, self.session.planner.today(), self.ask)
        finally:
            QApplication.restoreOverrideCursor()
        if not window.cohort.students:
            reasons = "\n".join(f"{e.file}: {e.error}" for e in window.cohort.errors[:5])
            self.ask.error("No student could be read", reasons or "No export files were given.")
            window.deleteLater()
            return None
        window.setParent(self, window.windowFlags())  # lives as long as this window
        window.show()
        return window

    # -- session -> UI ----------------------------------------------------------------------

    def _show_undo_text(self, label: str) -> None:
        self.undo_action.setText(f"&Undo {label}" if label else "&Undo")

    def _show_redo_text(self, label: str) -> None:
        self.redo_action.setText(f"&Redo {label}" if label else "&Redo")

    def _undo(self) -> None:
        self.flush_pages()  # a note still being typed is saved first, then undone in turn
        self.session.undo()

    def _redo(self) -> None:
        self.session.redo()

    def _on_session_change(self, change: ChangeSet | None) -> None:
        if change is not None and not change.any_of("profile", "profiles"):
            return
        profile = self.session.profile
        # Qt adds " — Career Planner" (the application's display name) itself.
        self.setWindowTitle(profile.name if profile else "No profile")
        if profile is not None:
            target = self.session.kb.role(profile.target).name
            self.profile_label.setText(f"{profile.name} → {target}")
            self.profile_label.setToolTip(f"Profile {profile.name}, aiming at {target}")

    # -- window state -----------------------------------------------------------------------

    def say(self, text: str) -> None:
        """A line in the status bar, long enough to read: a second per ten words, at least
        five; ending in "…" where the window is too narrow for it, the whole of it in the
        tooltip."""
        seconds = max(5, len(text.split()) // 10 + 3)
        bar = self.statusBar()
        room = bar.width() - self.profile_label.sizeHint().width() - 24
        shown = bar.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(room, 100))
        bar.showMessage(shown, seconds * 1000)
        bar.setToolTip(text)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.window_state.resized(event.size())

    def _restore_state(self) -> None:
        settings = QSettings()
        self.window_state.restore()
        splitter_state = settings.value("window/splitter", type=bytes)
        if splitter_state:
            self.splitter.restoreState(splitter_state)
        else:
            self.splitter.setSizes([170, 1030])
        self.navigation.setCurrentRow(settings.value("window/page", 0, type=int))

    def flush_pages(self) -> None:
        """Save what pages hold back for a moment (a note being typed, the hours control)."""
        for page in self.page_by_key.built():
            flush = getattr(page, "flush", None)
            if flush is not None:
                flush()

    def closeEvent(self, event) -> None:
        self.flush_pages()
        # The daily backup is taken at open, before any edit; this one holds the session's work.
        self.session.planner.backup_on_close()
        settings = QSettings()
        self.window_state.save()
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.setValue("window/page", self.pages.currentIndex())
        super().closeEvent(event)


def with_mnemonics(titles: list[str]) -> list[str]:
    """Each title with an Alt+letter of its own: the first letter of a word not taken yet, else
    any letter not taken, so keyboard users can open each page from the View menu."""
    taken = set("efvh")  # the menu bar's own: File, Edit, View, Help
    marked = []
    for title in titles:
        starts = [
            i for i, ch in enumerate(title) if ch.isalpha() and (i == 0 or title[i - 1] == " ")
        ]
        rest = [i for i, ch in enumerate(title) if ch.isalpha()]
        at = next((i for i in [*starts, *rest] if title[i].lower() not in taken), None)
        if at is None:
            marked.append(title)
            continue
        taken.add(title[at].lower())
        marked.append(f"{title[:at]}&{title[at:]}")
    return marked
