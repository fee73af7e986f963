"""The translation memory store: exact and fuzzy lookup, upsert, pairs, editing, bad input."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from memory.diff import DELETE, EQUAL, INSERT
from memory.languages import UnsupportedLanguageError
from memory.store import MemoryFileError, TranslationMemory, UnitNotFoundError
from memory.text import fuzzy_text

SENTENCE = "알리페이가 호주에 6번째 지사를 설립한다."
TARGET = "Alipay is opening its sixth branch, in Australia."


@pytest.fixture
def memory(tmp_path: Path):
    with TranslationMemory(tmp_path / "memory.db") as tm:
        yield tm


def test_repeated_sentence_is_an_exact_match(memory):
    unit = memory.add(SENTENCE, TARGET, "ko", "en", "alipay")
    matches = memory.lookup(SENTENCE, "ko", "en")
    assert [(m.unit.id, m.score) for m in matches] == [(unit.id, 100)]
    assert matches[0].unit.target == TARGET
    assert matches[0].diff == [(EQUAL, SENTENCE)]


def test_changed_number_is_a_high_fuzzy_match_with_the_number_marked(memory):
    memory.add(SENTENCE, TARGET, "ko", "en")
    [match] = memory.lookup(SENTENCE.replace("6", "7"), "ko", "en")
    assert 85 <= match.score < 100
    assert (DELETE, "6") in match.diff and (INSERT, "7") in match.diff
    assert "".join(text for op, text in match.diff if op != INSERT) == SENTENCE


def test_changed_particle_is_a_high_fuzzy_match(memory):
    memory.add(SENTENCE, TARGET, "ko", "en")
    [match] = memory.lookup(SENTENCE.replace("알리페이가", "알리페이는"), "ko", "en")
    assert 85 <= match.score < 100
    assert (DELETE, "가") in match.diff and (INSERT, "는") in match.diff


def test_case_or_punctuation_difference_is_never_an_exact_match(memory):
    memory.add("Alipay opens a branch in Sydney.", "알리페이, 시드니에 지사", "en", "ko")
    scores = [
        memory.lookup(text, "en", "ko")[0].score
        for text in ("alipay opens a branch in sydney.", "Alipay opens a branch in Sydney!")
    ]
    assert all(score < 100 for score in scores)
    assert memory.lookup("Alipay  opens a branch in Sydney. ", "en", "ko")[0].score == 100


def test_very_short_segments_still_find_their_fuzzy_match(memory):
    memory.add("No", "아니요", "en", "ko")
    memory.add("네", "Yes", "ko", "en")
    assert [m.unit.target for m in memory.lookup("No.", "en", "ko")] == ["아니요"]
    assert [m.unit.target for m in memory.lookup("네.", "ko", "en", threshold=60)] == ["Yes"]


def test_matches_are_ordered_limited_and_above_threshold(memory):
    sources = [
        "알리페이가 호주에 6번째 지사를 설립한다.",
        "알리페이가 호주에 7번째 지사를 설립한다.",
        "알리페이가 영국에 7번째 지사를 세웠다.",
        "텐센트가 일본에 첫 지사를 세웠다.",
        "위어바오는 머니마켓펀드 상품이다.",
    ]
    for number, source in enumerate(sources):
        memory.add(source, f"target {number}", "ko", "en")
    query = "알리페이가 호주에 8번째 지사를 설립한다."
    everything = memory.lookup(query, "ko", "en", limit=10, threshold=0)
    scores = [m.score for m in everything]
    assert scores == sorted(scores, reverse=True) and len(scores) == 5
    assert everything[0].unit.source in sources[:2]
    strict = memory.lookup(query, "ko", "en", limit=10, threshold=80)
    assert strict and all(m.score >= 80 for m in strict)
    assert len(strict) < len(everything)
    assert len(memory.lookup(query, "ko", "en", limit=1, threshold=0)) == 1


def test_pairs_are_isolated(memory):
    memory.add(SENTENCE, TARGET, "ko", "en")
    memory.add(SENTENCE, "支付宝将在澳大利亚设立第六家分公司。", "ko", "zh-Hans")
    [to_chinese] = memory.lookup(SENTENCE, "ko", "zh-CN")
    assert to_chinese.unit.target.startswith("支付宝")
    assert memory.lookup(SENTENCE, "ko", "zh-Hant") == []
    assert memory.lookup(TARGET, "en", "ko") == []
    assert memory.count() == 2 and memory.count("ko", "en") == 1
    assert [(u.source_lang, u.target_lang) for u in memory.units("ko", "zh-Hans")] == [
        ("ko", "zh-Hans")
    ]
    assert memory.pairs() == [("ko", "en", 1), ("ko", "zh-Hans", 1)]


def test_adding_the_same_source_again_keeps_the_newest_target(memory):
    first = memory.add(SENTENCE, TARGET, "ko", "en", "project one")
    second = memory.add(
        " " + SENTENCE.replace(" ", "  "), "Alipay opens a sixth branch.", "ko", "en", "project two"
    )
    assert second.id == first.id and memory.count() == 1
    [match] = memory.lookup(SENTENCE, "ko", "en")
    assert (match.unit.target, match.unit.origin) == ("Alipay opens a sixth branch.", "project two")
    assert [entry[:2] for entry in memory.history(first.id)] == [(TARGET, "project one")]


def test_edited_source_is_found_by_its_new_text_only(memory):
    unit = memory.add(SENTENCE, TARGET, "ko", "en")
    memory.add("위어바오는 머니마켓펀드 상품이다.", "Yu'e Bao is a money market fund.", "ko", "en")
    memory.lookup(SENTENCE, "ko", "en")  # builds the fuzzy index before the edit
    memory.edit(unit.id, source="텐센트가 일본에 첫 지사를 세웠다.")
    assert memory.lookup(SENTENCE, "ko", "en", threshold=80) == []
    [match] = memory.lookup("텐센트가 일본에 두번째 지사를 세웠다.", "ko", "en")
    assert match.unit.id == unit.id and match.unit.target == TARGET


def test_edit_refuses_a_source_another_unit_has(memory):
    memory.add(SENTENCE, TARGET, "ko", "en")
    other = memory.add("위어바오는 머니마켓펀드 상품이다.", "A fund.", "ko", "en")
    with pytest.raises(ValueError, match="already has this source"):
        memory.edit(other.id, source=SENTENCE)
    assert memory.get(other.id).source == "위어바오는 머니마켓펀드 상품이다."


def test_deleted_unit_is_no_longer_matched(memory):
    unit = memory.add(SENTENCE, TARGET, "ko", "en")
    memory.lookup(SENTENCE, "ko", "en")
    memory.delete(unit.id)
    assert memory.lookup(SENTENCE, "ko", "en") == []
    assert memory.lookup(SENTENCE.replace("6", "7"), "ko", "en") == []
    with pytest.raises(UnitNotFoundError):
        memory.delete(unit.id)


def test_units_added_through_another_connection_are_matched(memory):
    memory.add("위어바오는 머니마켓펀드 상품이다.", "A fund.", "ko", "en")
    memory.lookup(SENTENCE, "ko", "en")  # index built before the other writer adds
    with TranslationMemory(memory.path) as other:
        other.add(SENTENCE, TARGET, "ko", "en")
    assert memory.lookup(SENTENCE.replace("6", "9"), "ko", "en")[0].unit.target == TARGET


def test_record_use_counts_reuse(memory):
    unit = memory.add(SENTENCE, TARGET, "ko", "en")
    memory.record_use(unit.id)
    memory.record_use(unit.id)
    assert memory.get(unit.id).usage == 2


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (("", TARGET, "ko", "en"), ValueError, "non-empty source"),
        ((SENTENCE, "  ", "ko", "en"), ValueError, "non-empty target"),
        ((SENTENCE, TARGET, "fr", "en"), UnsupportedLanguageError, "fr"),
        ((SENTENCE, TARGET, "ko", "ko-KR"), ValueError, "both ko"),
        ((SENTENCE, TARGET, "ko", "e n"), UnsupportedLanguageError, "not a language code"),
        ((SENTENCE, "line\x0bbreak", "ko", "en"), ValueError, "U\\+000B"),
    ],
)
def test_bad_units_are_refused_and_change_nothing(memory, args, error, message):
    memory.add("위어바오는 머니마켓펀드 상품이다.", "A fund.", "ko", "en")
    with pytest.raises(error, match=message):
        memory.add(*args)
    assert memory.count() == 1


def test_bad_lookups_are_refused(memory):
    with pytest.raises(ValueError, match="empty segment"):
        memory.lookup(" ", "ko", "en")
    with pytest.raises(ValueError, match="threshold"):
        memory.lookup(SENTENCE, "ko", "en", threshold=101)
    with pytest.raises(ValueError, match="limit"):
        memory.lookup(SENTENCE, "ko", "en", limit=0)


def test_other_files_are_not_taken_for_a_memory(tmp_path):
    text_file = tmp_path / "notes.db"
    text_file.write_bytes(b"just some notes, not a database" * 10)
    with pytest.raises(MemoryFileError, match="not a translation memory"):
        TranslationMemory(text_file)
    assert text_file.read_bytes() == b"just some notes, not a database" * 10
    other = tmp_path / "glossary.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE concepts (id INTEGER PRIMARY KEY)")
    with pytest.raises(MemoryFileError, match="another kind"):
        TranslationMemory(other)
    with sqlite3.connect(other) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert names == {"concepts"}


def test_fuzzy_candidates_find_what_a_full_scan_finds(memory):
    # Hundreds of near-identical units: the n-gram candidate set must still hold the best one.
    rng = random.Random(5)
    companies = ["알리페이", "텐센트", "바이두", "삼성전자", "애플", "징둥"]
    places = ["호주", "영국", "일본", "미국", "싱가포르", "독일"]
    sources = sorted(
        {
            f"{rng.choice(companies)}가 {rng.choice(places)}에 {rng.randint(1, 60)}번째"
            f" 지사를 {rng.choice(['설립한다', '세웠다', '열었다'])}."
            for _ in range(1500)
        }
    )
    from memory.store import IncomingUnit

    memory.add_many(IncomingUnit(s, f"t{i}", "ko", "en") for i, s in enumerate(sources))
    for source in rng.sample(sources, 25):
        query = source.replace("가 ", "는 ", 1).replace("번째", " 번째")
        best = max(fuzz.ratio(fuzzy_text(query), fuzzy_text(s)) for s in sources)
        [match] = memory.lookup(query, "ko", "en", limit=1)
        assert match.score == round(best)


def test_after_mass_deletion_the_best_remaining_units_are_matched(memory):
    from memory.store import IncomingUnit

    memory.add_many(
        IncomingUnit(f"알리페이가 호주에 {n}번째 지사를 세운다.", f"t{n}", "ko", "en")
        for n in range(200)
    )
    query = "알리페이가 호주에 5번째 지사를 세운다!"
    assert len(memory.lookup(query, "ko", "en", limit=3)) == 3  # the index now holds all 200
    for unit in list(memory.units())[:190]:
        memory.delete(unit.id)
    targets = [m.unit.target for m in memory.lookup(query, "ko", "en", limit=3)]
    assert len(targets) == 3 and set(targets) <= {f"t{n}" for n in range(190, 200)}
