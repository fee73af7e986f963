"""The memory file's tables, and the one way the store writes to them."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from memory.units import MemoryFileError
from storage.errors import DiskFullError
from storage.sqlite import disk_full, full_disk_message, reference_rows
from storage.sqlite import foreign_object as schema_guard

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
CREATE TABLE IF NOT EXISTS unit_meta (
    unit_id INTEGER PRIMARY KEY,
    data TEXT NOT NULL
);
"""
# unit_meta: what a TMX said about a unit beyond its text (props, notes, creation and change
# ids, inline codes as written, alternative translations), as JSON, for the way back out.

def foreign_object(db: sqlite3.Connection) -> str:
    """The first schema object SCHEMA does not create ("trigger 'x' on 'units'"), or "".

    A trigger or view in a memory file from elsewhere would run its own SQL on our connection
    (rewrite every unit on one add) the moment we write, so such a file is never opened.
    """
    return schema_guard(db, reference_rows(SCHEMA))


class MemoryDiskFullError(MemoryFileError, DiskFullError):
    """A change to the memory failed because the disk is full; the file itself is intact."""


class WriteTransaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error, so a failed write changes nothing."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is not None:
            self._rollback()
            if isinstance(error, sqlite3.Error):
                self._raise_if_full(error)
            return
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as problem:
            # A COMMIT that failed for lack of space may have rolled back already: a second
            # ROLLBACK would fail with "no transaction is active" and hide the reason.
            self._rollback()
            self._raise_if_full(problem)
            raise

    def _rollback(self) -> None:
        if self._db.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")

    def _raise_if_full(self, error: sqlite3.Error) -> None:
        row = next((r for r in self._db.execute("PRAGMA database_list") if r[1] == "main"), None)
        path = Path(row[2]) if row and row[2] else Path.cwd() / "memory"
        if disk_full(error, path):
            raise MemoryDiskFullError(full_disk_message(path)) from error
