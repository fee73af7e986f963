"""The termbase schema is plain SQL: files sqlite-utils made open, and opening imports neither."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from glossary.store import FORMAT, SCHEMA_VERSION, Concept, Term, Termbase, _our_schema
from storage.sqlite import schema_rows

ROOT = Path(__file__).resolve().parents[2]


def _made_by_sqlite_utils(path: Path) -> None:
    """A termbase as the desk wrote one through sqlite-utils, before the schema was plain SQL."""
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    db.enable_wal()
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?), (?, ?), (?, ?)",
        ["format", FORMAT, "schema", str(SCHEMA_VERSION), "revision", "0"],
    )
    text = {"domain": "", "note": "", "origin": "", "search_text": "", "details": "{}"}
    db.table("concepts").create(
        {"id": int, "domain": str, "note": str, "status": str, "origin": str,
         "created_at": str, "updated_at": str, "search_text": str, "details": str},
        pk="id", not_null={*text, "status"}, defaults=text,
    )  # fmt: skip
    db.table("terms").create(
        {"id": int, "concept_id": int, "position": int, "lang": str, "text": str, "key": str,
         "kind": str, "note": str, "details": str},
        pk="id", foreign_keys=[("concept_id", "concepts", "id")],
        not_null={"concept_id", "lang", "text", "key", "kind", "details"},
        defaults={"details": "{}"},
    )  # fmt: skip
    db.table("terms").create_index(["lang", "key"])
    db.table("terms").create_index(["concept_id"])
    db.table("concepts").create_index(["origin"])
    db.table("curated").create({"origin": str, "applied_hash": str, "deleted": int}, pk="origin")
    db.table("concepts").enable_fts(
        ["search_text", "note", "domain"], create_triggers=True, tokenize="trigram"
    )
    db.conn.close()


def test_a_new_termbase_has_the_schema_sqlite_utils_made(tmp_path):
    old = tmp_path / "old.db"
    _made_by_sqlite_utils(old)
    with sqlite3.connect(old) as db:
        theirs = schema_rows(db)
    new = Termbase(tmp_path / "new.db")
    try:
        assert schema_rows(new._conn) == theirs == set(_our_schema())
        assert new._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        new.close()


def test_a_termbase_sqlite_utils_made_opens_and_searches(tmp_path):
    path = tmp_path / "old.db"
    _made_by_sqlite_utils(path)
    base = Termbase(path)
    try:
        concept_id = base.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))
        assert base.search("리페") == base.concepts_by_ids([concept_id])  # the trigram index
        assert base.meta("format") == FORMAT
    finally:
        base.close()


def test_opening_a_termbase_imports_neither_sqlite_utils_nor_numpy(tmp_path):
    path = tmp_path / "glossary.db"
    Termbase(path).close()  # made here; opened again in a fresh process below
    code = (
        "import sys; from pathlib import Path; from glossary.store import Termbase;"
        f"Termbase(Path({str(path)!r})).close();"
        "print([m for m in ('sqlite_utils', 'numpy') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
