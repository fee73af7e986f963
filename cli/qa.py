"""`main.py qa FILE.tsv --from ko --to en`: QA of a bilingual source<TAB>target file."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from glossary.model import GlossaryError
from glossary.protocol import location


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "qa",
        help="check a bilingual TSV file: glossary terms, forbidden renderings, figures, form",
        description=(
            "Check each source<TAB>target line of FILE (UTF-8; blank lines and lines starting "
            "with # are skipped). Prints line, severity, check and message for each issue. "
            "Exit status: 0 when nothing is critical, 1 when something is, 2 when FILE cannot "
            "be read."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="source<TAB>target lines")
    from translation.languages import LANGUAGE_NAMES  # noqa: PLC0415 - headless: a table, loaded when the parser is built for this command (a table, no heavy import)

    codes = ", ".join(LANGUAGE_NAMES)
    parser.add_argument(
        "--from",
        dest="source_lang",
        required=True,
        choices=list(LANGUAGE_NAMES),
        metavar="LANG",
        help=f"source language: {codes}",
    )
    parser.add_argument(
        "--to",
        dest="target_lang",
        required=True,
        choices=list(LANGUAGE_NAMES),
        metavar="LANG",
        help=f"target language: {codes}",
    )
    parser.add_argument(
        "--glossary",
        type=location,
        metavar="PATH",
        help="a termbase (.db) or a curated glossary (.json); default: the desk's termbase "
        "when it exists, else the bundled curated glossary",
    )
    parser.add_argument("--no-glossary", action="store_true", help="skip the term checks")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    parser.add_argument("--json", action="store_true", help="print the issues as JSON")
    parser.add_argument(
        "--article-date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the story's date, to check weekdays (28일 -> Monday); default: the dateline in "
        "the file's first lines (입력 2014-11-19, July 28, 2008), else weekdays are accepted",
    )
    parser.add_argument(
        "--messages",
        choices=("en", "ko"),
        default="en",
        help="language of the messages (the check and severity names stay as they are)",
    )
    parser.set_defaults(func=run)


def _iso_date(text: str):
    from datetime import date  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2008-07-28: {text!r}") from None


class InputError(Exception):
    """A file or glossary the command cannot use; the message says why."""


def read_pairs(path: Path) -> list[tuple[int, str, str]]:
    """(line number, source, target) of each source<TAB>target line."""
    from cli.common import read_input_text  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    text = read_input_text(path, InputError, "a bilingual file")
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise InputError(f"{path}:{number}: no TAB between source and target")
        if line.count("\t") > 1:
            # an id or a third column would be read as part of the target and checked as text
            raise InputError(
                f"{path}:{number}: {line.count(chr(9)) + 1} TAB-separated columns; "
                "each line is source<TAB>target"
            )
        source, target = line.split("\t", 1)
        pairs.append((number, source, target))
    return pairs


def load_glossary(args: argparse.Namespace):
    """The pair's glossary to check against: --glossary, else the desk's termbase (curated
    merged in); none with --no-glossary."""
    from workflows.pair_glossary import PairGlossary, command_glossary  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    if args.no_glossary:
        return PairGlossary(args.source_lang, args.target_lang)

    try:
        return command_glossary(args.source_lang, args.target_lang, args.glossary, args.data_dir)
    except GlossaryError as error:
        raise InputError(str(error)) from None


@dataclass(frozen=True)
class Line:
    """One source<TAB>target line of the file, checked as a segment numbered by its line."""

    number: int
    source: str
    target: str

    @property
    def id(self) -> int:
        return self.number


def run(args: argparse.Namespace) -> int:
    from cli.common import TerminalProgress  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from qa.checks import Severity  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from qa.messages import render_issue  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from workflows.check_project import check_project  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        lines = [Line(*pair) for pair in read_pairs(args.file)]
        glossary = load_glossary(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    progress = TerminalProgress(f"checking {args.file.name}", len(lines))  # on a terminal only
    found = check_project(lines, glossary, args.article_date, on_progress=progress.update)
    progress.close()
    if args.json:
        rows = [
            {
                "line": item.number,
                "severity": item.issue.severity.value,
                "check": item.check,
                "message": render_issue(item.issue, args.messages),
                "key": item.issue.key,
                "params": dict(item.issue.params),  # the figures/terms the message names
                "source_span": item.issue.source_span,
                "target_span": item.issue.target_span,
            }
            for item in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for item in found:
            message = render_issue(item.issue, args.messages)
            print(f"{args.file}:{item.number}: {item.severity} {item.check}: {message}")
        counts = {s: sum(1 for item in found if item.issue.severity == s) for s in Severity}
        summary = ", ".join(f"{n} {s.value}" for s, n in counts.items())
        print(f"{len(lines)} segments checked: {summary}")
    return 1 if any(item.issue.severity == Severity.CRITICAL for item in found) else 0
