"""The curated glossary: its content, and merging new versions without losing the user's edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.curated import DOMAINS, load_curated, read_curated
from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind
from paths import CURATED_GLOSSARY


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    with Termbase(tmp_path / "glossary.db") as opened:
        yield opened


def write_curated(path: Path, version: int, concepts: list[dict]) -> Path:
    data = {"format": "hanbit-curated-glossary", "version": version, "concepts": concepts}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def entry(key: str, en: str, ko: str, note: str = "n") -> dict:
    return {"key": key, "domain": "company", "note": note, "preferred": {"en": en, "ko": ko}}


# Forms the article and its translators need, language by language.
REQUIRED = {
    "Alibaba": {"ko": ["알리바바"], "zh-Hans": ["阿里巴巴"]},
    "Alipay": {"ko": ["알리페이", "즈푸바오"], "zh-Hans": ["支付宝"], "zh-Hant": ["支付寶"]},
    "Alipay Australia": {"ko": ["알리페이 호주"]},
    "Alipay Wallet": {"ko": ["알리페이월렛"], "zh-Hans": ["支付宝钱包"], "zh-Hant": ["支付寶錢包"]},
    "Yu'e Bao": {"ko": ["위어바오"], "zh-Hans": ["余额宝"], "zh-Hant": ["餘額寶"]},
    "Ant Financial": {
        "ko": ["마이미소금융서비스", "마이미소금융", "미소금융그룹", "마이(螞蟻)미소금융서비스"],
        "zh-Hans": ["蚂蚁小微金融服务集团", "蚂蚁金服"],
        "zh-Hant": ["螞蟻小微金融服務集團", "螞蟻金服"],
    },
    "Jack Ma": {"ko": ["마윈"], "zh-Hans": ["马云"], "zh-Hant": ["馬雲"]},
    "Singles' Day": {"ko": ["솔로데이"], "zh-Hans": ["光棍节"], "zh-Hant": ["光棍節"]},
    "Economic Information Daily": {
        "ko": ["징지찬카오바오"],
        "zh-Hans": ["经济参考报"],
        "zh-Hant": ["經濟參考報"],
    },
    "Apple": {"ko": ["애플"], "zh-Hans": ["苹果"], "zh-Hant": ["蘋果"]},
    "Apple Pay": {"ko": ["애플페이"]},
    "iPhone 6": {"ko": ["아이폰6"]},
    "V-Key": {"ko": ["V-key"]},
    "Paybang": {"ko": ["Paybang"]},
    "A-shares": {"ko": ["A주"], "zh-Hans": ["A股"]},
    "money market fund": {
        "ko": ["머니마켓펀드", "MMF"],
        "zh-Hans": ["货币市场基金"],
        "zh-Hant": ["貨幣市場基金"],
    },
    "third-party payment service": {"ko": ["제3자 결제서비스"], "zh-Hans": ["第三方支付"]},
    "Aju Business Daily": {"ko": ["아주경제"]},
    "Baidu": {"ko": ["바이두"], "zh-Hans": ["百度"]},
    "Series B": {"ko": ["시리즈B"]},
    "Sydney": {"ko": ["시드니"], "zh-Hans": ["悉尼"]},
    "yuan": {"ko": ["위안", "위안화"], "zh-Hans": ["人民币"], "zh-Hant": ["人民幣"]},
}
FORBIDDEN = {"Alipay": ["Ali Pay", "Pay Treasure", "Zhifubao"], "Yu'e Bao": ["Balance Treasure"]}


def test_the_bundled_glossary_holds_every_name_of_the_article() -> None:
    _, concepts = read_curated(CURATED_GLOSSARY)
    by_english = {c.preferred("en"): c for c in concepts}
    for english, forms in REQUIRED.items():
        concept = by_english[english]
        for lang, wanted in forms.items():
            assert set(wanted) <= set(concept.forms(lang)), (english, lang)
    for english, forms in FORBIDDEN.items():
        assert set(forms) <= set(by_english[english].forms("en", TermKind.FORBIDDEN))
    for concept in concepts:
        assert concept.domain in DOMAINS and concept.note, concept.origin


def test_first_load_adds_everything_and_a_second_load_does_nothing(termbase) -> None:
    report = load_curated(termbase, CURATED_GLOSSARY)
    assert report.skipped == [] and len(report.added) == termbase.count() >= len(REQUIRED)
    revision = termbase.revision
    again = load_curated(termbase, CURATED_GLOSSARY)
    assert again.unchanged and termbase.revision == revision


def test_a_new_version_keeps_user_edits_and_deletions(termbase, tmp_path: Path) -> None:
    v1 = [
        entry("alipay", "Alipay", "알리페이"),
        entry("baidu", "Baidu", "바이두"),
        entry("apple", "Apple", "애플"),
        entry("sydney", "Sydney", "시드니"),
    ]
    load_curated(termbase, write_curated(tmp_path / "v1.json", 1, v1))
    edited = termbase.concept_by_origin("alipay")
    edited.terms.append(Term("en", "AliPay Wallet", TermKind.FORBIDDEN))
    edited.origin = ""  # an editor form does not carry the bookkeeping along
    termbase.update_concept(edited)
    termbase.delete_concept(termbase.concept_by_origin("baidu").id)

    v2 = [
        entry("alipay", "Alipay", "알리페이", note="curated v2"),
        entry("baidu", "Baidu", "바이두", note="curated v2"),
        entry("apple", "Apple", "애플", note="curated v2"),
        entry("sydney", "Sydney", "시드니"),
        entry("jack-ma", "Jack Ma", "마윈"),
    ]
    report = load_curated(termbase, write_curated(tmp_path / "v2.json", 2, v2))

    assert (report.added, report.updated) == (["jack-ma"], ["apple"])
    assert (report.kept_user_edits, report.kept_deleted) == (["alipay"], ["baidu"])
    alipay = termbase.concept_by_origin("alipay")
    assert alipay.note == "n" and "AliPay Wallet" in alipay.forms("en", TermKind.FORBIDDEN)
    assert termbase.concept_by_origin("baidu") is None
    assert termbase.concept_by_origin("apple").note == "curated v2"
    assert termbase.concept_by_origin("jack-ma").preferred("ko") == "마윈"


def test_a_restored_curated_concept_is_followed_again(termbase, tmp_path: Path) -> None:
    load_curated(termbase, write_curated(tmp_path / "v1.json", 1, [entry("a", "Apple", "애플")]))
    deleted = termbase.delete_concept(termbase.concept_by_origin("a").id)
    termbase.restore_concept(deleted)
    v2 = [entry("a", "Apple", "애플", note="v2")]
    assert load_curated(termbase, write_curated(tmp_path / "v2.json", 2, v2)).updated == ["a"]


def test_a_curated_concept_clashing_with_the_users_own_is_skipped(termbase, tmp_path) -> None:
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "AliPay")]))
    curated = [entry("alipay", "Alipay", "알리페이"), entry("baidu", "Baidu", "바이두")]
    report = load_curated(termbase, write_curated(tmp_path / "c.json", 1, curated))
    assert report.added == ["baidu"]
    assert report.skipped[0][0] == "alipay" and "already belongs" in report.skipped[0][1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        ('{"format": "other", "version": 1, "concepts": []}', "not a curated glossary"),
        (
            '{"format": "hanbit-curated-glossary", "version": 1, "concepts": '
            '[{"key": "a", "domain": "fruit", "preferred": {"en": "Apple"}}]}',
            "domain 'fruit'",
        ),
        (
            '{"format": "hanbit-curated-glossary", "version": 1, "concepts": '
            '[{"key": "a", "domain": "company", "preferred": {"en": " "}}]}',
            "is empty",
        ),
    ],
)
def test_a_broken_curated_file_is_refused_and_changes_nothing(termbase, tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GlossaryError, match=message):
        load_curated(termbase, path)
    assert termbase.count() == 0 and termbase.revision == 0


def test_an_unchanged_file_is_known_by_its_size_and_time_and_an_edited_one_is_merged(
    termbase, tmp_path: Path
) -> None:
    import os

    path = write_curated(tmp_path / "curated.json", 1, [entry("a", "Apple", "애플")])
    assert load_curated(termbase, path).added == ["a"]
    before = os.stat(path)
    # touched, the same content: unchanged, and the new time is kept for the next start
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 10**9))
    assert load_curated(termbase, path).unchanged
    stamped = termbase.meta("curated_stat")
    assert stamped.endswith(f"|{before.st_mtime_ns + 10**9}")
    # edited (a note added, in the same second): read, hashed and merged
    write_curated(path, 2, [entry("a", "Apple", "애플", note="edited")])
    assert load_curated(termbase, path).updated == ["a"]
    assert termbase.concept_by_origin("a").note == "edited"
    # the file is not even read while its size and time say it is the one merged
    path.write_bytes(b"x" * os.stat(path).st_size)  # unreadable JSON, same size...
    merged = termbase.meta("curated_stat").rsplit("|", 1)[1]
    os.utime(path, ns=(before.st_atime_ns, int(merged)))  # ...and time
    assert load_curated(termbase, path).unchanged
