"""The start-up benchmark hook: main.py open prints a marker and quits once the grid is painted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_open_quits_after_painting_the_article(tmp_path: Path):
    env = dict(os.environ)
    env.update(
        HANBIT_DATA_DIR=str(tmp_path / "data"),
        ARGOS_PACKAGES_DIR=str(tmp_path / "packages"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
        HANBIT_EXIT_WHEN_SHOWN="1",
    )
    done = subprocess.run(
        [sys.executable, "main.py", "open"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    marker = [line for line in done.stdout.splitlines() if line.startswith("HANBIT_SHOWN rows=")]
    rows = int(marker[0].split("=")[1])
    assert rows > 10  # the sample article, segmented, is in the grid
