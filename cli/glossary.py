"""`main.py glossary import|export|list|search|candidates`: the termbase from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from glossary.protocol import location


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--glossary",
        type=location,
        metavar="PATH",
        help="the termbase file (default: HANBIT_GLOSSARY, else glossary.db in the data folder); "
        "a new one starts with the curated glossary",
    )
    common.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    return common


def register(subparsers: argparse._SubParsersAction) -> None:
    common = _common()
    parser = subparsers.add_parser(
        "glossary",
        help="import, export, list and search the glossary; find term candidates",
        description="Work on the termbase. Exit status: 0 done, 1 some rows rejected (then "
        "nothing is imported unless --skip-rejected), "
        "2 a file or the termbase cannot be used.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    importing = actions.add_parser(
        "import", parents=[common], help="import TBX, CSV or TSV (plan shown first)"
    )
    importing.add_argument("file", type=Path, metavar="FILE")
    importing.add_argument("--dry-run", action="store_true", help="show the plan, change nothing")
    importing.add_argument(
        "--langs", nargs=2, metavar=("SOURCE", "TARGET"),
        help="languages of a header-less two-column (OmegaT) file",
    )  # fmt: skip
    importing.add_argument(
        "--skip-rejected", action="store_true",
        help="import the other rows when some are rejected (by default nothing is imported)",
    )  # fmt: skip
    importing.add_argument(
        "--encoding", metavar="ENC",
        help="the text encoding of a CSV/TSV file (utf-8, cp949, gb18030, big5, utf-16); needed "
        "when the desk can only guess it",
    )  # fmt: skip
    importing.add_argument(
        "--choose", action="append", default=[], metavar="KEY=OPTION",
        help="resolve an entry to check, as the plan lists it ([4/preferred/en] -> "
        "4/preferred/en=Alipay); may be repeated",
    )  # fmt: skip
    # Importing nothing on a rejected row is the default now; --strict stays accepted.
    importing.add_argument("--strict", action="store_true", help=argparse.SUPPRESS)

    exporting = actions.add_parser(
        "export", parents=[common], help="export to .tbx, .csv or .tsv (by the suffix)"
    )
    exporting.add_argument("file", type=Path, metavar="FILE")
    exporting.add_argument(
        "--langs", nargs="+", metavar="LANG", help="languages to write, in this order"
    )
    exporting.add_argument(
        "--tbx", choices=("basic", "v3"), default="basic",
        help="TBX flavour: basic = TBX-Basic 2008 (martif; OmegaT, translate-toolkit, Weblate), "
        "v3 = ISO 30042:2019 (default: basic)",
    )  # fmt: skip
    exporting.add_argument(
        "--two-column", action="store_true",
        help="OmegaT style source<TAB>target<TAB>comment (needs --langs SOURCE TARGET)",
    )  # fmt: skip

    listing = actions.add_parser("list", parents=[common], help="print every concept")
    listing.add_argument("--json", action="store_true")
    searching = actions.add_parser("search", parents=[common], help="full-text search")
    searching.add_argument("query", metavar="QUERY")
    searching.add_argument("--json", action="store_true")

    candidates = actions.add_parser(
        "candidates", parents=[common], help="names in a document that the glossary lacks"
    )
    candidates.add_argument("file", type=Path, metavar="FILE", help="UTF-8 source text")
    candidates.add_argument("--from", dest="source_lang", required=True, metavar="LANG")
    candidates.add_argument("--json", action="store_true")
    parser.set_defaults(func=run)


def open_termbase(args: argparse.Namespace):
    """The termbase of --glossary (or the desk's), with the curated glossary merged in."""
    from workflows.pair_glossary import open_desk_termbase  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    return open_desk_termbase(getattr(args, "data_dir", None), args.glossary)


def read_text(path: Path) -> str:
    from cli.common import read_input_text  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from glossary.store import GlossaryError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    return read_input_text(path, GlossaryError)


def describe(concept) -> str:
    """One line per concept: id, domain, then each language's forms (variants in brackets)."""
    from glossary.store import TermKind  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    parts = []
    for lang in concept.languages():
        preferred = concept.preferred(lang) or ""
        variants = concept.forms(lang, TermKind.VARIANT)
        forbidden = concept.forms(lang, TermKind.FORBIDDEN)
        text = f"{lang}: {preferred}"
        if variants:
            text += f" [{', '.join(variants)}]"
        if forbidden:
            text += f" (not: {', '.join(forbidden)})"
        parts.append(text)
    return f"#{concept.id}\t{concept.domain or '-'}\t" + " | ".join(parts)


def as_json(concept) -> dict:
    return {
        "id": concept.id,
        "domain": concept.domain,
        "note": concept.note,
        "status": concept.status,
        "terms": [
            {
                "lang": t.lang,
                "text": t.text,
                "kind": str(t.kind),
                "note": t.note,
                "details": t.details,  # part of speech, context ... from a TBX
            }
            for t in concept.terms
        ],
        "details": concept.details,  # definition, source ... at concept level
        "lang_details": concept.lang_details,  # the same per language
    }


def run(args: argparse.Namespace) -> int:
    from glossary.store import GlossaryError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    try:
        return _ACTIONS[args.action](args)
    except GlossaryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _import(args: argparse.Namespace) -> int:
    from glossary.formats import apply_import, plan_import  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from glossary.store import GlossaryError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    choices = {}
    for item in args.choose:
        key, sep, option = item.partition("=")
        if not sep:
            raise GlossaryError(f"--choose {item!r}: write KEY=OPTION, e.g. 4/preferred/en=Alipay")
        choices[key.strip()] = option.strip()
    with open_termbase(args) as termbase:
        plan = plan_import(
            termbase, args.file, langs=args.langs, choices=choices, encoding=args.encoding
        )
        # The whole plan comes first: what each line adds or changes, and why lines are refused.
        for line in plan.details():
            print(line.replace("line ", f"{args.file}:", 1) if line.startswith("line ") else line)
        for warning in plan.warnings:
            others = ", ".join(option for option, _ in warning.options if option != warning.choice)
            print(f"  to choose otherwise: --choose {warning.key}=<{others}>")
        print(plan.summary())
        guessed = plan.decoding is not None and plan.decoding.guessed
        if guessed:
            decoding = plan.decoding
            also = ", ".join(decoding.alternatives) or "utf-8"
            print(
                f"the encoding of {args.file} is a guess: {decoding.encoding} "
                f"({round(decoding.confidence * 100)}% sure; it could also be {also}); check the "
                f"terms above and import with --encoding {decoding.encoding} (or the right one)"
            )
        if args.dry_run:
            print("dry run: nothing changed")
        elif guessed:
            print("nothing imported: the encoding was only guessed")
            return 1
        elif plan.rejected and not args.skip_rejected:
            print(
                f"nothing imported: {len(plan.rejected)} line(s) rejected; fix them, or import "
                "the other rows with --skip-rejected"
            )
        elif plan.added or plan.changed:
            plan = apply_import(termbase, plan)
            print(f"imported into {termbase.path}")
    return 1 if plan.rejected else 0


def _export(args: argparse.Namespace) -> int:
    from glossary.formats import export_glossary  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    with open_termbase(args) as termbase:
        count = export_glossary(
            termbase, args.file, langs=args.langs, two_column=args.two_column, tbx_style=args.tbx
        )
    print(f"{count} concepts written to {args.file}")
    return 0


def _print_concepts(concepts: list, as_json_output: bool) -> None:
    if as_json_output:
        print(json.dumps([as_json(c) for c in concepts], ensure_ascii=False, indent=1))
    else:
        for concept in concepts:
            print(describe(concept))


def _list(args: argparse.Namespace) -> int:
    with open_termbase(args) as termbase:
        _print_concepts(termbase.concepts(), args.json)
    return 0


def _search(args: argparse.Namespace) -> int:
    with open_termbase(args) as termbase:
        found = termbase.search(args.query)
    _print_concepts(found, args.json)
    if not found and not args.json:
        print(f"nothing matches {args.query!r}", file=sys.stderr)
    return 0


def _candidates(args: argparse.Namespace) -> int:
    from documents.segmentation import segment_document  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from glossary.candidates import find_candidates  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    segments = [s.text for s in segment_document(read_text(args.file), args.source_lang)]
    with open_termbase(args) as termbase:
        found = find_candidates(segments, termbase.concepts(), args.source_lang)
    if args.json:
        records = [
            {
                **c.forms,  # {"ko": "온코어", "en": "Oncor", ...}: a form per language
                "forms": c.forms,
                "variants": c.variants,
                "kind": c.kind,
                "frequency": c.frequency,
                "segment": c.segment + 1,
                "example": c.example,
            }
            for c in found
        ]
        print(json.dumps(records, ensure_ascii=False, indent=1))
        return 0
    for c in found:
        forms = "  ".join(f"{lang}={text}" for lang, text in c.forms.items())
        print(f"{c.frequency}x\t{c.kind}\t{forms}\t(segment {c.segment + 1})")
    return 0


_ACTIONS = {
    "import": _import,
    "export": _export,
    "list": _list,
    "search": _search,
    "candidates": _candidates,
}
