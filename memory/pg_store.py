"""The team translation memory on PostgreSQL: TranslationMemory's methods, n-gram candidates."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import psycopg
from rapidfuzz import fuzz

from memory.diff import EQUAL, diff_ops
from memory.languages import canonical_language
from memory.pg_schema import MIGRATIONS
from memory.protocol import StaleUnitError, later_stamp
from memory.text import fuzzy_text, key_hash, match_key
from memory.units import (
    ADDED,
    OLDER,
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
from storage.outbox import Outbox, Waiting
from storage.postgres import (
    ServerUnavailable,
    connect,
    is_connection_error,
    migrate,
    redacted,
    server_message,
)

CHANNEL = "hanbit_memory"
_CANDIDATES = 64  # as the SQLite store: enough to survive near-ties in n-gram overlap
# Index entries a lookup reads at most (beyond its _FEWEST rarest n-grams): a 300th of the
# memory, between these two. More, and a lookup in a small memory reads so much of it that the
# planner scans the whole table; fewer, and a big memory's best match may hold none of them.
_POSTINGS = (300, 3_000)
_FEWEST = 1  # rarest keys a lookup always reads, however common they are
_STATS_S = 300.0  # how long a desk trusts the n-gram frequencies it read
# A key the statistics do not list among the most common is assumed half as common as the
# least common of those. Real sentences have thousands of 4-grams just below the statistics'
# cut, so a lookup may read more than its budget; assumed as common as that least one (1.0),
# lookups at 1M took 10-13 ms instead of 14-20 but missed the exhaustive best once in 50 on
# both of bench.team's sets: agreement wins.
_UNSEEN = 0.5
_COLUMNS = (
    "id, source_lang, target_lang, source, target, source_norm, created_at, updated_at,"
    " origin, status, usage"
)


class MemoryOffline(MemoryFileError):
    """The memory server cannot be reached; nothing was written. Retrying later may work."""


class MemoryQueued(MemoryOffline):
    """The server is away; the unit waits in the outbox (nothing is lost)."""


def _unit(row: tuple) -> TMUnit:
    return TMUnit(*row)


class ServerMemory:
    """A translation memory in a PostgreSQL database, shared by a team; TranslationMemory's
    interface. One connection per object, used from one thread."""

    def __init__(self, url: str, outbox: Path | None = None) -> None:
        self.url = url
        self.path = redacted(url)
        self._conn: psycopg.Connection | None = None
        self._doing = ""
        self._stats: tuple[dict[str, tuple[dict[int, float], float]], float] | None = None
        self._stats_at = 0.0
        # Where confirmed units wait while the server is away (None: adds fail in words).
        self.outbox = Outbox(outbox) if outbox is not None else None
        self._open()

    def _open(self) -> None:
        try:
            conn = self._conn = connect(self.url)
        except ServerUnavailable as error:
            raise MemoryOffline(str(error)) from None
        except PermissionError as error:
            raise MemoryFileError(str(error)) from None
        try:
            exists = conn.execute("SELECT to_regclass('hanbit_schema') IS NOT NULL").fetchone()
            assert exists is not None  # a SELECT without FROM returns one row
            if exists[0]:
                row = conn.execute(
                    "SELECT version FROM hanbit_schema WHERE name = 'memory'"
                ).fetchone()
                if row and row[0] == len(MIGRATIONS):
                    return
            migrate(conn, "memory", MIGRATIONS)
        except Exception as error:
            conn.close()
            raise MemoryFileError(f"{self.path} is not a usable memory: {error}") from None

    @property
    def _db(self) -> psycopg.Connection:
        """The connection (_guard opens it); MemoryOffline where there is none."""
        if self._conn is None:
            raise MemoryOffline(f"the memory server {self.path} is not connected")
        return self._conn

    @contextmanager
    def _guard(self, doing: str) -> Iterator[None]:
        doing = self._doing or doing
        writing = doing.startswith(("storing", "editing", "deleting", "counting a use", "undo"))
        if self._conn is None or self._conn.closed:
            try:
                self._open()
            except MemoryOffline as error:
                message = f"{error}; {doing} was not saved" if writing else str(error)
                raise MemoryOffline(message) from None
        try:
            yield
        except psycopg.Error as error:
            if is_connection_error(error):
                self._db.close()
                lost = f"the memory server {self.path} cannot be reached"
                raise MemoryOffline(
                    f"{lost}; {doing} was not saved" if writing else f"{lost} ({doing})"
                ) from None
            refused = f"{doing} failed on {self.path}: {server_message(error)}"
            raise MemoryFileError(refused) from None

    @contextmanager
    def _write(self, doing: str) -> Iterator[None]:
        self._doing = doing
        try:
            with self._guard(doing), self._db.transaction():
                yield
        finally:
            self._doing = ""

    def _rows(self, sql: str, params: Iterable = (), doing: str = "reading") -> list[tuple]:
        with self._guard(doing):
            return self._db.execute(sql, tuple(params)).fetchall()

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()

    def __enter__(self) -> ServerMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
        incoming = checked_unit(
            IncomingUnit(source, target, source_lang, target_lang, origin, status)
        )
        doing = f"storing the translation of {source[:40]!r}"
        if self.outbox is not None and self.outbox.waiting():
            self.flush()  # earlier units first, so the newest target stays the newest
        if self.outbox is None or not self.outbox.waiting():
            try:
                with self._write(doing):
                    unit_id = self._store(incoming)[1]
                return self.get(unit_id)
            except MemoryOffline:
                if self.outbox is None:
                    raise
        self.outbox.put("unit.add", doing, {
            "unit": [incoming.source, incoming.target, incoming.source_lang,
                     incoming.target_lang, incoming.origin, incoming.status],
            "updated_at": now_stamp(),
        })  # fmt: skip
        raise MemoryQueued(
            f"the memory server {self.path} cannot be reached: {doing} waits on this computer"
            f" ({len(self.outbox.waiting())} waiting) and is stored when the server is back"
        )

    def flush(self) -> tuple[int, list[tuple[Waiting, str]]]:
        """Store what waits in the outbox, oldest first; (stored, refused with the reason)."""
        if self.outbox is None:
            return 0, []
        return self.outbox.replay(self._replay, (MemoryOffline,))

    def _replay(self, item: Waiting) -> None:
        source, target, source_lang, target_lang, origin, status = item.payload["unit"]
        # The time it was confirmed: a colleague's later target for the same source wins.
        unit = IncomingUnit(source, target, source_lang, target_lang, origin, status,
                            updated_at=item.payload["updated_at"])  # fmt: skip
        with self._write(item.what):
            self._store(checked_unit(unit))

    def add_many(
        self, units: Iterable[IncomingUnit], metas: Sequence[dict | None] | None = None
    ) -> list[str]:
        """As TranslationMemory.add_many: metas, one per unit, is what a TMX said about it,
        kept with a unit that is added or updated, and with an unchanged one that has none."""
        checked = [checked_unit(unit) for unit in units]
        outcomes = []
        with self._write(f"storing {len(checked)} units"):
            for number, unit in enumerate(checked):
                outcome, unit_id = self._store(unit)
                outcomes.append(outcome)
                meta = metas[number] if metas else None
                if meta:
                    replace = "UPDATE SET data = excluded.data" if outcome in (
                        ADDED, UPDATED) else "NOTHING"  # fmt: skip
                    self._db.execute(
                        "INSERT INTO tm_unit_meta (unit_id, data) VALUES (%s, %s)"
                        f" ON CONFLICT (unit_id) DO {replace}",
                        (unit_id, json.dumps(meta, ensure_ascii=False)),
                    )
        if len(checked) >= 500:
            # A bulk import (TMX, team push): statistics now, not when autovacuum gets to it:
            # lookups choose the rarest n-grams by them.
            with self._guard("analyzing the memory"):
                self._db.execute("ANALYZE tm_units")
            self._stats = None
        return outcomes

    def unit_meta(self, unit_id: int) -> dict:
        """What a TMX said about the unit beyond its text ({} when nothing)."""
        rows = self._rows("SELECT data FROM tm_unit_meta WHERE unit_id = %s", (unit_id,))
        try:
            data = json.loads(rows[0][0]) if rows else {}
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def _store(self, unit: IncomingUnit) -> tuple[str, int]:
        digest = key_hash(unit.source)
        stamp = now_stamp()
        updated_at = unit.updated_at or stamp
        # Insert first: when two desks add the same source at once, exactly one insert wins and
        # the other falls through to the update below, under the row lock.
        row = self._db.execute(
            "INSERT INTO tm_units (source_lang, target_lang, source, target, source_norm,"
            " source_hash, created_at, updated_at, origin, status, usage)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (source_lang, target_lang, source_hash) DO NOTHING RETURNING id",
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
            ),
        ).fetchone()
        if row is not None:
            return ADDED, row[0]
        stored = self._db.execute(
            "SELECT id, target, updated_at, origin, status FROM tm_units"
            " WHERE source_lang = %s AND target_lang = %s AND source_hash = %s FOR UPDATE",
            (unit.source_lang, unit.target_lang, digest),
        ).fetchone()
        assert stored is not None  # the insert above met a row with this key
        unit_id, old_target, old_updated, old_origin, old_status = stored
        if old_target == unit.target and old_status == unit.status:
            return UNCHANGED, unit_id
        if unit.updated_at and unit.updated_at < old_updated:
            return OLDER, unit_id
        updated_at = unit.updated_at or later_stamp(old_updated)  # a new version, always
        if old_target != unit.target:
            self._db.execute(
                "INSERT INTO tm_history (unit_id, target, origin, replaced_at)"
                " VALUES (%s, %s, %s, %s)",
                (unit_id, old_target, old_origin, stamp),
            )
        self._db.execute(
            "UPDATE tm_units SET target = %s, updated_at = %s, origin = %s, status = %s"
            " WHERE id = %s",
            (unit.target, updated_at, unit.origin, unit.status, unit_id),
        )
        return UPDATED, unit_id

    # -- reading and editing ----------------------------------------------------------------

    def get(self, unit_id: int) -> TMUnit:
        rows = self._rows(f"SELECT {_COLUMNS} FROM tm_units WHERE id = %s", (unit_id,))
        if not rows:
            raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")
        return _unit(rows[0])

    def history(self, unit_id: int) -> list[tuple[str, str, str]]:
        return self._rows(
            "SELECT target, origin, replaced_at FROM tm_history WHERE unit_id = %s ORDER BY id",
            (unit_id,),
        )

    def edit(
        self,
        unit_id: int,
        *,
        source: str | None = None,
        target: str | None = None,
        status: str | None = None,
        expected_version: str | None = None,
    ) -> TMUnit:
        """As TranslationMemory.edit; a stale copy (expected_version, the updated_at it was
        read with) is refused with StaleUnitError naming the login that changed the unit."""
        with self._write(f"editing unit #{unit_id}"):
            row = self._db.execute(
                f"SELECT {_COLUMNS}, updated_by FROM tm_units WHERE id = %s FOR UPDATE",
                (unit_id,),
            ).fetchone()
            if row is None:
                raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")
            unit = _unit(row[:-1])
            if expected_version is not None and unit.updated_at != expected_version:
                raise StaleUnitError(unit_id, unit.updated_at, row[-1])
            new = edited_unit(unit, source, target, status)
            digest = key_hash(new.source)
            clash = self._db.execute(
                "SELECT id FROM tm_units WHERE source_lang = %s AND target_lang = %s"
                " AND source_hash = %s AND id <> %s",
                (unit.source_lang, unit.target_lang, digest, unit_id),
            ).fetchone()
            if clash:
                raise ValueError(f"unit #{clash[0]} already has this source; edit that one instead")
            stamp = later_stamp(unit.updated_at)
            if new.target != unit.target:
                self._db.execute(
                    "INSERT INTO tm_history (unit_id, target, origin, replaced_at)"
                    " VALUES (%s, %s, %s, %s)",
                    (unit_id, unit.target, unit.origin, stamp),
                )
            self._db.execute(
                "UPDATE tm_units SET source = %s, source_norm = %s, source_hash = %s,"
                " target = %s, status = %s, updated_at = %s WHERE id = %s",
                (match_key(new.source), fuzzy_text(new.source), digest, new.target,
                 new.status, stamp, unit_id),
            )  # fmt: skip
        return self.get(unit_id)

    def append_history(self, unit_id: int, rows: list[tuple[str, str, str]]) -> None:
        """Add earlier targets (target, origin, replaced_at) to a unit: a moved memory keeps
        its history."""
        with self._write(f"storing the history of unit #{unit_id}"), self._db.cursor() as cur:
            cur.executemany(
                "INSERT INTO tm_history (unit_id, target, origin, replaced_at)"
                " VALUES (%s, %s, %s, %s)",
                [(unit_id, *row) for row in rows],
            )

    def delete(self, unit_id: int) -> None:
        with self._write(f"deleting unit #{unit_id}"):
            if self._db.execute("DELETE FROM tm_units WHERE id = %s", (unit_id,)).rowcount == 0:
                raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")

    def record_use(self, unit_id: int) -> None:
        with self._write(f"counting a use of unit #{unit_id}"):
            changed = self._db.execute(
                "UPDATE tm_units SET usage = usage + 1 WHERE id = %s", (unit_id,)
            ).rowcount
            if changed == 0:
                raise UnitNotFoundError(f"no unit #{unit_id} in the translation memory")

    def exact(self, source: str, source_lang: str, target_lang: str) -> TMUnit | None:
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM tm_units WHERE source_lang = %s AND target_lang = %s"
            " AND source_hash = %s",
            (*pair, key_hash(source)),
        )
        return _unit(rows[0]) if rows else None

    def restore(
        self, unit_id: int, before: TMUnit | None, *, expected_version: str | None = None
    ) -> None:
        with self._write(f"undoing the change to unit #{unit_id}"):
            row = self._db.execute(
                "SELECT updated_at, updated_by FROM tm_units WHERE id = %s FOR UPDATE",
                (unit_id,),
            ).fetchone()
            if row is None:
                return  # deleted meanwhile: nothing to take back
            if expected_version is not None and row[0] != expected_version:
                raise StaleUnitError(unit_id, *row)
            if before is None:
                self._db.execute("DELETE FROM tm_units WHERE id = %s", (unit_id,))
                return
            self._db.execute(
                "UPDATE tm_units SET target = %s, updated_at = %s, origin = %s, status = %s"
                " WHERE id = %s",
                (before.target, before.updated_at, before.origin, before.status, before.id),
            )
            self._db.execute(
                "DELETE FROM tm_history WHERE id = (SELECT max(id) FROM tm_history"
                " WHERE unit_id = %s AND target = %s)",
                (before.id, before.target),
            )

    def search(
        self, text: str, source_lang: str, target_lang: str, *, limit: int = 50
    ) -> list[TMUnit]:
        needle = text.strip()
        if not needle:
            raise ValueError("cannot search the memory for empty text")
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM tm_units WHERE source_lang = %s AND target_lang = %s"
            " AND (source LIKE %s OR target LIKE %s) ORDER BY updated_at DESC LIMIT %s",
            (*pair, pattern, pattern, limit),
        )
        return [_unit(row) for row in rows]

    def count(self, source_lang: str | None = None, target_lang: str | None = None) -> int:
        where, params = _pair_filter(source_lang, target_lang)
        return self._rows(f"SELECT count(*) FROM tm_units{where}", params)[0][0]

    def units(
        self, source_lang: str | None = None, target_lang: str | None = None
    ) -> Iterator[TMUnit]:
        where, params = _pair_filter(source_lang, target_lang)
        last = 0
        while True:  # keyset pages: no server-side cursor held open across a long export
            clause = f"{where} AND id > %s" if where else " WHERE id > %s"
            rows = self._rows(
                f"SELECT {_COLUMNS} FROM tm_units{clause} ORDER BY id LIMIT 1000",
                (*params, last),
            )
            if not rows:
                return
            yield from map(_unit, rows)
            last = rows[-1][0]

    def pairs(self) -> list[tuple[str, str, int]]:
        return self._rows(
            "SELECT source_lang, target_lang, count(*) FROM tm_units"
            " GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang"
        )

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
        """The same scores as the SQLite memory: candidates from the server's trigram index,
        scored here with rapidfuzz (so a unit scores alike in either backend)."""
        if not isinstance(source, str) or not source.strip():
            raise ValueError("cannot look up an empty segment")
        if limit < 1:
            raise ValueError(f"limit must be at least 1, not {limit}")
        if not 0 <= threshold <= 100:
            raise ValueError(f"threshold must be between 0 and 100, not {threshold}")
        pair = (canonical_language(source_lang), canonical_language(target_lang))
        query = fuzzy_text(source)
        matches: list[TMMatch] = []
        exact = self.exact(source, *pair)
        if exact is not None:
            matches.append(TMMatch(exact, 100, [(EQUAL, exact.source)]))
        if len(matches) < limit:
            scored = []
            for unit in self._candidates(pair, query, _CANDIDATES + limit, exact):
                score = fuzz.ratio(query, unit.source_norm, score_cutoff=threshold)
                if score:
                    scored.append((min(round(score), 99), unit))
            scored.sort(key=lambda item: item[1].updated_at, reverse=True)
            scored.sort(key=lambda item: item[0], reverse=True)
            for score, unit in scored[: limit - len(matches)]:
                matches.append(
                    TMMatch(unit, score, diff_ops(unit.source, match_key(source), pair[0]))
                )
        return matches[:limit]

    def prepare(self, source_lang: str, target_lang: str) -> int:
        """Nothing to build: the server keeps the index. Returns the pair's unit count."""
        return self.count(source_lang, target_lang)

    def _candidates(
        self, pair: tuple[str, str], query: str, count: int, exact: TMUnit | None
    ) -> list[TMUnit]:
        """Up to `count` units sharing the most n-grams with the query (Dice), among those that
        hold one of its rarest keys (n-grams, and n-grams twice as long): the SQLite memory's
        ranking, read from the server's GIN indexes. A lookup reads at most a few thousand
        index entries, however big the memory."""
        doing = "looking up the memory"
        grams, long_grams = self._rows(
            "SELECT tm_grams(%s, %s), tm_long_grams(%s, %s)", (query, pair[0]) * 2, doing
        )[0]
        if not grams:
            return []
        rare, rare_long = self._rarest(grams, long_grams or [])
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM tm_units"
            " WHERE (grams && %s::int[] OR tm_long_grams(source_norm, source_lang) && %s::int[])"
            " AND source_lang = %s"
            " AND target_lang = %s AND id <> %s"
            " ORDER BY icount(grams & %s::int[])::float8 / (%s + icount(grams)) DESC, id DESC"
            " LIMIT %s",
            (rare, rare_long, *pair, exact.id if exact else -1, grams, len(grams), count),
            doing,
        )
        return [_unit(row) for row in rows]

    def _rarest(self, grams: list[int], long_grams: list[int]) -> tuple[list[int], list[int]]:
        """The query's keys (n-grams, long n-grams) that are rarest in the memory, as many as
        fit in the _POSTINGS budget of expected index entries (at least _FEWEST): the SQLite
        memory counts every n-gram's units in RAM; a server reading every posting of a common
        one would read most of a big memory. Frequencies come from the planner's statistics of
        the n-gram column and of the long n-grams' index (ANALYZE); at equal estimates a long
        n-gram goes first (it is rarer)."""
        stats, units = self._gram_stats()
        if not stats.get("grams"):
            return grams, []  # no statistics yet: a young memory, small enough to read whole
        expected = []
        for kind, (column, keys) in enumerate((("long_grams", long_grams), ("grams", grams))):
            frequency, least = stats.get(column) or ({}, 1 / max(units, 1))
            expected += [(frequency.get(k, least * _UNSEEN) * units, kind, k) for k in keys]
        expected.sort()
        budget = min(max(units / 300, _POSTINGS[0]), _POSTINGS[1])
        chosen: tuple[list[int], list[int]] = ([], [])
        total = 0.0
        for number, (postings, kind, key) in enumerate(expected):
            if number >= _FEWEST and total + postings > budget:
                break
            chosen[kind].append(key)
            total += postings
        return chosen[1], chosen[0]

    def _gram_stats(self) -> tuple[dict[str, tuple[dict[int, float], float]], float]:
        """({"grams" | "long_grams": (fraction of units holding each common key, the smallest
        such fraction)}, the unit count), from pg_stats (of the n-gram column and of the long
        n-grams' expression index), read again every _STATS_S seconds."""
        if self._stats is None or time.monotonic() - self._stats_at > _STATS_S:
            rows = self._rows(
                "SELECT s.tablename, s.most_common_elems::text::int[], s.most_common_elem_freqs,"
                " c.reltuples FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname ="
                " current_schema() AND ((s.tablename = 'tm_units' AND s.attname = 'grams')"
                " OR s.tablename = 'tm_units_long_grams') WHERE c.oid = 'tm_units'::regclass",
                doing="looking up the memory",
            )
            columns = {"tm_units": "grams", "tm_units_long_grams": "long_grams"}
            stats = {
                columns[table]: (dict(zip(elems, freqs, strict=False)), freqs[-3])
                for table, elems, freqs, _ in rows
                if table and elems and freqs
            }
            self._stats = (stats, max(rows[0][3], 1) if rows and stats else 0.0)
            self._stats_at = time.monotonic()
        return self._stats


def _pair_filter(source_lang: str | None, target_lang: str | None) -> tuple[str, tuple]:
    clauses, params = [], []
    if source_lang:
        clauses.append("source_lang = %s")
        params.append(canonical_language(source_lang))
    if target_lang:
        clauses.append("target_lang = %s")
        params.append(canonical_language(target_lang))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
