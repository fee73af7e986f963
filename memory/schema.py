"""The memory file's tables, and the one way the store writes to them."""

from __future__ import annotations

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
