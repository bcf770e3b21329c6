"""``careerplanner export`` and ``careerplanner import``: everything as versioned JSON (all or
nothing on the way back in), or the current skills as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from careerplanner.commands._options import output_file
from careerplanner.commands._workspace import add_profile_option, chosen_profile, open_workspace
from careerplanner.errors import UsageError
from careerplanner.files import write_whole


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = subparsers.add_parser(
        "export",
        parents=[common],
        help="write everything you have entered to a JSON file",
        description="Write every profile with its rating history, notes, plans, item marks and "
        "check-ins as JSON (format 'careerplanner-export', version 1).",
    )
    export.add_argument(
        "--out", metavar="FILE", type=output_file, help="write here instead of stdout"
    )
    export.add_argument(
        "--csv",
        action="store_true",
        help="instead: the current skills of one profile as CSV skill,name,level,note",
    )
    export.add_argument(
        "--for-instructor",
        action="store_true",
        help="instead: one profile (the active one, or --profile) to hand to an instructor, "
        "without your notes",
    )
    export.add_argument(
        "--include-notes",
        action="store_true",
        help="with --for-instructor: keep your skill, rating and check-in notes in it",
    )
    add_profile_option(export)
    export.set_defaults(func=run_export)

    importer = subparsers.add_parser(
        "import",
        parents=[common],
        help="read an exported JSON file back (all or nothing)",
        description="Add the profiles of an export file to the database. Nothing is written "
        "unless the whole file is valid and no profile name is already taken.",
    )
    importer.add_argument("file", metavar="FILE", type=Path)
    importer.set_defaults(func=run_import)


def run_export(args: argparse.Namespace) -> int:
    if args.include_notes and not args.for_instructor:
        raise UsageError("--include-notes goes with --for-instructor; a JSON export has them all")
    if args.csv and args.for_instructor:
        raise UsageError("--csv and --for-instructor are two kinds of export; choose one")
    with open_workspace(args, must_exist=True, read_only=True) as planner:
        if args.csv:
            text = planner.skills_csv(chosen_profile(planner, args).id)
        elif args.for_instructor:
            profile = chosen_profile(planner, args)
            text = planner.export_for_instructor(profile.id, args.include_notes)
        else:
            if args.profile:
                raise UsageError(
                    "--profile goes with --csv or --for-instructor; a JSON export holds every "
                    "profile"
                )
            text = planner.export_json()
    if args.out is None:
        sys.stdout.write(text)
    else:
        write_whole(args.out, text)
        print(f"Wrote {args.out}", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    with open_workspace(args) as planner:
        summary = planner.import_file(args.file)
    print(f"Imported {summary}")
    return 0
