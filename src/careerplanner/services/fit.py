"""The fit quiz's use cases, shared by the window and ``careerplanner fit``: checking answers
against the quiz, reading an answers file, and the edit that saves answers with a profile."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from careerplanner.errors import UsageError
from careerplanner.knowledge.fit import FitQuiz
from careerplanner.services.edits import AnswerFit

#: An answers file larger than this is certainly not one (the whole quiz is a few hundred bytes).
MAX_FILE_BYTES = 1024 * 1024


def check_answers(
    quiz: FitQuiz, answers: Mapping[str, Any], where: str, clearing: bool = False
) -> dict[str, Any]:
    """The answers as question id -> option id, or one ``UsageError`` naming the first answer
    that is not in the quiz and what it could have been. ``where`` names the answers' place;
    with ``clearing``, None stands for "no answer" (the window clears a question with it)."""
    checked: dict[str, Any] = {}
    for question_id, option_id in answers.items():
        question = quiz.question(question_id)
        if question is None:
            known = ", ".join(q.id for q in quiz.questions)
            raise UsageError(
                f"{where}: unknown question '{question_id}'; the questions are: {known} "
                "(careerplanner fit --questions lists them)"
            )
        if option_id is None and clearing:
            checked[question_id] = None
            continue
        if not isinstance(option_id, str) or question.option(option_id) is None:
            known = ", ".join(o.id for o in question.options)
            raise UsageError(
                f"{where}: '{question_id}': unknown answer {json.dumps(option_id)}; "
                f"choose one of: {known}"
            )
        checked[question_id] = option_id
    return checked


def read_answers(path: str | Path, quiz: FitQuiz) -> dict[str, str]:
    """Read ``{"answers": {"<question id>": "<option id>"}}`` from a JSON file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UsageError(f"{path} is too large to be an answers file")
        raw = path.read_bytes()
    except OSError as error:
        raise UsageError(f"Cannot read {path}: {error.strerror or error}") from None
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UsageError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(document, dict) or not isinstance(document.get("answers"), dict):
        raise UsageError(
            f'{path}: expected {{"answers": {{"<question id>": "<option id>"}}}} '
            "(careerplanner fit --questions lists the ids)"
        )
    unknown = sorted(set(document) - {"answers"})
    if unknown:
        raise UsageError(f"{path}: unknown key '{unknown[0]}'; the file holds only \"answers\"")
    return check_answers(quiz, document["answers"], str(path))


def answers_edit(
    profile_id: int,
    current: Mapping[str, str],
    answers: Mapping[str, str | None],
    *,
    replace: bool = False,
    text: str = "",
) -> AnswerFit | None:
    """The edit that makes ``answers`` the profile's answers (None for a question clears it);
    with ``replace``, questions ``answers`` leaves out are cleared too. None when nothing
    would change."""
    wanted: dict[str, str | None] = dict(answers)
    if replace:
        wanted |= {q: None for q in current if q not in answers}
    changed = {q: o for q, o in wanted.items() if current.get(q) != o}
    if not changed:
        return None
    return AnswerFit(profile_id, changed, text)
