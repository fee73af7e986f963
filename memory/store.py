"""The translation memory: one SQLite file of units shared by all projects; exact/fuzzy lookup."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from memory.diff import EQUAL, diff_ops
from memory.index import PairIndexes
from memory.languages import canonical_language
from memory.protocol import StaleUnitError, later_stamp
from memory.schema import (
    SCHEMA,
    SCHEMA_VERSION,
    MemoryDiskFullError,
    WriteTransaction,
    foreign_object,
)
from memory.text import fuzzy_text, key_hash, match_key
from memory.units import (
    ADDED,
    OLDER,
    STATUSES,
    UNCHANGED,
    UPDATED,
    IncomingUnit,
    MemoryFileError,
    TMMatch,
    TMUnit,
    UnitNotFoundError,
    checked_unit,
    edited_unit,
    now_stamp,
)
from storage.sqlite import disk_full, full_disk_message, inserted_id

# The unit types are re-exported: callers need only `memory.store`.
__all__ = [
    "ADDED",
    "OLDER",
    "STATUSES",
    "UNCHANGED",
    "UPDATED",
    "IncomingUnit",
    "MemoryFileError",
    "TMMatch",
    "TMUnit",
    "TranslationMemory",
    "UnitNotFoundError",
    "now_stamp",
]

_COLUMNS = (
    "id, source_lang, target_lang, source, target, source_norm, created_at, updated_at,"
    " origin, status, usage"
)
# Fuzzy candidates scored with rapidfuzz per lookup: enough to survive near-ties in gram overlap.
_CANDIDATES = 64


def _unit(row: tuple) -> TMUnit:
    return TMUnit(*row)


class TranslationMemory:
    """One SQLite file (WAL, synchronous=FULL, every change committed) shared by all projects.

    A connection belongs to one thread; a worker opens its own TranslationMemory on the same file.
    Several processes may write at once: writes take the database lock up front (BEGIN IMMEDIATE)
    so that read-then-write never races.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.is_dir():
            raise MemoryFileError(f"{self.path} is a folder, not a translation memory file")
        if not self.path.parent.is_dir():
            raise MemoryFileError(f"folder {self.path.parent} does not exist")
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            # Defence in depth behind foreign_object: the file's own schema (defaults, CHECKs,
            # index expressions) may call only the functions SQLite rates harmless.
            self._db.execute("PRAGMA trusted_schema = OFF")
            exists = self._check_schema()
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            if not exists:
                with self._write():
                    # One statement at a time: executescript() would commit the transaction
                    # first. IF NOT EXISTS: another process may create the tables meanwhile.
                    for statement in SCHEMA.split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            else:
                self._add_meta_table()
        except sqlite3.DatabaseError as error:
            if hasattr(self, "_db"):
                self._db.close()
            if disk_full(error, self.path):  # not the file's fault: say so, never "damaged"
                raise MemoryDiskFullError(full_disk_message(self.path)) from error
            raise MemoryFileError(f"{self.path} is not a translation memory: {error}") from error
        except MemoryFileError:
            self._db.close()
            raise
        self._indexes = PairIndexes(self._db)

    def _add_meta_table(self) -> None:
        """unit_meta came after the first memories were written: add it to an older file."""
        if self._db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'unit_meta'"
        ).fetchone():
            return
        try:
            with self._write():
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS unit_meta"
                    " (unit_id INTEGER PRIMARY KEY, data TEXT NOT NULL)"
                )
        except sqlite3.OperationalError:
            pass  # a read-only memory: it can be searched, and it holds no metadata to read

    def _check_schema(self) -> bool:
        """Whether the memory's tables exist; refuses another application's database rather
        than adding our tables to it."""
        tables = {
            row[0]
            for row in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        tables.discard("sqlite_sequence")
        if tables and "units" not in tables:
            raise MemoryFileError(
                f"{self.path} is an SQLite database of another kind"
                f" (tables: {', '.join(sorted(tables))}), not a translation memory"
            )
        if tables:
            # Before trusting (or writing to) it: a scribbled page can still read as a table.
            problems = [row[0] for row in self._db.execute("PRAGMA quick_check(3)")]
            if problems != ["ok"]:
                raise MemoryFileError(f"{self.path} is damaged: {'; '.join(problems)}")
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise MemoryFileError(
                f"{self.path} was written by a newer Hanbit Desk (memory format {version})"
            )
        intruder = foreign_object(self._db)
        if intruder:
            raise MemoryFileError(
                f"{self.path} contains a {intruder} that is not one Hanbit Desk creates; it was"
                " not opened, because such an object could change the memory behind your back"
            )
        return "units" in tables

    # -- plumbing ---------------------------------------------------------------------------

    def _write(self) -> WriteTransaction:
        return WriteTransaction(self._db)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _next_rev(self) -> int:
        return self._db.execute("SELECT COALESCE(MAX(index_rev), 0) + 1 FROM units").fetchone()[0]

    # -- adding -----------------------------------------------------------------------------

    def add(
        self,
        source: str,
        target: str,
        source_lang: str,
        target_lang: str,
        origin: str = "",
        *,
        status: str = "confirmed",
    ) -> TMUnit:
        """Store a translation; an existing unit with the same source (same pair) gets the new
        target, and its previous target goes to the history."""
        incoming = IncomingUnit(source, target, source_lang, target_lang, origin, status)
        with self._write():
            unit_id = self._store(checked_unit(incoming), [self._next_rev()])[1]
        return self.get(unit_id)

    def add_many(
        self, units: Iterable[IncomingUnit], metas: Sequence[dict | None] | None = None
    ) -> list[str]:
        """Store many units in one transaction, all or nothing; one outcome per unit
        (ADDED, UPDATED, UNCHANGED or OLDER when the memory holds a newer target).

        metas, one per unit, is what a TMX said about it (unit_meta); it is stored with a unit
        that is added or updated, and with an unchanged one that has none yet."""
        checked = [checked_unit(unit) for unit in units]
        outcomes: list[str] = []
        with self._write():
            rev = [self._next_rev()]
            for number, unit in enumerate(checked):
                outcome, unit_id = self._store(unit, rev)
                outcomes.append(outcome)
                meta = metas[number] if metas else None
                if meta and (outcome in (ADDED, UPDATED) or not self.unit_meta(unit_id)):
                    self._db.execute(
                        "INSERT INTO unit_meta (unit_id, data) VALUES (?, ?)"
                        " ON CONFLICT(unit_id) DO UPDATE SET data = excluded.data",
                        (unit_id, json.dumps(meta, ensure_ascii=False)),
                    )
        return outcomes

    def unit_meta(self, unit_id: int) -> dict:
        """What a TMX said about the unit beyond its text ({} when nothing)."""
        try:
            row = self._db.execute(
                "SELECT data FROM unit_meta WHERE unit_id = ?", (unit_id,)
            ).fetchone()
        except sqlite3.OperationalError:  # a read-only memory from before unit_meta
            return {}
        try:
            data = json.loads(row[0]) if row else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _store(self, unit: IncomingUnit, rev: list[int]) -> tuple[str, int]:
        digest = key_hash(unit.source)
        row = self._db.execute(
            "SELECT id, target, updated_at, origin, status FROM units"
            " WHERE source_lang = ? AND target_lang = ? AND source_hash = ?",
            (unit.source_lang, unit.target_lang, digest),
        ).fetchone()
        stamp = now_stamp()
        updated_at = unit.updated_at or stamp
        if row is None:
            cursor = self._db.execute(
                "INSERT INTO units (source_lang, target_lang, source, target, source_norm,"
                " source_hash, created_at, updated_at, origin, status, usage, index_rev)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    unit.source_lang,
                    unit.target_lang,
                    match_key(unit.source),
                    unit.target,
                    fuzzy_text(unit.source),
                    digest,
                    unit.created_at or updated_at,
                    updated_at,
                    unit.origin,
                    unit.status,
                    unit.usage,
                    rev[0],
                ),
            )
            rev[0] += 1
            return ADDED, inserted_id(cursor)
        unit_id, old_target, old_updated, old_origin, old_status = row
        if old_target == unit.target and old_status == unit.status:
            return UNCHANGED, unit_id
        if unit.updated_at and unit.updated_at < old_updated:
            return OLDER, unit_id
        updated_at = unit.updated_at or later_stamp(old_updated)  # a new version, always
        if old_target != unit.target:
            self._db.execute(
                "INSERT INTO unit_history (unit_id, target, origin, replaced_at)"
                " VALUES (?, ?, ?, ?)",
                (unit_id, old_target, old_origin, stamp),
            )
        self._db.execute(
            "UPDATE units SET target = ?, updated_at = ?, origin = ?, status = ? WHERE id = ?",
            (unit.target, updated_at, unit.origin, unit.status, unit_id),
        )
        return UPDATED, unit_id

    # -- reading and editing ----------------------------------------------------------------

    def get(self, unit_id: int) -> TMUnit:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM units WHERE id = ?", (unit_id,)).fetchone()
        if row is None:
            raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")
        return _unit(row)

    def history(self, unit_id: int) -> list[tuple[str, str, str]]:
        """Earlier targets of a unit, oldest first: (target, origin, replaced_at)."""
        return self._db.execute(
            "SELECT target, origin, replaced_at FROM unit_history WHERE unit_id = ? ORDER BY id",
            (unit_id,),
        ).fetchall()

    def edit(
        self,
        unit_id: int,
        *,
        source: str | None = None,
        target: str | None = None,
        status: str | None = None,
        expected_version: str | None = None,
    ) -> TMUnit:
        """Change a unit's source, target or status; a source another unit of the pair already
        has is refused. expected_version: the updated_at of the copy the translator edited;
        StaleUnitError, nothing saved, when the unit changed since."""
        with self._write():
            unit = self.get(unit_id)
            if expected_version is not None and unit.updated_at != expected_version:
                raise StaleUnitError(unit_id, unit.updated_at)
            new = edited_unit(unit, source, target, status)
            digest = key_hash(new.source)
            clash = self._db.execute(
                "SELECT id FROM units WHERE source_lang = ? AND target_lang = ?"
                " AND source_hash = ? AND id != ?",
                (unit.source_lang, unit.target_lang, digest, unit_id),
            ).fetchone()
            if clash:
                raise ValueError(f"unit #{clash[0]} already has this source; edit that one instead")
            stamp = later_stamp(unit.updated_at)
            if new.target != unit.target:
                self._db.execute(
                    "INSERT INTO unit_history (unit_id, target, origin, replaced_at)"
                    " VALUES (?, ?, ?, ?)",
                    (unit_id, unit.target, unit.origin, stamp),
                )
            source_changed = match_key(new.source) != unit.source
            self._db.execute(
                "UPDATE units SET source = ?, source_norm = ?, source_hash = ?, target = ?,"
                " status = ?, updated_at = ?, index_rev = ? WHERE id = ?",
                (
                    match_key(new.source),
                    fuzzy_text(new.source),
                    digest,
                    new.target,
                    new.status,
                    stamp,
                    # A new revision tells every open index to re-read this unit's grams.
                    self._next_rev() if source_changed else self._rev_of(unit_id),
                    unit_id,
                ),
            )
        return self.get(unit_id)

    def _rev_of(self, unit_id: int) -> int:
        return self._db.execute("SELECT index_rev FROM units WHERE id = ?", (unit_id,)).fetchone()[
            0
        ]

    def delete(self, unit_id: int) -> None:
        with self._write():
            if self._db.execute("DELETE FROM units WHERE id = ?", (unit_id,)).rowcount == 0:
                raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")
            self._db.execute("DELETE FROM unit_history WHERE unit_id = ?", (unit_id,))
            self._db.execute("DELETE FROM unit_meta WHERE unit_id = ?", (unit_id,))

    def record_use(self, unit_id: int) -> None:
        """Count one reuse of a unit (the translator inserted its target)."""
        with self._write():
            changed = self._db.execute(
                "UPDATE units SET usage = usage + 1 WHERE id = ?", (unit_id,)
            ).rowcount
            if changed == 0:
                raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")

    def exact(self, source: str, source_lang: str, target_lang: str) -> TMUnit | None:
        """The unit holding this very source in the pair, if any (what an add would update)."""
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM units WHERE source_lang = ? AND target_lang = ?"
            " AND source_hash = ?",
            (*pair, key_hash(source)),
        ).fetchone()
        return None if row is None else _unit(row)

    def restore(
        self, unit_id: int, before: TMUnit | None, *, expected_version: str | None = None
    ) -> None:
        """Take back one add: the unit it created is deleted; the one it updated gets the
        target, origin, status and date it had (an undone confirm leaves the memory as it was).
        expected_version: the updated_at the add left; StaleUnitError, nothing undone, when
        the unit changed since (the undo would throw away that later change)."""
        with self._write():
            row = self._db.execute(
                "SELECT updated_at FROM units WHERE id = ?", (unit_id,)
            ).fetchone()
            if row is None:
                return  # deleted meanwhile: nothing to take back
            if expected_version is not None and row[0] != expected_version:
                raise StaleUnitError(unit_id, row[0])
            if before is None:
                self._db.execute("DELETE FROM units WHERE id = ?", (unit_id,))
                self._db.execute("DELETE FROM unit_history WHERE unit_id = ?", (unit_id,))
                self._db.execute("DELETE FROM unit_meta WHERE unit_id = ?", (unit_id,))
                return
            self._db.execute(
                "UPDATE units SET target = ?, updated_at = ?, origin = ?, status = ? WHERE id = ?",
                (before.target, before.updated_at, before.origin, before.status, before.id),
            )
            # The history row that add() wrote for the replaced target goes too.
            self._db.execute(
                "DELETE FROM unit_history WHERE id = (SELECT MAX(id) FROM unit_history"
                " WHERE unit_id = ? AND target = ?)",
                (before.id, before.target),
            )

    def search(
        self, text: str, source_lang: str, target_lang: str, *, limit: int = 50
    ) -> list[TMUnit]:
        """Concordance: units whose source or target contains text (case-insensitive for
        Latin), newest first."""
        needle = text.strip()
        if not needle:
            raise ValueError("cannot search the memory for empty text")
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM units WHERE source_lang = ? AND target_lang = ?"
            " AND (source LIKE ? ESCAPE '\\' OR target LIKE ? ESCAPE '\\')"
            " ORDER BY updated_at DESC LIMIT ?",
            (*pair, pattern, pattern, limit),
        )
        return [_unit(row) for row in rows]

    def count(self, source_lang: str | None = None, target_lang: str | None = None) -> int:
        where, params = _pair_filter(source_lang, target_lang)
        return self._db.execute(f"SELECT COUNT(*) FROM units{where}", params).fetchone()[0]

    def units(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[TMUnit]:
        """Every unit (of one pair, or of one source or target language), oldest id first."""
        where, params = _pair_filter(source_lang, target_lang)
        cursor = self._db.execute(f"SELECT {_COLUMNS} FROM units{where} ORDER BY id", params)
        while rows := cursor.fetchmany(500):
            yield from map(_unit, rows)

    def pairs(self) -> list[tuple[str, str, int]]:
        """(source_lang, target_lang, unit count) for every pair in the memory."""
        return self._db.execute(
            "SELECT source_lang, target_lang, COUNT(*) FROM units"
            " GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang"
        ).fetchall()

    # -- lookup -----------------------------------------------------------------------------

    def lookup(
        self,
        source: str,
        source_lang: str,
        target_lang: str,
        *,
        limit: int = 5,
        threshold: int = 70,
    ) -> list[TMMatch]:
        """The best matches for a segment, highest score first (ties: most recent first)."""
        if not isinstance(source, str) or not source.strip():
            raise ValueError("cannot look up an empty segment")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if not 0 <= threshold <= 100:
            raise ValueError(f"threshold must be between 0 and 100, not {threshold}")
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        query = fuzzy_text(source)
        matches: list[TMMatch] = []
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM units WHERE source_lang = ? AND target_lang = ?"
            " AND source_hash = ?",
            (*pair, key_hash(source)),
        ).fetchone()
        exact_id = None
        if row is not None:
            exact = _unit(row)
            exact_id = exact.id
            matches.append(TMMatch(exact, 100, [(EQUAL, exact.source)]))
        if len(matches) < limit:
            scored = []
            for unit in self._candidates(pair, query, _CANDIDATES + limit, exact_id):
                score = fuzz.ratio(query, unit.source_norm, score_cutoff=threshold)
                if score:
                    # Equal after case folding but not identical: never claim an exact match.
                    scored.append((min(round(score), 99), unit))
            # Two stable sorts: highest score first, and the newest unit first among equals.
            scored.sort(key=lambda item: item[1].updated_at, reverse=True)
            scored.sort(key=lambda item: item[0], reverse=True)
            for score, unit in scored[: limit - len(matches)]:
                matches.append(
                    TMMatch(unit, score, diff_ops(unit.source, match_key(source), pair[0]))
                )
        return matches[:limit]

    def prepare(self, source_lang: str, target_lang: str) -> int:
        """Build (or bring up to date) the fuzzy index of a pair now; returns its unit count."""
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        return self._indexes.get(pair).size

    def _candidates(
        self, pair: tuple[str, str], query: str, count: int, exclude: int | None
    ) -> list[TMUnit]:
        for attempt in range(2):
            ids = [i for i in self._indexes.get(pair).candidates(query, count) if i != exclude]
            units = self._fetch(ids)
            if attempt or len(ids) < 16 or len(units) >= len(ids) // 2:
                return units
            # Mostly deleted units among the candidates: the index is stale, rebuild it once.
            self._indexes.drop(pair)
        return units

    def _fetch(self, ids: list[int]) -> list[TMUnit]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM units WHERE id IN ({marks})", ids)
        return [_unit(row) for row in rows]


def _pair_filter(source_lang: str | None, target_lang: str | None) -> tuple[str, tuple]:
    clauses, params = [], []
    if source_lang:
        clauses.append("source_lang = ?")
        params.append(canonical_language(source_lang))
    if target_lang:
        clauses.append("target_lang = ?")
        params.append(canonical_language(target_lang))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
