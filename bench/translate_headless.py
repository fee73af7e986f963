"""Headless translate: `main.py translate` of the sample article, whole process, against a bare
script that imports CTranslate2 and sentencepiece, loads the same package and decodes the same
segments (bench/translate_headless_reference.py). (python -m bench.translate_headless)

The package is the tests' tiny copy model (tests/support/tiny_package.py): loading and decoding
cost what they cost for any package of its size, so the ratio measures what the desk adds on
top (its imports, segmentation, the termbase and curated glossary, enforcement, output).

The target holds the desk as a translator runs it (the glossary enforced) against the bare
script decoding the article's segments. Enforcement also changes what is decoded: each term
is replaced by its approved English form before decoding, and the tiny package's tokenizer,
trained mostly on hangul, cuts English into letters (Australia: 6 pieces): the texts the
engine is given are a third more pieces than the article's (1,781 against 1,347) and take up
to twice as long to decode, where a real ko->en package has whole pieces for English names.
Two more figures are reported beside it: `--no-glossary` against the same bare script, and
the desk against the bare script decoding the very texts the engine was given (what the desk
adds on top of decoding them: imports, glossary, enforcement, the attention it keeps).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, child_env, compile_sources, print_table, run_child

TARGET_RATIO = 1.20


def _package(folder: Path) -> Path:
    """The tiny ko->en package (test support code: it imports torch, so only here)."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    from support.tiny_package import build_copy_package, train_sentencepiece  # noqa: PLC0415 - test support: tests/ joins sys.path just above

    packages = folder / "packages"
    packages.mkdir()
    model = train_sentencepiece(folder / "sentencepiece.model")
    build_copy_package(packages, "ko", "en", sentencepiece_model=model)
    return packages


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
        f"the termbase and merges the curated glossary, took {first:.2f} s"
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
