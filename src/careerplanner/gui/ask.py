"""Every question the window asks the user goes through one ``Ask`` object, so tests can answer
without real dialogs (pass a fake with the same methods)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Ask:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str, yes: str = "OK", safe_default: bool = False) -> bool:
        """True when the user chose ``yes``. With ``safe_default`` (a step that deletes), Enter
        chooses Cancel: going ahead takes a deliberate click or Alt-key."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel if safe_default else accept)
        box.exec()
        return box.clickedButton() is accept

    def show_path(self, title: str, text: str, path: str) -> None:
        """Say where something is, with a button that copies the path to the clipboard."""
        box = QMessageBox(
            QMessageBox.Icon.Information, title, f"{text}\n\n{path}", parent=self.parent
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        copy = box.addButton("&Copy Path", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        copy.clicked.disconnect()  # copying leaves the box open, so the user sees it worked
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(path))
        box.exec()

    def question(self, title: str, text: str, yes: str, no: str) -> bool:
        """Two answers that both go ahead (unlike ``confirm``, which can cancel): True for
        ``yes``, False for ``no`` or the window closed."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        accept = box.addButton(yes, QMessageBox.ButtonRole.YesRole)
        box.addButton(no, QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(accept)
        box.exec()
        return box.clickedButton() is accept

    def open_file(self, title: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(last_folder()), filters)
        return _remembered(path)

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        """A file to write: the dialog opens in the folder last used (the home folder the first
        time), with ``suggested`` as the name."""
        start = str(last_folder() / suggested)
        path, _ = QFileDialog.getSaveFileName(self.parent, title, start, filters)
        return _remembered(path)

    def open_files(self, title: str, filters: str) -> list[Path]:
        """Several existing files at once; an empty list when the user cancels."""
        paths, _ = QFileDialog.getOpenFileNames(self.parent, title, str(last_folder()), filters)
        if paths:
            _remembered(paths[0])
        return [Path(path) for path in paths]

    def open_folder(self, title: str) -> Path | None:
        path = QFileDialog.getExistingDirectory(self.parent, title, str(last_folder()))
        if not path:
            return None
        QSettings().setValue(LAST_FOLDER, path)
        return Path(path)


#: Where the file dialogs opened last (window state, so QSettings).
LAST_FOLDER = "files/last_folder"


def last_folder() -> Path:
    folder = Path(QSettings().value(LAST_FOLDER, str(Path.home()), type=str))
    return folder if folder.is_dir() else Path.home()


def _remembered(path: str) -> Path | None:
    if not path:
        return None
    chosen = Path(path)
    QSettings().setValue(LAST_FOLDER, str(chosen.parent))
    return chosen
