"""``careerplanner rate SKILL LEVEL``: add a rating to the active profile's history."""

from __future__ import annotations

import argparse

from careerplanner.commands._workspace import add_profile_option, chosen_profile, open_workspace
from careerplanner.errors import UsageError
from careerplanner.services.edits import RateSkill


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "rate",
        parents=[common],
        help="rate one of your skills 0-4",
        description="Rate a skill from 0 (none) to 4 (can lead and teach it). The rating joins "
        "the skill's history; the latest one is your current level.",
    )
    parser.add_argument("skill", metavar="SKILL", help="skill id, name or alias (case-insensitive)")
    parser.add_argument("level", metavar="LEVEL", help="0, 1, 2, 3 or 4")
    parser.add_argument("--note", metavar="TEXT", help="evidence: what you built, a link")
    add_profile_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    level = parse_level(args.level)
    with open_workspace(args, must_exist=True) as planner:
        skill = planner.skill(args.skill)
        profile = chosen_profile(planner, args)
        before = planner.levels(profile.id).get(skill.id)
        planner.do(RateSkill(profile.id, skill.id, level, args.note, skill_name=skill.name))
        was = "unrated" if before is None else str(before)
        print(f"{skill.name}: {was} -> {level} ({skill.levels[level]}) [profile '{profile.name}']")
    return 0


def parse_level(text: str) -> int:
    if text.strip() not in {"0", "1", "2", "3", "4"}:
        raise UsageError(f"LEVEL is a whole number from 0 to 4, not '{text}'")
    return int(text)
