"""Start-up: main.py open to the painted grid, against importing Argos (python -m bench.startup)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.common import PYTHON, Figure, child_env, print_table, run_child

TARGET_RATIO = 0.35
TARGET_RSS_MB = 150.0
MARKER = "HANBIT_SHOWN rows="


def measure(repeats: int = 5) -> list[Figure]:
    """Best of repeats, the two commands alternating so a busy moment hits both alike."""
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        data, packages = Path(scratch) / "data", Path(scratch) / "packages"
        packages.mkdir()
        env = child_env(
            HANBIT_DATA_DIR=str(data),
            ARGOS_PACKAGES_DIR=str(packages),
            HANBIT_EXIT_WHEN_SHOWN="1",
            XDG_CONFIG_HOME=str(Path(scratch) / "config"),  # QSettings: no user's window state
        )
        desk = [PYTHON, "main.py", "open"]
        argos = [PYTHON, "-c", "import argostranslate.translate"]
        # The first start makes the sample project and merges the curated glossary; it is
        # reported on its own, the later ones are the everyday case.
        first, first_rss, out = run_child(desk, env)
        rows = _rows(out)
        ours, theirs, rss = [], [], [first_rss]
        run_child(argos, env)  # warm the disk cache for Argos too
        for _ in range(repeats):
            seconds, peak, out = run_child(desk, env)
            _rows(out)
            ours.append(seconds)
            rss.append(peak)
            theirs.append(run_child(argos, env)[0])
    best, reference = min(ours), min(theirs)
    note = f"best of {repeats}: {best:.2f} s vs {reference:.2f} s for the import; {rows} rows"
    return [
        Figure(
            "startup",
            "open → grid painted / import argostranslate.translate",
            best / reference,
            TARGET_RATIO,
            "x",
            note=note,
        ),
        Figure(
            "startup",
            "first start (makes sample project, merges glossary)",
            first,
            reference * TARGET_RATIO,
            "s",
            note="same target in seconds",
        ),
        Figure(
            "startup",
            "peak RSS before a model loads",
            max(rss),
            TARGET_RSS_MB,
            "MB",
            note="ru_maxrss of the child, worst run",
        ),
    ]


def _rows(out: str) -> int:
    for line in out.splitlines():
        if line.startswith(MARKER):
            return int(line[len(MARKER) :])
    raise RuntimeError(f"the window never said it was shown (no {MARKER!r} line): {out[-500:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.repeats)
    print_table(figures)
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
