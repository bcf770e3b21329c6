"""Options the ``gap`` and ``plan`` commands share: roles, skill levels, hours, start month.
Each bad value becomes one ``UsageError`` line that says how to fix it."""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from careerplanner.core import limits
from careerplanner.core.posting import PostingTarget
from careerplanner.errors import UsageError
from careerplanner.knowledge.model import KnowledgeBase, Role, SkillId
from careerplanner.services.planner import Profile
from careerplanner.services.skill_files import read_skill_levels

#: Without --from: the most common starting point in the sources, which are written for
#: software engineers moving over. ``gap`` uses it too, so both commands agree.
DEFAULT_BACKGROUND = "software-engineer"
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")


def knowledge() -> KnowledgeBase:
    # Loaded when a command runs, not when the parser is built: --help stays instant.
    from careerplanner.knowledge import default_knowledge

    return default_knowledge()


def role_name(text: str) -> str:
    """argparse ``type`` for ``--to`` and ``--from``: a role's id or name, never empty."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a role id or name, e.g. ml-engineer; got ''")
    return text


def output_file(text: str) -> Path:
    """argparse ``type`` for ``--out``: the name of a file to write (not empty, not a folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs the name of a file to write; got ''")
    path = Path(text)
    if text.endswith(("/", os.sep)) or path.is_dir():
        raise argparse.ArgumentTypeError(f"{text} is a folder; give the name of a file in it")
    return path


def add_from_option(parser: argparse.ArgumentParser, why: str) -> None:
    parser.add_argument(
        "--from",
        dest="background",
        metavar="ROLE",
        type=role_name,
        default=None,
        help=f"your starting background, {why} (default: the profile's with --profile, "
        f"else {DEFAULT_BACKGROUND})",
    )


def add_saved_profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="NAME",
        nargs="?",
        const="",
        help="use the levels you saved (with 'rate' or the window) in this profile, or in the "
        "active profile when NAME is left out",
    )


@dataclass(frozen=True)
class SavedProfile:
    """What a saved profile contributes to ``gap`` and ``plan``."""

    profile: Profile
    levels: dict[str, int]
    set_aside: frozenset[str]  # items the last re-plan left out as finished, as in the window
    statuses: dict[str, str]  # item id -> "done" / "skipped", as ticked in the window
    #: The saved job posting the profile plans for instead of its target role, if any.
    posting: PostingTarget | None = None


def saved_profile(args: argparse.Namespace) -> SavedProfile | None:
    """The profile named by ``--profile`` with its levels, or None when the option is absent."""
    if args.profile is None:
        return None
    if args.skills is not None:
        raise UsageError("--skills and --profile both give your levels; use one of them")
    from careerplanner.commands._workspace import chosen_profile, open_workspace

    with open_workspace(args, must_exist=True, read_only=True) as planner:
        profile = chosen_profile(planner, args)
        set_aside, _day = planner.set_aside(profile.id)
        return SavedProfile(
            profile,
            planner.levels(profile.id),
            set_aside,
            planner.item_statuses(profile.id),
            planner.posting_target_of(profile),
        )


def add_skills_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--skills",
        metavar="FILE",
        help='your levels: JSON {"skills": {"python": 3}} or CSV "skill,level" (ids, names or '
        "aliases); skills not listed count as 0. Without it, the typical levels of --from",
    )


def role_option(kb: KnowledgeBase, text: str, option: str, *, target: bool) -> Role:
    """The role named by ``text`` (id or name, any case), which must be a target (``--to``) or
    a starting background (``--from``)."""
    role = kb.find_role(text)
    allowed = kb.target_roles if target else kb.backgrounds
    choices = ", ".join(r.id for r in allowed)
    if role is None:
        closest = kb.closest_role_names(text, among=allowed)
        hint = f"did you mean {', '.join(closest)}?" if closest else f"choose one of {choices}"
        raise UsageError(f"unknown role {text!r} for {option}; {hint}")
    if role not in allowed:
        kind = "a target role" if target else "a starting background"
        raise UsageError(f"{role.name} is not {kind} for {option}; choose one of {choices}")
    return role


def background_option(kb: KnowledgeBase, args: argparse.Namespace, profile: Profile | None) -> Role:
    """The starting background: ``--from``, else the saved profile's, else the default."""
    chosen = args.background or (profile.background if profile else DEFAULT_BACKGROUND)
    return role_option(kb, chosen, "--from", target=False)


def levels_option(kb: KnowledgeBase, path: str | None, background: Role) -> dict[SkillId, int]:
    if path is not None:
        return read_skill_levels(path, kb)
    return dict(background.typical_levels)


def hours_option(text: str | None) -> float | None:
    if text is None:
        return None
    return limits.HOURS_PER_WEEK.parse(text, "--hours (hours a week)")


def start_option(text: str | None) -> date:
    if text is None:
        return date.today().replace(day=1)
    match = _MONTH.fullmatch(text.strip())
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 1:
        raise UsageError(f"--start must be a month written YYYY-MM, e.g. 2026-09; got {text!r}")
    return limits.check_start_month(date(int(match[1]), int(match[2]), 1))
