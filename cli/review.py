"""`main.py review PROJECT REVIEW.docx [--apply]`: check a reviewed DOCX table, then apply it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "review",
        help="bring a reviewed bilingual DOCX table back into its project",
        description=(
            "Compare a reviewed DOCX (exported with `main.py export PROJECT OUT.docx`) with the "
            "project and print what would change: targets, comments, statuses. With --apply, "
            "apply it (history origin review-import). A damaged table (rows added or deleted, "
            "hidden ids altered, source edited, ...) is reported row by row, nothing is "
            "applied, and the exit status is 1."
        ),
    )
    parser.add_argument("project", type=Path, metavar="PROJECT", help="the project file")
    parser.add_argument("review", type=Path, metavar="REVIEW", help="the reviewed .docx")
    parser.add_argument("--apply", action="store_true", help="apply the changes to the project")
    parser.set_defaults(func=run)


def _one_line(text: str, limit: int = 70) -> str:
    text = text.replace("\n", " ⏎ ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_plan(plan) -> None:
    """The plan as a translator reads it: one block per segment, old above new."""
    print(plan.summary())
    for change in plan.targets:
        print(f"  #{change.number} target ({change.status.value}):")
        print(f"      - {_one_line(change.old) or '(empty)'}")
        print(f"      + {_one_line(change.new) or '(empty)'}")
    for change in plan.statuses:
        print(f"  #{change.number} status: {change.old.value} -> {change.new.value}")
    for change in plan.comments:
        print(f"  #{change.number} comment:")
        print(f"      - {_one_line(change.old) or '(none)'}")
        print(f"      + {_one_line(change.new) or '(none)'}")


def run(args: argparse.Namespace) -> int:
    from documents.project import Project, ProjectError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from documents.review_import import ReviewImportError, apply_review_import, plan_review_import  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        # Only --apply writes: a plain check works while the desk has the project open.
        project = Project.open(args.project, read_only=not args.apply)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        plan = plan_review_import(project, args.review)
        if not plan.ok:
            print(plan.summary(), file=sys.stderr)
            return 1
        print_plan(plan)
        if not args.apply:
            if plan.changes:
                print("Nothing applied yet: run again with --apply to apply these changes.")
            return 0
        if not plan.changes:
            print("Nothing to apply.")
            return 0
        try:
            changed = apply_review_import(project, plan)
        except ReviewImportError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"Applied: {changed} segment(s) changed in {args.project}.")
        return 0
    finally:
        project.close()
