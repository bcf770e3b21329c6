"""Scoring the fit quiz: a ranking of roles by how well the answers lean toward them, and the
two or three answers that decided the top of it. Pure functions; no I/O.

A role's score is the points its answers give it over the most any answer to those questions
gives any role (0 to 1), so answering every question the way an article ties to one role gives
that role a score near 1. Unanswered questions count for nothing either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careerplanner.knowledge.fit import FitOption, FitQuestion, FitQuiz
from careerplanner.knowledge.model import KnowledgeBase, RoleId

#: How many answers the result names as having decided it.
MAX_REASONS = 3


@dataclass(frozen=True)
class RoleFit:
    role: RoleId
    name: str
    score: float  # 0..1
    points: int


@dataclass(frozen=True)
class FitReason:
    """One answer that decided the ranking: it gave the top role more than the runner-up."""

    question: FitQuestion
    option: FitOption
    role: RoleId  # the role it counted toward
    points: int
    #: The runner-up, and how many more points this answer gave the top role than it.
    over: RoleId | None = None
    lead: int = 0

    @property
    def text(self) -> str:
        return f"{self.question.text} You chose “{self.option.text}”."


@dataclass(frozen=True)
class FitResult:
    ranking: tuple[RoleFit, ...]  # best fit first; empty when nothing is answered
    reasons: tuple[FitReason, ...]
    answered: int
    questions: int

    @property
    def best(self) -> RoleFit | None:
        return self.ranking[0] if self.ranking else None

    def score_of(self, role: str) -> float | None:
        return next((r.score for r in self.ranking if r.role == role), None)


def chosen_options(
    quiz: FitQuiz, answers: Mapping[str, str]
) -> list[tuple[FitQuestion, FitOption]]:
    """The (question, option) pairs answered, in the quiz's order. Answers to questions or
    options the quiz no longer has are left out (a newer quiz may have dropped them)."""
    chosen = []
    for question in quiz.questions:
        option = question.option(answers.get(question.id, ""))
        if option is not None:
            chosen.append((question, option))
    return chosen


def score_fit(kb: KnowledgeBase, quiz: FitQuiz, answers: Mapping[str, str]) -> FitResult:
    """Rank every target role by the answers given (question id -> option id).

    Ties go to the role with more points from answers that named it first-choice (3 points),
    then to the knowledge base's order of roles, so the ranking is always the same.
    """
    chosen = chosen_options(quiz, answers)
    if not chosen:
        return FitResult((), (), 0, len(quiz.questions))
    most = sum(max(p for o in q.options for p in o.leans.values()) for q, _ in chosen)
    order = {role.id: n for n, role in enumerate(kb.target_roles)}
    fits = []
    for role in kb.target_roles:
        points = sum(option.leans.get(role.id, 0) for _, option in chosen)
        fits.append(RoleFit(role.id, role.name, round(points / most, 4), points))
    strongest = {
        role: sum(1 for _, o in chosen if o.leans.get(role, 0) == max(o.leans.values()))
        for role in order
    }
    ranking = tuple(sorted(fits, key=lambda f: (-f.points, -strongest[f.role], order[f.role])))
    return FitResult(ranking, _reasons(chosen, ranking), len(chosen), len(quiz.questions))


def _reasons(
    chosen: list[tuple[FitQuestion, FitOption]], ranking: tuple[RoleFit, ...]
) -> tuple[FitReason, ...]:
    """The answers that put the top role ahead of the runner-up, biggest lead first; when the
    two are level, the answers that gave the top role most."""
    top = ranking[0].role
    second = ranking[1].role if len(ranking) > 1 else None

    def lead(option: FitOption) -> int:
        return option.leans.get(top, 0) - (option.leans.get(second, 0) if second else 0)

    ahead = [(q, o) for q, o in chosen if lead(o) > 0]
    picked = ahead or [(q, o) for q, o in chosen if o.leans.get(top, 0) > 0]
    # Stable sort: equal leads keep the quiz's order.
    picked.sort(key=lambda qo: (-lead(qo[1]), -qo[1].leans.get(top, 0)))
    return tuple(
        FitReason(question, option, top, option.leans.get(top, 0), second, lead(option))
        for question, option in picked[:MAX_REASONS]
    )


def fit_to_dict(result: FitResult, kb: KnowledgeBase) -> dict:
    """The ``careerplanner fit --answers FILE --format json`` document."""
    return {
        "ranking": [{"role": f.role, "name": f.name, "score": f.score} for f in result.ranking],
        "reasons": [
            {
                "question": r.question.id,
                "option": r.option.id,
                "role": r.role,
                "points": r.points,
                "ahead_of": r.over,
                "lead": r.lead,
                "answer": r.option.short,
                "text": r.text,
                "source": r.question.source,
            }
            for r in result.reasons
        ],
        "answered": result.answered,
        "questions": result.questions,
    }


def questions_to_dict(quiz: FitQuiz) -> dict:
    """The ``careerplanner fit --questions --format json`` document."""
    return {
        "title": quiz.title,
        "about": quiz.about,
        "assessment": {"text": quiz.assessment.text, "source": quiz.assessment.source},
        "questions": [
            {
                "id": q.id,
                "text": q.text,
                "source": q.source,
                "signal": q.signal,
                "options": [
                    {"id": o.id, "text": o.text, "short": o.short, "leans": dict(o.leans)}
                    for o in q.options
                ],
            }
            for q in quiz.questions
        ],
    }
