"""Nothing lost: a process killed with SIGKILL in the middle of edits or an import.

Each child process drives the real code path (the grid model the window saves edits through,
glossary/TMX/XLIFF/review imports) and prints a line at a point where work is in flight; the
test kills it there with SIGKILL, reopens the file and checks what a user would check.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability_kit import count

from documents.project import Project
from glossary.store import Termbase
from memory.store import TranslationMemory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _kill_at(script: str, *args: str, marker: str = "midway") -> list[str]:
    """Run script in a child, SIGKILL it when it prints marker; the lines it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    lines: list[str] = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if line.strip() == marker:
                os.kill(child.pid, signal.SIGKILL)
                break
        lines.extend(line.strip() for line in child.stdout)
    finally:
        child.kill()
        child.wait(timeout=60)
        errors = child.stderr.read()
        child.stdout.close()
        child.stderr.close()
    assert marker in lines, f"the child never reached {marker!r}: {errors[-2000:]}"
    assert "done" not in lines, "the child finished before it was killed"
    assert child.returncode == -signal.SIGKILL
    return lines


# --- edits through the window's model ---------------------------------------------------------

EDIT_BURST = """
import sys
from desktop.app import make_application
from documents.project import Project
from desktop.grid.segment_model import COL_TARGET, SegmentModel

app = make_application([])  # as the desk starts
project = Project.open(sys.argv[1])
model = SegmentModel(project)
for row in range(model.rowCount()):
    index = model.index(row, COL_TARGET)
    segment_id = model.segment_at(row).id
    assert model.setData(index, f"edit {segment_id} 번역")
    print(segment_id, flush=True)  # the grid has shown the edit as saved
    if row == 40:
        print("midway", flush=True)
print("done", flush=True)
"""


def test_every_edit_the_grid_saved_survives_sigkill(tmp_path):
    path = tmp_path / "burst.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(3000)]
    Project.create_from_segments(path, rows, source_lang="ko", target_lang="en").close()
    lines = _kill_at(EDIT_BURST, str(path))
    saved = [int(line) for line in lines if line.isdigit()]
    assert len(saved) > 40
    with Project.open(path) as project:  # the dead child's write lock went with it
        targets = {s.id: s.target for s in project.segments()}
        for sid in saved:
            assert targets[sid] == f"edit {sid} 번역"
            assert project.history(sid)[-1].target == f"edit {sid} 번역"
    for _ in saved:
        count("SIGKILL during edits (edits reported saved)", "imported")


# --- imports --------------------------------------------------------------------------------

GLOSSARY_IMPORT = """
import sys
from pathlib import Path
from glossary import store
from glossary.formats import apply_import, plan_import

termbase = store.Termbase(Path(sys.argv[1]))
plan = plan_import(termbase, Path(sys.argv[2]))
print(len(plan.added), flush=True)
original = store.Termbase.add_concept
calls = []
def add_concept(self, concept):
    calls.append(1)
    if len(calls) == len(plan.added) // 2:
        print("midway", flush=True)  # half the concepts are written, uncommitted
    return original(self, concept)
store.Termbase.add_concept = add_concept
apply_import(termbase, plan)
print("done", flush=True)
"""


def test_glossary_import_killed_midway_leaves_the_termbase_as_it_was(tmp_path):
    from glossary.store import Concept, Term

    db = tmp_path / "glossary.db"
    with Termbase(db) as termbase:
        termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))
        before = [(c.id, [t.text for t in c.terms]) for c in termbase.concepts()]
        revision = termbase.revision
    csv = tmp_path / "big.csv"
    csv.write_text(
        "ko,en\n" + "".join(f"용어{i},term {i}\n" for i in range(6000)), encoding="utf-8"
    )
    _kill_at(GLOSSARY_IMPORT, str(db), str(csv))
    with Termbase(db) as termbase:  # content-equal: the half-written transaction rolled back
        assert [(c.id, [t.text for t in c.terms]) for c in termbase.concepts()] == before
        assert termbase.revision == revision
        assert termbase.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    count("SIGKILL during an import", "refused")


TMX_IMPORT = """
import sys
from memory import store
from memory.tmx import import_tmx

memory = store.TranslationMemory(sys.argv[1])
original = store.TranslationMemory._store
calls = []
def _store(self, unit, rev):
    calls.append(1)
    if len(calls) == 3000:
        print("midway", flush=True)
    return original(self, unit, rev)
store.TranslationMemory._store = _store
import_tmx(memory, sys.argv[2])
print("done", flush=True)
"""


def test_tmx_import_killed_midway_leaves_the_memory_as_it_was(tmp_path):
    from memory.tmx import export_tmx

    source = TranslationMemory(tmp_path / "source.db")
    source.add_many(
        __import__("memory.store", fromlist=["IncomingUnit"]).IncomingUnit(
            f"{i}번 문장이다.", f"Sentence {i}.", "ko", "en"
        )
        for i in range(6000)
    )
    export_tmx(source, tmp_path / "big.tmx")
    source.close()
    db = tmp_path / "memory.db"
    with TranslationMemory(db) as memory:
        memory.add("마윈이 말했다.", "Jack Ma said.", "ko", "en")
        before = [(u.id, u.source, u.target) for u in memory.units()]
    _kill_at(TMX_IMPORT, str(db), str(tmp_path / "big.tmx"))
    with TranslationMemory(db) as memory:
        assert [(u.id, u.source, u.target) for u in memory.units()] == before
    count("SIGKILL during an import", "refused")


XLIFF_IMPORT = """
import sys
from pathlib import Path
from documents import project_file
from documents.xliff_import import import_xliff

real_dumps = project_file.json.dumps
calls = []
class Json:
    @staticmethod
    def dumps(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2000:
            print("midway", flush=True)  # rows are going into the new file
        return real_dumps(*args, **kwargs)
project_file.json = Json
import_xliff(Path(sys.argv[1]), Path(sys.argv[2]))
print("done", flush=True)
"""


def test_xliff_import_killed_midway_leaves_no_half_project(tmp_path):
    from documents.export import export_project

    rows = [(f"{i}번째 문장이다.", f"Sentence {i}.", "translated", i) for i in range(5000)]
    with Project.create_from_segments(
        tmp_path / "big.hanbit", rows, source_lang="ko", target_lang="en"
    ) as project:
        export_project(project, tmp_path / "big.xlf")
    out = tmp_path / "out"
    out.mkdir()
    _kill_at(XLIFF_IMPORT, str(tmp_path / "big.xlf"), str(out / "imported.hanbit"))
    assert not (out / "imported.hanbit").exists(), "a killed import left a project in place"
    # A retry works: the leftover scratch file of the dead process is in nobody's way.
    from documents.xliff_import import import_xliff

    with import_xliff(tmp_path / "big.xlf", out / "imported.hanbit") as project:
        assert len(project.segments()) == 5000
    count("SIGKILL during an import", "refused")


REVIEW_IMPORT = """
import sys
from pathlib import Path
from documents import project as project_module
from documents.review_import import apply_review_import, plan_review_import

project = project_module.Project.open(Path(sys.argv[1]))
plan = plan_review_import(project, Path(sys.argv[2]))
assert plan.ok and len(plan.targets) > 100, plan.summary()
original = project_module.Project.set_target
calls = []
def set_target(self, *args, **kwargs):
    calls.append(1)
    if len(calls) == len(plan.targets) // 2:
        print("midway", flush=True)  # half the reviewed targets are written
    return original(self, *args, **kwargs)
project_module.Project.set_target = set_target
apply_review_import(project, plan)
print("done", flush=True)
"""


def test_review_import_killed_midway_leaves_the_project_as_it_was(tmp_path):
    import docx

    from documents.export import export_project
    from documents.formats.docx_common import cell_text

    path = tmp_path / "review.hanbit"
    rows = [(f"{i}번째 문장이다.", f"Sentence {i}.", "translated", i) for i in range(400)]
    with Project.create_from_segments(path, rows, source_lang="ko", target_lang="en") as project:
        export_project(project, tmp_path / "review.docx")
        before = [(s.id, s.target, s.status, s.comment) for s in project.segments()]
    document = docx.Document(str(tmp_path / "review.docx"))
    for row in document.tables[0].rows[1:]:
        if "[hd:" in cell_text(row.cells[0]._tc):
            row.cells[2].text = row.cells[2].text + " (reviewed)"
    document.save(str(tmp_path / "review.docx"))
    _kill_at(REVIEW_IMPORT, str(path), str(tmp_path / "review.docx"))
    with Project.open(path) as project:
        after = [(s.id, s.target, s.status, s.comment) for s in project.segments()]
    changed = sum(1 for a, b in zip(before, after, strict=True) if a != b)
    assert changed == 0, f"{changed} segments of a killed review import were changed"
    count("SIGKILL during an import", "refused")


SOAK_BURST = EDIT_BURST.replace("row == 40", "row == int(sys.argv[2])").replace(
    'f"edit {segment_id} 번역"', 'f"edit {segment_id} {sys.argv[3]}"'
)


@pytest.mark.slow
def test_soak_twenty_kills_in_a_row_never_lose_a_saved_edit(tmp_path):
    """HANBIT_SOAK=1 only: the same project killed twenty times at different points."""
    path = tmp_path / "soak.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(3000)]
    Project.create_from_segments(path, rows, source_lang="ko", target_lang="en").close()
    expected: dict[int, str] = {}
    for round_number in range(20):
        lines = _kill_at(SOAK_BURST, str(path), str(20 + 7 * round_number), f"r{round_number}")
        for line in lines:
            if line.isdigit():
                expected[int(line)] = f"edit {line} r{round_number}"
        with Project.open(path) as project:
            targets = {s.id: s.target for s in project.segments()}
        lost = [sid for sid, text in expected.items() if targets[sid] != text]
        assert lost == [], f"round {round_number}: lost {lost[:5]}"
    for _ in expected:
        count("SIGKILL soak (edits reported saved, 20 kills)", "imported")


def test_a_new_project_where_a_killed_desk_left_its_wal_opens_clean(tmp_path):
    """Found by this suite: the killed desk's -wal was replayed into the new file, damaging it."""
    path = tmp_path / "article.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(3000)]
    Project.create_from_segments(path, rows, source_lang="ko", target_lang="en").close()
    _kill_at(EDIT_BURST, str(path))
    assert Path(f"{path}-wal").stat().st_size > 0  # the dead desk's uncheckpointed edits
    path.unlink()  # the translator deletes the old project and starts again with that name
    fresh = [(f"새 문장 {i}.", "", "new", i) for i in range(3)]
    with Project.create_from_segments(path, fresh, source_lang="ko", target_lang="en") as project:
        assert [s.source for s in project.segments()] == [row[0] for row in fresh]
    with Project.open(path) as project:
        assert len(project.segments()) == 3
