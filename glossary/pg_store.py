"""The team termbase on PostgreSQL: Termbase's interface, rights the server enforces, notices."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from glossary.model import Concept, GlossaryError, Term, TermKind, clean_concept, term_key
from glossary.pg_listen import TermbaseListener
from glossary.pg_schema import CHANNEL, MIGRATIONS, TERMINOLOGIST_ROLE, TRANSLATOR_ROLE
from glossary.protocol import ConceptReading
from glossary.store import (
    _dump_concept_details,
    _load_details,
    _next_stamp,
    _now,
    _search_text,
)
from storage.outbox import Outbox, Waiting
from storage.postgres import (
    ServerUnavailable,
    connect,
    is_connection_error,
    migrate,
    redacted,
    server_message,
)

# Re-exported: callers reach the whole team termbase through this module.
__all__ = ["CHANNEL", "TERMINOLOGIST_ROLE", "TRANSLATOR_ROLE", "ServerTermbase",
           "StaleConceptError", "TermbaseListener", "TermbaseOffline", "TermbasePermissionError",
           "TermbaseQueued"]  # fmt: skip

RECONNECT_PAUSE_S = 2.0  # after a lost connection, `revision` does not try again for this long

# What a write's description starts with: its failure message says it was not saved.
WRITES = ("adding", "saving", "deleting", "restoring", "writing")
_COLUMNS = "id, domain, note, status, origin, created_at, updated_at, details"


class ServerTermbase(ConceptReading):
    """A termbase in a PostgreSQL database, for a team; the same methods as Termbase.

    Opening migrates the schema (the first desk to connect as an owner creates it). A lost
    connection raises ServerUnavailable-flavoured GlossaryError (TermbaseOffline) naming what
    was not saved; the next call reconnects. One connection per object: like the SQLite
    store, an instance belongs to one thread.
    """

    def __init__(self, url: str, outbox: Path | None = None) -> None:
        self.url = url
        self.path = redacted(url)  # what messages and titles show where a file path would be
        self._depth = 0
        self._doing = ""
        self._conn: psycopg.Connection | None = None
        # Where adds and saves wait while the server is away (None: they fail in words).
        self.outbox = Outbox(outbox) if outbox is not None else None
        self._flushing = False
        self._revision = 0
        self._retry_at = 0.0  # no new connection attempt before this (time.monotonic())
        self._connect(migrate_schema=True)

    # -- connection ----------------------------------------------------------------------

    def _connect(self, migrate_schema: bool = False) -> None:
        try:
            conn = self._conn = connect(self.url)
        except ServerUnavailable as error:
            self._retry_at = time.monotonic() + RECONNECT_PAUSE_S
            raise TermbaseOffline(str(error)) from None
        except PermissionError as error:
            raise GlossaryError(str(error)) from None
        if migrate_schema:
            try:
                self._migrate()
            except Exception as error:
                conn.close()
                if is_connection_error(error):
                    raise TermbaseOffline(f"lost {self.path} while opening it") from None
                raise GlossaryError(f"{self.path} is not a usable termbase: {error}") from None

    @property
    def _db(self) -> psycopg.Connection:
        """The connection (_guard opens it); TermbaseOffline where there is none."""
        if self._conn is None:
            raise TermbaseOffline(f"the termbase server {self.path} is not connected")
        return self._conn

    def _migrate(self) -> None:
        exists = self._db.execute("SELECT to_regclass('hanbit_schema') IS NOT NULL").fetchone()
        assert exists is not None  # a SELECT without FROM returns one row
        if exists[0]:
            row = self._db.execute(
                "SELECT version FROM hanbit_schema WHERE name = 'termbase'"
            ).fetchone()
            if row and row[0] == len(MIGRATIONS):
                return  # a translator's login need not have the rights to migrate
        migrate(self._db, "termbase", MIGRATIONS)

    @contextmanager
    def _describing(self, doing: str) -> Iterator[None]:
        self._doing = doing
        try:
            yield
        finally:
            self._doing = ""

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        """Turns the server's refusals and a lost connection into GlossaryError in words."""
        doing = self._doing or doing  # a read on behalf of a write reports the write
        if self._conn is None or self._conn.closed:
            try:
                self._connect()
            except TermbaseOffline:
                if doing.startswith(WRITES):
                    raise TermbaseOffline(
                        f"the termbase server {self.path} cannot be reached; {doing} was not saved"
                    ) from None
                raise
        try:
            yield
        except psycopg.Error as error:
            if is_connection_error(error):
                self._db.close()
                self._retry_at = time.monotonic() + RECONNECT_PAUSE_S
                raise TermbaseOffline(
                    f"the termbase server {self.path} cannot be reached; {doing} was not saved"
                    if doing.startswith(WRITES)
                    else f"the termbase server {self.path} cannot be reached ({doing})"
                ) from None
            if getattr(error, "sqlstate", "") == "42501" or isinstance(
                error, psycopg.errors.InsufficientPrivilege
            ):
                raise TermbasePermissionError(
                    f"{doing} was refused by the server: {server_message(error)}"
                ) from None
            raise GlossaryError(f"{doing} failed on {self.path}: {server_message(error)}") from None

    def _rows(self, sql: str, params: Iterable = (), doing: str = "reading") -> list[tuple]:
        with self._guard(doing):
            return self._db.execute(sql, tuple(params)).fetchall()

    @contextmanager
    def transaction(self, bump: bool = True, doing: str = "writing") -> Iterator[None]:
        """All writes inside commit together or not at all; nested calls join the outer one."""
        outer = self._depth == 0
        if not outer:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        with self._guard(doing):
            self._depth += 1
            try:
                with self._db.transaction():
                    yield
                    if bump:
                        self._db.execute(
                            "UPDATE tb_meta SET value = (value::bigint + 1)::text"
                            " WHERE key = 'revision'"
                        )
            finally:
                self._depth -= 1

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    # -- reading -------------------------------------------------------------------------

    def concept_ids(self, query: str = "") -> list[int]:
        """Ids in creation order; with a query, those holding every word of it (trigram index),
        concepts with the query as a whole form first."""
        self._catch_up()
        if not query.strip():
            return [row[0] for row in self._rows("SELECT id FROM tb_concepts ORDER BY id")]
        where, params = self._where(query)
        sql = (
            f"SELECT id FROM tb_concepts {where} ORDER BY"
            " id NOT IN (SELECT concept_id FROM tb_terms WHERE key = %s), id"
        )
        return [row[0] for row in self._rows(sql, [*params, term_key(query)])]

    def count(self, query: str = "") -> int:
        where, params = self._where(query)
        return self._rows(f"SELECT count(*) FROM tb_concepts {where}", params)[0][0]

    def concepts_by_ids(self, ids: Iterable[int]) -> list[Concept]:
        ids = [int(i) for i in ids]
        if not ids:
            return []
        self._catch_up()
        found: dict[int, Concept] = {}
        with self._guard("reading the termbase"):
            for row in self._db.execute(
                f"SELECT {_COLUMNS} FROM tb_concepts WHERE id = ANY(%s)", (ids,)
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
            for concept_id, lang, text, kind, note, details in self._db.execute(
                "SELECT concept_id, lang, text, kind, note, details FROM tb_terms"
                " WHERE concept_id = ANY(%s) ORDER BY concept_id, position",
                (ids,),
            ):
                found[concept_id].terms.append(
                    Term(lang, text, TermKind(kind), note, _load_details(details))
                )
        return [found[i] for i in ids if i in found]

    def search(self, query: str) -> list[Concept]:
        return self.concepts_by_ids(self.concept_ids(query)) if query.strip() else []

    def fuzzy_search(
        self, text: str, limit: int = 10, threshold: float = 0.4
    ) -> list[tuple[Concept, float]]:
        """Concepts whose forms resemble text (pg_trgm word similarity, on the trigram index),
        best first: finds Alipay for a misspelt Alipey."""
        self._rows("SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
                   (str(threshold),))  # fmt: skip
        rows = self._rows(
            "SELECT id, word_similarity(%s, search_text) AS score FROM tb_concepts"
            " WHERE %s <%% search_text ORDER BY score DESC, id LIMIT %s",
            (text, text, limit),
        )
        by_id = {c.id: c for c in self.concepts_by_ids(r[0] for r in rows)}
        return [(by_id[i], float(score)) for i, score in rows if i in by_id]

    def _where(self, query: str) -> tuple[str, list[str]]:
        clauses, params = [], []
        for word in query.split():
            # ILIKE on the trigram GIN index: substrings in hangul and hanzi, no word splitting.
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("(search_text ILIKE %s OR note ILIKE %s OR domain ILIKE %s)")
            params.extend([f"%{escaped}%"] * 3)
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params

    def find_form(self, lang: str, text: str) -> list[int]:
        rows = self._rows(
            "SELECT DISTINCT concept_id FROM tb_terms WHERE lang = %s AND key = %s AND kind <> %s",
            (lang, term_key(text), TermKind.FORBIDDEN.value),
        )
        return [row[0] for row in rows]

    @property
    def revision(self) -> int:
        """The termbase's revision; while the server is away, the last one read (a window asks
        on every repaint whether to rebuild its matcher: the answer is "not now", no error)."""
        if (self._conn is None or self._conn.closed) and time.monotonic() < self._retry_at:
            # Just failed: a dead network makes each attempt wait for the connect timeout,
            # which a window repainting its grid must not pay again and again.
            return self._revision
        try:
            self._revision = int(
                self._rows("SELECT value FROM tb_meta WHERE key = 'revision'")[0][0]
            )
        except TermbaseOffline:
            pass
        return self._revision

    def may_decide(self) -> bool:
        """Whether this login may approve concepts and forbid forms (a terminologist or the
        owner): what the server will enforce, so a concept editor can default to "proposed"
        for a translator instead of offering a save the server refuses."""
        return bool(self._rows("SELECT tb_may_decide()")[0][0])

    def changed_by(self, concept_id: int) -> tuple[str, str] | None:
        """(login, when) of the last save of a concept, or None when it is gone."""
        rows = self._rows(
            "SELECT updated_by, updated_at FROM tb_concepts WHERE id = %s", (concept_id,)
        )
        return (rows[0][0], rows[0][1]) if rows else None

    # -- writing -------------------------------------------------------------------------

    def check(self, concept: Concept) -> Concept:
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
        doing = f"adding {Concept(terms=concept.terms).label()}"
        return self._or_queue("concept.add", doing, concept, lambda: self._add(concept, doing))

    def _add(self, concept: Concept, doing: str) -> int:
        with self._describing(doing):
            cleaned = self.check(Concept(**{**concept.__dict__, "id": None}))
            with self.transaction():
                return self._insert(cleaned)

    def update_concept(self, concept: Concept) -> None:
        """Store the edited concept; GlossaryError naming who saved it, and when, if someone
        did since it was read (concept.updated_at is the version it was read with)."""
        if concept.id is None:
            raise GlossaryError("no concept to update (it has no id)")
        doing = f"saving {concept.label()}"

        def save() -> None:
            with self._describing(doing):
                self._save(concept)

        self._or_queue("concept.update", doing, concept, save)

    def _save(self, concept: Concept) -> None:
        cleaned = self.check(concept)
        with self.transaction():
            row = self._db.execute(
                "SELECT origin, updated_at, updated_by FROM tb_concepts WHERE id = %s FOR UPDATE",
                (concept.id,),
            ).fetchone()
            if row is None:
                raise GlossaryError(f"no concept #{concept.id} to update (it was deleted)")
            origin, stored, who = row
            if concept.updated_at and stored != concept.updated_at:
                raise StaleConceptError(
                    f"concept #{concept.id} ({cleaned.label()}) was changed by {who} at {stored}"
                    " since you opened it; your changes were not saved: close it, open it again"
                    " and redo them",
                    changed_by=who,
                    changed_at=stored,
                )
            cleaned.origin = cleaned.origin or origin
            cleaned.updated_at = _next_stamp(stored)
            self._write(cleaned)
        concept.updated_at = cleaned.updated_at

    def delete_concept(self, concept_id: int) -> Concept:
        with self._describing(f"deleting concept #{concept_id}"):
            concept = self.concept(concept_id)
        with self.transaction(doing=f"deleting {concept.label()}"):
            # Terms go with the concept (ON DELETE CASCADE), so lifting a ban by deleting the
            # whole concept is checked here: the term trigger no longer sees the concept.
            if any(t.kind == TermKind.FORBIDDEN for t in concept.terms):
                allowed = self._db.execute("SELECT tb_may_decide()").fetchone()
                assert allowed is not None  # a SELECT without FROM returns one row
                if not allowed[0]:
                    raise TermbasePermissionError(
                        f"deleting {concept.label()} was refused by the server: it holds a"
                        " forbidden form, and only a terminologist may lift a ban"
                    )
            self._db.execute("DELETE FROM tb_concepts WHERE id = %s", (concept_id,))
            if concept.origin:
                self._db.execute(
                    "UPDATE tb_curated SET deleted = 1 WHERE origin = %s", (concept.origin,)
                )
        return concept

    def restore_concept(self, concept: Concept) -> int:
        with self._describing(f"restoring {concept.label()}"):
            return self._restore(concept)

    def _restore(self, concept: Concept) -> int:
        if concept.id is not None and self._rows(
            "SELECT 1 FROM tb_concepts WHERE id = %s", (concept.id,)
        ):
            raise GlossaryError(f"concept #{concept.id} still exists; nothing to restore")
        cleaned = self.check(concept)
        with self.transaction():
            concept_id = self._insert(cleaned, keep_id=True)
            if cleaned.origin:
                self._db.execute(
                    "UPDATE tb_curated SET deleted = 0 WHERE origin = %s", (cleaned.origin,)
                )
        return concept_id

    def _insert(self, concept: Concept, keep_id: bool = False) -> int:
        now = _now()
        values = (
            concept.domain,
            concept.note,
            concept.status,
            concept.origin,
            concept.created_at or now,
            concept.updated_at or now,
            _search_text(concept),
            _dump_concept_details(concept),
        )
        if keep_id and concept.id is not None:
            row = self._db.execute(
                "INSERT INTO tb_concepts (id, domain, note, status, origin, created_at,"
                " updated_at, search_text, details) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING id",
                (concept.id, *values),
            ).fetchone()
            # Keep the sequence ahead of ids brought in from elsewhere (a moved SQLite file).
            self._db.execute(
                "SELECT setval('tb_concepts_id_seq', GREATEST((SELECT max(id) FROM tb_concepts),"
                " (SELECT last_value FROM tb_concepts_id_seq)))"
            )
        else:
            row = self._db.execute(
                "INSERT INTO tb_concepts (domain, note, status, origin, created_at, updated_at,"
                " search_text, details) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                values,
            ).fetchone()
        assert row is not None  # INSERT … RETURNING: one row per inserted concept
        concept_id = int(row[0])
        self._insert_terms(concept_id, concept.terms, 0)
        return concept_id

    def _write(self, concept: Concept) -> None:
        assert concept.id is not None  # _save found the stored concept by this id
        self._db.execute(
            "UPDATE tb_concepts SET domain = %s, note = %s, status = %s, origin = %s,"
            " updated_at = %s, search_text = %s, details = %s WHERE id = %s",
            (
                concept.domain,
                concept.note,
                concept.status,
                concept.origin,
                concept.updated_at,
                _search_text(concept),
                _dump_concept_details(concept),
                concept.id,
            ),
        )
        # Terms that stay are updated in place, not deleted and added again: the server's
        # rights check then sees only what really changed (an old ban kept is no new ban).
        stored = self._db.execute(
            "SELECT id, lang, key, kind FROM tb_terms WHERE concept_id = %s", (concept.id,)
        ).fetchall()
        by_key = {(lang, key): (term_id, kind) for term_id, lang, key, kind in stored}
        keep: set[int] = set()
        for position, term in enumerate(concept.terms):
            match = by_key.get((term.lang, term_key(term.text)))
            if match is None:
                continue
            keep.add(match[0])
            self._db.execute(
                "UPDATE tb_terms SET position = %s, text = %s, kind = %s, note = %s, details = %s"
                " WHERE id = %s",
                (position, term.text, term.kind.value, term.note, _term_details(term), match[0]),
            )
        gone = [term_id for term_id, *_ in stored if term_id not in keep]
        if gone:
            self._db.execute("DELETE FROM tb_terms WHERE id = ANY(%s)", (gone,))
        fresh = [
            (n, t) for n, t in enumerate(concept.terms) if (t.lang, term_key(t.text)) not in by_key
        ]
        for position, term in fresh:
            self._insert_terms(int(concept.id), [term], position)

    def _insert_terms(self, concept_id: int, terms: list[Term], first: int) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO tb_terms (concept_id, position, lang, text, key, kind, note, details)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (concept_id, first + n, t.lang, t.text, term_key(t.text), t.kind.value,
                     t.note, _term_details(t))
                    for n, t in enumerate(terms)
                ],
            )  # fmt: skip

    # -- waiting for the server ------------------------------------------------------------

    def _or_queue(self, kind: str, doing: str, concept: Concept, write: Callable):
        """write() now; while the server is away (or earlier writes still wait) the write goes
        to the outbox and TermbaseQueued says so: it is replayed, in order, by flush()."""
        if self.outbox is None:
            return write()
        if self.outbox.waiting():
            self.flush()
        if not self.outbox.waiting():
            try:
                return write()
            except TermbaseOffline:
                pass
        self.outbox.put(kind, doing, _concept_record(concept))
        count = len(self.outbox.waiting())
        raise TermbaseQueued(
            f"the termbase server {self.path} cannot be reached: {doing} waits on this computer"
            f" ({count} waiting) and is written when the server is back"
        )

    def flush(self) -> tuple[int, list[tuple[Waiting, str]]]:
        """Write what waits in the outbox, oldest first. Returns (written, refused with the
        reason): a stale save is refused as it would have been at once, saying who changed it."""
        if self.outbox is None or self._flushing:
            return 0, []
        self._flushing = True
        try:
            return self.outbox.replay(self._replay, (TermbaseOffline,))
        finally:
            self._flushing = False

    def _catch_up(self) -> None:
        """Before a read: this desk's waiting writes first, so it reads what it saved (a
        concept reopened after a save that waited shows that save, and saving it again is
        not refused as stale against our own write)."""
        if self.outbox is not None and not self._flushing and self.outbox.waiting():
            self.flush()

    def _replay(self, item: Waiting) -> None:
        concept = _concept_from(item.payload)
        if item.kind == "concept.add":
            self._add(concept, item.what)
        elif item.kind == "concept.update":
            with self._describing(item.what):
                self._save(concept)
        else:
            raise GlossaryError(f"unknown waiting write {item.kind!r}")

    # -- curated bookkeeping ---------------------------------------------------------------

    def meta(self, key: str, default: str = "") -> str:
        rows = self._rows("SELECT value FROM tb_meta WHERE key = %s", (key,))
        return rows[0][0] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        with self._guard("writing"):
            self._db.execute(
                "INSERT INTO tb_meta (key, value) VALUES (%s, %s)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def curated_state(self) -> dict[str, tuple[str, bool]]:
        rows = self._rows("SELECT origin, applied_hash, deleted FROM tb_curated")
        return {origin: (applied, bool(deleted)) for origin, applied, deleted in rows}

    def concept_by_origin(self, origin: str) -> Concept | None:
        rows = self._rows("SELECT id FROM tb_concepts WHERE origin = %s", (origin,))
        return self.concept(rows[0][0]) if rows else None

    def record_curated(self, origin: str, applied_hash: str) -> None:
        with self._guard("writing"):
            self._db.execute(
                "INSERT INTO tb_curated (origin, applied_hash, deleted) VALUES (%s, %s, 0)"
                " ON CONFLICT (origin) DO UPDATE SET applied_hash = excluded.applied_hash",
                (origin, applied_hash),
            )

    def mark_curated_deleted(self, origin: str, deleted: bool) -> None:
        """Carry a file's 'deleted by the user' mark over when a termbase moves."""
        with self._guard("writing"):
            self._db.execute(
                "INSERT INTO tb_curated (origin, applied_hash, deleted) VALUES (%s, '', %s)"
                " ON CONFLICT (origin) DO UPDATE SET deleted = excluded.deleted",
                (origin, int(deleted)),
            )


class TermbaseOffline(GlossaryError):
    """The termbase server cannot be reached; nothing was written. Retrying later may work."""


class TermbaseQueued(TermbaseOffline):
    """The server is away; the write waits in the outbox (nothing is lost)."""


def _term_details(term: Term) -> str:
    return json.dumps(term.details or {}, ensure_ascii=False, sort_keys=True)


def _concept_record(concept: Concept) -> dict:
    return {
        "id": concept.id, "domain": concept.domain, "note": concept.note,
        "status": concept.status, "created_at": concept.created_at,
        "updated_at": concept.updated_at, "origin": concept.origin,
        "details": concept.details, "lang_details": concept.lang_details,
        "terms": [[t.lang, t.text, str(t.kind), t.note, t.details] for t in concept.terms],
    }  # fmt: skip


def _concept_from(record: dict) -> Concept:
    # A save that waited in an outbox written by an earlier desk has no details: [:4] + {}.
    terms = [Term(term[0], term[1], TermKind(term[2]), term[3], term[4] if len(term) > 4 else {})
             for term in record["terms"]]  # fmt: skip
    fields = {k: v for k, v in record.items() if k not in ("terms", "_refused")}
    return Concept(terms=terms, **fields)


class TermbasePermissionError(GlossaryError):
    """The server refused a change this login has no right to make (approve, forbid)."""


class StaleConceptError(GlossaryError):
    """Someone saved the concept after it was read; says who and when."""

    def __init__(self, message: str, *, changed_by: str = "", changed_at: str = "") -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at
