"""A long editing session in the window's grid model does not crash the desk.

PySide6 6.12.0's SignalInstance.emit() drops a reference to True on every call. On Python
3.11, where True is an ordinary object, a few hundred edits (three signals each) bring its
count to zero and CPython aborts ("bool_dealloc: deallocating True or False"). Every edit is
committed before the signals go out, so nothing is lost, but the window dies. Python 3.12
made True immortal; PySide6 6.11.3 does not have the bug. Until the dependency excludes
6.12.0 this test is an expected failure there, and a plain test everywhere else.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import PySide6
import pytest
from reliability_kit import count

from documents.project import Project

ROOT = Path(__file__).resolve().parents[2]
AFFECTED = PySide6.__version__ == "6.12.0" and sys.version_info < (3, 12)

SESSION = """
import sys
from PySide6.QtWidgets import QApplication
from documents.project import Project
from desktop.segment_model import COL_TARGET, SegmentModel

app = QApplication([])
project = Project.open(sys.argv[1])
model = SegmentModel(project)
for row in range(model.rowCount()):
    assert model.setData(model.index(row, COL_TARGET), f"edit {row}")
print("done", flush=True)
"""


@pytest.mark.xfail(AFFECTED, strict=True, reason="PySide6 6.12.0 emit() refcount bug on 3.11")
def test_two_thousand_edits_in_the_grid_model(tmp_path):
    path = tmp_path / "session.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(2000)]
    Project.create_from_segments(path, rows, source_lang="ko", target_lang="en").close()
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SESSION), str(path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    # Whatever happened to the window, every edit it made is on disk.
    with Project.open(path) as project:
        edited = [s for s in project.segments() if s.target.startswith("edit ")]
    assert all(s.target == f"edit {s.number - 1}" for s in edited)
    count("long grid session (2,000 edits)", "imported" if done.returncode == 0 else "crashed")
    assert done.returncode == 0, f"the desk died after {len(edited)} edits: {done.stderr[-300:]}"
    assert done.stdout.strip() == "done"
