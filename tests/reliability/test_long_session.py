"""A long editing session in the window's grid model does not crash the desk.

Found by this suite: PySide6 6.12.0's SignalInstance.emit() drops a reference to True on
every call; on Python 3.11 a few hundred edits brought its count to zero and CPython aborted
("bool_dealloc: deallocating True or False"). desktop/app.py now guards True at start-up
where the leak is measured. The child starts the application as the desk does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reliability_kit import count

from documents.project import Project

ROOT = Path(__file__).resolve().parents[2]

SESSION = """
import sys
from desktop.app import make_application
from documents.project import Project
from desktop.grid.segment_model import COL_TARGET, SegmentModel

app = make_application([])
project = Project.open(sys.argv[1])
model = SegmentModel(project)
for row in range(model.rowCount()):
    assert model.setData(model.index(row, COL_TARGET), f"edit {row}")
print("done", flush=True)
"""


def test_five_thousand_edits_in_the_grid_model(tmp_path):
    path = tmp_path / "session.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(5000)]
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
    count("long grid session (5,000 edits)", "imported" if done.returncode == 0 else "crashed")
    assert done.returncode == 0, f"the desk died after {len(edited)} edits: {done.stderr[-300:]}"
    assert done.stdout.strip() == "done"
