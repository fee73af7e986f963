"""`main.py team push|pull|check`: move a glossary or memory to a team server and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.model import GlossaryError
from glossary.protocol import is_server_location, open_termbase


def _url(value: str) -> str:
    if not is_server_location(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a postgresql:// URL")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "team",
        help="move the glossary or the memory to a team's PostgreSQL server and back",
        description="Move a local termbase or translation memory to a team server (push) or a "
        "server's to a local file (pull). Everything moves: ids, dates, status, notes, "
        "forbidden forms, curated marks, memory history; both sides are compared afterwards. "
        "The receiving side must be empty. Exit status: 0 moved and verified, 2 nothing moved.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, help_text in (
        ("push", "copy a local file to the server"),
        ("pull", "copy the server's contents to a new local file"),
        ("check", "compare a local file with the server (count and fingerprint)"),
    ):
        sub = actions.add_parser(action, help=help_text)
        sub.add_argument("what", choices=("glossary", "memory"))
        sub.add_argument("url", type=_url, metavar="URL", help="postgresql://user:pw@host/db")
        sub.add_argument("file", type=Path, metavar="FILE", help="the local .db file")
    parser.set_defaults(func=run)


def _open(what: str, where):
    if what == "glossary":
        return open_termbase(where)
    from memory.protocol import open_memory  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    return open_memory(where)


def run(args: argparse.Namespace) -> int:
    from memory.units import MemoryFileError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    if args.action == "pull" and args.file.exists():
        print(f"error: {args.file} exists; pull into a new file", file=sys.stderr)
        return 2
    if args.action in ("push", "check") and not args.file.is_file():
        print(f"error: {args.file} does not exist", file=sys.stderr)
        return 2
    stores = []
    try:
        stores.append(_open(args.what, args.file))
        stores.append(_open(args.what, args.url))
        return _ACTIONS[args.action](args, *stores)
    except (GlossaryError, MemoryFileError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        for store in stores:
            store.close()
        if args.action == "pull" and args.file.exists() and len(stores) < 2:
            args.file.unlink()  # the server could not be opened: no empty file left behind


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r{done}/{total}", end="", file=sys.stderr)


def _copy(what: str, source, target) -> int:
    if what == "glossary":
        from glossary.transfer import copy_termbase  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

        return copy_termbase(source, target, _progress)
    from memory.transfer import copy_memory  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    return copy_memory(source, target, _progress)


def _fingerprint(what: str, store) -> tuple[int, str]:
    if what == "glossary":
        from glossary.transfer import fingerprint  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

        return fingerprint(store)
    from memory.transfer import fingerprint  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    return fingerprint(store)


def _push(args, local, server) -> int:
    count = _copy(args.what, local, server)
    noun = "concepts" if args.what == "glossary" else "units"
    print(f"{count} {noun} moved from {args.file} to {server.path}; both sides verified equal")
    return 0


def _pull(args, local, server) -> int:
    try:
        count = _copy(args.what, server, local)
    except Exception:
        local.close()
        for suffix in ("", "-wal", "-shm", "-journal"):  # no half-filled file left behind
            Path(f"{args.file}{suffix}").unlink(missing_ok=True)
        raise
    noun = "concepts" if args.what == "glossary" else "units"
    print(f"{count} {noun} moved from {server.path} to {args.file}; both sides verified equal")
    return 0


def _check(args, local, server) -> int:
    mine, theirs = _fingerprint(args.what, local), _fingerprint(args.what, server)
    print(f"{args.file}: {mine[0]} ({mine[1][:12]}); {server.path}: {theirs[0]} ({theirs[1][:12]})")
    return 0 if mine == theirs else 1


_ACTIONS = {"push": _push, "pull": _pull, "check": _check}
