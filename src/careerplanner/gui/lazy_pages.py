"""``LazyPages``: the main window's pages, each built the first time it is shown or asked for.

This is the one place where a page's module is imported: the window opens with the page the
user sees, and the modules of the others (with the charts and matplotlib behind them) load
when they are first wanted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

from PySide6.QtWidgets import QVBoxLayout, QWidget

#: key -> (module, class, whether the page takes the window's Ask)
_PAGES: dict[str, tuple[str, str, bool]] = {
    "skills": ("careerplanner.gui.pages.skills", "SkillsPage", False),
    "gap": ("careerplanner.gui.pages.gap", "GapPage", False),
    "plan": ("careerplanner.gui.pages.plan", "PlanPage", True),
    "progress": ("careerplanner.gui.pages.progress", "ProgressPage", True),
    "compare": ("careerplanner.gui.pages.compare", "ComparePage", False),
    "sources": ("careerplanner.gui.pages.sources", "SourcesPage", False),
    "posting": ("careerplanner.gui.pages.posting", "PostingPage", True),
}


class _Slot(QWidget):
    """The place of one page in the window's stack; the page goes in when it is built."""

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built(self) -> QWidget:
        if self.page is None:
            self.page = self._build()
            self._layout.addWidget(self.page)
            self.setFocusProxy(self.page)
        return self.page

    def showEvent(self, event) -> None:
        self.built()
        super().showEvent(event)


class LazyPages(Mapping[str, QWidget]):
    """``pages["plan"]`` is the Plan page, built if it is not yet."""

    def __init__(self, session, ask, keys: list[str]) -> None:
        self._slots = {key: _Slot(self._factory(key, session, ask)) for key in keys}

    def slot(self, key: str) -> QWidget:
        """What goes in the window's stack for the page ``key``."""
        return self._slots[key]

    def built(self) -> list[QWidget]:
        """The pages built so far (saving what they hold back needs no others)."""
        return [slot.page for slot in self._slots.values() if slot.page is not None]

    def __getitem__(self, key: str) -> QWidget:
        return self._slots[key].built()

    def __iter__(self) -> Iterator[str]:
        return iter(self._slots)

    def __len__(self) -> int:
        return len(self._slots)

    @staticmethod
    def _factory(key: str, session, ask) -> Callable[[], QWidget]:
        module_name, class_name, takes_ask = _PAGES[key]

        def build() -> QWidget:
            page_class = getattr(import_module(module_name), class_name)
            return page_class(session, ask) if takes_ask else page_class(session)

        return build
