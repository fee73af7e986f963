"""mypy finds no type error in the core packages and desktop/desk.py (pyproject's [tool.mypy])."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_finds_nothing():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # The configuration's file list still reaches the core (a typo there would check nothing)
    checked = re.search(r"no issues found in (\d+) source files", output)
    assert checked and int(checked.group(1)) >= 90, output
