"""Headless translate: `main.py translate` of the sample article, whole process, against a bare
script that imports CTranslate2 and sentencepiece, loads the same package and decodes the same
segments (bench/translate_headless_reference.py). (python -m bench.translate_headless)

The package is the tests' tiny copy model (tests/support/tiny_package.py): loading and decoding
cost what they cost for any package of its size, so the ratio measures what the desk adds on
top (its imports, segmentation, the termbase and curated glossary, enforcement, output).

Its tokenizer is trained here the way argos-train trains a real package's: one SentencePiece
model on the source and the target side of the same parallel text together. argos-train
(github.com/argosopentech/argos-train, argostrain/train.py lines 146-165) concatenates
run/split_data/src-train.txt and tgt-train.txt into all.txt and runs `spm_train
--input=run/split_data/all.txt --vocab_size=50000`; its config.yml gives that one model as
src_subword_model and tgt_subword_model (lines 32-33) with share_vocab: True (line 15). So
English in a real ko->en package's source is cut into English pieces. The tests' tokenizer
knows the article's hangul but only a few hundred template lines of English: enforcement,
which puts each term's approved English form into the source before decoding, got its
English cut into letters (Aju Business Daily: 13 pieces, Kim Geun-jeong 14), the texts the
engine was given were a third more pieces than the article (1,781 against 1,347) and the
desk was measured decoding a third more than the bare script. Here the training text is the
tests' (the article, English and Chinese template lines) plus the English side of the same
material: an English rendering of the article (bench/data/alipay-australia-2014.en.txt) and
each English form of the curated glossary in two plain sentences, as the English half of a
news corpus holds them. Names a corpus rarely sees stay in pieces (Kim Geun-jeong: 10,
Economic Information Daily: 9); the article's terms injected come to about 5% more pieces
than the Korean they replace, which is the decoding enforcement adds, not a tokenizer's
accident. The note prints both counts.

The target holds the desk as a translator runs it (the glossary enforced) against the bare
script decoding the article's segments. Two more figures are reported beside it:
`--no-glossary` against the same bare script, and the desk against the bare script decoding
the very texts the engine was given (what the desk adds on top of decoding them: imports,
glossary, enforcement).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, child_env, compile_sources, print_table, run_child

TARGET_RATIO = 1.20


ENGLISH_SIDE = ROOT / "bench" / "data" / "alipay-australia-2014.en.txt"
# Plain news sentences that carry each English form of the curated glossary (see above)
FRAMES = ("{} was in the news again this week.", "Analysts said {} would matter more next year.")


def english_side() -> list[str]:
    """The target half of the tokenizer's training text: the article in English, and every
    English form of the curated glossary in plain sentences."""
    import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    article = ENGLISH_SIDE.read_text(encoding="utf-8").splitlines()
    curated = json.loads(paths.CURATED_GLOSSARY.read_text(encoding="utf-8"))
    forms: list[str] = []
    for concept in curated["concepts"]:
        variants = concept.get("variants", {}).get("en", [])
        for form in [concept["preferred"].get("en"), *variants]:
            text = form["text"] if isinstance(form, dict) else form
            if text and text not in forms:
                forms.append(text)
    return [line for line in article if line.strip()] + [
        frame.format(form) for form in forms for frame in FRAMES
    ]


def _package(folder: Path) -> Path:
    """The tiny ko->en package, its tokenizer trained on both sides as argos-train trains one
    (test support code: it imports torch, so only here)."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    from support.tiny_package import build_copy_package, train_sentencepiece, training_lines  # noqa: PLC0415 - test support: tests/ joins sys.path just above

    packages = folder / "packages"
    packages.mkdir()
    lines = training_lines() + english_side()
    model = train_sentencepiece(folder / "sentencepiece.model", lines)
    build_copy_package(packages, "ko", "en", sentencepiece_model=model)
    return packages


def _pieces(package: Path, *texts: Path) -> list[int]:
    """How many pieces the package's tokenizer cuts each file's lines into."""
    import sentencepiece as spm  # noqa: PLC0415 - bench: loads when this measurement runs

    processor = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    return [
        sum(len(processor.encode(line)) for line in text.read_text("utf-8").splitlines())
        for text in texts
    ]


def measure(repeats: int = 5) -> list[Figure]:
    """Best of repeats, the four commands alternating so a busy moment hits them alike. The
    desk's data folder is made by a first run (termbase, curated glossary merged), as on any
    day after the first."""
    import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    compile_sources()
    with tempfile.TemporaryDirectory(prefix="bench-translate-") as scratch:
        folder = Path(scratch)
        packages = _package(folder)
        package = next(packages.iterdir())
        env = child_env(HANBIT_DATA_DIR=str(folder / "data"))
        desk = [
            PYTHON, str(ROOT / "main.py"), "translate", str(paths.SAMPLE_ARTICLE),
            "--from", "ko", "--to", "en", "--packages", str(packages),
        ]  # fmt: skip
        first, _, out = run_child([*desk, "--format", "json"], env)
        rows = json.loads(out)
        segments, prepared = folder / "segments.txt", folder / "prepared.txt"
        segments.write_text("\n".join(row["source"] for row in rows), "utf-8")
        prepared.write_text("\n".join(row["glossary"]["prepared"] for row in rows), "utf-8")
        pieces = _pieces(package, segments, prepared)
        script = str(ROOT / "bench" / "translate_headless_reference.py")
        commands = {
            "desk": desk,
            "plain": [*desk, "--no-glossary"],
            "bare": [PYTHON, script, str(package), str(segments)],
            "bare_prepared": [PYTHON, script, str(package), str(prepared)],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeats):
            for name, command in commands.items():
                times[name].append(run_child(command, env)[0])
    best = {name: min(seconds) for name, seconds in times.items()}
    note = (
        f"best of {repeats}: {best['desk']:.2f} s vs {best['bare']:.2f} s for CTranslate2 + "
        f"sentencepiece alone on the same {len(rows)} segments (tiny copy package); "
        f"--no-glossary {best['plain']:.2f} s; the bare script decoding the texts the engine "
        f"was given (terms injected) {best['bare_prepared']:.2f} s; the first run, which makes "
        f"the termbase and merges the curated glossary, took {first:.2f} s; the article is "
        f"{pieces[0]:,} pieces, the texts the engine was given {pieces[1]:,}"
    )
    return [
        Figure(
            "translate_headless",
            "main.py translate (whole process) / bare CTranslate2 + sentencepiece script",
            best["desk"] / best["bare"],
            TARGET_RATIO,
            "x",
            note=note,
        ),
        Figure(
            "translate_headless",
            "main.py translate --no-glossary / the same bare script",
            best["plain"] / best["bare"],
            None,
            "x",
        ),
        Figure(
            "translate_headless",
            "main.py translate / bare script decoding the texts the engine was given",
            best["desk"] / best["bare_prepared"],
            None,
            "x",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.translate_headless")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.repeats)
    print_table(figures)
    for figure in figures:
        if figure.note:
            print(figure.note)
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
