"""`main.py qa FILE.tsv --from ko --to en`: QA of a bilingual source<TAB>target file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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
    from translation.languages import LANGUAGE_NAMES  # a table, no heavy import

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
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2008-07-28: {text!r}") from None


class InputError(Exception):
    """A file or glossary the command cannot use; the message says why."""


def read_pairs(path: Path) -> list[tuple[int, str, str]]:
    """(line number, source, target) of each source<TAB>target line."""
    from cli.common import read_input_text

    text = read_input_text(path, InputError, "a bilingual file")
    pairs = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise InputError(f"{path}:{number}: no TAB between source and target")
        source, target = line.split("\t", 1)
        pairs.append((number, source, target))
    return pairs


def load_concepts(args: argparse.Namespace) -> list:
    """The concepts to check against: --glossary, else the desk's termbase (curated merged in)."""
    if args.no_glossary:
        return []
    from cli.common import load_concepts as shared_load_concepts
    from glossary.store import GlossaryError

    try:
        return shared_load_concepts(args.glossary, args.data_dir)
    except GlossaryError as error:
        raise InputError(str(error)) from None


def run(args: argparse.Namespace) -> int:
    from cli.common import TerminalProgress
    from glossary.matching import TermMatcher
    from qa.checks import Severity, check_segment, forbidden_renderings, generic_concepts

    try:
        pairs = read_pairs(args.file)
        concepts = load_concepts(args)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    matcher = TermMatcher(concepts, args.source_lang, args.target_lang) if concepts else None
    forbidden = forbidden_renderings(concepts, args.target_lang)
    generic = generic_concepts(concepts)  # common words: a missing one is INFO
    from qa.dates import HEAD, article_date
    from qa.messages import render_issue

    dated = args.article_date or article_date(source for _n, source, _t in pairs[:HEAD])
    found = []
    progress = TerminalProgress(f"checking {args.file.name}", len(pairs))  # on a terminal only
    for index, (number, source, target) in enumerate(pairs, start=1):
        progress.update(index)
        for issue in check_segment(
            source,
            target,
            source_lang=args.source_lang,
            target_lang=args.target_lang,
            matcher=matcher,
            forbidden=forbidden,
            generic=generic,
            article_date=dated,
        ):
            found.append((number, issue))
    progress.close()
    if args.json:
        rows = [
            {
                "line": number,
                "severity": issue.severity.value,
                "check": issue.check,
                "message": render_issue(issue, args.messages),
                "key": issue.key,
                "params": dict(issue.params),  # the figures/terms the message names
                "source_span": issue.source_span,
                "target_span": issue.target_span,
            }
            for number, issue in found
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for number, issue in found:
            message = render_issue(issue, args.messages)
            print(f"{args.file}:{number}: {issue.severity.value} {issue.check}: {message}")
        counts = {s: sum(1 for _, i in found if i.severity == s) for s in Severity}
        summary = ", ".join(f"{n} {s.value}" for s, n in counts.items())
        print(f"{len(pairs)} segments checked: {summary}")
    return 1 if any(issue.severity == Severity.CRITICAL for _, issue in found) else 0
