"""Responsiveness of the real window (offscreen): event-loop stalls during Translate all, scrolling.

`python -m bench.responsiveness`. A 5 ms QTimer probe records the gaps between its ticks while
Translate all runs on the article with the random-weight model of Argos dimensions; a gap much
longer than 5 ms is a moment the window could not react. Scrolling: a 5,000-segment project,
one wheel step (three rows) at a time, timed from the scroll to the end of the repaint.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Figure, percentile, print_table

TARGET_STALL_MS = 50.0
TARGET_FRAME_MS = 16.0
PROBE_MS = 5


def _window(project: Path, data: Path, packages: Path, scratch: Path):
    """The desk window as main.py open builds it, with its panels, settings in scratch."""
    from PySide6.QtCore import QSettings  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    from desktop.settings import Settings  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    settings = Settings(QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(project, data_dir=data, packages_dir=packages, settings=settings)
    window.resize(1400, 900)
    window.show()
    return window


def _wait(app, condition, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"gave up after {timeout_s:.0f} s")
        app.processEvents()
        time.sleep(0.001)  # a bench loop, not a test: let the worker threads run


def stall_during_translate_all(app, scratch: Path, name: str) -> tuple[float, int, float]:
    """(longest gap in ms, probe ticks, seconds) while Translate all fills the article."""
    from PySide6.QtCore import QEventLoop, QTimer  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    from bench.random_model import package_dir  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from desktop.tasks import task_runner  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM
    from workflows.new_project import sample_project  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    data = scratch / name
    window = _window(sample_project(data), data, package_dir(), scratch)
    _wait(app, lambda: window.view.viewport().isVisible(), 10)
    # What the window does once it has painted (the curated glossary merged and opened, the
    # memory's index, the document's QA) is start-up, not part of the run: let it finish.
    _wait(app, lambda: window.glossary_is_ready, 60)
    task_runner().wait()
    app.processEvents()

    ticks: list[float] = []
    probe = QTimer(interval=PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    outcome: list[bool] = []
    window.sig_translation_finished.connect(
        lambda completed: (outcome.append(completed), loop.quit())
    )
    guard = QTimer(singleShot=True, interval=300_000)
    guard.timeout.connect(loop.quit)
    probe.start()
    started = time.perf_counter()
    ticks.append(started)
    if not window.translate_all():
        raise RuntimeError("Translate all did not start (no route for the random package?)")
    guard.start()
    loop.exec()
    ticks.append(time.perf_counter())
    probe.stop()
    seconds = time.perf_counter() - started
    if outcome != [True]:
        raise RuntimeError("Translate all did not complete within 300 s")
    filled = sum(1 for s in window.model.segments() if s.mt)
    _dispose(app, window)
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]
    return max(gaps), filled, seconds


def _longest_gap(app, seconds: float) -> float:
    """The longest gap of a 5 ms probe, in ms, while the event loop runs for seconds."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    ticks = [time.perf_counter()]
    probe = QTimer(interval=PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    while time.perf_counter() - ticks[0] < seconds:
        app.processEvents()
        time.sleep(0.001)
    probe.stop()
    ticks.append(time.perf_counter())
    return max((b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False))


def _dispose(app, window) -> None:
    window.close()
    window.deleteLater()
    app.processEvents()


def scroll_frames(app, scratch: Path, segments: int, steps: int) -> tuple[list[float], float]:
    """Milliseconds from a wheel step to its repaint done, for each of steps steps; and the
    longest stall in the seconds after the project opened (panels fill, QA runs)."""
    from PySide6.QtCore import QEvent, QObject  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    from bench.projects import make_project  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from desktop.tasks import task_runner  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    data = scratch / "scroll-data"
    data.mkdir()
    project = make_project(data / "big.hanbit", segments)
    window = _window(project, data, scratch / "no-packages", scratch)
    view = window.view
    settling = _longest_gap(app, 3.0)
    task_runner().wait()
    app.processEvents()

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    paints = Paints()
    view.viewport().installEventFilter(paints)
    bar = view.verticalScrollBar()
    step = 3 * view.verticalHeader().defaultSectionSize()  # one wheel notch: three rows
    frames = []
    for _ in range(steps):
        before = Paints.count
        started = time.perf_counter()
        bar.setValue(min(bar.value() + step, bar.maximum()))
        app.processEvents()  # row sizing for the newly visible rows, then the paint
        if Paints.count == before:
            view.viewport().repaint()
        frames.append((time.perf_counter() - started) * 1000)
    _dispose(app, window)
    return frames, settling


def measure(segments: int = 5000, steps: int = 200, runs: int = 2) -> list[Figure]:
    """runs: Translate all runs, each on a fresh copy of the article; the quietest counts (an
    OS pause of the whole process on a busy machine is no stall of ours)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import make_application  # noqa: PLC0415 - Qt: loads after main() sets QT_QPA_PLATFORM

    app = make_application()
    with tempfile.TemporaryDirectory(prefix="bench-responsiveness-") as folder:
        scratch = Path(folder)
        (scratch / "no-packages").mkdir()
        stalls = [stall_during_translate_all(app, scratch, f"stall-{n}") for n in range(runs)]
        longest, filled, seconds = min(stalls)
        frames, settling = scroll_frames(app, scratch, segments, steps)
    return [
        Figure(
            "responsiveness",
            "longest event-loop stall during Translate all",
            longest,
            TARGET_STALL_MS,
            "ms",
            note=f"{PROBE_MS} ms timer probe, the quieter of {runs} runs "
            f"({', '.join(f'{s[0]:.1f}' for s in stalls)} ms); {filled} segments in "
            f"{seconds:.1f} s (random model of Argos dimensions)",
        ),
        Figure(
            "responsiveness",
            f"scroll step repainted, {segments:,} segments (p95)",
            percentile(frames, 0.95),
            TARGET_FRAME_MS,
            "ms",
            note=f"{steps} wheel steps of three rows; median "
            f"{percentile(frames, 0.5):.1f} ms, max {max(frames):.1f} ms",
        ),
        Figure(
            "responsiveness",
            f"longest stall in the 3 s after opening {segments:,} segments",
            settling,
            None,
            "ms",
            note="panels fill, the document QA runs, first rows are sized (fonts load)",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.responsiveness", description=__doc__)
    parser.add_argument("--segments", type=int, default=5000)
    parser.add_argument("--steps", type=int, default=200)
    args = parser.parse_args(argv)
    figures = measure(args.segments, args.steps)
    print_table(figures)
    for figure in figures:
        print(f"  {figure.name}: {figure.note}")
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
