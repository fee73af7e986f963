"""`python -m bench.team`: five desks on one team server, lookups against SQLite, MT throughput.

Starts real servers on 127.0.0.1 (tests/support/team_servers.py): PostgreSQL and LibreTranslate
serving the tiny copy package. Then:
- load: N desk processes edit one termbase and one memory for --seconds. Each save appends a
  token to a concept's note from the copy it read (a stale copy is refused, re-read, retried),
  so a lost update shows as a missing token; every confirmed unit must be the unit's target or
  in its history; every desk's listener must have heard every change.
- lookups: p95 term search and memory lookup on the server against the SQLite backend with the
  same content (real ko-en news sentences, Park et al. 2016, multiplied with numbered variants).
- MT: segments per second through LibreTranslate against the local engine, same package.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT

CONCEPTS = 20  # the concepts the desks fight over: few, so saves collide often
PARK_FIXTURE = ROOT / "tests" / "team" / "fixtures"
PARK_FULL = Path("/work/shared/data/park-news-dev")


def _support() -> None:
    if str(ROOT / "tests") not in sys.path:
        sys.path.insert(0, str(ROOT / "tests"))
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


def park_pairs() -> list[tuple[str, str]]:
    """Real ko-en news pairs: the 1,000 of the shared copy when present, else the 150 kept in
    the tests' fixtures (CC BY-SA 3.0; see tests/team/fixtures/README.md)."""
    folder, stem = (PARK_FULL, "dev") if (PARK_FULL / "dev.ko").exists() else (
        PARK_FIXTURE, "park-news-dev-150")  # fmt: skip
    ko = (folder / f"{stem}.ko").read_text(encoding="utf-8").splitlines()
    en = (folder / f"{stem}.en").read_text(encoding="utf-8").splitlines()
    return [(k.strip(), e.strip()) for k, e in zip(ko, en, strict=True) if k.strip() and e.strip()]


# --- the load ---------------------------------------------------------------------------------


@dataclass
class DeskReport:
    desk: int
    saved: dict[int, list[str]] = field(default_factory=dict)  # concept id -> tokens written
    stale: int = 0  # saves refused because a colleague saved first (then retried)
    units: list[tuple[str, str]] = field(default_factory=list)  # (source, target) confirmed
    heard: int = 0  # notifications this desk's listener received
    term_ms: list[float] = field(default_factory=list)
    memory_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def desk(number: int, glossary_url: str, memory_url: str, seconds: float, queue,
         barrier) -> None:  # fmt: skip
    """One translator's desk process: saves, confirms and lookups until the time is up."""
    _support()
    from glossary.pg_store import ServerTermbase, StaleConceptError, TermbaseListener  # noqa: PLC0415 - optional: psycopg only for a team server
    from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server

    report = DeskReport(number)
    heard = threading.Event()
    counter = [0]

    def on_change(_payload: dict) -> None:
        counter[0] += 1
        heard.set()

    listener = TermbaseListener(glossary_url, on_change)
    listener.start()
    listener.ready.wait(10)
    rng = random.Random(number)
    pairs = park_pairs()
    barrier.wait(60)  # every desk listening before anyone writes
    try:
        with ServerTermbase(glossary_url) as termbase, ServerMemory(memory_url) as memory:
            ids = termbase.concept_ids()
            deadline = time.monotonic() + seconds
            step = 0
            while time.monotonic() < deadline:
                step += 1
                concept_id = rng.choice(ids)
                token = f"d{number}s{step}"
                while True:  # what a translator does after "changed by someone": reopen, redo
                    concept = termbase.concept(concept_id)
                    concept.note = f"{concept.note} {token}".strip()
                    try:
                        termbase.update_concept(concept)
                        break
                    except StaleConceptError:
                        report.stale += 1
                report.saved.setdefault(concept_id, []).append(token)
                source, _ = rng.choice(pairs[:200])
                target = f"desk {number} version {step}"
                memory.add(source, target, "ko", "en", origin=f"desk{number}")
                report.units.append((source, target))
                query = rng.choice(pairs)[0]
                started = time.perf_counter()
                termbase.search(query.split()[0])
                report.term_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                memory.lookup(query, "ko", "en")
                report.memory_ms.append((time.perf_counter() - started) * 1000)
    except Exception as error:  # reported to the parent, which fails the run
        report.errors.append(f"{type(error).__name__}: {error}")
    barrier.wait(seconds + 60)  # every desk done writing...
    time.sleep(1.0)  # ...and their last notifications delivered
    listener.stop()
    report.heard = counter[0]
    queue.put(report)


@dataclass
class LoadResult:
    desks: int
    seconds: float
    saves: int
    stale: int
    units: int
    lost_saves: list[str]
    lost_units: list[str]
    unheard: list[str]
    term_p95_ms: float
    memory_p95_ms: float
    errors: list[str]

    @property
    def ok(self) -> bool:
        return not (self.lost_saves or self.lost_units or self.unheard or self.errors)


def run_load(glossary_url: str, memory_url: str, desks: int = 5, seconds: float = 60.0,
             ) -> LoadResult:  # fmt: skip
    """Prepare the shared termbase and memory, run the desk processes, check what they did."""
    _support()
    from glossary.model import Concept, Term  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.pg_store import ServerTermbase  # noqa: PLC0415 - optional: psycopg only for a team server
    from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server

    with ServerTermbase(glossary_url) as termbase:
        for n in range(CONCEPTS):
            termbase.add_concept(Concept(terms=[Term("ko", f"용어{n}"), Term("en", f"term {n}")]))
    ServerMemory(memory_url).close()
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    barrier = context.Barrier(desks)
    processes = [
        context.Process(target=desk, args=(n, glossary_url, memory_url, seconds, queue, barrier))
        for n in range(desks)
    ]
    for process in processes:
        process.start()
    reports = [queue.get(timeout=seconds + 120) for _ in processes]
    for process in processes:
        process.join(30)
    return _check(glossary_url, memory_url, reports, seconds)


def _check(glossary_url: str, memory_url: str, reports: list[DeskReport], seconds: float):
    from glossary.pg_store import ServerTermbase  # noqa: PLC0415 - optional: psycopg only for a team server
    from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server

    lost_saves, lost_units, unheard = [], [], []
    saves = sum(len(t) for r in reports for t in r.saved.values())
    with ServerTermbase(glossary_url) as termbase:
        notes = {c.id: set(c.note.split()) for c in termbase.concepts()}
    for report in reports:
        for concept_id, tokens in report.saved.items():
            lost_saves += [f"#{concept_id} {t}" for t in tokens if t not in notes[concept_id]]
    with ServerMemory(memory_url) as memory:
        kept: dict[str, set[str]] = {}
        for unit in memory.units():
            kept[unit.source] = {unit.target, *(t for t, _, _ in memory.history(unit.id))}
    for report in reports:
        lost_units += [f"{s[:20]}→{t}" for s, t in report.units if t not in kept.get(s, set())]
        # Every save is one notification to every desk (the 20 setup adds came before).
        if report.heard < saves:
            unheard.append(f"desk {report.desk} heard {report.heard} of {saves} changes")
    term = [ms for r in reports for ms in r.term_ms]
    memory_ms = [ms for r in reports for ms in r.memory_ms]
    return LoadResult(
        desks=len(reports), seconds=seconds, saves=saves, stale=sum(r.stale for r in reports),
        units=sum(len(r.units) for r in reports), lost_saves=lost_saves, lost_units=lost_units,
        unheard=unheard, term_p95_ms=p95(term), memory_p95_ms=p95(memory_ms),
        errors=[e for r in reports for e in r.errors],
    )  # fmt: skip


def p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else float("nan")
    return statistics.quantiles(values, n=20)[-1]


# --- lookups: server against SQLite -----------------------------------------------------------


def lookups(glossary_url: str, memory_url: str, units: int, folder: Path, queries: int = 200,
            ) -> dict[str, float]:  # fmt: skip
    """p95 ms of term search and memory lookup, same content in both backends."""
    _support()
    from glossary.curated import load_curated  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.pg_store import ServerTermbase  # noqa: PLC0415 - optional: psycopg only for a team server
    from glossary.store import Termbase  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from glossary.transfer import copy_termbase  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server
    from memory.store import IncomingUnit, TranslationMemory  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    pairs = park_pairs()
    rng = random.Random(7)
    with Termbase(folder / "glossary.db") as local:
        load_curated(local)
        with ServerTermbase(glossary_url) as server:
            copy_termbase(local, server)
    incoming = [
        IncomingUnit(f"{source} ({n})" if n else source, target, "ko", "en")
        for n in range(units // len(pairs) + 1)
        for source, target in pairs
    ][:units]
    with TranslationMemory(folder / "memory.db") as local, ServerMemory(memory_url) as server:
        for start in range(0, len(incoming), 2000):
            local.add_many(incoming[start : start + 2000])
            server.add_many(incoming[start : start + 2000])
    sample = [rng.choice(pairs)[0].replace("다.", "다!") for _ in range(queries)]
    words = [rng.choice(s.split()) for s in sample]
    result: dict[str, float] = {}
    for name, opener in (("sqlite", lambda: (Termbase(folder / "glossary.db"),
                                             TranslationMemory(folder / "memory.db"))),
                         ("server", lambda: (ServerTermbase(glossary_url),
                                             ServerMemory(memory_url)))):  # fmt: skip
        termbase, memory = opener()
        try:
            memory.lookup(sample[0], "ko", "en")  # the SQLite index is built on first use
            term_ms, memory_ms = [], []
            for word, sentence in zip(words, sample, strict=True):
                started = time.perf_counter()
                termbase.search(word)
                term_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                memory.lookup(sentence, "ko", "en")
                memory_ms.append((time.perf_counter() - started) * 1000)
        finally:
            termbase.close()
            memory.close()
        result[f"{name} term p95"] = p95(term_ms)
        result[f"{name} memory p95"] = p95(memory_ms)
    return result


def spliced_units(count: int, seed: int = 5) -> list[tuple[str, str]]:
    """`count` distinct units spliced from the 1,000 real news sentences (Park et al. 2016):
    the first words of one sentence, the middle of a second, the end of a third, numbers
    redrawn. Real vocabulary and word order over thousands of topics' words, unlike
    bench.memory's set, where every unit is a variation of one article's 27 sentences."""
    rng = random.Random(seed)
    words = [ko.split() for ko, _ in park_pairs() if len(ko.split()) >= 6]
    seen: set[str] = set()
    units: list[tuple[str, str]] = []
    while len(units) < count:
        parts = []
        for third in range(3):
            sentence = rng.choice(words)
            size = len(sentence)
            parts += sentence[third * size // 3 : (third + 1) * size // 3]
        text = re.sub(r"\d+", lambda _: str(rng.randint(1, 999)), " ".join(parts))
        if text in seen:
            continue
        seen.add(text)
        units.append((text, f"Spliced translation {len(units)}."))
    return units


def big_memory(url: str, server_units: int, sqlite_units: int, folder: Path, kind: str,
               queries: int = 200, check: int = 50, before_url: str = "",
               ) -> dict[str, float]:  # fmt: skip
    """p95 memory lookup: a server memory of server_units (1M) against a SQLite one of
    sqlite_units (100k), of bench.memory's synthetic units or of spliced real sentences; and
    how often each backend's best match scores as an exhaustive rapidfuzz scan's does.
    before_url: also a memory at schema step 1 (trigram GiST KNN) with the same units."""
    _support()
    from bench.memory import _modify, synthetic_units  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from memory.pg_schema import MIGRATIONS  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server
    from memory.store import IncomingUnit, TranslationMemory  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from memory.text import fuzzy_text  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    TrigramMemory = _trigram_memory()  # noqa: N806 - a class

    rng = random.Random(11)
    make = synthetic_units if kind == "synthetic" else spliced_units
    data = make(max(server_units, sqlite_units))
    result: dict[str, float] = {}
    sample = [_modify(rng.choice(data[:sqlite_units])[0], rng) for _ in range(queries)]
    with TranslationMemory(folder / f"big-{kind}.db") as local:
        local.add_many(IncomingUnit(s, t, "ko", "en") for s, t in data[:sqlite_units])
        local.prepare("ko", "en")
        result["sqlite p95 ms"] = p95(_time_lookups(local, sample))
        result["sqlite agrees with a full scan"] = _agreement(
            local, sample[:check], [fuzzy_text(s) for s, _ in data[:sqlite_units]]
        )
    started = time.perf_counter()
    result["server units"] = _load(url, data[:server_units], MIGRATIONS, NGRAM_INDEXES)
    result["server load s"] = time.perf_counter() - started
    norms = [fuzzy_text(s) for s, _ in data[:server_units]]
    with ServerMemory(url) as server:
        result["server p95 ms"] = p95(_time_lookups(server, sample))
        result["server agrees with a full scan"] = _agreement(server, sample[:check], norms)
    if before_url:
        _load(before_url, data[:server_units], MIGRATIONS[:1], TRIGRAM_INDEXES)
        with TrigramMemory(before_url) as server:
            result["before (trigram GiST) p95 ms"] = p95(_time_lookups(server, sample))
            result["before agrees with a full scan"] = _agreement(server, sample[:check], norms)
    return result


# The candidate indexes of each schema, built once after the COPY rather than updated 1M times
# (with the statistics target the schema gives them).
NGRAM_INDEXES = (
    ("tm_units_grams", "CREATE INDEX tm_units_grams ON tm_units USING gin"
     " (grams gin__int_ops) WITH (fastupdate = off)"),
    ("tm_units_long_grams", "CREATE INDEX tm_units_long_grams ON tm_units USING gin"
     " ((tm_long_grams(source_norm, source_lang)) gin__int_ops) WITH (fastupdate = off);"
     " ALTER INDEX tm_units_long_grams ALTER COLUMN 1 SET STATISTICS 1000"),
)  # fmt: skip
TRIGRAM_INDEXES = (("tm_units_trgm", "CREATE INDEX tm_units_trgm ON tm_units USING gist"
                    " (source_norm gist_trgm_ops(siglen = 256))"),)  # fmt: skip


def _load(url: str, data: list[tuple[str, str]], steps,
          indexes: tuple[tuple[str, str], ...]) -> int:  # fmt: skip
    """COPY the units into a memory at the schema of `steps`, build its candidate indexes and
    (from step 4) count its keys with the schema's own tm_count_keys(), as the migration to step
    4 does, rather than folding 1M noted changes; ANALYZE (as add_many does after a bulk
    import), prewarm (a server that has been answering for a while holds the memory in its
    buffers). Returns the number of distinct units."""
    from memory.text import fuzzy_text, key_hash, match_key  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from storage.postgres import migrate  # noqa: PLC0415 - optional: psycopg only for a team server

    counted = len(steps) >= 4
    with connect_raw(url) as conn:
        migrate(conn, "memory", steps)
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        if counted:
            conn.execute("ALTER TABLE tm_units DISABLE TRIGGER tm_key_change")
        stamp = "2026-12-04T00:00:00Z"
        with conn.cursor().copy(
            "COPY tm_units (source_lang, target_lang, source, target, source_norm, source_hash,"
            " created_at, updated_at) FROM STDIN"
        ) as copy:  # the n-grams are computed by the server's trigger, as for any insert
            seen: set[str] = set()
            for source, target in data:
                digest = key_hash(source)
                if digest in seen:
                    continue  # the generator repeats a sentence now and then; one unit each
                seen.add(digest)
                copy.write_row(("ko", "en", match_key(source), target, fuzzy_text(source),
                                digest, stamp, stamp))  # fmt: skip
        conn.execute("SET maintenance_work_mem = '256MB'")
        for _, create in indexes:
            conn.execute(create)
        prewarm = ["tm_units", *(name for name, _ in indexes)]
        if counted:
            conn.execute("ALTER TABLE tm_units ENABLE TRIGGER tm_key_change")
            conn.execute("SET work_mem = '256MB'")
            conn.execute("SELECT tm_count_keys()")
            prewarm += ["tm_key_counts", "tm_key_counts_pkey"]
        conn.execute("ANALYZE tm_units")
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        for name in prewarm:
            conn.execute(f"SELECT pg_prewarm('{name}')")
    return len(seen)


def _trigram_memory():
    """ServerMemory as it looked up before schema step 2: the nearest sources by trigram
    distance (GiST KNN), scored with the same rapidfuzz ratio."""
    import psycopg  # noqa: PLC0415 - optional: psycopg only for a team server

    from memory.pg_store import _COLUMNS, ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server
    from memory.units import TMUnit  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    class TrigramMemory(ServerMemory):
        def _open(self) -> None:  # no migration: the database stays at step 1
            self._conn = psycopg.connect(self.url, autocommit=True)

        def _keys(self, source, query, pair):  # no keys at step 1; the exact match alone
            return (), self.exact(source, *pair)

        def _candidates(self, pair, query, keys, count, exact) -> list[TMUnit]:
            rows = self._rows(
                f"SELECT {_COLUMNS} FROM tm_units WHERE source_lang = %s AND target_lang = %s"
                " AND id <> %s ORDER BY source_norm <-> %s LIMIT %s",
                (*pair, exact.id if exact else -1, query, count),
            )
            return [TMUnit(*row) for row in rows]

    return TrigramMemory


def _agreement(memory, queries: list[str], norms: list[str]) -> float:
    """The share of queries whose best match scores within 1 of an exhaustive scan's best."""
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - bench: rapidfuzz loads when this measurement runs, not on --help

    from memory.text import fuzzy_text  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    agree = 0
    for query in queries:
        top = process.extractOne(fuzzy_text(query), norms, scorer=fuzz.ratio)
        exhaustive = min(round(top[1]), 99) if top[1] >= 70 else 0
        found = memory.lookup(query, "ko", "en", limit=1)
        agree += abs(exhaustive - (found[0].score if found else 0)) <= 1
    return agree / len(queries)


def _time_lookups(memory, sample: list[str]) -> list[float]:
    memory.lookup(sample[0], "ko", "en")
    timings = []
    for query in sample:
        started = time.perf_counter()
        memory.lookup(query, "ko", "en")
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def connect_raw(url: str):
    import psycopg  # noqa: PLC0415 - optional: psycopg only for a team server

    return psycopg.connect(url, autocommit=True)


# --- MT throughput ----------------------------------------------------------------------------


def mt_throughput(lt_server, packages: Path, repeats: int = 3) -> dict[str, float]:
    """Segments per second of the article (ko→en) through the server and the local engine."""
    _support()
    import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from documents.segmentation import segment_document  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from translation.engine import Engine  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from translation.libretranslate import LibreTranslateEngine  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    text = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
    segments = [s.text for s in segment_document(text, "ko")]
    result = {}
    for name, engine in (("libretranslate", LibreTranslateEngine(lt_server.url, lt_server.api_key)),
                         ("local", Engine(packages))):  # fmt: skip
        engine.translate(segments[:2], "ko", "en")  # warm: model loaded, connection made
        started = time.perf_counter()
        for _ in range(repeats):
            engine.translate(segments, "ko", "en")
        result[name] = repeats * len(segments) / (time.perf_counter() - started)
        engine.close()
    return result


# --- the whole bench --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.team", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )  # fmt: skip
    parser.add_argument("--desks", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load (60)")
    parser.add_argument("--units", type=int, default=20_000, help="memory size for lookups")
    parser.add_argument("--no-mt", action="store_true", help="skip the LibreTranslate part")
    parser.add_argument(
        "--big", type=int, default=0, metavar="N",
        help="also time a server memory of N units against a SQLite one of 100k",
    )  # fmt: skip
    parser.add_argument(
        "--big-set", choices=("synthetic", "spliced", "both"), default="both",
        help="the units of --big: bench.memory's synthetic set, real sentences spliced, or both",
    )  # fmt: skip
    parser.add_argument(
        "--before", action="store_true",
        help="with --big, also time the lookup of schema step 1 (trigram GiST KNN), same units",
    )  # fmt: skip
    parser.add_argument(
        "--shared-buffers", default="1GB",
        help="the server's shared_buffers (1GB: a team server's; the tests run with 32MB)",
    )  # fmt: skip
    parser.add_argument("--no-load", action="store_true", help="skip the five-desk load")
    args = parser.parse_args(argv)
    _support()
    from support.team_servers import LibreTranslateServer, PostgresServer, ensure_installed  # noqa: PLC0415 - test support: tests/ joins sys.path in _support() just above
    from support.tiny_package import build_copy_package, train_sentencepiece  # noqa: PLC0415 - test support: tests/ joins sys.path in _support() just above

    ensure_installed()
    server = PostgresServer({"shared_buffers": args.shared_buffers})
    server.start()
    load = None
    try:
        for kind in ("synthetic", "spliced") if args.big else ():
            if args.big_set not in ("both", kind):
                continue
            with tempfile.TemporaryDirectory() as folder:
                sqlite_units = min(100_000, args.big)
                before = server.create_database(f"before_{kind}") if args.before else ""
                big = big_memory(server.create_database(f"big_{kind}"), args.big,
                                 sqlite_units, Path(folder), kind, before_url=before)  # fmt: skip
            for name, value in big.items():
                print(f"big memory, {kind} ({args.big:,} server units, {sqlite_units:,} SQLite):"
                      f" {name} {value:.2f}", flush=True)  # fmt: skip
        if args.no_load:
            return 0
        urls = (server.create_database("load_glossary"), server.create_database("load_memory"))
        load = run_load(*urls, args.desks, args.seconds)
        print(f"load: {load.desks} desks, {load.seconds:.0f} s: {load.saves} saves"
              f" ({load.stale} stale copies refused and redone), {load.units} units;"
              f" lost saves {len(load.lost_saves)}, lost units {len(load.lost_units)},"
              f" unheard {len(load.unheard)}; under load p95 term search"
              f" {load.term_p95_ms:.1f} ms, memory lookup {load.memory_p95_ms:.1f} ms")  # fmt: skip
        for problem in load.lost_saves + load.lost_units + load.unheard + load.errors:
            print("  PROBLEM:", problem)
        with tempfile.TemporaryDirectory() as folder:
            urls = (server.create_database("lookup_glossary"),
                    server.create_database("lookup_memory"))  # fmt: skip
            timings = lookups(*urls, args.units, Path(folder))
        for name, ms in timings.items():
            print(f"lookup ({args.units} units): {name} {ms:.2f} ms")
    finally:
        server.close()
    if not args.no_mt:
        with tempfile.TemporaryDirectory() as folder:
            packages = Path(folder) / "packages"
            packages.mkdir()
            model = train_sentencepiece(Path(folder) / "sp.model")
            build_copy_package(packages, "ko", "en", sentencepiece_model=model)
            build_copy_package(packages, "en", "zh", sentencepiece_model=model)
            lt = LibreTranslateServer(packages)
            lt.start()
            try:
                rates = mt_throughput(lt, packages)
            finally:
                lt.close()
        for name, rate in rates.items():
            print(f"MT ({name}, tiny copy package, article ko→en): {rate:.1f} segments/s")
    return 0 if load.ok else 1


if __name__ == "__main__":
    sys.exit(main())
