"""The fit quiz ("What kind of work do you enjoy?"): its questions, read from
``resources/knowledge/fit.toml`` into frozen dataclasses and checked against the knowledge base.

A broken file raises ``KnowledgeError`` naming the file and key, like the other data files.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careerplanner.knowledge.errors import KnowledgeError, did_you_mean
from careerplanner.knowledge.model import Fact, KnowledgeBase, RoleId, SourceId
from careerplanner.paths import resources_dir

FILE = "fit.toml"
#: The issue asks for 8 to 12 questions: enough to rank, few enough to answer in two minutes.
MIN_QUESTIONS, MAX_QUESTIONS = 8, 12
#: Points an answer gives a role: 3 for the role the article ties it to, less for neighbours.
MIN_LEAN, MAX_LEAN = 1, 3


@dataclass(frozen=True)
class FitOption:
    id: str
    text: str
    #: A few words naming the answer where the result lists what decided it.
    short: str
    #: Role id -> points this answer counts toward that role.
    leans: Mapping[RoleId, int]


@dataclass(frozen=True)
class FitQuestion:
    id: str
    text: str
    source: SourceId
    #: The article's own decision signal this question is built from, in our words.
    signal: str
    options: tuple[FitOption, ...]

    def option(self, option_id: str) -> FitOption | None:
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class FitQuiz:
    title: str
    #: What the quiz is and is not (a reflection aid, not a psychometric test).
    about: str
    #: The trait-based assessment one source offers, for those who want a real test.
    assessment: Fact
    questions: tuple[FitQuestion, ...]

    def question(self, question_id: str) -> FitQuestion | None:
        return next((q for q in self.questions if q.id == question_id), None)


def load_fit(kb: KnowledgeBase, folder: Path | None = None) -> FitQuiz:
    """Read and check ``fit.toml`` in ``folder`` (default: the shipped knowledge folder)."""
    folder = resources_dir() / "knowledge" if folder is None else Path(folder)
    data = _read(folder / FILE)
    _only(data, "", {"about", "questions"})
    about = _table(data, "about", "")
    _only(about, "about", {"title", "text", "assessment"})
    assessment = _table(about, "assessment", "about")
    _only(assessment, "about.assessment", {"text", "source"})
    quiz = FitQuiz(
        title=_text(about, "title", "about"),
        about=_text(about, "text", "about"),
        assessment=Fact(
            _text(assessment, "text", "about.assessment"),
            SourceId(_text(assessment, "source", "about.assessment")),
        ),
        questions=tuple(
            _question(item, f"questions[{_label(item, n)}]")
            for n, item in enumerate(_tables(data, "questions", ""))
        ),
    )
    _check(kb, quiz)
    return quiz


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise KnowledgeError(FILE, "", f"file is missing from {path.parent}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeError(FILE, "", f"cannot be read: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise KnowledgeError(FILE, "", f"invalid TOML: {error}") from None


def _question(item: dict[str, Any], key: str) -> FitQuestion:
    _only(item, key, {"id", "text", "source", "signal", "options"})
    return FitQuestion(
        id=_text(item, "id", key),
        text=_text(item, "text", key),
        source=SourceId(_text(item, "source", key)),
        signal=_text(item, "signal", key),
        options=tuple(
            _option(option, f"{key}.options[{_label(option, n)}]")
            for n, option in enumerate(_tables(item, "options", key))
        ),
    )


def _option(item: dict[str, Any], key: str) -> FitOption:
    _only(item, key, {"id", "short", "text", "leans"})
    leans = _table(item, "leans", key)
    for role, points in leans.items():
        if isinstance(points, bool) or not isinstance(points, int):
            raise KnowledgeError(FILE, f"{key}.leans.{role}", "expected a whole number of points")
    return FitOption(
        id=_text(item, "id", key),
        text=_text(item, "text", key),
        short=_text(item, "short", key),
        leans={RoleId(role): points for role, points in leans.items()},
    )


def _check(kb: KnowledgeBase, quiz: FitQuiz) -> None:
    """References and ranges: sources and roles exist, ids are unique, every option leans."""
    sources = {s.id for s in kb.sources}
    roles = {r.id for r in kb.target_roles}
    _known(quiz.assessment.source, sources, "about.assessment.source", "source")
    if not MIN_QUESTIONS <= len(quiz.questions) <= MAX_QUESTIONS:
        raise KnowledgeError(
            FILE,
            "questions",
            f"expected {MIN_QUESTIONS} to {MAX_QUESTIONS} questions, got {len(quiz.questions)}",
        )
    _unique([q.id for q in quiz.questions], "questions")
    for question in quiz.questions:
        key = f"questions[{question.id}]"
        _known(question.source, sources, f"{key}.source", "source")
        if len(question.options) < 2:
            raise KnowledgeError(FILE, f"{key}.options", "a question needs at least two options")
        _unique([o.id for o in question.options], f"{key}.options")
        for option in question.options:
            where = f"{key}.options[{option.id}].leans"
            if not option.leans:
                raise KnowledgeError(FILE, where, "every answer must count toward some role")
            for role, points in option.leans.items():
                _known(role, roles, f"{where}.{role}", "target role")
                if not MIN_LEAN <= points <= MAX_LEAN:
                    raise KnowledgeError(
                        FILE, f"{where}.{role}", f"expected {MIN_LEAN} to {MAX_LEAN}, got {points}"
                    )


def _known(value: str, known: set[str], key: str, kind: str) -> None:
    if value not in known:
        raise KnowledgeError(FILE, key, f"unknown {kind} '{value}'{did_you_mean(value, known)}")


def _unique(ids: list[str], key: str) -> None:
    seen: set[str] = set()
    for index, item_id in enumerate(ids):
        if not item_id.strip():
            raise KnowledgeError(FILE, f"{key}[{index}].id", "must not be empty")
        if item_id in seen:
            raise KnowledgeError(FILE, f"{key}[{index}].id", f"duplicate id '{item_id}'")
        seen.add(item_id)


def _label(item: Any, index: int) -> str:
    label = item.get("id") if isinstance(item, dict) else None
    return label if isinstance(label, str) else str(index)


def _where(parent: str, name: str) -> str:
    return f"{parent}.{name}" if parent else name


def _value(data: dict[str, Any], name: str, parent: str) -> Any:
    if name not in data:
        raise KnowledgeError(FILE, _where(parent, name), "required key is missing")
    return data[name]


def _text(data: dict[str, Any], name: str, parent: str) -> str:
    value = _value(data, name, parent)
    if not isinstance(value, str) or not value.strip():
        raise KnowledgeError(FILE, _where(parent, name), "expected text")
    return value


def _table(data: dict[str, Any], name: str, parent: str) -> dict[str, Any]:
    value = _value(data, name, parent)
    if not isinstance(value, dict):
        raise KnowledgeError(FILE, _where(parent, name), "expected a table")
    return value


def _tables(data: dict[str, Any], name: str, parent: str) -> list[dict[str, Any]]:
    value = _value(data, name, parent)
    if not isinstance(value, list):
        raise KnowledgeError(FILE, _where(parent, name), "expected an array of tables")
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            raise KnowledgeError(FILE, f"{_where(parent, name)}[{index}]", "expected a table")
    return value


def _only(item: dict[str, Any], key: str, allowed: set[str]) -> None:
    """Refuse keys nobody reads: they are almost always typos of real keys."""
    for name in item:
        if name not in allowed:
            hint = did_you_mean(name, allowed)
            raise KnowledgeError(FILE, _where(key, name), f"unknown key{hint}")
