"""The team translation memory on PostgreSQL: TranslationMemory's methods, n-gram candidates."""

from __future__ import annotations

import contextlib
import itertools
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg.types.numeric import Int4, Int8
from rapidfuzz import fuzz

from memory.diff import EQUAL, diff_ops
from memory.languages import canonical_language
from memory.pg_schema import MIGRATIONS
from memory.protocol import StaleUnitError, later_stamp
from memory.text import fuzzy_text, gram_size, key_hash, match_key
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
# How a lookup picks the units it ranks (schema step 4, exact key counts; docs/team.md):
# - _SPREAD disjoint long n-grams, rarest first, and every unit holding all of them but one:
#   an edit (a number, a particle, a word) kills at most one of them in the best match, and
#   the GIN index intersects them itself. Where the second rarest is in more than _COMMON
#   units, the others are common words that go together and the units holding all but the
#   rarest are thousands (up to 18,000 at 1M synthetic units: 60-170 ms a lookup): the rarest
#   must be held then (one best match in 200 of that set missed, as step 3 missed it). Not
#   where the intersections could yield more than _SPREAD_ROWS rows (a query whose every key
#   is in tens of thousands of units).
# - with them, the rarest keys within _BUDGET index entries (a second edit, near matches);
#   without them (a short query, no three disjoint keys), within _FALLBACK entries and at
#   least the rarest key, as step 3 did.
# Measured at 1M units (bench.team --big): _BUDGET 300 instead of 100 kept 6-30 % more of the
# lower matches but cost 1-2 ms at p95; a _SPREAD_ROWS of 6,000 sent 7 % of the synthetic
# set's lookups to the fallback, which read 1,500-2,800 rows each (p95 10.5-13.9 ms, not 8-9).
_SPREAD = 6
_COMMON = 5_000
_SPREAD_ROWS = 40_000
_BUDGET = 100
_FALLBACK = 3_000
# Where all the units sharing an n-gram with the query are at most this many index entries (a
# small memory), a lookup reads them all: the SQLite memory's candidates exactly.
_WHOLE = 1_000
_FOLD_S = 300.0  # a desk that only looks up still folds others' key changes this often
_COLUMNS = (
    "id, source_lang, target_lang, source, target, source_norm, created_at, updated_at,"
    " origin, status, usage"
)
# A lookup's statements are prepared once per connection with a generic plan (planning them
# with the keys' values took 0.5-0.9 ms of a 3-5 ms lookup); the planner cannot know how few
# rows the keys select, so its generic estimate is large: without these settings it compiled
# the plan with JIT (12 ms on every execution) and started parallel workers (10-15 ms).
_SESSION = (
    "SET plan_cache_mode = force_generic_plan; SET jit = off;"
    " SET max_parallel_workers_per_gather = 0"
)
_KEYS_SQL = (
    "SELECT k.grams, k.gram_units, k.long_grams, k.long_units, "
    + ", ".join(f"u.{c.strip()}" for c in _COLUMNS.split(","))
    + " FROM tm_query_keys(%s, %s) k LEFT JOIN tm_units u ON u.source_lang = %s"
    " AND u.target_lang = %s AND u.source_hash = %s"
)
_LONG = "tm_long_grams(source_norm, source_lang)"
_ARMS = " OR ".join(
    "(" + " AND ".join(f"{_LONG} @> ARRAY[%s]" for _ in range(_SPREAD - 1)) + ")"
    for _ in range(_SPREAD)
)


def _candidates_sql(spread: bool) -> str:
    """The ranking statement: one text per shape, so each is prepared and planned once."""
    arms = f" OR {_ARMS}" if spread else ""
    return (
        f"SELECT {_COLUMNS} FROM tm_units WHERE (grams && %s::int[] OR {_LONG} && %s::int[]"
        f"{arms}) AND source_lang = %s AND target_lang = %s AND id <> %s"
        " ORDER BY icount(grams & %s::int[])::float8 / (%s + icount(grams)) DESC, id DESC"
        " LIMIT %s"
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
        self._folded_at = time.monotonic()
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
                    conn.execute(_SESSION)
                    return
            migrate(conn, "memory", MIGRATIONS)
            conn.execute(_SESSION)
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
    def _write(self, doing: str, *, sources: bool = False) -> Iterator[None]:
        """A transaction; sources: it may change units' sources, so the key counts are
        brought up to date once it is committed."""
        self._doing = doing
        try:
            with self._guard(doing), self._db.transaction():
                yield
        finally:
            self._doing = ""
        if sources:
            self._fold()

    def _fold(self) -> None:
        """Fold the key changes of every desk into the counts lookups read (step 4). Not this
        write's failure if it fails: the next write, or a lookup within _FOLD_S, folds them."""
        self._folded_at = time.monotonic()
        with contextlib.suppress(psycopg.Error, MemoryFileError):
            self._db.execute("SELECT tm_fold_key_counts()")

    def _rows(
        self, sql: str, params: Iterable = (), doing: str = "reading", *, prepare: bool = False
    ) -> list[tuple]:
        with self._guard(doing):
            return self._db.execute(sql, tuple(params), prepare=prepare or None).fetchall()

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
                with self._write(doing, sources=True):
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
        with self._write(item.what, sources=True):
            self._store(checked_unit(unit))

    def add_many(
        self, units: Iterable[IncomingUnit], metas: Sequence[dict | None] | None = None
    ) -> list[str]:
        """As TranslationMemory.add_many: metas, one per unit, is what a TMX said about it,
        kept with a unit that is added or updated, and with an unchanged one that has none."""
        checked = [checked_unit(unit) for unit in units]
        outcomes = []
        with self._write(f"storing {len(checked)} units", sources=True):
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
            # A bulk import (TMX, team push): the planner's statistics now, not when
            # autovacuum gets to it.
            with self._guard("analyzing the memory"):
                self._db.execute("ANALYZE tm_units")
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
        with self._write(f"editing unit #{unit_id}", sources=True):
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
        with self._write(f"deleting unit #{unit_id}", sources=True):
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
        with self._write(f"undoing the change to unit #{unit_id}", sources=True):
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
        keys, exact = self._keys(source, query, pair)
        matches: list[TMMatch] = []
        if exact is not None:
            matches.append(TMMatch(exact, 100, [(EQUAL, exact.source)]))
        if len(matches) < limit:
            scored = []
            for unit in self._candidates(pair, query, keys, _CANDIDATES + limit, exact):
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

    def _keys(self, source: str, query: str, pair: tuple[str, str]) -> tuple[tuple, TMUnit | None]:
        """The query's keys with their counts (tm_query_keys) and the exact match, in one round
        trip; the key changes of other desks are folded in every _FOLD_S."""
        doing = "looking up the memory"
        if time.monotonic() - self._folded_at > _FOLD_S:
            with self._guard(doing):
                self._fold()
        row = self._rows(_KEYS_SQL, (query, pair[0], *pair, key_hash(source)), doing,
                         prepare=True)[0]  # fmt: skip
        return row[:4], _unit(row[4:]) if row[4] is not None else None

    def _candidates(
        self,
        pair: tuple[str, str],
        query: str,
        keys: tuple,
        count: int,
        exact: TMUnit | None,
    ) -> list[TMUnit]:
        """Up to `count` units sharing the most n-grams with the query (Dice), among those that
        hold the keys choose_keys picks: the SQLite memory's ranking, read from the server's GIN
        indexes. A lookup reads a few hundred rows, however big the memory."""
        grams, gram_units, long_grams, long_units = keys
        if not grams:
            return []
        rare, rare_long, arms = choose_keys(
            grams, gram_units, long_grams or [], long_units or [], gram_size(pair[0])
        )
        # Every arm _SPREAD - 1 keys (repeated), _SPREAD arms (repeated): one statement shape.
        padded = [arm + arm[:1] * (_SPREAD - 1 - len(arm)) for arm in arms]
        padded += padded[:1] * (_SPREAD - len(padded))
        distinct = sorted(set(grams))
        rows = self._rows(
            _candidates_sql(bool(arms)),
            (_array(rare), _array(rare_long), *(Int4(key) for arm in padded for key in arm),
             *pair, Int8(exact.id if exact else -1), _array(distinct), Int4(len(distinct)),
             Int4(count)),
            "looking up the memory",
            prepare=True,
        )  # fmt: skip
        return [_unit(row) for row in rows]


def _array(keys: Iterable[int]) -> str:
    """An int[] literal: arrays go as text, so each statement keeps one parameter type."""
    return "{" + ",".join(map(str, keys)) + "}"


def choose_keys(
    grams: list[int],
    gram_units: list[int],
    long_grams: list[int],
    long_units: list[int],
    size: int,
) -> tuple[list[int], list[int], list[tuple[int, ...]]]:
    """The keys a lookup reads: (n-grams, long n-grams) whose units it reads whole, and arms:
    sets of long n-grams of which it reads the units holding all (the GIN index intersects
    them). Arguments: the query's keys in the order they occur and how many units hold each
    (tm_query_keys); size, the n of its n-grams. A key no unit holds is skipped: the query was
    edited there."""
    first: dict[tuple[bool, int], tuple[int, bool, int, int, int]] = {}
    for long, keys, units in ((False, grams, gram_units), (True, long_grams, long_units or [])):
        width = 2 * size if long else size
        for position, (key, held) in enumerate(zip(keys or [], units or [], strict=True)):
            first.setdefault((long, key), (held, long, key, position, position + width))
    pool = sorted((k for k in first.values() if k[0] > 0), key=lambda k: (k[0], not k[1]))
    if sum(k[0] for k in pool if not k[1]) <= _WHOLE:  # also: no counts folded yet
        return sorted(set(grams)), [], []
    spread: list[tuple[int, bool, int, int, int]] = []
    for held, long, key, start, end in pool:
        if long and not any(start < other[4] and other[3] < end for other in spread):
            spread.append((held, long, key, start, end))
            if len(spread) == _SPREAD:
                break
    chosen: tuple[list[int], list[int]] = ([], [])
    arms: list[tuple[int, ...]] = []
    if len(spread) >= 3:
        (rarest, _, first_key, _, _), second = spread[0], spread[1][0]
        arms = list(itertools.combinations([k[2] for k in spread], len(spread) - 1))
        if second > _COMMON:  # the others go together in thousands of units: it must be held
            arms = [arm for arm in arms if first_key in arm]
        # At most: the rarest's units for each arm that holds it, the second rarest's for the
        # one without it.
        holding = sum(first_key in arm for arm in arms)
        if rarest * holding + (second if holding < len(arms) else 0) > _SPREAD_ROWS:
            arms, spread = [], []
    else:
        spread = []
    budget = _BUDGET if spread else _FALLBACK
    total = 0
    for number, (held, long, key, _, _) in enumerate(pool):
        if total + held > budget and (spread or number > 0):
            break
        chosen[long].append(key)
        total += held
    return chosen[0], chosen[1], arms


def _pair_filter(source_lang: str | None, target_lang: str | None) -> tuple[str, tuple]:
    clauses, params = [], []
    if source_lang:
        clauses.append("source_lang = %s")
        params.append(canonical_language(source_lang))
    if target_lang:
        clauses.append("target_lang = %s")
        params.append(canonical_language(target_lang))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)
