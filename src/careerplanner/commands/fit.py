"""``careerplanner fit``: the fit quiz ("What kind of work do you enjoy?") from the terminal:
its questions, and the ranking of roles a set of answers gives (saved with a profile on
request)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap

from careerplanner.commands import _options
from careerplanner.core.fit import FitResult, fit_to_dict, questions_to_dict, score_fit
from careerplanner.errors import UsageError
from careerplanner.knowledge.fit import FitQuiz, load_fit
from careerplanner.knowledge.model import KnowledgeBase
from careerplanner.services.fit import read_answers


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "fit",
        parents=[common],
        help="the fit quiz: which role suits the work you enjoy",
        description="A reflection aid built from the five articles' own decision signals, not a "
        "psychometric test. --questions lists the questions; --answers FILE ranks the roles "
        'for {"answers": {"<question id>": "<option id>"}}; with --profile the answers are '
        "saved with that profile (and --profile alone shows its saved ranking).",
    )
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--questions", action="store_true", help="list the questions and answers")
    what.add_argument("--answers", metavar="FILE", help="rank the roles for these answers (JSON)")
    parser.add_argument(
        "--profile",
        metavar="NAME",
        nargs="?",
        const="",
        help="save the answers with this profile (the active one when NAME is left out); "
        "questions the file leaves out are cleared, and the old answers stay in its history",
    )
    parser.add_argument("--format", choices=["json", "table"], default="table")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    kb = _options.knowledge()
    quiz = load_fit(kb)
    if args.questions:
        if args.profile is not None:
            raise UsageError("--questions lists the quiz; --profile goes with --answers FILE")
        _print(args, questions_to_dict(quiz), lambda: questions_table(quiz, kb))
        return 0
    if args.answers is None and args.profile is None:
        raise UsageError(
            "say what to do: --questions lists the quiz, --answers FILE ranks the roles"
        )
    answers = read_answers(args.answers, quiz) if args.answers is not None else None
    if args.profile is not None:
        result = _with_profile(args, answers)
    else:
        result = score_fit(kb, quiz, answers or {})
    _print(args, fit_to_dict(result, kb), lambda: ranking_table(result, quiz, kb))
    return 0


def _with_profile(args: argparse.Namespace, answers: dict[str, str] | None) -> FitResult:
    from careerplanner.commands._workspace import chosen_profile, open_workspace

    with open_workspace(args, must_exist=True) as planner:
        profile = chosen_profile(planner, args)
        if answers is not None:
            change = planner.answer_fit(answers, profile_id=profile.id, replace=True)
            said = "Saved the answers with" if change else "No change to the answers of"
            print(f"{said} profile '{profile.name}'.", file=sys.stderr)
        result = planner.fit_result(profile.id)
    assert result is not None  # a profile was found
    return result


def _print(args: argparse.Namespace, document: dict, table) -> None:
    if args.format == "json":
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(table(), end="")


def questions_table(quiz: FitQuiz, kb: KnowledgeBase) -> str:
    lines = [quiz.title, "", *_wrapped(quiz.about), ""]
    for number, question in enumerate(quiz.questions, start=1):
        lines.append(f"{number}. {question.text}  [{question.id}]")
        lines.append(f"   From {kb.source(question.source).publisher}: {question.signal}")
        for option in question.options:
            lines.append(f"   - {option.id}: {option.text}")
            lines.append(f"     counts toward {_leans(option.leans, kb)}")
        lines.append("")
    lines += _wrapped(f"{quiz.assessment.text} ({kb.source(quiz.assessment.source).publisher})")
    return "\n".join(lines) + "\n"


def ranking_table(result: FitResult, quiz: FitQuiz, kb: KnowledgeBase) -> str:
    if not result.ranking:
        return "No answers yet: careerplanner fit --questions lists the questions.\n"
    width = max(len(f.name) for f in result.ranking)
    lines = [
        f"Fit from {result.answered} of {result.questions} questions answered, best first:",
        "",
    ]
    lines += [f"{f.name:<{width}}  {f.score:>4.0%}" for f in result.ranking]
    lines += ["", f"What decided it for {result.ranking[0].name}:"]
    for reason in result.reasons:
        source = kb.source(reason.question.source).publisher
        lines.append(f"- {reason.text} (+{reason.points}; {source})")
    lines += ["", *_wrapped(quiz.about)]
    return "\n".join(lines) + "\n"


def _leans(leans, kb: KnowledgeBase) -> str:
    ordered = sorted(leans.items(), key=lambda item: -item[1])
    return ", ".join(f"{kb.role(role).name} +{points}" for role, points in ordered)


def _wrapped(text: str, width: int = 96) -> list[str]:
    return textwrap.wrap(text, width)
