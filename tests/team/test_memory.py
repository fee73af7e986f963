"""The translation memory on a real PostgreSQL server: the SQLite memory's own tests run against
it unchanged, then what only a server has: several writers, lost connections."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from memory.pg_store import MemoryOffline, ServerMemory
from memory.protocol import MemoryStore, open_memory
from memory.store import TranslationMemory
from memory.text import fuzzy_text, key_hash
from support.team_memory import MISCOUNTED, at_once

# The SQLite store's behaviour tests, loaded by path (tests/memory is no importable package:
# its name is our own `memory` package's).
_SPEC = importlib.util.spec_from_file_location(
    "sqlite_memory_tests", Path(__file__).parents[1] / "memory" / "test_tm_store.py"
)
_BASE = importlib.util.module_from_spec(_SPEC)
sys.modules["sqlite_memory_tests"] = _BASE
_SPEC.loader.exec_module(_BASE)

SHARED = [
    "test_repeated_sentence_is_an_exact_match",
    "test_changed_number_is_a_high_fuzzy_match_with_the_number_marked",
    "test_changed_particle_is_a_high_fuzzy_match",
    "test_case_or_punctuation_difference_is_never_an_exact_match",
    "test_very_short_segments_still_find_their_fuzzy_match",
    "test_matches_are_ordered_limited_and_above_threshold",
    "test_pairs_are_isolated",
    "test_adding_the_same_source_again_keeps_the_newest_target",
    "test_edited_source_is_found_by_its_new_text_only",
    "test_edit_refuses_a_source_another_unit_has",
    "test_deleted_unit_is_no_longer_matched",
    "test_record_use_counts_reuse",
    "test_bad_units_are_refused_and_change_nothing",
    "test_bad_lookups_are_refused",
    "test_fuzzy_candidates_find_what_a_full_scan_finds",
    "test_after_mass_deletion_the_best_remaining_units_are_matched",
]
for _name in SHARED:
    globals()[f"{_name}_on_the_server"] = getattr(_BASE, _name)

SENTENCE = _BASE.SENTENCE
TARGET = _BASE.TARGET


@pytest.fixture
def memory(team_db: str):
    with ServerMemory(team_db) as tm:
        yield tm


def test_url_opens_the_server_memory_with_the_store_interface(team_db: str, tmp_path) -> None:
    with open_memory(team_db) as server, open_memory(tmp_path / "m.db") as local:
        assert isinstance(server, ServerMemory) and isinstance(server, MemoryStore)
        assert isinstance(local, TranslationMemory) and isinstance(local, MemoryStore)


def test_units_added_by_another_desk_are_matched_at_once(team_db: str) -> None:
    with ServerMemory(team_db) as mine, ServerMemory(team_db) as theirs:
        mine.add("위어바오는 머니마켓펀드 상품이다.", "A fund.", "ko", "en")
        mine.lookup(SENTENCE, "ko", "en")
        theirs.add(SENTENCE, TARGET, "ko", "en")
        assert mine.lookup(SENTENCE.replace("6", "9"), "ko", "en")[0].unit.target == TARGET


def test_many_desks_adding_the_same_sources_at_once_lose_nothing(team_db: str) -> None:
    ServerMemory(team_db).close()

    def desk(number: int) -> None:
        with ServerMemory(team_db) as tm:
            for n in range(40):
                source = f"알리페이가 호주에 {n}번째 지사를 세운다."
                tm.add(source, f"desk{number} t{n}", "ko", "en")

    assert at_once(desk) == []
    with ServerMemory(team_db) as tm:
        assert tm.count() == 40  # one unit per source, none duplicated by the race
        for unit in tm.units():
            # The last target written wins; the four others are all in its history.
            assert len(tm.history(unit.id)) == 4
            kept = {unit.target, *(target for target, _, _ in tm.history(unit.id))}
            assert kept == {f"desk{d} {unit.target.split()[1]}" for d in range(5)}


def test_server_killed_mid_work_says_what_was_not_stored_and_reconnects(
    pg_server, team_db: str
) -> None:
    with ServerMemory(team_db) as tm:
        tm.add(SENTENCE, TARGET, "ko", "en")
        pg_server.kill()
        try:
            with pytest.raises(MemoryOffline, match="storing the translation of .* not saved"):
                tm.add("마윈은 말했다.", "Jack Ma said.", "ko", "en")
        finally:
            pg_server.start()
        assert tm.count() == 1
        tm.add("마윈은 말했다.", "Jack Ma said.", "ko", "en")
        assert tm.lookup("마윈은 말했다.", "ko", "en")[0].score == 100


def test_cut_network_is_an_error_in_words_then_lookups_resume(team_db: str, proxy_for) -> None:
    ServerMemory(team_db).close()
    proxy, url = proxy_for(team_db)
    with ServerMemory(url) as tm:
        tm.add(SENTENCE, TARGET, "ko", "en")
        proxy.cut()
        with pytest.raises(MemoryOffline, match="cannot be reached"):
            tm.lookup(SENTENCE, "ko", "en")
        proxy.restore()
        assert tm.lookup(SENTENCE, "ko", "en")[0].unit.target == TARGET


def _saved_by_kim(conn, sources: list[str]) -> None:
    """Units of an older schema step, written straight into the table as if kim had saved
    them (the trigger would write our own login)."""
    for source in sources:
        conn.execute(
            "INSERT INTO tm_units (source_lang, target_lang, source, target, source_norm,"
            " source_hash, created_at, updated_at) VALUES ('ko', 'en', %s, %s, %s, %s,"
            " '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z')",
            (source, TARGET, fuzzy_text(source), key_hash(source)),
        )
    conn.execute("ALTER TABLE tm_units DISABLE TRIGGER tm_stamp")
    conn.execute("UPDATE tm_units SET updated_by = 'kim'")
    conn.execute("ALTER TABLE tm_units ENABLE TRIGGER tm_stamp")


def test_a_memory_of_the_first_schema_is_brought_up_to_date_and_keeps_who_changed_it(team_db):
    import psycopg

    from memory.pg_schema import MIGRATIONS
    from storage.postgres import migrate

    with psycopg.connect(team_db, autocommit=True) as conn:
        migrate(conn, "memory", MIGRATIONS[:1])  # the trigram index, no n-gram column
        _saved_by_kim(conn, [SENTENCE])
    with ServerMemory(team_db) as tm:
        [match] = tm.lookup(SENTENCE.replace("6", "9"), "ko", "en")
        assert match.unit.target == TARGET and match.score >= 90
        who = tm._rows("SELECT updated_by FROM tm_units")
    assert who == [("kim",)]  # filling the new column is no edit by the one who migrated


def test_a_memory_of_schema_step_2_gets_its_long_n_grams_and_keeps_who_changed_it(team_db):
    """Step 3 on a server memory in use: every unit's long n-grams are indexed without counting
    as an edit; later edits, adds and deletes keep the n-grams and their indexes right."""
    import psycopg

    from memory.pg_schema import MIGRATIONS
    from storage.postgres import migrate

    other = "위어바오는 알리바바의 머니마켓펀드 상품이다."
    with psycopg.connect(team_db, autocommit=True) as conn:
        migrate(conn, "memory", MIGRATIONS[:2])  # n-grams, no long ones
        _saved_by_kim(conn, [SENTENCE, other])
    with ServerMemory(team_db) as tm:
        version = tm._rows("SELECT version FROM hanbit_schema WHERE name = 'memory'")
        assert version == [(len(MIGRATIONS),)]
        rows = tm._rows("SELECT updated_by, updated_at FROM tm_units ORDER BY id")
        assert rows == [("kim", "2020-01-01T00:00:00Z")] * 2  # indexed, not edited
        [match] = tm.lookup(SENTENCE.replace("6", "9"), "ko", "en")
        assert match.unit.target == TARGET and match.score >= 90
        # An edited source is found by its new text only: the trigger rewrote both columns.
        unit = tm.exact(other, "ko", "en")
        assert unit is not None
        tm.edit(unit.id, source="텐센트가 위챗페이로 홍콩 시장에 진출한다.")
        consistent = tm._rows(
            "SELECT bool_and(grams = tm_grams(source_norm, source_lang)) FROM tm_units"
        )
        assert consistent == [(True,)]
        # Found through the long n-grams' index alone (no n-gram read): it follows the edit.
        found = tm._rows(
            "SELECT id FROM tm_units WHERE tm_long_grams(source_norm, source_lang)"
            " && tm_long_grams(%s, 'ko')",
            (fuzzy_text("텐센트가 위챗페이로"),),
        )
        assert found == [(unit.id,)]
        assert tm.lookup(other, "ko", "en") == []
        assert (
            tm.lookup("텐센트가 위챗페이로 홍콩 시장에 진출했다.", "ko", "en")[0].unit.id == unit.id
        )
        tm.delete(unit.id)
        assert tm.lookup("텐센트가 위챗페이로 홍콩 시장에 진출했다.", "ko", "en") == []


def test_a_memory_of_schema_step_3_gets_exact_key_counts_and_loses_nothing(team_db):
    """Step 4 on a server memory in use: every unit, its history and metadata and who changed
    it stay as they were; the keys are counted exactly; lookups find what they found."""
    import psycopg

    from memory.pg_schema import MIGRATIONS
    from storage.postgres import migrate

    other = "위어바오는 알리바바의 머니마켓펀드 상품이다."
    with psycopg.connect(team_db, autocommit=True) as conn:
        migrate(conn, "memory", MIGRATIONS[:3])
        _saved_by_kim(conn, [SENTENCE, other])
        conn.execute(
            "INSERT INTO tm_history (unit_id, target, origin, replaced_at, replaced_by)"
            " SELECT id, 'Earlier.', 'tmx', '2019-01-01T00:00:00Z', 'lee' FROM tm_units"
        )
        conn.execute('INSERT INTO tm_unit_meta SELECT id, \'{"tuid": "7"}\' FROM tm_units')
        before = [
            conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("tm_units", "tm_history", "tm_unit_meta")
        ]
    with ServerMemory(team_db) as tm:
        assert tm._rows("SELECT version FROM hanbit_schema WHERE name = 'memory'") == [(4,)]
        after = [
            tm._rows(f"SELECT * FROM {table} ORDER BY 1")
            for table in ("tm_units", "tm_history", "tm_unit_meta")
        ]
        assert after == before  # counted, not edited: not even updated_by changed
        assert tm._rows(MISCOUNTED) == []
        [match] = tm.lookup(SENTENCE.replace("6", "9"), "ko", "en")
        assert match.unit.target == TARGET and match.score >= 90
        assert tm.unit_meta(match.unit.id) == {"tuid": "7"}


def test_lookups_read_few_keys_and_find_what_the_sqlite_memory_finds(
    team_db: str, tmp_path: Path
) -> None:
    """The server reads the units of a few of the query's keys, chosen by exact counts (the
    rarest, and disjoint long n-grams of which a unit must hold all but one); its best matches
    still score as the SQLite memory's do."""
    from memory.pg_store import choose_keys
    from memory.units import IncomingUnit

    fixtures = Path(__file__).with_name("fixtures")
    ko = (fixtures / "park-news-dev-150.ko").read_text(encoding="utf-8").splitlines()
    en = (fixtures / "park-news-dev-150.en").read_text(encoding="utf-8").splitlines()
    pairs = [(k, e) for k, e in zip(ko, en, strict=True) if k.strip() and e.strip()]
    units = [IncomingUnit(f"{k} ({n})" if n else k, e, "ko", "en")
             for n in range(20) for k, e in pairs]  # fmt: skip
    with ServerMemory(team_db) as server, TranslationMemory(tmp_path / "m.db") as local:
        server.add_many(units)
        local.add_many(units)
        assert server._rows(MISCOUNTED) == []  # the bulk import's changes are folded in
        for source, _ in pairs[::8]:
            query = source.replace("다.", "었다.").replace(" ", "", 1)
            keys = server._rows("SELECT * FROM tm_query_keys(%s, 'ko')", (fuzzy_text(query),))
            rare, rare_long, arms = choose_keys(*keys[0], 2)
            read = len(rare) + len(rare_long) + len({key for arm in arms for key in arm})
            assert 0 < read < len(set(keys[0][0])) // 2  # a few keys, not every n-gram
            theirs = [m.score for m in local.lookup(query, "ko", "en", limit=3)]
            assert [m.score for m in server.lookup(query, "ko", "en", limit=3)] == theirs


def test_a_query_of_common_words_must_hold_its_rarest_long_ngram() -> None:
    """Six disjoint 4-grams of a query (size 2): when even the second rarest is in thousands
    of units, reading the units that hold all but the rarest would read thousands; every arm
    then holds the rarest. When the second rarest is rare too, one arm does without the
    rarest, so a best match edited exactly there is still read."""
    from memory.pg_store import choose_keys

    grams = list(range(1, 25))  # bigrams at positions 0..23, each in many units
    gram_units = [4_000] * len(grams)
    long_grams = list(range(100, 121))  # 4-grams at positions 0..20
    rarest, disjoint = 100, [100, 104, 108, 112, 116, 120]  # positions 0, 4, 8, ... 20

    def units(second: int) -> list[int]:
        held = {100: 40, 104: second, 108: 7_000, 112: 8_000, 116: 9_000, 120: 9_500}
        return [held.get(key, 20_000) for key in long_grams]  # overlapping ones: commoner

    _, _, arms = choose_keys(grams, gram_units, long_grams, units(6_000), 2)
    assert arms and all(rarest in arm for arm in arms)
    assert {key for arm in arms for key in arm} == set(disjoint)

    _, _, arms = choose_keys(grams, gram_units, long_grams, units(300), 2)
    assert len(arms) == 6 and [arm for arm in arms if rarest not in arm] == [tuple(disjoint[1:])]
