"""Projects: a 5,000-segment project opens into the grid; TM lookup p95 among 100,000 units."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, print_table

TARGET_OPEN_S = 1.0
TARGET_TM_P95_MS = 50.0


def make_project(path: Path, count: int, seed: int = 13) -> Path:
    """A project of count news sentences, the first half translated, the rest MT drafts or new."""
    from bench.memory import synthetic_units  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from documents.project import Project  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from documents.project_model import Segment, Status  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    rng = random.Random(seed)
    units = synthetic_units(count, seed=seed)
    segments = []
    for number, (source, target) in enumerate(units, start=1):
        done = number <= count // 2
        mt = "" if rng.random() < 0.3 else f"MT draft of {target}"
        segments.append(
            Segment(
                id=0, number=number, paragraph=number // 6, source=source,
                target=target if done else "", status=Status.TRANSLATED if done else Status.NEW,
                mt=mt, mt_info={"strategy": "inject", "ok": True, "terms": []} if mt else {},
            )
        )  # fmt: skip
    Project.create_from_segments(
        path, segments, source_lang="ko", target_lang="en", name="bench", origin="bench"
    ).close()
    return path


def time_open(path: Path, repeats: int = 3) -> tuple[float, int]:
    """Best of repeats: Project.open, segments(), the grid's model and view ready."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application  # noqa: PLC0415 - Qt: loads after QT_QPA_PLATFORM is set just above
    from desktop.grid.segment_model import SegmentModel, StatusFilterModel  # noqa: PLC0415 - Qt: loads after QT_QPA_PLATFORM is set just above
    from desktop.grid.segment_view import SegmentView  # noqa: PLC0415 - Qt: loads after QT_QPA_PLATFORM is set just above
    from documents.project import Project  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    make_application()
    best, rows = float("inf"), 0
    for _ in range(repeats):
        started = time.perf_counter()
        project = Project.open(path)
        model = SegmentModel(project)  # reads segments() and counts words
        proxy = StatusFilterModel()
        proxy.setSourceModel(model)
        view = SegmentView()
        view.setModel(proxy)
        rows = proxy.rowCount()
        best = min(best, time.perf_counter() - started)
        view.deleteLater()
        project.close()
    return best, rows


def measure(segments: int = 5000, tm_units: int = 100_000, lookups: int = 200) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-projects-") as scratch:
        path = make_project(Path(scratch) / "big.hanbit", segments)
        seconds, rows = time_open(path)
    figures = [
        Figure(
            "projects",
            f"{segments:,}-segment project opens into the grid",
            seconds,
            TARGET_OPEN_S,
            "s",
            note=f"best of 3; {rows:,} rows",
        ),  # fmt: skip
    ]
    if tm_units:
        from bench import memory  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

        result = memory.run(tm_units, lookups, None, check=0)
        figures.append(
            Figure(
                "projects",
                f"TM fuzzy lookup p95 among {tm_units:,} units",
                result["p95_ms"],
                TARGET_TM_P95_MS,
                "ms",
                note=f"bench.memory: {result['lookups']} lookups, p50 {result['p50_ms']:.1f} ms",
            )  # fmt: skip
        )
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.projects", description=__doc__)
    parser.add_argument("--segments", type=int, default=5000)
    parser.add_argument("--tm-units", type=int, default=100_000, help="0: skip the TM figure")
    args = parser.parse_args(argv)
    figures = measure(args.segments, args.tm_units)
    print_table(figures)
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
