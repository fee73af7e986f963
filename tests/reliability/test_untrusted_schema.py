"""Files from elsewhere carry no SQL of their own: triggers, views and foreign tables are refused.

A project, glossary or memory file is plain SQLite; anyone can add a trigger that rewrites every
target on the next edit, or deletes terms on every insert. Opening such a file must refuse it
with the store's own error naming the object, and leave the file byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_kit import count, fingerprint

from documents import project_file
from documents.project import Project, ProjectError
from glossary.store import Concept, GlossaryError, Term, Termbase
from memory.store import MemoryFileError, TranslationMemory

PWN_SEGMENTS = (
    "CREATE TRIGGER pwn AFTER UPDATE ON segments BEGIN UPDATE segments SET target='PWNED'; END"
)


def _make_project(path: Path) -> None:
    Project.create(
        path, source_text="알리페이가 호주에 진출했다. 위어바오도 뒤따랐다.", source_lang="ko",
        target_lang="en",
    ).close()  # fmt: skip


def _make_glossary(path: Path) -> None:
    with Termbase(path) as termbase:
        termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))


def _make_memory(path: Path) -> None:
    with TranslationMemory(path) as memory:
        memory.add("알리페이가 호주에 진출했다.", "Alipay entered Australia.", "ko", "en")


def _tamper(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    try:
        for statement in statements:
            db.execute(statement)
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _refused_unchanged(path: Path, opener: Callable[[], object], error: type, name: str) -> None:
    before = fingerprint(path)
    with pytest.raises(error, match=f"'{name}'.*not one Hanbit Desk creates"):
        opener()
    assert fingerprint(path) == before


PROJECT_CASES = {
    "trigger": (PWN_SEGMENTS, "pwn"),
    "view": ("CREATE VIEW everything AS SELECT * FROM segments", "everything"),
    "table": ("CREATE TABLE stash (x TEXT)", "stash"),
    "index": ("CREATE INDEX sneaky ON segments (target)", "sneaky"),
}


@pytest.mark.parametrize("case", PROJECT_CASES, ids=list(PROJECT_CASES))
@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_project_with_objects_we_never_create_is_refused(tmp_path, case, read_only):
    path = tmp_path / "article.hanbit"
    _make_project(path)
    statement, name = PROJECT_CASES[case]
    _tamper(path, statement)
    _refused_unchanged(path, lambda: Project.open(path, read_only=read_only), ProjectError, name)
    count("untrusted schema objects", "refused")


def test_project_trigger_would_rewrite_every_target_without_the_check(tmp_path):
    # The attack is real: a plain connection runs the trigger on one edit.
    path = tmp_path / "article.hanbit"
    _make_project(path)
    _tamper(path, PWN_SEGMENTS)
    db = sqlite3.connect(path)
    db.execute("UPDATE segments SET target = 'Alipay entered Australia.' WHERE position = 1")
    targets = {row[0] for row in db.execute("SELECT target FROM segments")}
    db.close()
    assert targets == {"PWNED"}


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_project_connections_let_no_schema_object_call_the_desks_functions(tmp_path, read_only):
    # Defence in depth (trusted_schema=OFF) should an object ever get past the check: SQL
    # stored in the file may not call hb_fold, nor any function SQLite does not rate harmless.
    path = tmp_path / "article.hanbit"
    _make_project(path)
    _tamper(path, "CREATE VIEW folded AS SELECT hb_fold(target) FROM segments")
    db = project_file.connect(path, read_only)
    try:
        assert db.execute("SELECT hb_fold('ALIPAY')").fetchone() == ("alipay",)
        with pytest.raises(sqlite3.OperationalError, match="unsafe use of hb_fold"):
            db.execute("SELECT * FROM folded").fetchall()
    finally:
        db.close()


GLOSSARY_CASES = {
    "trigger": ("CREATE TRIGGER wipe AFTER INSERT ON terms BEGIN DELETE FROM terms; END", "wipe"),
    "view": ("CREATE VIEW forms AS SELECT text FROM terms", "forms"),
    "table": ("CREATE TABLE stash (x TEXT)", "stash"),
    # Our own search-index trigger, its body swapped for one that empties the glossary.
    "altered fts trigger": (
        "DROP TRIGGER concepts_ai",
        "CREATE TRIGGER concepts_ai AFTER INSERT ON concepts BEGIN DELETE FROM terms; END",
        "concepts_ai",
    ),
}


@pytest.mark.parametrize("case", GLOSSARY_CASES, ids=list(GLOSSARY_CASES))
def test_glossary_with_objects_we_never_create_is_refused(tmp_path, case):
    path = tmp_path / "glossary.db"
    _make_glossary(path)
    *statements, name = GLOSSARY_CASES[case]
    _tamper(path, *statements)
    _refused_unchanged(path, lambda: Termbase(path), GlossaryError, name)
    count("untrusted schema objects", "refused")


def test_glossary_keeps_opening_with_its_own_search_triggers(tmp_path):
    path = tmp_path / "glossary.db"
    _make_glossary(path)
    with Termbase(path) as termbase:
        termbase.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
        assert [c.preferred("en") for c in termbase.search("위어바오")] == ["Yu'e Bao"]


MEMORY_CASES = {
    "trigger": (
        "CREATE TRIGGER pwn AFTER INSERT ON units BEGIN UPDATE units SET target='PWNED'; END",
        "pwn",
    ),
    "view": ("CREATE VIEW everything AS SELECT * FROM units", "everything"),
    "table": ("CREATE TABLE stash (x TEXT)", "stash"),
}


@pytest.mark.parametrize("case", MEMORY_CASES, ids=list(MEMORY_CASES))
def test_memory_with_objects_we_never_create_is_refused(tmp_path, case):
    path = tmp_path / "memory.db"
    _make_memory(path)
    statement, name = MEMORY_CASES[case]
    _tamper(path, statement)
    _refused_unchanged(path, lambda: TranslationMemory(path), MemoryFileError, name)
    count("untrusted schema objects", "refused")


def test_empty_file_with_only_a_view_is_not_taken_for_a_new_memory(tmp_path):
    path = tmp_path / "memory.db"
    _tamper(path, "CREATE VIEW answer AS SELECT 42")
    _refused_unchanged(path, lambda: TranslationMemory(path), MemoryFileError, "answer")
