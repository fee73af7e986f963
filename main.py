"""Hanbit Desk: no arguments opens the window on the bundled article; subcommands run headless."""

from __future__ import annotations

import argparse
import importlib
import sys

# Each subcommand lives in cli/<name>.py with register(subparsers); heavy imports stay inside run().
SUBCOMMANDS = (
    "open",
    "translate",
    "terms",
    "qa",
    "glossary",
    "packages",
    "export",
    "memory",
    "review",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Offline translation desk for Korean, Chinese and English.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"cli.{name}":
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        argv = ["open"]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
