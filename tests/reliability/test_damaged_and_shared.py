"""Nothing lost between processes, nothing trusted from a file: shared stores, locks, damage.

Two processes add to one glossary and to one memory at the same time and lose nothing; a
project open for writing elsewhere is refused for writing (ProjectLockedError) and opens
read-only; damaged or foreign project, glossary and memory files give the store's own error
and stay byte-for-byte as they were.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability_kit import count, fingerprint

from documents.project import Project, ProjectError, ProjectLockedError
from glossary.store import Concept, GlossaryError, Term, Termbase
from memory.store import MemoryFileError, TranslationMemory

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 60


def _glossary_writer(path: str, name: str, barrier) -> None:
    with Termbase(Path(path)) as termbase:
        barrier.wait()
        for number in range(ROUNDS):
            termbase.add_concept(
                Concept(terms=[Term("ko", f"{name}용어{number}"), Term("en", f"{name} {number}")])
            )


def _memory_writer(path: str, name: str, barrier) -> None:
    with TranslationMemory(path) as memory:
        barrier.wait()
        for number in range(ROUNDS):
            memory.add(f"{name}의 {number}번 문장.", f"{name} sentence {number}.", "ko", "en")


def _run_two(target, path: Path) -> None:
    context = multiprocessing.get_context("spawn")  # a fresh interpreter, like a second desk
    barrier = context.Barrier(2)
    writers = [context.Process(target=target, args=(str(path), n, barrier)) for n in ("kim", "lee")]
    for process in writers:
        process.start()
    for process in writers:
        process.join(120)
    assert [process.exitcode for process in writers] == [0, 0]


def test_two_processes_adding_to_one_glossary_lose_nothing(tmp_path):
    path = tmp_path / "glossary.db"
    Termbase(path).close()
    _run_two(_glossary_writer, path)
    with Termbase(path) as termbase:
        forms = {t.text for c in termbase.concepts() for t in c.terms if t.lang == "ko"}
        assert termbase.revision == 2 * ROUNDS
    expected = {f"{name}용어{n}" for name in ("kim", "lee") for n in range(ROUNDS)}
    assert forms == expected
    count("concurrent writers (updates kept)", "imported")


def test_two_processes_adding_to_one_memory_lose_nothing(tmp_path):
    path = tmp_path / "memory.db"
    TranslationMemory(path).close()
    _run_two(_memory_writer, path)
    with TranslationMemory(path) as memory:
        sources = {unit.source for unit in memory.units()}
    assert sources == {f"{name}의 {n}번 문장." for name in ("kim", "lee") for n in range(ROUNDS)}
    count("concurrent writers (updates kept)", "imported")


HOLDER = """
import sys
from documents.project import Project
project = Project.open(sys.argv[1])
print("open", flush=True)
sys.stdin.read()
"""


def test_a_project_open_elsewhere_opens_read_only(tmp_path):
    path = tmp_path / "shared.hanbit"
    with Project.create(path, source_text="알리페이가 호주에 진출했다.", source_lang="ko",
                        target_lang="en") as project:  # fmt: skip
        sid = project.segments()[0].id
        project.set_target(sid, "Alipay entered Australia.")
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLDER), str(path)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "open"
        before = fingerprint(path)
        with pytest.raises(ProjectLockedError, match="read-only") as locked:
            Project.open(path)
        assert "process" in str(locked.value)
        with Project.open(path, read_only=True) as project:
            assert project.segment(sid).target == "Alipay entered Australia."
            with pytest.raises(ProjectError, match="read-only"):
                project.set_target(sid, "Changed by the second desk")
        assert fingerprint(path) == before
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
        holder.stdout.close()
    with Project.open(path) as project:  # the holder is gone: writable again
        project.set_target(sid, "Now mine.")
    count("project open elsewhere", "refused")


# --- damaged and foreign files ------------------------------------------------------------------


def _sqlite_foreign(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    db.execute("INSERT INTO moz_places (url) VALUES ('https://example.com')")
    db.commit()
    db.close()


def _damages(good: Path) -> dict:
    data = good.read_bytes()
    page = 4096 if len(data) >= 3 * 4096 else 1024
    return {
        "empty": b"",
        "text": "알리페이,Alipay\n".encode() * 20,
        "zip": b"PK\x03\x04" + bytes(2000),
        "cut in half": data[: len(data) // 2],
        "cut header": data[:60],
        "scribbled page": data[: 2 * page] + bytes([0xA5]) * page + data[3 * page :],
        "scribbled header": data[:16] + b"\xff" * 84 + data[100:],
        "foreign sqlite": None,
    }


def _good(kind: str, folder: Path) -> Path:
    if kind == "project":
        rows = [(f"{i}번째 문장이다.", f"Sentence {i}.", "translated", i) for i in range(300)]
        Project.create_from_segments(folder / "good.hanbit", rows, source_lang="ko",
                                     target_lang="en").close()  # fmt: skip
        return folder / "good.hanbit"
    if kind == "glossary":
        with Termbase(folder / "good.db") as termbase:
            for i in range(300):
                termbase.add_concept(Concept(terms=[Term("ko", f"용어{i}"), Term("en", f"t{i}")]))
        return folder / "good.db"
    with TranslationMemory(folder / "good.db") as memory:
        for i in range(300):
            memory.add(f"{i}번 문장.", f"Sentence {i}.", "ko", "en")
    return folder / "good.db"


OPENERS = {
    "project": (lambda p: Project.open(p), ProjectError),
    "project read-only": (lambda p: Project.open(p, read_only=True), ProjectError),
    "glossary": (Termbase, GlossaryError),
    "memory": (TranslationMemory, MemoryFileError),
}


@pytest.mark.parametrize("store", OPENERS)
def test_damaged_or_foreign_files_are_refused_unchanged(store, tmp_path):
    good = _good(store.split()[0], tmp_path)
    opener, error_type = OPENERS[store]
    problems = []
    for damage, data in _damages(good).items():
        if damage == "empty" and store in ("glossary", "memory"):
            continue  # an empty file is how a new glossary or memory starts (a "New" dialog)
        path = tmp_path / f"{damage.replace(' ', '-')}{good.suffix}"
        if data is None:
            _sqlite_foreign(path)
        else:
            path.write_bytes(data)
        before = fingerprint(path)
        try:
            opened = opener(path)
        except error_type as error:
            if path.name not in str(error):
                problems.append(f"{damage}: the message does not name the file: {error}")
        except Exception as error:  # noqa: BLE001 - the point: which type escaped
            problems.append(f"{damage}: {type(error).__name__}: {error}")
        else:
            opened.close()
            problems.append(f"{damage}: opened without complaint")
        if fingerprint(path) != before:
            problems.append(f"{damage}: the file changed")
        # SQLite's read-only check of a WAL file leaves an empty -wal and its -shm index: no data.
        siblings = {
            p.name for p in tmp_path.iterdir()
            if p.name.startswith(path.name) and p.name != path.name
            and not (p.name.endswith("-wal") and p.stat().st_size == 0)
            and not p.name.endswith(("-shm", ".lock"))
        }  # fmt: skip
        if siblings:
            problems.append(f"{damage}: left {sorted(siblings)}")
        count(f"damaged or foreign {store.split()[0]} files", "refused")
    assert problems == []
