"""`main.py memory import|export|lookup|stats`: the translation memory from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.protocol import location


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--memory",
        type=location,
        metavar="PATH",
        help="the translation memory file (default: HANBIT_MEMORY, else memory.db in the data "
        "folder); created when missing",
    )
    common.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    return common


def register(subparsers: argparse._SubParsersAction) -> None:
    common = _common()
    parser = subparsers.add_parser(
        "memory",
        help="import, export and search the translation memory",
        description="Work on the translation memory. Exit status: 0 done (units already in the "
        "memory are not skipped ones), 1 some units skipped on import or no match found, 2 a "
        "file or the memory cannot be used.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import", parents=[common], help="import a TMX file (all units or none)"
    )
    importing.add_argument("file", type=Path, metavar="FILE.tmx")

    exporting = actions.add_parser(
        "export", parents=[common], help="export the memory, or one language pair, as TMX 1.4b"
    )
    exporting.add_argument("file", type=Path, metavar="FILE.tmx")
    exporting.add_argument("--from", dest="source_lang", metavar="LANG", help="source language")
    exporting.add_argument("--to", dest="target_lang", metavar="LANG", help="target language")

    looking = actions.add_parser("lookup", parents=[common], help="matches for a sentence")
    looking.add_argument("text", metavar="TEXT")
    looking.add_argument("--from", dest="source_lang", metavar="LANG", required=True)
    looking.add_argument("--to", dest="target_lang", metavar="LANG", required=True)
    looking.add_argument("--limit", type=int, default=5, help="most matches shown (5)")
    looking.add_argument("--threshold", type=int, default=70, help="lowest score shown (70)")

    actions.add_parser("stats", parents=[common], help="units per language pair")
    parser.set_defaults(func=run)


def _open(args: argparse.Namespace):
    import paths  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from memory.protocol import open_memory  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    data = paths.data_dir(args.data_dir) if not args.memory else None
    return open_memory(paths.memory_path(args.memory, data))


def _import(memory, args: argparse.Namespace) -> int:
    from memory.tmx import import_tmx  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    report = import_tmx(memory, args.file)
    print(f"{args.file.name}: {report.added} added, {report.updated} updated,"
          f" {len(report.skipped)} skipped, {report.duplicates} already in the memory"
          + (f", {report.alternatives} alternative translations kept"
             if report.alternatives else ""))  # fmt: skip
    for where, reason in report.skipped:
        print(f"  skipped {where}: {reason}", file=sys.stderr)
    # Units the memory already held are no failure: a re-import of the same file exits 0.
    return 1 if report.skipped else 0


def _export(memory, args: argparse.Namespace) -> int:
    from memory.tmx import export_tmx  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    written = export_tmx(memory, args.file, args.source_lang, args.target_lang)
    print(f"{written} units written to {args.file}")
    return 0


def _markup(diff) -> str:
    """The memory's source with what the current sentence lacks in [-…-] and adds in {+…+}."""
    from memory.diff import DELETE, INSERT  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    marks = {DELETE: "[-{}-]", INSERT: "{{+{}+}}"}
    return "".join(marks.get(op, "{}").format(text) for op, text in diff)


def _lookup(memory, args: argparse.Namespace) -> int:
    matches = memory.lookup(
        args.text, args.source_lang, args.target_lang, limit=args.limit, threshold=args.threshold
    )
    if not matches:
        print(f"no match of {args.threshold}% or more", file=sys.stderr)
        return 1
    for match in matches:
        unit = match.unit
        print(f"{match.score:3d}%  #{unit.id}  {unit.origin or '-'}  {unit.updated_at}")
        print(f"      {_markup(match.diff) if match.score < 100 else unit.source}")
        print(f"   -> {unit.target}")
    return 0


def _stats(memory, args: argparse.Namespace) -> int:
    pairs = memory.pairs()
    print(f"{memory.path}: {sum(count for _, _, count in pairs)} units")
    for source_lang, target_lang, count in pairs:
        print(f"  {source_lang} -> {target_lang}: {count}")
    return 0


_ACTIONS = {"import": _import, "export": _export, "lookup": _lookup, "stats": _stats}


def run(args: argparse.Namespace) -> int:
    from memory.store import MemoryFileError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from memory.tmx import TMXError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        memory = _open(args)
    except MemoryFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        return _ACTIONS[args.action](memory, args)
    except (TMXError, ValueError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        memory.close()
