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
    """Best of repeats, the commands alternating so a busy moment hits them alike.

    Each repeat starts the desk on a fresh data folder (the first start: it makes the sample
    project and merges the curated glossary), then again on that folder (the everyday
    start), then imports Argos Translate.
    """
    desk = [PYTHON, "main.py", "open"]
    argos = [PYTHON, "-c", "import argostranslate.translate"]
    firsts, ours, theirs, rss = [], [], [], []
    rows = 0
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        packages = Path(scratch) / "packages"
        packages.mkdir()
        run_child(argos, child_env())  # the disk cache warm for Argos as for us
        for number in range(repeats):
            env = child_env(
                HANBIT_DATA_DIR=str(Path(scratch) / f"data-{number}"),
                ARGOS_PACKAGES_DIR=str(packages),
                HANBIT_EXIT_WHEN_SHOWN="1",
                # QSettings: no window state or recent projects of the user's
                XDG_CONFIG_HOME=str(Path(scratch) / f"config-{number}"),
            )
            for times in (firsts, ours):
                seconds, peak, out = run_child(desk, env)
                rows = _rows(out)
                times.append(seconds)
                rss.append(peak)
            theirs.append(run_child(argos, env)[0])
    first = min(firsts)
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
            note=f"best of {repeats} on fresh data folders; the same target, in seconds",
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
