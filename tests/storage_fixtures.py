"""Fixtures for storage, services and command tests: a small hand-built knowledge base and
databases in memory or in a temporary folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careerplanner.knowledge.model import (
    Category,
    CategoryId,
    Family,
    KnowledgeBase,
    Requirement,
    Role,
    RoleId,
    Skill,
    SkillId,
    Source,
    SourceId,
    Weight,
)
from careerplanner.storage import Database, open_database

_SKILLS = [
    ("python", "Python", ("py",)),
    ("sql", "SQL", ()),
    ("pytorch", "PyTorch", ("torch",)),
    ("kubernetes", "Kubernetes", ("k8s",)),
    ("llm-apps", "LLM applications", ("rag",)),
]


def _skill(skill_id: str, name: str, aliases: tuple[str, ...]) -> Skill:
    return Skill(
        id=SkillId(skill_id),
        name=name,
        aliases=aliases,
        category=CategoryId("core"),
        description=f"{name}.",
        levels=("none", "basics", "working", "strong", "expert"),
        prerequisites=(),
        hours_per_step=(10, 20, 40, 80),
        tools=(),
        sources=(SourceId("s1"),),
    )


def _role(role_id: str, name: str, *, target: bool, background: bool, **typical: int) -> Role:
    return Role(
        id=RoleId(role_id),
        name=name,
        family=Family.ML if target else Family.BACKGROUND,
        summary=f"{name}.",
        is_target=target,
        is_background=background,
        requirements=(Requirement(SkillId("python"), 3, Weight.CORE, SourceId("s1")),),
        typical_levels={SkillId(k.replace("_", "-")): v for k, v in typical.items()},
    )


def small_knowledge_base() -> KnowledgeBase:
    return KnowledgeBase(
        # The gap analysis names each requirement's source (a rating now reads the live plan).
        sources=(Source(SourceId("s1"), "A test article", "Test Publisher", "a.txt", ""),),
        categories=(Category(CategoryId("core"), "Core"),),
        skills=tuple(_skill(*spec) for spec in _SKILLS),
        roles=(
            _role(
                "software-engineer",
                "Software Engineer",
                target=False,
                background=True,
                python=3,
                sql=2,
            ),
            _role("student", "Student", target=False, background=True, python=1),
            _role(
                "ml-engineer",
                "ML Engineer",
                target=True,
                background=True,
                python=3,
                pytorch=3,
                sql=2,
            ),
            _role("ai-engineer", "AI Engineer", target=True, background=True, python=3, llm_apps=2),
        ),
        paths=(),
        salaries=(),
    )


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return small_knowledge_base()


@pytest.fixture
def fresh_db() -> Iterator[Database]:
    db = open_database(None)
    yield db
    db.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "careerplanner.db"


def dump(db: Database | sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: two equal dumps hold the same data."""
    conn = db.conn if isinstance(db, Database) else db
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations' ORDER BY name"
        )
    ]
    return {
        table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
        for table in tables
    }


def make_profile(planner, name: str, background: str, target: str, hours: float, *args, **kw):
    """Create a profile through the Planner (which answers with a ChangeSet) and return it."""
    planner.create_profile(name, background, target, hours, *args, **kw)
    return planner.active_profile()


def add_plan_snapshot(db: Database, profile_id: int, inputs: dict, plan: dict) -> int:
    """Store a plan snapshot as a re-plan would, for tests about marks across plans."""
    from careerplanner.storage.stores import PlanStore

    return PlanStore(db).add(profile_id, inputs, plan)
