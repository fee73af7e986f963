"""QA with the bundled glossary on realistic news sentences: no false alarms on common words."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.curated import load_curated
from glossary.matching import TermMatcher
from glossary.store import Concept, Termbase
from paths import CURATED_GLOSSARY
from qa.checks import (
    GENERIC_MARK,
    Severity,
    check_segment,
    forbidden_renderings,
    generic_concepts,
)


@pytest.fixture(scope="module")
def concepts(tmp_path_factory) -> list[Concept]:
    with Termbase(tmp_path_factory.mktemp("qa") / "glossary.db") as termbase:
        load_curated(termbase, CURATED_GLOSSARY)
        return termbase.concepts()


def check(concepts, source: str, target: str, source_lang: str, target_lang: str):
    return check_segment(
        source,
        target,
        source_lang=source_lang,
        target_lang=target_lang,
        matcher=TermMatcher(concepts, source_lang, target_lang),
        forbidden=forbidden_renderings(concepts, target_lang),
        generic=generic_concepts(concepts),
    )


@pytest.mark.parametrize(
    ("source", "target", "source_lang", "target_lang"),
    [
        ("중국 시장에 진출했다.", "It entered the Chinese market.", "ko", "en"),
        (
            "中国人越来越多地使用移动支付。",
            "More and more Chinese people pay by phone.",
            "zh-Hans",
            "en",
        ),
        ("这家上市公司发布了财报。", "The listed company published its results.", "zh-Hans", "en"),
        ("两家公司计划上市。", "Two companies plan listings.", "zh-Hans", "en"),
        ("这家公司已上市。", "The company has listed.", "zh-Hans", "en"),
        ("알리페이 상장 계획은 없다.", "There are no plans to list Alipay.", "ko", "en"),
        ("마이미소금융서비스는 상장을 추진한다.", "Ant Financial plans to go public.", "ko", "en"),
        ("미국 소비자들이 애플페이를 쓴다.", "American consumers use Apple Pay.", "ko", "en"),
        ("한국 기업 두 곳이 참여했다.", "Two Korean companies took part.", "ko", "en"),
        ("호주 정부는 환영했다.", "The Australian government welcomed it.", "ko", "en"),
        ("영국 은행들", "British banks", "ko", "en"),
        ("전자상거래 업체들의 자회사", "the subsidiaries of e-commerce companies", "ko", "en"),
        ("제3자 결제서비스 시장", "the market for third-party payments", "ko", "en"),
        ("Two companies merged in China.", "두 회사가 중국에서 합병했다.", "en", "ko"),
        ("매출이 2배 늘었다.", "Sales doubled.", "ko", "en"),
        ("Alipay's sales doubled in Australia.", "알리페이의 호주 매출이 2배 늘었다.", "en", "ko"),
    ],
)
def test_correct_news_sentences_raise_nothing(concepts, source, target, source_lang, target_lang):
    assert check(concepts, source, target, source_lang, target_lang) == []


@pytest.mark.parametrize(
    ("source", "target", "source_lang", "target_lang", "check_name", "severity"),
    [
        # names stay critical
        ("알리페이는 호주에 진출했다.", "The service entered Australia.", "ko", "en",
         "term-missing", Severity.CRITICAL),
        ("마윈 회장이 말했다.", "The chairman said.", "ko", "en",
         "term-missing", Severity.CRITICAL),
        ("余额宝的规模", "the size of Balance Treasure", "zh-Hans", "en",
         "term-forbidden", Severity.CRITICAL),
        # a common word left out is shown for information (news often implies the country)
        ("중국 시장에 진출했다.", "It entered the market.", "ko", "en",
         "term-missing", Severity.INFO),
        ("알리페이 상장 계획", "Alipay's expansion plans", "ko", "en",
         "term-missing", Severity.INFO),
    ],
)  # fmt: skip
def test_real_errors_are_still_caught(
    concepts, source, target, source_lang, target_lang, check_name, severity
):
    issues = check(concepts, source, target, source_lang, target_lang)
    assert (check_name, severity) in [(i.check, i.severity) for i in issues]


def test_every_common_word_accepts_its_english_adjective_or_verb(concepts):
    generic = [c for c in concepts if GENERIC_MARK in c.note]
    assert {c.preferred("en") for c in generic} >= {"China", "United States", "listing"}
    # a common word with one English form would flag every "Chinese", "listed", "subsidiaries"
    assert all(len(c.forms("en")) > 1 for c in generic), [
        c.preferred("en") for c in generic if len(c.forms("en")) == 1
    ]
    names = {"Alipay", "Jack Ma", "Yu'e Bao", "Ant Financial", "Alibaba", "Sydney"}
    assert not names & {c.preferred("en") for c in generic}


def test_without_the_generic_ids_a_missing_term_is_critical(concepts):
    issues = check_segment(
        "중국 시장", "the market", source_lang="ko", target_lang="en",
        matcher=TermMatcher(concepts, "ko", "en"),
    )  # fmt: skip
    assert [(i.check, i.severity) for i in issues] == [("term-missing", Severity.CRITICAL)]


def test_generic_concepts_reads_the_note(tmp_path: Path):
    with Termbase(tmp_path / "g.db") as termbase:
        load_curated(termbase, CURATED_GLOSSARY)
        ids = generic_concepts(termbase.concepts())
        keys = {c.origin for c in termbase.concepts() if c.id in ids}
    assert {"china", "listing", "australia"} <= keys
    assert not {"alipay", "jack-ma", "ant-financial", "yuebao"} & keys
