"""Opening an SQLite file: WAL, durable commits, untrusted schema, schema guard, disk full."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sqlite3
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from storage.errors import DiskFullError, is_disk_full

# Tables SQLite itself adds (AUTOINCREMENT, ANALYZE); they hold statistics, never SQL.
SQLITE_TABLES = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"})
CREATES = {"table": ("createtable",), "index": ("createindex", "createuniqueindex")}
# Below this much free space an SQLite "disk I/O error" is almost surely the disk being full:
# SQLite reports a failed write of its journal or WAL that way, not as SQLITE_FULL.
_NEARLY_FULL = 1024 * 1024


def connect(
    path: Path | str,
    *,
    timeout: float = 10.0,
    wal: bool = True,
    synchronous: str = "FULL",
    trusted_schema: bool = False,
    **options: Any,  # sqlite3.connect's own (check_same_thread, uri …)
) -> sqlite3.Connection:
    """An autocommit connection (explicit transactions), WAL, durable commits, untrusted schema.

    trusted_schema OFF is defence in depth behind foreign_object: the file's own schema
    (defaults, CHECKs, index expressions) may call only functions SQLite rates harmless.
    """
    options.setdefault("isolation_level", None)
    db = sqlite3.connect(str(path), timeout=timeout, **options)
    try:
        if not trusted_schema:
            db.execute("PRAGMA trusted_schema = OFF")
        if wal:
            db.execute("PRAGMA journal_mode = WAL")
        db.execute(f"PRAGMA synchronous = {synchronous}")
    except BaseException:
        db.close()
        raise
    return db


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid the INSERT just run on cursor gave its row (sqlite3 says None before any)."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise sqlite3.InterfaceError("the cursor has run no INSERT")
    return rowid


def canonical(sql: str | None) -> str:
    """A definition whatever its spacing and identifier quoting ("x", [x], `x`)."""
    return re.sub(r'[\s"`\[\]]', "", sql or "").casefold()


def schema_rows(db: sqlite3.Connection) -> set[tuple[str, str, str, str]]:
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
    return {(kind, name, table, canonical(sql)) for kind, name, table, sql in rows}


@functools.cache
def reference_rows(schema: str) -> frozenset[tuple[str, str, str, str]]:
    """The schema rows that running the CREATE statements of schema makes in an empty file."""
    db = sqlite3.connect(":memory:")
    try:
        db.executescript(schema)
        return frozenset(schema_rows(db))
    finally:
        db.close()


def foreign_object(
    db: sqlite3.Connection,
    ours: Iterable[tuple[str, str, str, str]],
    exact_kinds: tuple[str, ...] = (),
    creates: Mapping[str, tuple[str, ...]] = CREATES,
) -> str:
    """The first schema object we never create ("trigger 'x' on 'units'"), or "".

    A trigger or view in a file from elsewhere would run its own SQL on our connection (rewrite
    every row on one edit) the moment we write, so such a file is never opened. Objects of
    exact_kinds must match our definition exactly (the search index's own triggers); others
    must have our name and table and be what their row claims to be, since the row's sql is
    what SQLite runs (creates: the canonical statement starts allowed per kind).
    """
    ours = frozenset(ours)
    names = {(kind, name, table) for kind, name, table, _ in ours}
    for kind, name, table, sql in sorted(schema_rows(db)):
        if kind == "table" and name in SQLITE_TABLES:
            continue
        if kind in exact_kinds:
            known = (kind, name, table, sql) in ours
        else:
            autoindex = sql == "" and name.startswith("sqlite_autoindex_")
            claimed = autoindex or sql.startswith(creates.get(kind, ()))
            known = (kind, name, table) in names and claimed
        if not known:
            what = kind if kind in ("table", "index", "trigger", "view") else "schema entry"
            return f"{what} {name!r}" + (f" on {table!r}" if table != name else "")
    return ""


def free_bytes(path: Path | str) -> int | None:
    """Free space for the folder holding path, or None where it cannot be told."""
    folder = Path(path)
    folder = folder if folder.is_dir() else folder.parent
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def disk_full(error: BaseException, path: Path | str | None = None) -> bool:
    """True when error (SQLite or OS) comes from a full disk rather than a damaged file."""
    if is_disk_full(error):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == 10 and path is not None:  # SQLITE_IOERR
        free = free_bytes(path)
        return free is not None and free < _NEARLY_FULL
    return False


def full_disk_message(path: Path | str) -> str:
    where = Path(path).parent if not os.path.isdir(path) else Path(path)
    return (
        f"The disk is full: {Path(path).name} cannot be written. Free some space on the drive "
        f"holding {where} and try again; nothing in the file was lost."
    )


def raise_if_disk_full(error: BaseException, path: Path | str) -> None:
    """Re-raise a full-disk failure as DiskFullError, so it is never reported as damage."""
    if disk_full(error, path):
        raise DiskFullError(full_disk_message(path)) from error
