"""The memory file's tables, and the one way the store writes to them."""

from __future__ import annotations

import functools
import re
import sqlite3

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    source_norm TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'confirmed',
    usage INTEGER NOT NULL DEFAULT 0,
    index_rev INTEGER NOT NULL,
    UNIQUE (source_lang, target_lang, source_hash)
);
CREATE INDEX IF NOT EXISTS units_pair_rev ON units (source_lang, target_lang, index_rev);
CREATE INDEX IF NOT EXISTS units_rev ON units (index_rev);
CREATE TABLE IF NOT EXISTS unit_history (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL,
    target TEXT NOT NULL,
    origin TEXT NOT NULL,
    replaced_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS unit_history_unit ON unit_history (unit_id);
"""

# Tables SQLite itself adds (AUTOINCREMENT, ANALYZE); they hold statistics, never SQL.
_SQLITE_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})
_CREATES = {"table": ("createtable",), "index": ("createindex", "createuniqueindex")}


def _schema_rows(db: sqlite3.Connection) -> set[tuple[str, str, str, str]]:
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    # Spacing and identifier quoting aside, so only what a definition does is compared.
    return {
        (kind, name, table, re.sub(r'[\s"`\[\]]', "", sql or "").casefold())
        for kind, name, table, sql in rows
    }


@functools.cache
def _our_objects() -> frozenset[tuple[str, str, str]]:
    db = sqlite3.connect(":memory:")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        return frozenset((kind, name, table) for kind, name, table, _ in _schema_rows(db))
    finally:
        db.close()


def foreign_object(db: sqlite3.Connection) -> str:
    """The first schema object SCHEMA does not create ("trigger 'x' on 'units'"), or "".

    A trigger or view in a memory file from elsewhere would run its own SQL on our connection
    (rewrite every unit on one add) the moment we write, so such a file is never opened.
    """
    ours = _our_objects()
    for kind, name, table, sql in sorted(_schema_rows(db)):
        if kind == "table" and name in _SQLITE_TABLES:
            continue
        # The row's sql is what SQLite runs, so it must also be what the row claims to be.
        autoindex = sql == "" and name.startswith("sqlite_autoindex_")
        claimed = autoindex or sql.startswith(_CREATES.get(kind, ()))
        if (kind, name, table) not in ours or not claimed:
            what = kind if kind in ("table", "index", "trigger", "view") else "schema entry"
            return f"{what} {name!r}" + (f" on {table!r}" if table != name else "")
    return ""


class WriteTransaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error, so a failed write changes nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")
