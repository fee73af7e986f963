"""Hanbit Desk: no arguments opens the window on the bundled article; subcommands run headless."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

# Each subcommand lives in cli/<name>.py with register(subparsers); heavy imports stay inside run().
SUBCOMMANDS = (
    "open",
    "new",
    "translate",
    "terms",
    "qa",
    "glossary",
    "packages",
    "export",
    "memory",
    "review",
    "team",
    "desktop-entry",
)


def _program_name() -> str:
    """`hanbit` or `hanbit-desk` when run through an entry point, else `main.py`."""
    name = Path(sys.argv[0]).name
    return name if name.startswith("hanbit") else "main.py"


def build_parser(commands: tuple[str, ...] = SUBCOMMANDS) -> argparse.ArgumentParser:
    """The command line; commands: the subcommands to register (all, for the overview)."""
    parser = argparse.ArgumentParser(
        prog=_program_name(),
        description="Offline translation desk for Korean, Chinese and English.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands:
        importlib.import_module(f"cli.{name.replace('-', '_')}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        argv = ["open"]
    # A named command needs only its own module (the window starts ~40 ms sooner without the
    # other eleven); anything else (--help, a typo) gets the parser that lists them all.
    parser = build_parser((argv[0],) if argv[0] in SUBCOMMANDS else SUBCOMMANDS)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from cli.common import guard_output, run_command  # noqa: PLC0415 - headless: --help loads no sqlite3 (test_headless_help_loads_no_heavy_module)

    guard_output()  # no control or bidi-override character from a file reaches the terminal
    return run_command(args.func, args)  # an error is one line, never a traceback


def desk() -> int:
    """The `hanbit-desk` entry point: the window, on FILE when one is given."""
    return main(["open", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
