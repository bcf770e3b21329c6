"""A real plan from the shipped knowledge base, and marks on some of its items."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from careerplanner.core.plan import Plan, PlanRequest, build_plan
from careerplanner.knowledge import default_knowledge
from careerplanner.knowledge.model import KnowledgeBase


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return default_knowledge()


@pytest.fixture(scope="session")
def plan(kb) -> Plan:
    levels = dict(kb.role("software-engineer").typical_levels)
    request = PlanRequest(levels, "software-engineer", "ml-engineer", 10, date(2027, 1, 1))
    return build_plan(kb, request)


@pytest.fixture(scope="session")
def statuses(plan) -> dict[str, str]:
    """The first item done, the second skipped, the last month's first item done."""
    first, second = plan.months[0].items[:2]
    last = plan.months[-1].items[0]
    return {first.id: "done", second.id: "skipped", last.id: "done", "skill:gone:1": "done"}


@pytest.fixture()
def fake_plan(plan) -> Plan:
    """The real plan with hostile text: markup in a note and in the first item."""
    first = plan.months[0]
    item = dataclasses.replace(first.items[0], text=EVIL_ITEM)
    month = dataclasses.replace(
        first, items=(item, *first.items[1:]), milestone="Ship <b>it</b> & tell"
    )
    return dataclasses.replace(
        plan, months=(month, *plan.months[1:]), notes=("Note <script>x()</script>",)
    )


EVIL_ITEM = 'He said "<script>alert(1)</script>",\nthen left'
