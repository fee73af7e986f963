"""A full disk is called a full disk: never a raw sqlite3 error, never "the file is damaged".

Before: `memory import` with 300 KB free ended in a raw sqlite3.OperationalError at COMMIT,
and with 0 bytes free every command said "is not a translation memory: disk I/O error".
The real cases run on a 2 MB tmpfs (root only); the injected ones run everywhere.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import main
from documents.project import Project, ProjectDiskFullError
from glossary.store import Concept, GlossaryError, Term, Termbase
from memory.schema import MemoryDiskFullError, WriteTransaction
from memory.store import IncomingUnit, MemoryFileError, TranslationMemory
from memory.tmx import export_tmx
from support.full_disk import FullAtCommit, can_mount, fill, sqlite_full, tiny_disk

needs_root = pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root")


def _tmx(folder: Path, units: int) -> Path:
    source = TranslationMemory(folder / "source.db")
    source.add_many(
        IncomingUnit(
            f"{i}번 문장은 충분히 길어서 공간을 차지한다. " * 4, f"Sentence {i}. " * 4, "ko", "en"
        )
        for i in range(units)
    )
    path = folder / "big.tmx"
    export_tmx(source, path)
    source.close()
    return path


def test_an_injected_full_disk_at_commit_is_named(tmp_path: Path) -> None:
    memory = TranslationMemory(tmp_path / "memory.db")
    full = FullAtCommit(memory._db)
    with pytest.raises(MemoryDiskFullError, match="The disk is full"), WriteTransaction(full):
        full.execute("INSERT INTO unit_history (unit_id, target, origin, replaced_at)"
                     " VALUES (1, 'x', 'y', 'z')")  # fmt: skip
    assert memory._db.execute("SELECT COUNT(*) FROM unit_history").fetchone()[0] == 0
    memory.close()


def test_an_injected_full_disk_while_opening_is_not_called_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect

    class FullOnWal:
        def __init__(self, db: sqlite3.Connection) -> None:
            self._db = db

        def execute(self, sql: str, *args):
            if "journal_mode" in sql.lower():
                raise sqlite_full()
            return self._db.execute(sql, *args)

        def __getattr__(self, name: str):
            return getattr(self._db, name)

    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: FullOnWal(real_connect(*a, **k)))
    with pytest.raises(MemoryFileError, match="The disk is full") as caught:
        TranslationMemory(tmp_path / "memory.db")
    assert "not a translation memory" not in str(caught.value)


@needs_root
def test_memory_import_with_little_space_left_says_the_disk_is_full(tmp_path: Path, capsys):
    tmx = _tmx(tmp_path, 3000)
    with tiny_disk(tmp_path / "disk") as disk:
        memory = TranslationMemory(disk / "memory.db")
        memory.add("첫 문장.", "First sentence.", "ko", "en")
        memory.close()
        reserve = disk / "reserve.bin"
        reserve.write_bytes(b"\0" * 300_000)
        fill(disk)
        reserve.unlink()  # about 300 KB free, as in the report
        code = main.main(["memory", "import", str(tmx), "--memory", str(disk / "memory.db")])
        err = capsys.readouterr().err
        assert code != 0
        assert "disk is full" in err.lower() and "Traceback" not in err
        (disk / "filler.bin").unlink()
        memory = TranslationMemory(disk / "memory.db")  # intact, and all or nothing
        assert memory._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        memory.close()


@needs_root
def test_every_store_on_a_disk_with_no_byte_free_says_so(tmp_path: Path) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        TranslationMemory(disk / "memory.db").close()
        Termbase(disk / "glossary.db").close()
        Project.create(disk / "p.hanbit", source_text="가나다. 라마바.", source_lang="ko",
                       target_lang="en").close()  # fmt: skip
        fill(disk)
        for read_only in (False, True):
            with pytest.raises(ProjectDiskFullError, match="the disk is full"):
                Project.open(disk / "p.hanbit", read_only=read_only)
        with pytest.raises(MemoryFileError, match="The disk is full"):
            TranslationMemory(disk / "memory.db")  # an existing memory: not "not a memory"
        with pytest.raises(MemoryFileError, match="The disk is full"):
            memory = TranslationMemory(disk / "new-memory.db")
            memory.add("가", "a", "ko", "en")
        with pytest.raises(GlossaryError, match="(?i)the disk is full"):
            termbase = Termbase(disk / "new-glossary.db")
            termbase.add_concept(Concept(terms=[Term("ko", "가"), Term("en", "a")]))
