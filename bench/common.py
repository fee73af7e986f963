"""Shared pieces of the benchmarks: a figure with its target, machine facts, the results table."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(__file__).resolve().parent / ".cache"  # built models; ignored by git (see .gitignore)
PYTHON = sys.executable


@dataclass
class Figure:
    """One measured figure against its target; ratio is measured / target limit."""

    bench: str
    name: str
    measured: float
    limit: float | None  # the target: measured stays below it (above: at_least); None: no target
    unit: str = ""  # "x" for ratios, "ms", "s", "MB"
    at_least: bool = False  # True: the target is a minimum (a speed-up)
    note: str = ""
    error: str = ""  # the bench failed: why

    @property
    def measured_here(self) -> bool:
        return self.measured == self.measured  # NaN: not measured here (no CUDA device)

    @property
    def met(self) -> bool | None:
        if not self.measured_here or self.limit is None:
            return None
        return self.measured >= self.limit if self.at_least else self.measured < self.limit

    @property
    def target(self) -> str:
        if self.limit is None:
            return "(reported)"
        return f"{'≥' if self.at_least else '<'} {_number(self.limit)}{_unit(self.unit)}"

    @property
    def value(self) -> str:
        if not self.measured_here:
            return "n/a"
        return f"{_number(self.measured)}{_unit(self.unit)}"

    @property
    def ratio(self) -> str:
        """How much of the target is used (< 1 is good), or how far above it (at_least)."""
        if self.met is None or not self.limit:
            return "–"
        return f"{self.measured / self.limit:.2f}"

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if not self.measured_here:
            return "not run"
        return {True: "MET", False: "NOT MET", None: "–"}[self.met]


def _number(value: float) -> str:
    if value == 0 or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    if abs(value) >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _unit(unit: str) -> str:
    return unit if unit in ("x", "") else f" {unit}"


def machine() -> dict[str, str]:
    """Facts a reader needs to weigh the figures: cores, CPU model, Python, libraries."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import ctranslate2  # noqa: PLC0415 - optional: machine() reports a missing ctranslate2

        ct2 = ctranslate2.__version__
        cuda = ctranslate2.get_cuda_device_count()
    except ImportError:
        ct2, cuda = "missing", 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "date": f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        "cpu": cpu,
        "cores": f"{usable} usable of {os.cpu_count()}",
        "os": platform.platform(),
        "python": platform.python_version(),
        "ctranslate2": f"{ct2} ({cuda} CUDA device{'s' if cuda != 1 else ''})",
    }


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


PACKAGES = ("cli", "desktop", "documents", "glossary", "memory", "qa", "storage", "translation",
            "workflows")  # fmt: skip


def compile_sources() -> None:
    """Byte-compile the desk as an install does (pip writes .pyc files; so does PyInstaller):
    with PYTHONDONTWRITEBYTECODE set, as on this machine, every run would otherwise compile
    each module from source, a cost no installed desk pays and a bare script barely has."""
    import compileall  # noqa: PLC0415 - bench: only when a timed child is about to run

    for package in PACKAGES:
        compileall.compile_dir(ROOT / package, quiet=2)
    for module in ("main.py", "paths.py"):
        compileall.compile_file(ROOT / module, quiet=2)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child python: the project importable, Qt offscreen."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


def run_child(
    args: list[str], env: dict[str, str], timeout: float = 120
) -> tuple[float, float, str]:
    """Run a child process; (wall seconds, its peak RSS in MB, stdout). Raises on failure."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=err, text=True)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        try:
            # wait4, not wait: it hands back this child's own resource usage (ru_maxrss).
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            killer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({process.returncode}): {stderr[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, stdout  # Linux reports ru_maxrss in KiB


def table(figures: list[Figure]) -> list[list[str]]:
    rows = [["bench", "figure", "target", "measured", "ratio", "result"]]
    for f in figures:
        rows.append([f.bench, f.name, f.target, f.value, f.ratio, f.verdict])
    return rows


def print_table(figures: list[Figure]) -> None:
    rows = table(figures)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for number, row in enumerate(rows):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def markdown_table(figures: list[Figure]) -> str:
    rows = table(figures)
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    for row in rows[1:]:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)
