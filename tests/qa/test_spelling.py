"""Spelling of English targets (Hunspell dictionaries through spylls): real misspellings
flagged, names, acronyms, terms and the translator's words never; the CLI reports them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossary.matching import TermMatcher
from glossary.model import Concept, Term
from qa import spelling
from qa.checks import check_segment

ROOT = Path(__file__).resolve().parents[2]
NEWS = Path("/work/shared/data/park-news-dev")
FIXTURES = ROOT / "tests" / "fixtures" / "news"  # park-news-dev lines 95-106, CC BY-SA 3.0
WIND_KO = (FIXTURES / "wind_article.ko.txt").read_text(encoding="utf-8").splitlines()
WIND_EN = (FIXTURES / "wind_article.en.txt").read_text(encoding="utf-8").splitlines()


def words(issues) -> list[str]:
    return [i.message.rsplit(": ", 1)[1] for i in issues if i.check == "spelling"]


def test_misspelled_words_are_flagged_with_their_span_and_suggestions():
    target = "Texan companies announced a transmision consortium for wind powr."
    issues = spelling.spelling_issues("", target, "en", user=frozenset())
    assert words(issues) == ["transmision", "powr"]
    start, end = issues[0].target_span
    assert target[start:end] == "transmision"
    assert issues[0].severity == "cosmetic"
    assert "transmission" in spelling.checker("en-US").suggest("transmision")


def test_us_and_british_english_are_told_apart():
    target = "The colour of the color."
    assert words(spelling.spelling_issues("", target, "en-US", user=frozenset())) == ["colour"]
    assert words(spelling.spelling_issues("", target, "en-GB", user=frozenset())) == ["color"]
    spelling.set_variant("en", "en-GB")
    try:
        assert words(spelling.spelling_issues("", target, "en", user=frozenset())) == ["color"]
    finally:
        spelling.set_variant("en", "")
    with pytest.raises(ValueError):
        spelling.set_variant("en", "en-XX")


def test_names_acronyms_terms_source_words_and_user_words_pass():
    source = "온코어(Oncorx)는 일렉스틸 트랜스미션 텍사스(ETT)와 손잡았다."
    matcher = TermMatcher(
        [Concept(id=1, terms=[Term("ko", "일렉스틸"), Term("en", "electrosteel")])], "ko", "en"
    )
    target = "oncorx joined electrosteel, ETT and Zhu Yuguo's al-Maliki on the 13th; wibble."
    # oncorx: written as in the source; electrosteel: the glossary's term; wibble: user's word
    issues = spelling.spelling_issues(source, target, "en", matcher, user=frozenset({"wibble"}))
    assert words(issues) == []
    assert words(spelling.spelling_issues("", target, "en", user=frozenset())) == [
        "oncorx",
        "electrosteel",
        "wibble",
    ]


def test_the_translators_words_are_kept_in_a_file(tmp_path):
    path = tmp_path / "words.txt"
    spelling.add_user_word("Hanbit", path)
    spelling.add_user_word("wibble", path)
    spelling.add_user_word("wibble", path)
    assert spelling.user_words(path) == {"Hanbit", "wibble"}
    assert path.read_text(encoding="utf-8").splitlines() == ["Hanbit", "wibble"]
    with pytest.raises(ValueError):
        spelling.add_user_word("two words", path)


def test_chinese_or_korean_targets_have_no_spelling_check():
    assert spelling.spelling_issues("Alipay", "支付宝 sjdfh", "zh-Hans") == []


def test_check_segment_registers_the_spelling_check():
    issues = check_segment("풍력", "Wind powr.", source_lang="ko", target_lang="en")
    assert ("spelling", "cosmetic") in [(i.check, i.severity) for i in issues]


@pytest.mark.skipif(not NEWS.is_dir(), reason="the shared news corpus is not on this machine")
def test_published_news_translations_rarely_raise_a_spelling_issue():
    """Real human translations (park-news-dev, CC BY-SA 3.0): the wind-power story (lines
    95-106) is clean, and at most 4% of the 1,000 lines get a spelling issue at all."""
    ko = (NEWS / "dev.ko").read_text(encoding="utf-8").splitlines()
    en = (NEWS / "dev.en").read_text(encoding="utf-8").splitlines()
    assert ko[94:106] == WIND_KO  # the fixture holds these lines
    flagged = sum(
        1
        for s, t in zip(ko, en, strict=True)
        if spelling.spelling_issues(s, t, "en", user=frozenset())
    )
    assert flagged <= 40, f"{flagged} of {len(en)} published lines flagged"
    # and a typo seeded into one of them is caught
    seeded = en[95].replace("transmission", "transmision")
    assert words(spelling.spelling_issues(ko[95], seeded, "en", user=frozenset())) == [
        "transmision"
    ]


def test_cli_qa_json_reports_misspelled_target_words(tmp_path):
    tsv = tmp_path / "wind.tsv"
    tsv.write_text(
        "댈러스에 본사를 둔 온코어\tDallas-based Oncor, the state's largest powr company\n",
        encoding="utf-8",
    )
    env = os.environ | {"HANBIT_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run(
        [sys.executable, "main.py", "qa", str(tsv), "--from", "ko", "--to", "en", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    found = [i for i in json.loads(done.stdout) if "spelling" in i["check"]]
    assert [i["message"] for i in found] == ["Possible misspelling (en-US): powr"]


def test_the_published_wind_story_raises_no_spelling_issue_and_a_seeded_typo_does():
    for source, target in zip(WIND_KO, WIND_EN, strict=True):
        assert words(spelling.spelling_issues(source, target, "en", user=frozenset())) == []
    seeded = WIND_EN[1].replace("transmission", "transmision")
    assert words(spelling.spelling_issues(WIND_KO[1], seeded, "en", user=frozenset())) == [
        "transmision"
    ]


def test_spelling_issues_read_in_korean_under_the_korean_interface():
    from qa.messages import check_name, render_issue

    issue = spelling.spelling_issues("", "wind powr", "en", user=frozenset())[0]
    assert render_issue(issue, "ko") == "철자가 틀렸을 수 있습니다(en-US): powr"
    assert check_name("spelling", "ko") == "맞춤법"


def test_each_word_is_looked_up_once_and_user_words_still_win(monkeypatch):
    spell = spelling.SpellChecker("en-US")
    calls: list[str] = []
    lookup = spell.dictionary.lookup

    def counting(word):
        calls.append(word)
        return lookup(word)

    monkeypatch.setattr(spell.dictionary, "lookup", counting)
    target = "The consortium will invest in transmision lines; the consortium says transmision"
    first = [m.word for m in spell.misspelled(target)]
    second = [m.word for m in spell.misspelled(target)]
    assert first == second == ["transmision", "transmision"]
    assert calls.count("transmision") == 1 and calls.count("consortium") == 1
    # a word the translator adds passes at once, whatever the dictionary said before
    spell.known.add("transmision")
    assert spell.misspelled(target) == []
