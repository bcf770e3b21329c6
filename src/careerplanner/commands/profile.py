"""``careerplanner profile create|list|use``: the profiles in a database, and which is active."""

from __future__ import annotations

import argparse
import json
import sys

from careerplanner.commands._options import hours_option, start_option
from careerplanner.commands._workspace import open_workspace
from careerplanner.errors import UsageError
from careerplanner.paths import resolve_db_path
from careerplanner.services.planner import Planner, Profile


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "profile",
        parents=[common],
        help="create, list and switch profiles",
        description="Profiles keep separate skills, plans and check-ins, e.g. 'me now' and "
        "'what if I go ML'. The other data commands act on the active profile.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    create = actions.add_parser(
        "create", parents=[common], help="add a profile and make it the active one"
    )
    create.add_argument("name", metavar="NAME")
    create.add_argument(
        "--from",
        dest="background",
        metavar="ROLE",
        required=True,
        help="your background (its typical levels pre-fill your skills)",
    )
    create.add_argument(
        "--to", dest="target", metavar="ROLE", required=True, help="the role you aim at"
    )
    create.add_argument("--hours", metavar="N", required=True, help="hours you can give a week")
    create.add_argument("--start", metavar="YYYY-MM", help="first month of the plan (this month)")
    create.add_argument(
        "--no-prefill",
        action="store_true",
        help="start with no ratings instead of the background's typical levels",
    )
    create.set_defaults(func=run_create)

    listing = actions.add_parser(
        "list", parents=[common], help="the profiles; * marks the active one"
    )
    listing.add_argument("--format", choices=["table", "json"], default="table")
    listing.set_defaults(func=run_list)

    use = actions.add_parser("use", parents=[common], help="make a profile the active one")
    use.add_argument("name", metavar="NAME")
    use.set_defaults(func=run_use)

    delete = actions.add_parser(
        "delete",
        parents=[common],
        help="delete a profile with its ratings, plans and check-ins",
        description="Delete a profile and everything it holds. There is no undo from the "
        "command line: export first to keep a copy ('careerplanner export --out FILE').",
    )
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="confirm that it should be deleted")
    delete.set_defaults(func=run_delete)


def run_create(args: argparse.Namespace) -> int:
    hours = hours_option(args.hours)
    start = start_option(args.start) if args.start else None
    with open_workspace(args) as planner:
        planner.create_profile(
            args.name, args.background, args.target, hours, start, prefill=not args.no_prefill
        )
        profile = planner.active_profile()
        assert profile is not None  # the one just made
        rated = len(planner.levels(profile.id))
        print(
            f"Created profile '{profile.name}' ({_describe(planner, profile)}); it is now active."
        )
        if rated:
            background = planner.kb.role(profile.background).name
            print(
                f"{rated} skills start at the typical levels of a {background}; "
                "correct them with 'careerplanner rate SKILL LEVEL'."
            )
    return 0


def run_list(args: argparse.Namespace) -> int:
    if not resolve_db_path(getattr(args, "db", None)).exists():  # nothing to list yet
        if args.format == "json":
            print(json.dumps({"profiles": []}))
        else:
            print("No profiles yet; create one with 'careerplanner profile create'.")
        return 0
    with open_workspace(args, read_only=True) as planner:
        profiles = planner.profiles()
        active = planner.active_profile()
        if args.format == "json":
            rows = [_as_json(p, p == active) for p in profiles]
            json.dump({"profiles": rows}, sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
            return 0
        if not profiles:
            print("No profiles yet; create one with 'careerplanner profile create'.")
        width = max((len(p.name) for p in profiles), default=0)
        for profile in profiles:
            mark = "*" if profile == active else " "
            print(f"{mark} {profile.name:<{width}}  {_describe(planner, profile)}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    with open_workspace(args, must_exist=True) as planner:
        profile = planner.find_profile(args.name)
        if not args.yes:
            raise UsageError(
                f"Deleting '{profile.name}' removes its ratings, plans and check-ins for good; "
                "add --yes to go ahead (export first to keep a copy)"
            )
        planner.delete_profile(profile.id)
        print(f"Deleted profile '{profile.name}'.")
    return 0


def run_use(args: argparse.Namespace) -> int:
    with open_workspace(args, must_exist=True) as planner:
        planner.use_profile(args.name)
        profile = planner.find_profile(args.name)
        print(f"Using profile '{profile.name}' ({_describe(planner, profile)}).")
    return 0


def _describe(planner: Planner, profile: Profile) -> str:
    def name(role_id: str) -> str:
        found = planner.kb.find_role(role_id)
        return found.name if found else role_id

    return (
        f"{name(profile.background)} -> {name(profile.target)}, "
        f"{profile.hours_per_week:g} h/week from {profile.start_month:%Y-%m}"
    )


def _as_json(profile: Profile, active: bool) -> dict[str, object]:
    return {
        "name": profile.name,
        "background": profile.background,
        "target": profile.target,
        "hours_per_week": profile.hours_per_week,
        "start_month": f"{profile.start_month:%Y-%m}",
        "active": active,
    }
