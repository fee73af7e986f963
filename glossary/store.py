"""The termbase: concepts with terms per language, in one SQLite file."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.chinese import script_variants

# The concept model lives in glossary.model; it is imported from here everywhere else.
from glossary.model import (
    Concept,
    GlossaryError,
    Term,
    TermKind,
    clean_concept,
    strip_controls,
    term_key,
)
from glossary.protocol import ConceptReading
from storage.sqlite import (
    disk_full,
    foreign_object,
    full_disk_message,
    inserted_id,
    reference_rows,
)

if TYPE_CHECKING:  # sqlite-utils loads only for whoever asks for Termbase.db
    import sqlite_utils

__all__ = ["Concept", "GlossaryError", "Term", "TermKind", "Termbase", "clean_concept", "term_key"]

FORMAT = "hanbit-termbase"
# 2: concepts and terms carry `details` (JSON: definition, context, part of speech ... of a TBX).
SCHEMA_VERSION = 2
_CHUNK = 500  # stays under SQLite's bound-parameter limit
# What the definition of each kind of our schema objects starts with (canonical form).
_CREATES = {
    "table": ("createtable", "createvirtualtableconcepts_ftsusingfts5"),
    "index": ("createindex", "createuniqueindex"),
}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _next_stamp(previous: str | None) -> str:
    """Now, but always later than previous: updated_at is the concept's version, so two saves
    within one second must still differ (else a stale copy could overwrite the second)."""
    stamp = datetime.now(UTC).replace(microsecond=0)
    try:
        before = datetime.fromisoformat(previous or "")
    except ValueError:
        return stamp.isoformat()
    before = before if before.tzinfo else before.replace(tzinfo=UTC)
    return max(stamp, before.replace(microsecond=0) + timedelta(seconds=1)).isoformat()


def _search_text(concept: Concept) -> str:
    # Both Chinese scripts go into the index so 支付宝 finds a concept that stores 支付寶.
    parts: list[str] = []
    for term in concept.terms:
        parts.extend(script_variants(term.text) if term.lang.startswith("zh") else [term.text])
        if term.note:
            parts.append(term.note)
    return "\n".join(dict.fromkeys(parts))


def _load_details(text: str | None) -> dict:
    """The JSON of a details column; a damaged one reads as none rather than failing a list."""
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _dump_concept_details(concept: Concept) -> str:
    data: dict[str, object] = {}
    if concept.details:
        data["concept"] = concept.details
    if concept.lang_details:
        data["langs"] = concept.lang_details
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


# The schema, statement by statement, exactly as sqlite-utils wrote it when termbases were
# made with it (so the search index's triggers of every existing file match ours): plain SQL
# both creates a termbase and gives the guard its reference, and opening one never imports
# sqlite-utils (0.2 s with numpy). Trigram FTS finds substrings in hangul and hanzi, which
# have no spaces to split on; `curated` keeps what the curated loader last wrote for each
# curated concept, and which the user deleted (content differing from applied_hash was edited).
_SCHEMA = (
    'CREATE TABLE "meta" (\n   "key" TEXT PRIMARY KEY,\n   "value" TEXT\n)',
    'CREATE TABLE "concepts" (\n   "id" INTEGER PRIMARY KEY,\n'
    "   \"domain\" TEXT NOT NULL DEFAULT '',\n   \"note\" TEXT NOT NULL DEFAULT '',\n"
    '   "status" TEXT NOT NULL,\n   "origin" TEXT NOT NULL DEFAULT \'\',\n'
    '   "created_at" TEXT,\n   "updated_at" TEXT,\n'
    "   \"search_text\" TEXT NOT NULL DEFAULT '',\n   \"details\" TEXT NOT NULL DEFAULT '{}'\n)",
    'CREATE TABLE "terms" (\n   "id" INTEGER PRIMARY KEY,\n'
    '   "concept_id" INTEGER NOT NULL REFERENCES "concepts"("id"),\n'
    '   "position" INTEGER,\n   "lang" TEXT NOT NULL,\n   "text" TEXT NOT NULL,\n'
    '   "key" TEXT NOT NULL,\n   "kind" TEXT NOT NULL,\n   "note" TEXT,\n'
    "   \"details\" TEXT NOT NULL DEFAULT '{}'\n)",
    'CREATE INDEX "idx_terms_lang_key"\n    ON "terms" ("lang", "key")',
    'CREATE INDEX "idx_terms_concept_id"\n    ON "terms" ("concept_id")',
    'CREATE INDEX "idx_concepts_origin"\n    ON "concepts" ("origin")',
    'CREATE TABLE "curated" (\n   "origin" TEXT PRIMARY KEY,\n   "applied_hash" TEXT,\n'
    '   "deleted" INTEGER\n)',
    'CREATE VIRTUAL TABLE "concepts_fts" USING FTS5 (\n    "search_text", "note", "domain",\n'
    "    tokenize='trigram',\n    content=\"concepts\"\n)",
    'CREATE TRIGGER "concepts_ai" AFTER INSERT ON "concepts" BEGIN\n'
    '  INSERT INTO "concepts_fts" (rowid, "search_text", "note", "domain")'
    ' VALUES (new.rowid, new."search_text", new."note", new."domain");\nEND',
    'CREATE TRIGGER "concepts_ad" AFTER DELETE ON "concepts" BEGIN\n'
    '  INSERT INTO "concepts_fts" ("concepts_fts", rowid, "search_text", "note", "domain")'
    ' VALUES(\'delete\', old.rowid, old."search_text", old."note", old."domain");\nEND',
    'CREATE TRIGGER "concepts_au" AFTER UPDATE ON "concepts" BEGIN\n'
    '  INSERT INTO "concepts_fts" ("concepts_fts", rowid, "search_text", "note", "domain")'
    ' VALUES(\'delete\', old.rowid, old."search_text", old."note", old."domain");\n'
    '  INSERT INTO "concepts_fts" (rowid, "search_text", "note", "domain")'
    ' VALUES (new.rowid, new."search_text", new."note", new."domain");\nEND',
)


def _our_schema() -> frozenset[tuple[str, str, str, str]]:
    """What _create_schema makes, the search index's shadow tables and triggers included."""
    return reference_rows(";\n".join(_SCHEMA))


class Termbase(ConceptReading):
    """One SQLite termbase file; opening creates the schema when the file is new."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._depth = 0
        try:
            self._conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
        except sqlite3.Error as error:
            raise GlossaryError(f"cannot open termbase {self.path}: {error}") from None
        try:
            self._open()
        except sqlite3.DatabaseError as error:
            self._conn.close()
            if disk_full(error, self.path):  # not the file's fault: never call it unusable
                raise GlossaryError(full_disk_message(self.path)) from None
            raise GlossaryError(f"{self.path} is not a usable termbase: {error}") from None
        except GlossaryError:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------------------

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """The connection through sqlite-utils, for scripts and tests; the store never uses it."""
        import sqlite_utils  # noqa: PLC0415 - 0.2 s with numpy: only for whoever asks

        return sqlite_utils.Database(self._conn)

    def _open(self) -> None:
        tables = {
            name
            for (name,) in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not self._conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
            self._create_schema()
            return
        if "meta" not in tables:
            raise GlossaryError(
                f"{self.path} is an SQLite file of another application, not a termbase"
            )
        meta = dict(self._conn.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("format") != FORMAT:
            raise GlossaryError(f"{self.path} is not a termbase (format {meta.get('format')!r})")
        schema = str(meta.get("schema", "1")).strip()
        if not schema.isascii() or not schema.isdigit():
            raise GlossaryError(
                f"{self.path} is damaged: its schema version {meta.get('schema')!r} is not a"
                " number; restore it from a backup or export it again from where it came from"
            )
        if int(schema) > SCHEMA_VERSION:
            raise GlossaryError(
                f"{self.path} was written by a newer Hanbit Desk (schema {schema}); "
                "update the desk to open it"
            )
        missing = {"concepts", "terms", "curated"} - tables
        if missing:
            raise GlossaryError(f"{self.path} is damaged: missing tables {sorted(missing)}")
        if int(schema) < SCHEMA_VERSION:
            self._migrate(int(schema))
        check = self._conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise GlossaryError(f"{self.path} is damaged: {check}")
        self._check_objects()
        self._conn.execute("PRAGMA foreign_keys = ON")

    def _migrate(self, schema: int) -> None:
        """Bring an older termbase up to SCHEMA_VERSION in one transaction (all or nothing)."""
        with self.transaction(bump=False):
            if schema < 2:
                for table in ("concepts", "terms"):
                    columns = {c[1] for c in self._conn.execute(f"PRAGMA table_info({table})")}
                    if "details" not in columns:
                        self._conn.execute(
                            f"ALTER TABLE {table} ADD COLUMN details TEXT NOT NULL DEFAULT '{{}}'"
                        )
            self._conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema'", (str(SCHEMA_VERSION),)
            )

    def _check_objects(self) -> None:
        """Refuse schema objects we never create: a trigger or view in a termbase from elsewhere
        would run its own SQL (delete terms on every insert) the moment we write.

        PRAGMA trusted_schema=OFF cannot back this up here: SQLite then refuses the search
        index's own triggers, which write to the FTS5 table; so triggers must match ours exactly.
        """
        intruder = foreign_object(
            self._conn, _our_schema(), exact_kinds=("trigger",), creates=_CREATES
        )
        if intruder:
            raise GlossaryError(
                f"{self.path} contains a {intruder} that is not one Hanbit Desk creates; it was"
                " not opened, because such an object could change the glossary behind your back"
            )

    def _create_schema(self) -> None:
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        with self.transaction(bump=False):
            for statement in _SCHEMA:  # one by one: executescript would COMMIT first
                self._conn.execute(statement)
            self._conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("format", FORMAT), ("schema", str(SCHEMA_VERSION)), ("revision", "0")],
            )

    @contextmanager
    def transaction(self, bump: bool = True) -> Iterator[None]:
        """All writes inside commit together or not at all; nested calls join the outer one."""
        outer = self._depth == 0
        if outer:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise GlossaryError(f"cannot write to {self.path}: {error}") from None
        self._depth += 1
        try:
            yield
            if outer and bump:
                self._conn.execute(
                    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'"
                )
            if outer:
                self._conn.execute("COMMIT")
        except BaseException as error:
            if outer and self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                reason = "the disk is full" if disk_full(error, self.path) else error
                raise GlossaryError(f"cannot write to {self.path}: {reason}") from None
            raise
        finally:
            self._depth -= 1

    def close(self) -> None:
        self._conn.close()

    # -- reading -------------------------------------------------------------------------

    def concept_ids(self, query: str = "") -> list[int]:
        """Ids of every concept in creation order; with a query, those matching it, concepts
        holding the query as a whole form first (searching 알리페이 lists Alipay before
        Alipay Wallet)."""
        where, params = self._where(query)
        if not query.strip():
            return [row[0] for row in self._conn.execute("SELECT id FROM concepts ORDER BY id")]
        sql = (
            f"SELECT id FROM concepts {where} ORDER BY"
            " id NOT IN (SELECT concept_id FROM terms WHERE key = ?), id"
        )
        return [row[0] for row in self._conn.execute(sql, [*params, term_key(query)])]

    def count(self, query: str = "") -> int:
        where, params = self._where(query)
        return self._conn.execute(f"SELECT count(*) FROM concepts {where}", params).fetchone()[0]

    def concepts_by_ids(self, ids: Iterable[int]) -> list[Concept]:
        """The concepts with these ids in the order given; ids no longer present are skipped."""
        ids = list(ids)
        found: dict[int, Concept] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self._conn.execute(
                "SELECT id, domain, note, status, origin, created_at, updated_at, details"
                f" FROM concepts WHERE id IN ({marks})",
                chunk,
            ):
                details = _load_details(row[7])
                found[row[0]] = Concept(
                    id=row[0],
                    domain=row[1],
                    note=row[2],
                    status=row[3],
                    origin=row[4],
                    created_at=row[5],
                    updated_at=row[6],
                    details=details.get("concept", {}),
                    lang_details=details.get("langs", {}),
                )
            for concept_id, lang, text, kind, note, term_details in self._conn.execute(
                "SELECT concept_id, lang, text, kind, note, details FROM terms"
                f" WHERE concept_id IN ({marks}) ORDER BY concept_id, position",
                chunk,
            ):
                # strip_controls: a termbase written before control characters were refused
                # may hold a NUL, which must not reach matching, enforcement or a translation.
                found[concept_id].terms.append(
                    Term(
                        lang,
                        strip_controls(text),
                        TermKind(kind),
                        strip_controls(note or ""),
                        _load_details(term_details),
                    )
                )
        return [found[i] for i in ids if i in found]

    def search(self, query: str) -> list[Concept]:
        """Full-text search over every form, note and domain."""
        return self.concepts_by_ids(self.concept_ids(query)) if query.strip() else []

    def _where(self, query: str) -> tuple[str, list[str]]:
        clauses: list[str] = []
        params: list[str] = []
        for word in query.split():
            if len(word) >= 3:
                clauses.append("id IN (SELECT rowid FROM concepts_fts WHERE concepts_fts MATCH ?)")
                params.append('"' + word.replace('"', '""') + '"')
            else:
                # Trigrams need three characters; two-syllable names (마윈) fall back to LIKE.
                like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                clauses.append(
                    "(search_text LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\'"
                    " OR domain LIKE ? ESCAPE '\\')"
                )
                params.extend([like + "%"] * 3)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def find_form(self, lang: str, text: str) -> list[int]:
        """Ids of concepts holding text as a preferred or variant form in lang."""
        rows = self._conn.execute(
            "SELECT DISTINCT concept_id FROM terms WHERE lang = ? AND key = ? AND kind != ?",
            (lang, term_key(text), TermKind.FORBIDDEN.value),
        )
        return [row[0] for row in rows]

    def may_decide(self) -> bool:
        """A local termbase is its owner's: approving and forbidding are always allowed."""
        return True

    @property
    def revision(self) -> int:
        """Grows on every change, so callers can rebuild a TermMatcher only when needed."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0])

    # -- writing -------------------------------------------------------------------------

    def check(self, concept: Concept) -> Concept:
        """The cleaned concept, or GlossaryError if it cannot be stored as it is."""
        cleaned = clean_concept(concept)
        for term in cleaned.terms:
            if term.kind == TermKind.FORBIDDEN:
                continue
            others = [i for i in self.find_form(term.lang, term.text) if i != cleaned.id]
            if others:
                owner = self.concept(others[0])
                raise GlossaryError(
                    f"{term.lang} form {term.text!r} already belongs to concept #{owner.id}"
                    f" ({owner.label()})"
                )
        return cleaned

    def add_concept(self, concept: Concept) -> int:
        cleaned = self.check(Concept(**{**concept.__dict__, "id": None}))
        with self.transaction():
            return self._insert(cleaned)

    def update_concept(self, concept: Concept) -> None:
        """Store the edited concept; GlossaryError if someone saved it since it was read.

        concept.updated_at is the version it was read with (another desk may share the file);
        a concept built without one (a curated update) overwrites whatever is stored. On
        success concept.updated_at becomes the new version, so the caller may save again.
        """
        if concept.id is None or not self._exists(concept.id):
            raise GlossaryError(f"no concept #{concept.id} to update")
        cleaned = self.check(concept)
        with self.transaction():
            # Read and write under one write lock, so no other save can slip in between.
            row = self._conn.execute(
                "SELECT origin, updated_at FROM concepts WHERE id = ?", (concept.id,)
            ).fetchone()
            if row is None:
                raise GlossaryError(f"no concept #{concept.id} to update (it was just deleted)")
            origin, stored = row
            if concept.updated_at and stored != concept.updated_at:
                raise GlossaryError(
                    f"concept #{concept.id} ({cleaned.label()}) was changed by someone else since"
                    f" you opened it (saved {stored}); your changes were not saved: close it,"
                    " open it again and redo them"
                )
            # The curated origin is bookkeeping, not something an editor form carries along.
            cleaned.origin = cleaned.origin or origin
            cleaned.updated_at = _next_stamp(stored)
            self._write(concept.id, cleaned)
        concept.updated_at = cleaned.updated_at

    def delete_concept(self, concept_id: int) -> Concept:
        """Delete and return the concept (so the window can undo with restore_concept)."""
        concept = self.concept(concept_id)
        with self.transaction():
            self._conn.execute("DELETE FROM terms WHERE concept_id = ?", (concept_id,))
            self._conn.execute("DELETE FROM concepts WHERE id = ?", (concept_id,))
            if concept.origin:
                self._conn.execute(
                    "UPDATE curated SET deleted = 1 WHERE origin = ?", (concept.origin,)
                )
        return concept

    def restore_concept(self, concept: Concept) -> int:
        if concept.id is not None and self._exists(concept.id):
            raise GlossaryError(f"concept #{concept.id} still exists; nothing to restore")
        cleaned = self.check(concept)
        with self.transaction():
            concept_id = self._insert(cleaned, keep_id=True)
            if cleaned.origin:
                self._conn.execute(
                    "UPDATE curated SET deleted = 0 WHERE origin = ?", (cleaned.origin,)
                )
        return concept_id

    def _exists(self, concept_id: int) -> bool:
        row = self._conn.execute("SELECT 1 FROM concepts WHERE id = ?", (concept_id,))
        return row.fetchone() is not None

    def _insert(self, concept: Concept, keep_id: bool = False) -> int:
        now = _now()
        cursor = self._conn.execute(
            "INSERT INTO concepts (id, domain, note, status, origin, created_at, updated_at,"
            " search_text, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                concept.id if keep_id else None,
                concept.domain,
                concept.note,
                concept.status,
                concept.origin,
                # Dates a concept brings along (a restore, an imported file) are kept.
                concept.created_at or now,
                concept.updated_at or now,
                _search_text(concept),
                _dump_concept_details(concept),
            ),
        )
        concept_id = inserted_id(cursor)
        self._insert_terms(concept_id, concept.terms)
        return concept_id

    def _write(self, concept_id: int, concept: Concept) -> None:
        self._conn.execute(
            "UPDATE concepts SET domain = ?, note = ?, status = ?, origin = ?, updated_at = ?,"
            " search_text = ?, details = ? WHERE id = ?",
            (
                concept.domain,
                concept.note,
                concept.status,
                concept.origin,
                concept.updated_at,
                _search_text(concept),
                _dump_concept_details(concept),
                concept_id,
            ),
        )
        self._conn.execute("DELETE FROM terms WHERE concept_id = ?", (concept_id,))
        self._insert_terms(concept_id, concept.terms)

    def _insert_terms(self, concept_id: int, terms: list[Term]) -> None:
        self._conn.executemany(
            "INSERT INTO terms (concept_id, position, lang, text, key, kind, note, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    concept_id,
                    n,
                    t.lang,
                    t.text,
                    term_key(t.text),
                    t.kind.value,
                    t.note,
                    json.dumps(t.details or {}, ensure_ascii=False, sort_keys=True),
                )
                for n, t in enumerate(terms)
            ],  # fmt: skip
        )

    # -- curated bookkeeping (used by glossary.curated) ----------------------------------

    def meta(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def curated_state(self) -> dict[str, tuple[str, bool]]:
        """origin -> (hash of what the curated loader last wrote, deleted by the user)."""
        rows = self._conn.execute("SELECT origin, applied_hash, deleted FROM curated")
        return {origin: (applied, bool(deleted)) for origin, applied, deleted in rows}

    def concept_by_origin(self, origin: str) -> Concept | None:
        row = self._conn.execute("SELECT id FROM concepts WHERE origin = ?", (origin,)).fetchone()
        return self.concept(row[0]) if row else None

    def record_curated(self, origin: str, applied_hash: str) -> None:
        self._conn.execute(
            "INSERT INTO curated (origin, applied_hash, deleted) VALUES (?, ?, 0)"
            " ON CONFLICT(origin) DO UPDATE SET applied_hash = excluded.applied_hash",
            (origin, applied_hash),
        )
