"""`main.py export PROJECT OUT [--format NAME]`: write a project as DOCX, XLIFF, TMX, HTML, ..."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.protocol import is_server_location, location, open_termbase

FORMAT_HELP = (
    "Format by extension: .docx (bilingual review table), .xlf/.xliff (XLIFF 1.2), "
    ".xlf2/.xliff2 (XLIFF 2.0), .tmx (TMX 1.4b, translated and reviewed segments only), "
    ".html, .csv (UTF-8 with BOM), .tsv, .txt (target only). A project made from an XLIFF, "
    "SDLXLIFF or MQXLIFF file goes back into that file (only targets and states change) when "
    "OUT ends in .xlf/.xliff/.xlf2/.sdlxliff/.mqxliff and no --format is given. --format "
    "overrides the extension; names: docx, docx-target (target-only Word), original (the "
    "imported XLIFF written back), xliff, xliff2, tmx, html, csv, tsv, txt."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export a project to a bilingual or target-only file",
        description=f"Export a project. {FORMAT_HELP}",
    )
    parser.add_argument("project", type=Path, metavar="PROJECT", help="the project file")
    parser.add_argument("out", type=Path, metavar="OUT", help="the file to write (replaced)")
    parser.add_argument("--format", dest="fmt", metavar="NAME", help="format name (see above)")
    parser.add_argument(
        "--glossary",
        type=location,
        metavar="FILE",
        help="termbase whose terms are marked in HTML and XLIFF (default: the desk's glossary)",
    )
    parser.add_argument("--no-glossary", action="store_true", help="do not mark glossary terms")
    parser.add_argument(
        "--untranslated", choices=("source", "flag"), default="source",
        help="docx-target/html-target: leave an untranslated segment's source (default) or flag it",
    )  # fmt: skip
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    parser.set_defaults(func=run)


def _matcher(args: argparse.Namespace, source_lang: str, target_lang: str):
    """A TermMatcher over the termbase, or None when there is none (terms are then unmarked)."""
    if args.no_glossary:
        return None
    import paths  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    if is_server_location(args.glossary):
        from glossary.matching import TermMatcher  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

        with open_termbase(args.glossary) as termbase:
            return TermMatcher(termbase.concepts(), source_lang, target_lang)
    path = paths.glossary_path(args.glossary, paths.data_dir(args.data_dir))
    if not path.exists():
        if args.glossary:
            raise FileNotFoundError(f"glossary {path} does not exist")
        return None
    from glossary.matching import TermMatcher  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from glossary.store import Termbase  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    return TermMatcher(Termbase(path).concepts(), source_lang, target_lang)


def run(args: argparse.Namespace) -> int:
    from documents.export import FORMATS, ExportError, export_project, format_for  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from documents.project import Project, ProjectError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        chosen = format_for(args.out, args.fmt)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    try:
        project = Project.open(args.project, read_only=True)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        matcher = (
            _matcher(args, project.source_lang, project.target_lang) if chosen.uses_terms else None
        )
        # No --format: an XLIFF-born project may write back into its own file (export_project)
        report = export_project(
            project, args.out, args.fmt or None, matcher=matcher, untranslated=args.untranslated
        )
        chosen = FORMATS[report.format]
    except (ExportError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        project.close()
    note = ""
    if report.untranslated:
        kept = " (source kept in their place)" if chosen.name in {"txt", "docx-target"} else ""
        note = f"; {report.untranslated} not translated{kept}"
    if chosen.name == "tmx":
        note += f"; {report.exported} translated or reviewed segments written"
    print(f"{report.path}: {chosen.description}, {report.segments} segments{note}")
    return 0
