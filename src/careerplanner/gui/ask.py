"""Every question the window asks the user goes through one ``Ask`` object, so tests can answer
without real dialogs (pass a fake with the same methods)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Ask:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str, yes: str = "OK") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.parent)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

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
        path, _ = QFileDialog.getOpenFileName(self.parent, title, "", filters)
        return Path(path) if path else None

    def save_file(self, title: str, suggested: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self.parent, title, suggested, filters)
        return Path(path) if path else None
