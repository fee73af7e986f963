"""Glossary enforcement benchmark: term accuracy per strategy (`python -m bench.enforcement`).

Term accuracy is the share of required target terms (one per term occurrence the matcher finds
in the source) whose approved or accepted form is in the final translation. "model" counts
the ones the output had before any repair; "final" counts them after repair, which is what
a translator receives. Without --packages the tiny copy package of the tests is built: it
copies its input, so it shows the enforcement machinery, not translation quality, and the
default strategy must reach 100%.

The repair table runs the default strategy through copy packages with faults built in
(tests/support/tiny_package.py: GARBLING, DROPPING, TRUNCATING re-point output rows the way
real models garble, drop and cut short names) and counts how each term was placed; decode
is the time inside the engine, repair the rest of enforcement, re-decode the second decodes.
"""

from __future__ import annotations

import argparse
import functools
import platform
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class Row:
    dataset: str
    strategy: str
    segments: int
    terms: int
    model_ok: int  # present in the raw output (no repair needed)
    final_ok: int  # present in the final translation
    segments_ok: int
    forbidden_left: int
    seconds: float

    @property
    def final(self) -> float:
        return self.final_ok / self.terms if self.terms else 1.0

    @property
    def model(self) -> float:
        return self.model_ok / self.terms if self.terms else 1.0


def datasets(source_lang: str) -> dict[str, list[str]]:
    """The sample article (Korean) and the sentence set written for this benchmark."""
    import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from documents.segmentation import segment_document  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    found: dict[str, list[str]] = {}
    if source_lang == "ko" and paths.SAMPLE_ARTICLE.exists():
        article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
        found["article"] = [s.text for s in segment_document(article, "ko")]
    sentences = DATA / f"term_sentences.{source_lang}.txt"
    if sentences.exists():
        lines = sentences.read_text(encoding="utf-8").splitlines()
        found["sentences"] = [line.strip() for line in lines if line.strip()]
    return found


def load_concepts(path: Path | None) -> list:
    """A termbase (.db) or a curated glossary (.json); default: the bundled curated glossary."""
    import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.curated import read_curated  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.store import Termbase  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    path = path or paths.CURATED_GLOSSARY
    if path.suffix.lower() == ".json":
        _version, concepts = read_curated(path)
        for number, concept in enumerate(concepts, start=1):
            concept.id = number
        return concepts
    with Termbase(path) as termbase:
        return termbase.concepts()


def build_tiny_packages(
    folder: Path, source_lang: str, target_lang: str, garble: dict[str, str] | None = None
) -> Path:
    """The tests' copy-model package for the pair (test support code: it imports torch)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from support.tiny_package import build_copy_package, train_sentencepiece  # noqa: PLC0415 - test support: tests/ joins sys.path just above
    from translation.languages import to_argos  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    tokenizer = folder / "sentencepiece.model"
    if not tokenizer.exists():
        train_sentencepiece(tokenizer)
    packages = folder / (
        "packages" if garble is None else f"packages-{len(list(folder.iterdir()))}"
    )
    build_copy_package(
        packages,
        to_argos(source_lang),
        to_argos(target_lang),
        sentencepiece_model=tokenizer,
        garble=garble,
    )
    return packages


@dataclass
class RepairRow:
    package: str
    dataset: str
    strategy: str
    terms: int
    decoded: int  # in the output as decoded (injected forms the model kept)
    present: int  # ok and its approved form really is in the final translation
    repaired: int
    redecoded: int
    flagged: int
    silently_wrong: int  # reported as placed, yet not in the translation
    forbidden_left: int
    decode_s: float
    repair_s: float
    redecode_s: float


def silently_wrong(segment, concepts: dict, target_lang: str) -> int:
    """Terms reported as placed beyond the approved forms really in the text (counted apart
    from enforcement's own check, longest form first across the segment's concepts)."""
    from glossary.forms import find_form  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.model import TermKind  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    forms = sorted(
        {
            (form, term.concept_id)
            for term in segment.terms
            for kind in (TermKind.PREFERRED, TermKind.VARIANT)
            for form in concepts[term.concept_id].forms(target_lang, kind)
        },
        key=lambda pair: -len(pair[0]),
    )
    taken: list[tuple[int, int]] = []
    found: dict[int, int] = {}
    for form, concept_id in forms:
        for start, end in find_form(segment.text, form):
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                found[concept_id] = found.get(concept_id, 0) + 1
    wrong = 0
    for concept_id in {t.concept_id for t in segment.terms}:
        claimed = sum(1 for t in segment.terms if t.ok and t.concept_id == concept_id)
        wrong += max(0, claimed - found.get(concept_id, 0))
    return wrong


def measure_repairs(
    package, name, texts, engine, matcher, concepts, source_lang, target_lang, strategy=None
):
    from glossary.enforce import Strategy, translate_with_glossary  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    strategy = strategy or Strategy.INJECT

    spent = {"decode": 0.0, "redecode": 0.0}

    def resume(items, **kwargs):
        started = time.perf_counter()
        outputs = engine.resume(items, **kwargs)
        spent["redecode"] += time.perf_counter() - started
        for output in outputs:
            output.resume = resume  # a segment cut short twice is resumed twice
        return outputs

    def translate(texts, **kwargs):
        started = time.perf_counter()
        outputs = engine.translate(texts, source_lang, target_lang, **kwargs)
        spent["decode"] += time.perf_counter() - started
        for output in outputs:
            output.resume = resume  # timed apart from the first decode
        return outputs

    started = time.perf_counter()
    segments = translate_with_glossary(
        texts,
        translate,
        matcher,
        strategy=strategy,
        source_lang=source_lang,
        target_lang=target_lang,
        concepts=concepts,
    )
    total = time.perf_counter() - started
    by_id = {c.id: c for c in concepts}
    terms = [t for s in segments for t in s.terms]
    wrong = sum(silently_wrong(s, by_id, target_lang) for s in segments)
    return RepairRow(
        package=package,
        dataset=name,
        strategy=strategy.value,
        terms=len(terms),
        decoded=sum(1 for t in terms if t.ok and t.method in ("injected", "placeholder", "model")),
        present=sum(1 for t in terms if t.ok) - wrong,
        repaired=sum(1 for t in terms if t.method == "repaired"),
        redecoded=sum(1 for t in terms if t.method == "re-decoded"),
        flagged=sum(1 for t in terms if not t.ok),
        silently_wrong=wrong,
        forbidden_left=sum(len(s.forbidden_found) for s in segments),
        decode_s=spent["decode"],
        repair_s=total - spent["decode"] - spent["redecode"],
        redecode_s=spent["redecode"],
    )


REPAIR_HEADER = (
    "package",
    "set",
    "strategy",
    "terms",
    "as decoded",
    "present",
    "repaired",
    "re-decoded",
    "flagged",
    "silently wrong",
    "forbidden",
    "decode s",
    "repair s",
    "repair/decode",
    "re-decode s",
)


def repair_cells(row: RepairRow) -> tuple[str, ...]:
    share = row.repair_s / row.decode_s if row.decode_s else 0.0
    return (
        row.package,
        row.dataset,
        row.strategy,
        str(row.terms),
        str(row.decoded),
        f"{row.present} ({row.present / row.terms:.1%})" if row.terms else "0",
        str(row.repaired),
        str(row.redecoded),
        str(row.flagged),
        str(row.silently_wrong),
        str(row.forbidden_left),
        f"{row.decode_s:.2f}",
        f"{row.repair_s:.3f}",
        f"{share:.1%}",
        f"{row.redecode_s:.3f}",
    )


# Which strategies meet each fault: placeholders keep names away from the model, so garbled
# names show what inject must repair and placeholder never meets; garbled placeholders are the
# placeholder strategy's own fault.
REPAIR_RUNS = {
    "copy": ("inject", "placeholder"),
    "garbling": ("inject", "placeholder"),
    "dropping": ("inject",),
    "truncating": ("inject",),
    "placeholders": ("placeholder",),
}


def fault_packages(folder: Path, source_lang: str, target_lang: str) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT / "tests"))
    from support.tiny_package import DROPPING, GARBLING, PLACEHOLDER_GARBLING, TRUNCATING  # noqa: PLC0415 - test support: tests/ joins sys.path just above

    faults = {
        "copy": None,
        "garbling": GARBLING,
        "dropping": DROPPING,
        "truncating": TRUNCATING,
        "placeholders": PLACEHOLDER_GARBLING,
    }
    return {
        name: build_tiny_packages(folder, source_lang, target_lang, garble or {})
        for name, garble in faults.items()
    }


def measure(
    name: str, texts: list[str], translate, matcher, concepts, strategy, source_lang, target_lang
) -> Row:
    from glossary.enforce import translate_with_glossary  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    started = time.perf_counter()
    segments = translate_with_glossary(
        texts,
        translate,
        matcher,
        strategy=strategy,
        source_lang=source_lang,
        target_lang=target_lang,
        concepts=concepts,
    )
    seconds = time.perf_counter() - started
    terms = [term for segment in segments for term in segment.terms]
    return Row(
        dataset=name,
        strategy=strategy.value,
        segments=len(segments),
        terms=len(terms),
        model_ok=sum(1 for t in terms if t.ok and t.method != "repaired"),
        final_ok=sum(1 for t in terms if t.ok),
        segments_ok=sum(1 for s in segments if s.ok),
        forbidden_left=sum(len(s.forbidden_found) for s in segments),
        seconds=seconds,
    )


HEADER = ("set", "strategy", "segments", "terms", "model", "final", "segments ok", "forbidden", "s")


def cells(row: Row) -> tuple[str, ...]:
    return (
        row.dataset,
        row.strategy,
        str(row.segments),
        str(row.terms),
        f"{row.model:.1%}",
        f"{row.final:.1%}",
        f"{row.segments_ok}/{row.segments}",
        str(row.forbidden_left),
        f"{row.seconds:.2f}",
    )


def table(rows: list[Row], header=HEADER, make=cells) -> str:
    lines = [header, *(make(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines
    )


def markdown(rows: list[Row], setup: str, repairs: list[RepairRow] = ()) -> str:
    out = [
        "# Glossary enforcement benchmark",
        "",
        setup,
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    out += ["| " + " | ".join(cells(row)) + " |" for row in rows]
    out += [
        "",
        "model: the term was in the raw MT output; final: in the translation after repair.",
        "",
    ]
    if repairs:
        out += [
            "## Repair: packages that garble, drop and cut short names",
            "",
            "| " + " | ".join(REPAIR_HEADER) + " |",
            "|" + "---|" * len(REPAIR_HEADER),
        ]
        out += ["| " + " | ".join(repair_cells(row)) + " |" for row in repairs]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.enforcement", description=__doc__)
    parser.add_argument("--packages", type=Path, help="installed Argos packages (default: tiny)")
    parser.add_argument("--pair", default="ko:en", help="source:target (default ko:en)")
    parser.add_argument("--glossary", type=Path, help="termbase .db or curated .json")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown here")
    parser.add_argument(
        "--no-repairs", action="store_true", help="skip the packages that garble names"
    )
    parser.add_argument(
        "--text",
        type=Path,
        action="append",
        default=[],
        help="also run the sentences of this file (one a line) that hold a glossary term",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from glossary.enforce import Strategy  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.matching import TermMatcher  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from translation.engine import Engine  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    source_lang, _, target_lang = args.pair.partition(":")
    if not target_lang:
        parser.error(f"--pair wants source:target, e.g. ko:en, not {args.pair!r}")
    sets = datasets(source_lang)
    if not sets:
        parser.error(f"no benchmark text for source language {source_lang!r} in {DATA}")
    concepts = load_concepts(args.glossary)
    matcher = TermMatcher(concepts, source_lang, target_lang)
    for path in args.text:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            parser.error(f"--text {path}: {error}")
        # Real text (a news corpus): only the lines with a term say anything about terms
        sets[path.stem] = [line.strip() for line in lines if matcher.find(line.strip())]
    with tempfile.TemporaryDirectory(prefix="bench-enforcement-") as scratch:
        packages = args.packages or build_tiny_packages(Path(scratch), source_lang, target_lang)
        engine = Engine(packages)
        translate = functools.partial(engine.translate, source=source_lang, target=target_lang)
        rows = [
            measure(name, texts, translate, matcher, concepts, strategy, source_lang, target_lang)
            for name, texts in sets.items()
            for strategy in Strategy
        ]
        engine.close()
        repairs: list[RepairRow] = []
        if args.packages is None and not args.no_repairs:
            for package, folder in fault_packages(Path(scratch), source_lang, target_lang).items():
                faulty = Engine(folder)
                repairs += [
                    measure_repairs(
                        package,
                        name,
                        texts,
                        faulty,
                        matcher,
                        concepts,
                        source_lang,
                        target_lang,
                        Strategy(strategy),
                    )
                    for strategy in REPAIR_RUNS[package]
                    for name, texts in sets.items()
                ]
                faulty.close()
    which = "tiny copy package (tests/support)" if args.packages is None else str(args.packages)
    setup = (
        f"{source_lang}→{target_lang}, {len(concepts)} concepts, packages: {which}; "
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    print(setup)
    print(table(rows))
    if repairs:
        print()
        print(table(repairs, REPAIR_HEADER, repair_cells))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown(rows, setup, repairs), encoding="utf-8")
        print(f"written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
