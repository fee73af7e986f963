"""The server memory's key counts (schema step 4): right after every kind of change, by one desk
or five at once, and the same whether a memory was migrated or bulk-loaded by bench.team."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from rapidfuzz import fuzz

from memory.pg_store import ServerMemory
from memory.text import fuzzy_text
from memory.units import IncomingUnit
from support.team_memory import MISCOUNTED, at_once

ROOT = Path(__file__).resolve().parents[2]
COMPANIES = ["알리페이", "텐센트", "바이두", "삼성전자", "애플", "징둥"]
PLACES = ["호주", "영국", "일본", "미국", "싱가포르", "독일"]

def sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(COMPANIES)}가 {rng.choice(PLACES)}에 {rng.randint(1, 999)}번째"
        f" 지사를 {rng.choice(['설립한다', '세웠다', '열었다'])}."
    )


def best_score(query: str, sources: list[str]) -> int:
    return round(max(fuzz.ratio(fuzzy_text(query), fuzzy_text(s)) for s in sources))


def test_counts_stay_exact_through_adds_edits_deletes_and_undo(team_db: str) -> None:
    rng = random.Random(3)
    with ServerMemory(team_db) as tm:
        tm.add_many(IncomingUnit(sentence(rng), f"t{n}", "ko", "en") for n in range(600))
        assert tm._rows(MISCOUNTED) == []
        units = list(tm.units())
        added = tm.add("위어바오는 알리바바의 머니마켓펀드 상품이다.", "A fund.", "ko", "en")
        tm.edit(units[0].id, source="텐센트가 위챗페이로 홍콩 시장에 진출한다.")
        tm.edit(units[1].id, target="Only the target changed.")
        tm.add(units[2].source, "A new target for the same source.", "ko", "en")
        tm.record_use(units[3].id)
        for unit in units[10:60]:
            tm.delete(unit.id)
        tm.restore(added.id, None, expected_version=added.updated_at)  # undo the add
        assert tm._rows(MISCOUNTED) == []
        assert tm._rows("SELECT count(*) FROM tm_key_changes") == [(0,)]  # all folded
        # The edited source is found by its new text, the deleted units are not found at all.
        [match] = tm.lookup("텐센트가 위챗페이로 홍콩 시장에 진출했다.", "ko", "en", limit=1)
        assert match.unit.id == units[0].id
        gone = {u.id for u in units[10:60]}
        for unit in units[10:20]:
            assert not {m.unit.id for m in tm.lookup(unit.source, "ko", "en")} & gone


def test_five_desks_changing_units_at_once_keep_counts_exact_and_find_the_best(
    team_db: str,
) -> None:
    """Five desks add, edit and delete at once: nobody waits on a shared counter row, no
    deadlock, and afterwards the counts are exact and lookups find the best match."""
    rng = random.Random(11)
    sources = sorted({sentence(rng) for _ in range(800)})
    with ServerMemory(team_db) as tm:
        tm.add_many(IncomingUnit(s, "seed", "ko", "en") for s in sources)

    def desk(number: int) -> None:
        mine = random.Random(number)
        with ServerMemory(team_db) as memory:
            for step in range(30):
                new = sentence(mine)
                unit = memory.add(new, f"desk{number} {step}", "ko", "en")
                if step % 3 == 1:
                    memory.edit(unit.id, source=sentence(mine) + f" ({number}-{step})")
                elif step % 3 == 2:
                    memory.delete(unit.id)
                memory.lookup(new, "ko", "en")

    assert at_once(desk) == []
    with ServerMemory(team_db) as tm:
        stored = [unit.source for unit in tm.units()]
        for source in random.Random(5).sample(stored, 20):
            query = source.replace("가 ", "는 ", 1).replace("번째", " 번째")
            [match] = tm.lookup(query, "ko", "en", limit=1)
            assert match.score == min(best_score(query, stored), 99)
        tm._fold()  # a change committed while another desk folded waits for the next fold
        assert tm._rows(MISCOUNTED) == []


def test_a_bulk_loaded_memory_matches_a_migrated_one(pg_server) -> None:
    """bench.team loads 1M units with COPY and counts the keys once; a step-3 memory that a
    desk brings up to step 4 must end up the same: same counts, indexes and triggers."""
    sys.path.insert(0, str(ROOT))
    from bench.team import NGRAM_INDEXES, _load
    from memory.pg_schema import MIGRATIONS

    rng = random.Random(7)
    data = [(sentence(rng), f"t{n}") for n in range(400)]
    loaded, migrated = (pg_server.create_database(name) for name in ("loaded", "migrated"))
    _load(loaded, data, MIGRATIONS, NGRAM_INDEXES)
    _load(migrated, data, MIGRATIONS[:3], NGRAM_INDEXES)
    shape = (
        "SELECT indexdef FROM pg_indexes WHERE left(tablename, 3) = 'tm_' ORDER BY 1",
        "SELECT tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
        "SELECT long, key, units FROM tm_key_counts WHERE units <> 0 ORDER BY 1, 2",
        "SELECT count(*) FROM tm_key_changes",
    )
    with ServerMemory(loaded) as one, ServerMemory(migrated) as other:
        assert [one._rows(sql) for sql in shape] == [other._rows(sql) for sql in shape]
        assert one._rows(MISCOUNTED) == []
        query = data[5][0].replace("번째", " 번째")
        assert [m.score for m in one.lookup(query, "ko", "en")] == [
            m.score for m in other.lookup(query, "ko", "en")
        ]
