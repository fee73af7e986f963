"""Glossary enforcement benchmark: term accuracy per strategy (`python -m bench.enforcement`).

Term accuracy is the share of required target terms (one per term occurrence the matcher finds
in the source) whose approved or accepted form is in the final translation. "model" counts
the ones the output had before any repair; "final" counts them after repair, which is what
a translator receives. Without --packages the tiny copy package of the tests is built: it
copies its input, so it shows the enforcement machinery, not translation quality, and the
default strategy must reach 100%.
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
    import paths
    from documents.segmentation import segment_document

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
    import paths
    from glossary.curated import read_curated
    from glossary.store import Termbase

    path = path or paths.CURATED_GLOSSARY
    if path.suffix.lower() == ".json":
        _version, concepts = read_curated(path)
        for number, concept in enumerate(concepts, start=1):
            concept.id = number
        return concepts
    with Termbase(path) as termbase:
        return termbase.concepts()


def build_tiny_packages(folder: Path, source_lang: str, target_lang: str) -> Path:
    """The tests' copy-model package for the pair (test support code: it imports torch)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from support.tiny_package import build_copy_package, train_sentencepiece
    from translation.languages import to_argos

    tokenizer = train_sentencepiece(folder / "sentencepiece.model")
    packages = folder / "packages"
    build_copy_package(
        packages, to_argos(source_lang), to_argos(target_lang), sentencepiece_model=tokenizer
    )
    return packages


def measure(
    name: str, texts: list[str], translate, matcher, concepts, strategy, source_lang, target_lang
) -> Row:
    from glossary.enforce import translate_with_glossary

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


def table(rows: list[Row]) -> str:
    lines = [HEADER, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(HEADER))]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in lines
    )


def markdown(rows: list[Row], setup: str) -> str:
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
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.enforcement", description=__doc__)
    parser.add_argument("--packages", type=Path, help="installed Argos packages (default: tiny)")
    parser.add_argument("--pair", default="ko:en", help="source:target (default ko:en)")
    parser.add_argument("--glossary", type=Path, help="termbase .db or curated .json")
    parser.add_argument("--markdown", type=Path, help="also write the results as Markdown here")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from glossary.enforce import Strategy
    from glossary.matching import TermMatcher
    from translation.engine import Engine

    source_lang, _, target_lang = args.pair.partition(":")
    if not target_lang:
        parser.error(f"--pair wants source:target, e.g. ko:en, not {args.pair!r}")
    sets = datasets(source_lang)
    if not sets:
        parser.error(f"no benchmark text for source language {source_lang!r} in {DATA}")
    concepts = load_concepts(args.glossary)
    matcher = TermMatcher(concepts, source_lang, target_lang)
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
    which = "tiny copy package (tests/support)" if args.packages is None else str(args.packages)
    setup = (
        f"{source_lang}→{target_lang}, {len(concepts)} concepts, packages: {which}; "
        f"{platform.platform()}, Python {platform.python_version()}, "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )
    print(setup)
    print(table(rows))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(markdown(rows, setup), encoding="utf-8")
        print(f"written to {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
