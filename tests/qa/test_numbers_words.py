"""Figures said in words: Korean native numbers, multiples, half, basis points, currencies."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qa.checks import Severity, check_segment
from qa.numbers import FigureKind, compare_figures, extract_figures


def found(source: str, source_lang: str, target: str, target_lang: str) -> list[tuple[str, str]]:
    return [
        (issue.kind, issue.message)
        for issue in compare_figures(source, source_lang, target, target_lang)
    ]


@pytest.mark.parametrize(
    ("source", "source_lang", "target", "target_lang"),
    [
        ("두 회사가 합병했다.", "ko", "Two companies merged.", "en"),
        ("Two companies merged.", "en", "두 회사가 합병했다.", "ko"),
        ("세 명이 구속됐다.", "ko", "Three people were arrested.", "en"),
        ("Four banks joined.", "en", "네 곳의 은행이 참여했다.", "ko"),
        ("열두 개 도시에 매장을 열었다.", "ko", "It opened stores in twelve cities.", "en"),
        ("두 시간 동안 회의했다.", "ko", "They met for two hours.", "en"),
        ("매출이 두 배로 늘었다.", "ko", "Sales doubled.", "en"),
        ("스무 살 청년", "ko", "a twenty-year-old", "en"),
        ("다섯 나라 정상이 만났다.", "ko", "Leaders of five countries met.", "en"),
        ("한두 곳을 더 검토한다.", "ko", "It is reviewing a few more sites.", "en"),
        ("两家公司合并。", "zh-Hans", "Two companies merged.", "en"),
        ("两国领导人会晤。", "zh-Hans", "The leaders of the two countries met.", "en"),
        ("매출이 2배 늘었다.", "ko", "Sales doubled.", "en"),
        ("매출이 2배 늘었다.", "ko", "Sales rose twofold.", "en"),
        ("이용자가 3배 증가했다.", "ko", "Users tripled.", "en"),
        ("이용자가 3배 증가했다.", "ko", "Users grew threefold.", "en"),
        ("이용자가 3배 증가했다.", "ko", "Users grew three times.", "en"),
        ("이용자가 3배 증가했다.", "ko", "Users grew 3-fold.", "en"),
        ("销售额增长两倍。", "zh-Hans", "Sales tripled.", "en"),
        ("销售额增长两倍。", "zh-Hans", "Sales doubled.", "en"),
        ("收入翻了一番。", "zh-Hans", "Revenue doubled.", "en"),
        ("交易额翻两番。", "zh-Hans", "Transactions quadrupled.", "en"),
        ("Profit doubled.", "en", "이익이 2배로 늘었다.", "ko"),
        ("시장 점유율은 50%에 달한다.", "ko", "Its market share is half.", "en"),
        ("점유율이 절반을 넘었다.", "ko", "Its share passed 50%.", "en"),
        ("一半的用户", "zh-Hans", "half of the users", "en"),
        ("销售额增长一倍。", "zh-Hans", "Sales doubled.", "en"),
        ("금리를 0.25%포인트 인하했다.", "ko", "It cut rates by 25 basis points.", "en"),
        ("It raised rates by 50bp.", "en", "금리를 0.5%포인트 올렸다.", "ko"),
        ("거래액은 10조원을 넘었다.", "ko", "Sales topped 10 trillion won.", "en"),
        (
            "거래액은 10조원, 수수료는 5조원이었다.",
            "ko",
            "Sales were 10 trillion won and fees 5 trillion.",
            "en",
        ),
        # words that look like native numbers and are not: tax, yes, open, did
        ("세 부담이 늘었다.", "ko", "The tax burden grew.", "en"),
        ("네 생각은 어떠냐", "ko", "What do you think?", "en"),
        ("매장을 열 계획이다.", "ko", "It plans to open a store.", "en"),
        ("열한 시에 만났다.", "ko", "They met in the late morning.", "en"),
        ("원유 2배럴", "ko", "two barrels of crude", "en"),
        # a loose English word is never an extra figure
        ("연 2회 배당한다.", "ko", "It pays dividends twice a year, 2 times.", "en"),
        ("그는 반신반의했다.", "ko", "He was half convinced.", "en"),
    ],
)
def test_correct_translations_raise_nothing(source, source_lang, target, target_lang):
    assert found(source, source_lang, target, target_lang) == []


@pytest.mark.parametrize(
    ("source", "source_lang", "target", "target_lang", "kind", "needle"),
    [
        ("두 달 동안 협상했다.", "ko", "They negotiated for three months.", "en", "mismatch", "두"),
        ("Two companies merged.", "en", "세 회사가 합병했다.", "ko", "mismatch", "Two"),
        ("세 명이 구속됐다.", "ko", "Four people were arrested.", "en", "mismatch", "세"),
        ("两家公司合并。", "zh-Hans", "Three companies merged.", "en", "mismatch", "两"),
        ("매출이 2배 늘었다.", "ko", "Sales tripled.", "en", "mismatch", "2배"),
        ("매출이 3배 늘었다.", "ko", "Sales rose.", "en", "missing", "3배"),
        ("매출이 두 배 늘었다.", "ko", "Sales tripled.", "en", "mismatch", "두"),
        ("세 시간 동안 회의했다.", "ko", "They met for two hours.", "en", "mismatch", "세"),
        ("收入翻了一番。", "zh-Hans", "Revenue tripled.", "en", "mismatch", "翻了一番"),
        ("시장 점유율은 50%다.", "ko", "Its market share is small.", "en", "missing", "50%"),
        ("금리를 0.25%포인트 인하했다.", "ko", "It cut rates by 50 bp.", "en", "mismatch", "0.25"),
        ("거래액은 10조원을 넘었다.", "ko", "Sales topped 10 trillion.", "en", "currency", "KRW"),
    ],
)
def test_real_errors_are_still_caught(source, source_lang, target, target_lang, kind, needle):
    issues = found(source, source_lang, target, target_lang)
    assert [k for k, _ in issues] == [kind]
    assert needle in issues[0][1]


def test_native_numbers_and_multiples_are_read_with_their_values():
    (two,) = extract_figures("두 회사가 합병했다.", "ko")
    assert (two.value, two.kind, two.text) == (Decimal(2), FigureKind.NUMBER, "두")
    (twelve,) = extract_figures("스물두 명", "ko")
    assert twelve.value == 22
    (triple,) = extract_figures("3배 늘었다", "ko")
    assert (triple.value, triple.kind) == (Decimal(3), FigureKind.MULTIPLE)
    (points,) = extract_figures("25 basis points", "en")
    assert (points.value, points.kind) == (Decimal("0.25"), FigureKind.PERCENT)
    assert extract_figures("한두 곳", "ko") == []  # a range is no figure


def test_severity_in_qa_a_dropped_currency_is_functional_a_wrong_count_critical():
    dropped = check_segment(
        "거래액은 10조원을 넘었다.", "Sales topped 10 trillion.", source_lang="ko", target_lang="en"
    )
    assert [(i.check, i.severity) for i in dropped] == [("number-currency", Severity.FUNCTIONAL)]
    wrong = check_segment(
        "두 달 동안 협상했다.",
        "They negotiated for three months.",
        source_lang="ko",
        target_lang="en",
    )
    assert [(i.check, i.severity) for i in wrong] == [("number-mismatch", Severity.CRITICAL)]
    assert (
        check_segment(
            "Two companies merged.", "두 회사가 합병했다.", source_lang="en", target_lang="ko"
        )
        == []
    )
