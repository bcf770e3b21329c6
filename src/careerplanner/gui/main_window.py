"""The main window: navigation on the left, one page at a time on the right, menus on top."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from careerplanner import __version__

#: (page key, title in the navigation, what the page is for)
PAGES: tuple[tuple[str, str, str], ...] = (
    ("skills", "Skills", "Rate what you can do today, from 0 (none) to 4 (can lead and teach it)."),
    ("gap", "Gap", "How far you are from every role, and which skills make the difference."),
    ("plan", "Plan", "A month-by-month plan to your target role, sized to your weekly hours."),
    ("progress", "Progress", "Log study hours and see whether you are on track."),
    ("compare", "Compare roles", "Two or three roles side by side: work, stack, pay, interviews."),
    ("sources", "Sources", "The five articles behind every figure, and where they disagree."),
)


class PlaceholderPage(QWidget):
    def __init__(self, title: str, blurb: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        text = QLabel(blurb)
        text.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(1)


class MainWindow(QMainWindow):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.setWindowTitle("Career Planner")
        self.setMinimumSize(QSize(720, 520))

        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Pages")
        self.navigation.setMinimumWidth(150)
        self.navigation.setMaximumWidth(220)
        self.pages = QStackedWidget()
        self.page_by_key: dict[str, QWidget] = {}
        for key, title, blurb in PAGES:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(blurb)
            self.navigation.addItem(item)
            page = PlaceholderPage(title, blurb)
            self.page_by_key[key] = page
            self.pages.addWidget(page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)

        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self._build_menus()
        self.navigation.setCurrentRow(0)
        self._restore_state()
        self.statusBar().showMessage(f"Data file: {db_path}", 5000)

    # -- navigation -------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        keys = [k for k, _, _ in PAGES]
        self.navigation.setCurrentRow(keys.index(key))

    def current_page_key(self) -> str:
        return PAGES[self.pages.currentIndex()][0]

    # -- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu("&View")
        for index, (key, title, _) in enumerate(PAGES):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, k=key: self.show_page(k))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        folder_action = QAction("Open &Data Folder", self)
        folder_action.triggered.connect(self._open_data_folder)
        help_menu.addAction(folder_action)
        about_action = QAction("&About Career Planner", self)
        about_action.triggered.connect(self._show_about)
        help_menu.addAction(about_action)

    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.db_path.parent)))

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Career Planner",
            f"<b>Career Planner {__version__}</b><p>Plan a move into AI and ML engineering, "
            "offline. Every figure cites one of five source articles.</p>"
            f"<p>Your data: {self.db_path}</p>",
        )

    # -- window state -----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry", type=bytes)
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        splitter_state = settings.value("window/splitter", type=bytes)
        if splitter_state:
            self.splitter.restoreState(splitter_state)
        else:
            self.splitter.setSizes([180, 1000])

    def closeEvent(self, event) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
