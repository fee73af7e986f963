"""Start-up: main.py open to the painted grid, against a minimal PySide6 table of the same lines.

The yardstick is `bench/startup_reference.py`: the interpreter, Qt, one QTableWidget holding
the sample's source segments, painted once. Whatever the desk adds on top of that floor
(its own imports, the project, the glossary, panels) is what the ratio measures.
(python -m bench.startup)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from bench.common import PYTHON, ROOT, Figure, child_env, compile_sources, print_table, run_child

TARGET_RATIO = 2.5
TARGET_RSS_MB = 150.0
MARKER = "HANBIT_SHOWN rows="


def _segment_lines(data: Path) -> Path:
    """The sample project's source segments, one per line, for the reference program."""
    from documents.project import Project  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    project_file = next((data / "projects").glob("*.hanbit"))
    with Project.open(project_file, read_only=True) as project:
        lines = [" ".join(segment.source.split()) for segment in project.segments()]
    out = data / "segments.txt"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def measure(repeats: int = 5) -> list[Figure]:
    """Best of repeats, the commands alternating so a busy moment hits them alike.

    Each repeat starts the desk on a fresh data folder (the first start: it makes the sample
    project and merges the curated glossary), then again on that folder (the everyday
    start), then the reference table of the same segments.
    """
    desk = [PYTHON, "main.py", "open"]
    compile_sources()
    firsts, ours, theirs, rss = [], [], [], []
    rows = reference_rows = 0
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as scratch:
        packages = Path(scratch) / "packages"
        packages.mkdir()
        for number in range(repeats):
            data = Path(scratch) / f"data-{number}"
            env = child_env(
                HANBIT_DATA_DIR=str(data),
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
            reference = [
                PYTHON,
                str(ROOT / "bench" / "startup_reference.py"),
                str(_segment_lines(data)),
            ]
            seconds, _, out = run_child(reference, env)
            reference_rows = _rows(out)
            theirs.append(seconds)
    first = min(firsts)
    best, floor = min(ours), min(theirs)
    note = (
        f"best of {repeats}: {best:.2f} s vs {floor:.2f} s for a bare QTableWidget of the same "
        f"{reference_rows} segments; the desk showed {rows} rows"
    )
    return [
        Figure(
            "startup",
            "open → grid painted / minimal PySide6 table of the same lines",
            best / floor,
            TARGET_RATIO,
            "x",
            note=note,
        ),
        Figure(
            "startup",
            "first start (makes sample project, merges glossary)",
            first / floor,
            TARGET_RATIO,
            "x",
            note=f"best of {repeats} on fresh data folders: {first:.2f} s; the same target",
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
