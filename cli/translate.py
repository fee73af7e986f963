"""`main.py translate FILE --from ko --to en`: segment an article and machine-translate it."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from glossary.model import GlossaryError
from glossary.protocol import location
from storage.inputs import check_input_file


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "translate",
        help="segment a text file and print each segment with its machine translation",
        description=(
            "Segment FILE into sentences and translate them with the installed Argos packages "
            "(directly or through English), enforcing the glossary unless --no-glossary."
        ),
    )
    parser.add_argument(
        "file", type=Path, metavar="FILE", help="the article: .txt, .md, .html or .docx"
    )
    parser.add_argument(
        "--encoding", metavar="CODEC", help="the text's encoding when the guess is wrong"
    )
    parser.add_argument(
        "--from", dest="source", required=True, metavar="LANG", help="ko, zh-Hans, …"
    )
    parser.add_argument("--to", dest="target", required=True, metavar="LANG", help="en, zh-Hans, …")
    parser.add_argument("--packages", type=Path, metavar="DIR", help="Argos packages folder")
    parser.add_argument(
        "--glossary", type=location, metavar="PATH|URL", help="the termbase to enforce"
    )
    parser.add_argument("--no-glossary", action="store_true", help="plain MT, no term enforcement")
    parser.add_argument(
        "--mt-server", metavar="URL",
        help="a LibreTranslate server (default HANBIT_MT_URL); local packages when it is down",
    )  # fmt: skip
    parser.add_argument("--mt-key", metavar="KEY", help="its API key (default HANBIT_MT_KEY)")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    parser.add_argument(
        "--format", dest="fmt", choices=("tsv", "json"), default="tsv", help="output format"
    )
    parser.add_argument(
        "--export",
        type=Path,
        metavar="OUT",
        help="write a bilingual file instead of printing; the format comes from the extension "
        "(.docx .xlf .xliff .xlf2 .tmx .html .csv .tsv .txt)",
    )
    parser.set_defaults(func=run)


def _language(code: str, known: set[str]) -> str:
    """The desk code for code (Argos codes like zh are accepted); ValueError when unknown."""
    from translation.languages import from_argos  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    desk = from_argos(code)
    if desk not in known:
        raise ValueError(f"unknown language {code!r}: use one of {', '.join(sorted(known))}")
    return desk


def _read_text(path: Path, encoding: str | None) -> str:
    """The article's text; ValueError with the reason when it cannot be read."""
    from documents.sources import SourceError, read_source  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        text, info = read_source(path, encoding=encoding)
    except (OSError, UnicodeError, LookupError, SourceError) as error:
        raise ValueError(f"cannot read {path}: {error}") from error
    for warning in info.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return text


def _error(message: str, code: int) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def run(args: argparse.Namespace) -> int:
    import paths  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from documents.segmentation import segment_document  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.engine import NoRouteError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.languages import LANGUAGE_NAMES  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.libretranslate import ServerRefused, open_engine  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from translation.packages import PackageError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from workflows.translate_project import translate_segments  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    packages_dir = paths.packages_dir(args.packages)
    try:
        engine = open_engine(packages_dir, args.mt_server, args.mt_key)
    except ValueError as error:
        return _error(str(error), 2)
    known = set(LANGUAGE_NAMES) | {code for r in engine.routes() for code in (r.source, r.target)}
    try:
        source = _language(args.source, known)
        target = _language(args.target, known)
    except ValueError as error:
        return _error(str(error), 2)
    try:
        check_input_file(args.file, ValueError)  # a folder, a FIFO or /dev/zero, said so
    except ValueError as error:
        return _error(str(error), 2)
    try:
        text = _read_text(args.file, args.encoding)
    except ValueError as error:
        return _error(str(error), 1)
    segments = segment_document(text, source)
    try:
        engine.route(source, target)
        glossary = None
        if not args.no_glossary:
            from workflows.pair_glossary import command_glossary  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

            glossary = command_glossary(source, target, args.glossary, args.data_dir)
        run = translate_segments(
            engine, list(enumerate(s.text for s in segments)), source, target, glossary
        )
    except NoRouteError as error:
        return _error(str(error), 1)
    except (PackageError, GlossaryError, ServerRefused) as error:
        return _error(str(error), 1)
    finally:
        engine.close()
    if getattr(engine, "notice", ""):  # the server was down: say the local packages were used
        print(f"note: {engine.notice}", file=sys.stderr)
    matcher = glossary.matcher if glossary is not None else None
    if args.export:
        return _export(args, text, segments, run.results, source, target, matcher)
    _print(args.fmt, segments, run.results)
    return 0


def _export(args, text: str, segments, results, source, target, matcher) -> int:
    """Write the translated article to --export: a project beside it, then the chosen format."""
    import tempfile  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    from documents.export import ExportError, export_project, format_for  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from documents.project import Project, ProjectError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from workflows.translate_project import store  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        format_for(args.export)
    except ExportError as error:
        return _error(str(error), 2)
    with tempfile.TemporaryDirectory(prefix="hanbit-translate-") as folder:
        try:
            project = Project.create_from_segments(
                Path(folder) / "translation.hanbit",
                segments,
                source_lang=source,
                target_lang=target,
                name=args.file.stem,
                origin=str(args.file),
                source_text=text,
            )
            try:
                ids = [segment.id for segment in project.segments()]
                store(
                    project, [replace(r, segment_id=i) for r, i in zip(results, ids, strict=True)]
                )
                report = export_project(project, args.export, matcher=matcher)
            finally:
                project.close()
        except (ExportError, ProjectError) as error:
            return _error(str(error), 1)
    written = f"{report.exported} segments written to {report.path} ({report.format})"
    if report.format == "tmx" and report.exported < report.segments:
        # A fresh MT run has only drafts, and a TMX holds confirmed translations only.
        written += (
            f": TMX holds confirmed segments only: {report.exported} of {report.segments}; "
            "confirm them in the desk (or export XLIFF or DOCX for review)"
        )
    print(written, file=sys.stderr)
    return 0


def _print(fmt: str, segments, results) -> None:
    out = sys.stdout
    if fmt == "json":
        rows = []
        for number, (segment, result) in enumerate(zip(segments, results, strict=True), 1):
            row = {
                "segment": number,
                "paragraph": segment.paragraph,
                "source": segment.text,
                "target": result.target,
            }
            if result.record is not None:
                row["glossary"] = result.info()
            rows.append(row)
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    for number, (segment, result) in enumerate(zip(segments, results, strict=True), 1):
        cells = (str(number), segment.text, result.target)
        out.write("\t".join(" ".join(cell.split("\t")) for cell in cells) + "\n")
