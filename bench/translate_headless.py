"""Headless translate: `main.py translate` of the sample article, whole process, against a bare
script that imports CTranslate2 and sentencepiece, loads the same package and decodes the same
segments (bench/translate_headless_reference.py). (python -m bench.translate_headless)

The package is the tests' tiny copy model (tests/support/tiny_package.py): loading and decoding
cost what they cost for any package of its size, so the ratio measures what the desk adds on
top (its imports, segmentation, the termbase and curated glossary, enforcement, output).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, child_env, print_table, run_child

TARGET_RATIO = 1.20


def _package(folder: Path) -> Path:
    """The tiny ko->en package (test support code: it imports torch, so only here)."""
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    from support.tiny_package import build_copy_package, train_sentencepiece

    packages = folder / "packages"
    packages.mkdir()
    model = train_sentencepiece(folder / "sentencepiece.model")
    build_copy_package(packages, "ko", "en", sentencepiece_model=model)
    return packages


def measure(repeats: int = 5) -> list[Figure]:
    """Best of repeats, the two commands alternating so a busy moment hits them alike. The
    desk's data folder is made by a first run (termbase, curated glossary merged), as on any
    day after the first."""
    import paths

    with tempfile.TemporaryDirectory(prefix="bench-translate-") as scratch:
        folder = Path(scratch)
        packages = _package(folder)
        package = next(packages.iterdir())
        env = child_env(HANBIT_DATA_DIR=str(folder / "data"))
        desk = [
            PYTHON, str(ROOT / "main.py"), "translate", str(paths.SAMPLE_ARTICLE),
            "--from", "ko", "--to", "en", "--packages", str(packages),
        ]  # fmt: skip
        first, _, out = run_child(desk, env)
        lines = folder / "segments.txt"
        lines.write_text("\n".join(row.split("\t")[1] for row in out.splitlines()), "utf-8")
        reference = [PYTHON, str(ROOT / "bench" / "translate_headless_reference.py"),
                     str(package), str(lines)]  # fmt: skip
        ours, theirs = [], []
        for _ in range(repeats):
            ours.append(run_child(desk, env)[0])
            theirs.append(run_child(reference, env)[0])
    best, floor = min(ours), min(theirs)
    note = (
        f"best of {repeats}: {best:.2f} s vs {floor:.2f} s for CTranslate2 + sentencepiece "
        f"alone on the same {len(out.splitlines())} segments (tiny copy package); the first "
        f"run, which makes the termbase and merges the curated glossary, took {first:.2f} s"
    )
    return [
        Figure(
            "translate_headless",
            "main.py translate (whole process) / bare CTranslate2 + sentencepiece script",
            best / floor,
            TARGET_RATIO,
            "x",
            note=note,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.translate_headless")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.repeats)
    print_table(figures)
    for figure in figures:
        print(figure.note)
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
