"""What every writer shows of a month: its items with their marks, and the lines that are not
items (what to practise, a milestone that is only a level reached)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from careerplanner.core.plan_model import ItemKind, PlanItem, PlanMonth

#: The default for ``statuses``: nothing marked. Read-only, so it is safe as a default argument.
NO_STATUSES: Mapping[str, str] = MappingProxyType({})

DONE = "done"
SKIPPED = "skipped"


@dataclass(frozen=True)
class Entry:
    """One item of a month's checklist and its mark: "done", "skipped" or "" (open)."""

    item: PlanItem
    status: str

    @property
    def done(self) -> bool:
        return self.status == DONE

    @property
    def skipped(self) -> bool:
        return self.status == SKIPPED

    @property
    def is_milestone(self) -> bool:
        return self.item.kind == ItemKind.MILESTONE


def entries(month: PlanMonth, statuses: Mapping[str, str]) -> list[Entry]:
    """The month's items in plan order; a mark other than done or skipped counts as open."""
    return [Entry(item, _status(statuses.get(item.id))) for item in month.items]


def practice(month: PlanMonth) -> list[str]:
    """What to practise for each skill the month works on: lines that are not items to tick."""
    return [p.text for p in month.practice]


def milestone_is_item(month: PlanMonth) -> bool:
    """Whether the month's milestone is tickable; otherwise it only names a level reached."""
    return any(item.kind == ItemKind.MILESTONE for item in month.items)


def shorten(text: str, width: int) -> str:
    """``text`` cut at a word boundary to at most ``width`` characters, with "…" if cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] or text[: width - 1]
    return cut.rstrip(" ,;:.") + "…"


def _status(mark: str | None) -> str:
    return mark if mark in (DONE, SKIPPED) else ""
