"""`main.py terms FILE --from ko --to en`: the glossary terms found in each segment of a text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.protocol import location


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "terms",
        help="list the glossary terms found in each segment of a text",
        description="Segment FILE (UTF-8) and print, per segment, each glossary term found "
        "with its approved target form. Exit status: 0 done, 2 a file or the glossary "
        "cannot be used.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--from", dest="source_lang", required=True, metavar="LANG")
    parser.add_argument("--to", dest="target_lang", required=True, metavar="LANG")
    parser.add_argument(
        "--glossary",
        type=location,
        metavar="PATH",
        help="a termbase (.db; a new one starts with the curated glossary) or a curated .json",
    )
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print [{"segment", "start", "end", "source", "target"}] (segment numbered from 1)',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cli.glossary import read_text  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from documents.segmentation import segment_document  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from glossary.store import GlossaryError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from workflows.pair_glossary import command_glossary  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        text = read_text(args.file)
        glossary = command_glossary(
            args.source_lang, args.target_lang, args.glossary, getattr(args, "data_dir", None)
        )
    except GlossaryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    matcher = glossary.matcher
    assert matcher is not None  # built from the concepts, however few
    segments = segment_document(text, args.source_lang)
    records = []
    for number, segment in enumerate(segments, start=1):
        matches = matcher.find(segment.text)
        if args.json:
            records.extend(
                {
                    "segment": number,
                    "start": m.start,
                    "end": m.end,
                    "source": m.text,
                    "target": m.target,
                }
                for m in matches
            )
        elif matches:
            print(f"{number}\t{segment.text}")
            for m in matches:
                particle = f" +{m.particle}" if m.particle else ""
                print(f"\t{m.text}{particle} -> {m.target or '(no ' + args.target_lang + ' form)'}")
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=1))
    return 0
