"""`main.py new FILE`: a project from a web page, Word file, text or XLIFF; prints its path."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="make a project from a web page, Word file, text or XLIFF (prints its path)",
        description=(
            "Make a project from FILE and print its path. A saved web page (.html) gives its "
            "article (title, body; menus, related links, bylines, photo credits and copyright "
            "lines left out); a .txt copied off a page likewise. A .docx gives its body, "
            "tables, text boxes, headers, footers, notes and comments with their formatting "
            "as tags, and is kept so the translation can be delivered in its layout. The "
            "source language is detected from the text unless --from is given."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--from",
        dest="source",
        metavar="LANG",
        help="source language (ko, zh-Hans, zh-Hant, en); default: detected",
    )
    parser.add_argument(
        "--to", dest="target", metavar="LANG", help="target language; default: en (ko for English)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="PROJECT.hanbit",
        help="where to write the project; default: beside FILE",
    )
    parser.add_argument(
        "--encoding", metavar="CODEC", help="the text encoding of a .txt/.html (default: detected)"
    )
    parser.add_argument(
        "--targets-translated", action="store_true",
        help="XLIFF: take a target the file gives no state (Xcode, Angular) as translated, "
        "not as a draft",
    )  # fmt: skip
    parser.add_argument(
        "--show", action="store_true",
        help="list the blocks kept and dropped (and why) on stderr, as the window's preview does",
    )  # fmt: skip
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from documents.project import ProjectError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from workflows.new_project import NewProjectError, create_project, prepare  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        prepared = prepare(args.file, encoding=args.encoding)
        for warning in prepared.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if prepared.kind != "xliff" and not args.source:
            guess = prepared.language
            print(
                f"source language: {guess.code} (detected: {guess.reason}; --from to change)",
                file=sys.stderr,
            )
        if args.show and prepared.article is not None:
            for block in prepared.article.blocks:
                mark = "kept   " if block.keep else "dropped"
                print(
                    f"{mark} {block.index + 1:4}  [{block.reason}] {block.text[:70]}",
                    file=sys.stderr,
                )
        elif args.show and prepared.where:  # a Word file: every paragraph and where it is
            lines = [line for line in prepared.source_text().split("\n") if line.strip()]
            for number, (where, line) in enumerate(zip(prepared.where, lines, strict=False), 1):
                print(f"kept    {number:4}  [{where}] {line[:70]}", file=sys.stderr)
        path = create_project(
            prepared, args.out, source_lang=args.source, target_lang=args.target,
            targets_translated=args.targets_translated,
        )  # fmt: skip
    except (NewProjectError, ProjectError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(path)
    return 0
