"""The project file on disk: schema, checks before opening, connections, atomic creation."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from storage.errors import DiskFullError, os_reason
from storage.inputs import check_input_file
from storage.sqlite import disk_full, foreign_object, reference_rows

FORMAT_ID = "hanbit-project"
SCHEMA_VERSION = 1
APPLICATION_ID = 0x48624450  # "HbDP" in the SQLite header, so tools can tell our files apart
# Set once by create; changing them would make the file lie about its own content.
FIXED_META = frozenset(
    {"format", "schema_version", "source_lang", "target_lang", "created", "source_text"}
)
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    position INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new'
        CHECK (status IN ('new', 'draft', 'translated', 'reviewed')),
    mt TEXT NOT NULL DEFAULT '',
    mt_info TEXT NOT NULL DEFAULT '{}',
    comment TEXT NOT NULL DEFAULT '',
    source_words INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX segments_position ON segments (position);
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    segment_id INTEGER NOT NULL,
    at TEXT NOT NULL,
    target TEXT NOT NULL,
    status TEXT NOT NULL,
    origin TEXT NOT NULL
);
CREATE INDEX history_segment ON history (segment_id, id);
"""


class ProjectError(Exception):
    """A project file that cannot be created, opened or changed; the message says why."""


class ProjectExistsError(ProjectError):
    """A new project's file name is taken (perhaps by a desk creating one at this moment)."""


class ProjectDiskFullError(ProjectError, DiskFullError):
    """A change that could not be saved because the disk is full; the file itself is intact."""


class ProjectLockedError(ProjectError):
    """The project is open for writing in another process; it can still be opened read-only."""


def _ro_connect(path: Path, **options: Any) -> sqlite3.Connection:
    """A read-only connection; in a folder we cannot write (a CD, a shared drive) SQLite
    cannot make the WAL index, so the file is then read as immutable."""
    uri = path.resolve().as_uri() + "?mode=ro"
    db = _untrusting(sqlite3.connect(uri, uri=True, **options))
    try:
        db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        db.close()
        if os.access(path.parent, os.W_OK):
            raise
        db = _untrusting(sqlite3.connect(uri + "&immutable=1", uri=True, **options))
    except sqlite3.DatabaseError:
        pass  # garbage or damage: the caller's first query reports it precisely
    return db


def _untrusting(db: sqlite3.Connection) -> sqlite3.Connection:
    # Defence in depth behind _check_schema: the file's own schema (defaults, CHECKs, index
    # expressions) may call only functions SQLite rates harmless, never ours or side effects.
    db.execute("PRAGMA trusted_schema = OFF")
    return db


def _check_header(path: Path) -> None:
    if not path.exists() and not path.is_symlink():
        raise ProjectError(f"There is no project file at {path}")
    # A folder is called a folder; a FIFO or a link to /dev/zero is refused before it is opened.
    size = check_input_file(path, ProjectError)
    if size == 0:
        raise ProjectError(f"{path.name} is empty: it is not a Hanbit project")
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(_SQLITE_MAGIC):
        raise ProjectError(f"{path.name} is not a Hanbit project (it is not an SQLite database)")
    if len(header) < 100:
        raise ProjectError(f"{path.name} is damaged: it is cut off after {size} bytes")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid when the two change counters agree; a pending WAL may still
    # hold pages that a checkpoint had not written yet, so only judge a file without one.
    wal = path.with_name(path.name + "-wal")
    wal_pending = wal.exists() and wal.stat().st_size > 0
    if header[24:28] == header[92:96] and not wal_pending and size < pages * page_size:
        raise ProjectError(
            f"{path.name} is damaged: it is cut off at {size} bytes of {pages * page_size}"
        )


def _check_schema(path: Path, db: sqlite3.Connection) -> None:
    """Refuse objects we never create: a trigger or view in a file from elsewhere would run its
    own SQL on our connection (rewrite every target on one edit) the moment we write."""
    intruder = foreign_object(db, reference_rows(_SCHEMA))
    if intruder:
        raise ProjectError(
            f"{path.name} contains a {intruder} that is not one Hanbit Desk creates; it was not"
            " opened, because such an object could change the project behind your back"
        )


def _raise_if_full(path: Path, error: BaseException) -> None:
    """A full disk is named as such, never "damaged" (SQLite needs room for a -shm to read)."""
    if disk_full(error, path):
        raise ProjectDiskFullError(
            f"Cannot open {path.name}: the disk is full. Free some space on the drive and try "
            "again; the file itself is intact."
        ) from None


def _sqlite_failure(path: Path, verb: str, error: sqlite3.Error) -> ProjectError:
    _raise_if_full(path, error)
    return ProjectError(f"Cannot {verb} {path.name}: {error}")


def check(path: Path) -> None:
    """Raise ProjectError unless path is an intact project this version can read; reads only."""
    _check_header(path)
    try:
        db = _ro_connect(path)
    except sqlite3.Error as error:
        raise _sqlite_failure(path, "read", error) from None
    try:
        try:
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
        except sqlite3.DatabaseError as error:
            _raise_if_full(path, error)
            raise ProjectError(f"{path.name} is damaged or not a database: {error}") from None
        # Before trusting any content: a scribbled page can read as an empty table.
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
        if problems != ["ok"]:
            raise ProjectError(f"{path.name} is damaged: {'; '.join(problems)}")
        if "meta" not in tables:
            raise ProjectError(
                f"{path.name} is an SQLite database of another program, not a Hanbit project"
            )
        meta = dict(
            db.execute("SELECT key, value FROM meta WHERE key IN ('format', 'schema_version')")
        )
        if meta.get("format") != FORMAT_ID:
            raise ProjectError(
                f"{path.name} is not a Hanbit project (its format is {meta.get('format')!r})"
            )
        try:
            version = int(meta.get("schema_version", ""))
        except ValueError:
            raise ProjectError(f"{path.name} is damaged: it has no valid schema version") from None
        if version > SCHEMA_VERSION:
            raise ProjectError(
                f"{path.name} was saved by a newer Hanbit Desk (project schema {version}; this "
                f"version reads up to {SCHEMA_VERSION}); update the desk to open it"
            )
        if version < 1 or not {"segments", "history"} <= tables:
            raise ProjectError(f"{path.name} is damaged: tables of schema {version} are missing")
        _check_schema(path, db)
    except sqlite3.DatabaseError as error:
        _raise_if_full(path, error)
        raise ProjectError(f"{path.name} is damaged: {error}") from None
    finally:
        db.close()


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection in autocommit mode (changes run in explicit transactions), durable commits."""
    try:
        if read_only:
            db = _ro_connect(path, isolation_level=None, timeout=10)
            db.execute("PRAGMA query_only = ON")
        else:
            db = _untrusting(sqlite3.connect(path, isolation_level=None, timeout=10))
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as error:
        raise _sqlite_failure(path, "open", error) from None
    db.create_function("hb_fold", 1, lambda s: s.casefold() if s else s, deterministic=True)
    return db


def close_quietly(db: sqlite3.Connection, lock: Any) -> None:
    with contextlib.suppress(sqlite3.Error):
        db.close()
    if lock is not None:
        lock.release()


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # pragma: no cover - Windows cannot open folders for fsync
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _build(tmp: Path, meta: dict[str, str], rows: list[dict[str, Any]], now: str, origin: str):
    db = sqlite3.connect(tmp, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("BEGIN")
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                db.execute(statement)
        all_meta = {"format": FORMAT_ID, "schema_version": str(SCHEMA_VERSION), **meta}
        db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", all_meta.items())
        for row in rows:
            cursor = db.execute(
                "INSERT INTO segments (position, paragraph, source, target, status, mt, "
                "mt_info, comment, source_words, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    row["position"], row["paragraph"], row["source"], row["target"],
                    row["status"].value, row.get("mt", ""),
                    json.dumps(row.get("mt_info") or {}, ensure_ascii=False),
                    row.get("comment", ""), row["source_words"], now,
                ),
            )  # fmt: skip
            if row["target"]:
                db.execute(
                    "INSERT INTO history (segment_id, at, target, status, origin) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (cursor.lastrowid, now, row["target"], row["status"].value, origin),
                )
        db.execute("COMMIT")
    finally:
        db.close()  # the last close checkpoints the WAL into the file and removes it


def write_new(
    path: Path, meta: dict[str, str], rows: list[dict[str, Any]], now: str, origin: str
) -> None:
    """Build the project beside path, move it in only if path is still free: never a half file."""
    if path.exists() or path.is_symlink():
        raise ProjectExistsError(f"{path} already exists; a new project never replaces a file")
    if not path.parent.is_dir():
        raise ProjectError(f"Cannot create {path.name}: the folder {path.parent} does not exist")
    try:
        # A private folder (0700, random name) beside path: SQLite would follow a link planted
        # at a guessable name and write the new project over the link's target.
        private = Path(
            tempfile.mkdtemp(prefix=f".{path.name[:80]}.", suffix=".creating", dir=path.parent)
        )
    except OSError as error:
        raise ProjectError(f"Cannot create {path}: {os_reason(error)}") from None
    tmp = private / path.name
    try:
        _build(tmp, meta, rows, now, origin)
        # A -wal or -shm left by a desk that crashed with an earlier file of this name (then
        # deleted) would be replayed into the new file and damage it: it belongs to no file now.
        for suffix in ("-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + suffix).unlink()
        try:
            os.link(tmp, path)  # fails if path appeared meanwhile, unlike a rename
        except FileExistsError:
            raise ProjectExistsError(
                f"{path} already exists; a new project never replaces a file"
            ) from None
        except OSError:
            if path.exists():  # a file system without hard links: check, then rename
                raise ProjectExistsError(
                    f"{path} already exists; a new project never replaces a file"
                ) from None
            os.replace(tmp, path)
        _fsync_dir(path.parent)
    except (sqlite3.Error, OSError) as error:
        if disk_full(error, path.parent):
            raise ProjectDiskFullError(f"Cannot create {path}: the disk is full") from None
        reason = os_reason(error) if isinstance(error, OSError) else str(error)
        raise ProjectError(f"Cannot create {path}: {reason}") from None
    finally:
        shutil.rmtree(private, ignore_errors=True)
