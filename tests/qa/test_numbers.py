"""Figures read from Korean, Chinese and English text, and compared across a translation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.numbers import FigureKind, compare_figures, extract_figures, parse_han_number


def one(text: str, lang: str):
    figures = extract_figures(text, lang)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "lang", "value", "currency"),
    [
        ("3조8729억 위안", "ko", "3872900000000", "CNY"),
        ("약 692조원", "ko", "692000000000000", "KRW"),
        ("10조원 이상", "ko", "10000000000000", "KRW"),
        ("2억 5천만 명", "ko", "250000000", ""),
        ("1,500만 달러", "ko", "15000000", "USD"),
        ("1500만 달러의", "ko", "15000000", "USD"),
        ("5천 명", "ko", "5000", ""),
        ("3.8729", "ko", "3.8729", ""),
        ("38729亿元", "zh-Hans", "3872900000000", "CNY"),
        ("3.8729万亿元", "zh-Hans", "3872900000000", "CNY"),
        ("1500萬美元", "zh-Hant", "15000000", "USD"),
        ("3兆8729億元", "zh-Hant", "3872900000000", "CNY"),
        ("3.8729 trillion yuan", "en", "3872900000000", "CNY"),
        ("$15 million", "en", "15000000", "USD"),
        ("US$1.5bn", "en", "1500000000", "USD"),
        ("$15m", "en", "15000000", "USD"),
        ("15 mln dollars", "en", "15000000", "USD"),
        ("692 trillion won", "en", "692000000000000", "KRW"),
        ("five million euros", "en", "5000000", "EUR"),
        ("a million people", "en", "1000000", ""),
        ("100만 명", "ko", "1000000", ""),
        ("RMB 3.87 trillion", "en", "3870000000000", "CNY"),
    ],
)
def test_amounts_are_read_with_their_units_and_currency(text, lang, value, currency):
    figure = one(text, lang)
    assert figure.value == Decimal(value)
    assert figure.currency == currency
    assert figure.kind == FigureKind.NUMBER


@pytest.mark.parametrize(
    ("text", "lang", "kind", "value"),
    [
        ("약 50%", "ko", FigureKind.PERCENT, 50),
        ("50퍼센트", "ko", FigureKind.PERCENT, 50),
        ("50 per cent", "en", FigureKind.PERCENT, 50),
        ("3.5%포인트", "ko", FigureKind.PERCENT, 3.5),
        ("3.5 percentage points", "en", FigureKind.PERCENT, 3.5),
        ("百分之五十", "zh-Hans", FigureKind.PERCENT, 50),
        ("6번째 지사", "ko", FigureKind.ORDINAL, 6),
        ("두번째 투자", "ko", FigureKind.ORDINAL, 2),
        ("제3자 결제", "ko", FigureKind.ORDINAL, 3),
        ("its sixth office", "en", FigureKind.ORDINAL, 6),
        ("the 19th", "en", FigureKind.ORDINAL, 19),
        ("第六家", "zh-Hans", FigureKind.ORDINAL, 6),
        ("19일 보도했다", "ko", FigureKind.DAY, 19),
        ("지난 4월", "ko", FigureKind.MONTH, 4),
        ("in April", "en", FigureKind.MONTH, 4),
        ("2014년", "ko", FigureKind.YEAR, 2014),
        ("오후 3시", "ko", FigureKind.TIME, 15 * 60),
        ("3 p.m.", "en", FigureKind.TIME, 15 * 60),
        ("twenty-five", "en", FigureKind.NUMBER, 25),
    ],
)
def test_kinds_percent_ordinal_date_time(text, lang, kind, value):
    figure = one(text, lang)
    assert (figure.kind, figure.value) == (kind, Decimal(str(value)))


def test_spans_point_at_the_figure_in_the_text():
    text = "총 결제규모도 3조8729억 위안(약 692조원)에 육박했다."
    first, second = extract_figures(text, "ko")
    assert text[first.start : first.end] == "3조8729억 위안"
    assert text[second.start : second.end] == "692조원"


def test_dates_split_into_year_month_day():
    kinds = [(f.kind, int(f.value)) for f in extract_figures("입력 2014-11-19 11:00", "ko")]
    assert kinds == [
        (FigureKind.YEAR, 2014),
        (FigureKind.MONTH, 11),
        (FigureKind.DAY, 19),
        (FigureKind.TIME, 660),
    ]
    english = [(f.kind, int(f.value)) for f in extract_figures("on Nov. 19, 2014", "en")]
    assert english == [(FigureKind.MONTH, 11), (FigureKind.DAY, 19), (FigureKind.YEAR, 2014)]


def test_words_that_only_look_like_numbers_are_not_figures():
    assert extract_figures("统一 万一 三星 一步", "zh-Hans") == []
    # 하루 is one day (so "24 hours" in a target is no extra figure), trivial like "one"
    found = extract_figures("단 하루만에 1년 만에 백화점", "ko")
    assert [(f.text, f.trivial) for f in found] == [("하루", True), ("1", True)]
    assert extract_figures("They won the vote and may win again", "en") == []
    assert extract_figures("5兆瓦", "zh-Hans")[0].value == 5  # mega, not trillion


def test_chinese_numerals():
    assert parse_han_number("三万八千七百二十九") == 38729
    assert parse_han_number("两千") == 2000
    assert parse_han_number("十一") == 11


def issues(source, target, source_lang="ko", target_lang="en"):
    return [
        (i.kind, i.source and i.source.text, i.target and i.target.text)
        for i in compare_figures(source, source_lang, target, target_lang)
    ]


def test_the_classic_unit_errors_are_mismatches():
    source = "총 결제규모도 3조8729억 위안(약 692조원)에 육박했다."
    good = "total payments neared 3.8729 trillion yuan (about 692 trillion won)."
    bad = "total payments neared 38.729 billion yuan (about 692 trillion won)."
    assert issues(source, good) == []
    assert issues(source, bad) == [("mismatch", "3조8729억 위안", "38.729 billion yuan")]
    assert issues("1500만 달러의 투자", "a $15 million investment") == []
    assert issues("1500만 달러의 투자", "a $1.5 million investment") == [
        ("mismatch", "1500만 달러", "$1.5 million")
    ]


def test_missing_extra_and_currency():
    assert issues("약 50%를 차지하며", "holds a dominant share") == [("missing", "50%", None)]
    assert issues("6번째 지사", "its sixth office, opened at 9 a.m.") == [("extra", None, "9 a.m.")]
    assert issues("10조원", "10 trillion dollars") == [
        ("mismatch", "10조원", "10 trillion dollars")
    ]
    assert issues("10조 매출", "10 trillion won in sales") == []  # one side names no currency


def test_dates_ordinals_and_trivial_ones():
    assert issues("징지찬카오바오가 19일 보도했다", "the paper reported on Nov. 19") == []
    assert issues("지난 13일", "on the 13th") == []
    assert issues("19일 보도했다", "reported on Nov. 18") == [("mismatch", "19일", "18")]
    assert issues("지난 1년간", "over the past year") == []
    assert issues("제3자 결제서비스", "third-party payment services") == []
    assert issues("두번째 투자", "its second investment") == []
    assert issues("총 6개", "six in total") == []
    assert issues("총 6개", "seven in total") == [("mismatch", "6", "seven")]


def test_rounding_is_accepted_only_to_two_significant_digits():
    assert issues("3조8729억 위안", "3.87 trillion yuan") == []
    assert issues("3조8729억 위안", "4 trillion yuan") == [
        ("mismatch", "3조8729억 위안", "4 trillion yuan")
    ]


def test_english_to_korean_and_chinese():
    assert issues("a $15 million Series B", "1500만 달러의 시리즈B", "en", "ko") == []
    assert issues("a $15 million Series B", "150만 달러의 시리즈B", "en", "ko") == [
        ("mismatch", "$15 million", "150만 달러")
    ]
    assert issues("3.8729 trillion yuan on Nov. 19", "11月19日3.8729万亿元", "en", "zh-Hans") == []
    assert issues("a million users", "100만 명의 사용자", "en", "ko") == []


def test_chinese_to_english():
    assert issues("总额达3.8729万亿元", "totalled 3.8729 trillion yuan", "zh-Hans") == []
    assert issues("第六家海外分公司", "its sixth overseas office", "zh-Hans") == []
    assert issues("第六家海外分公司", "its fifth overseas office", "zh-Hans") == [
        ("mismatch", "第六", "fifth")
    ]


ALPHABET = "0123456789,.:%$₩ 조억만천백십万亿兆千百十一二三六第月日년월일번째원달러위안元 -abmnkth"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40), lang=st.sampled_from(["ko", "zh-Hans", "en"]))
def test_any_text_gives_figures_whose_spans_are_their_text(text, lang):
    figures = extract_figures(text, lang)
    for figure in figures:
        assert text[figure.start : figure.end] == figure.text
    assert [f.start for f in figures] == sorted(f.start for f in figures)
    assert compare_figures(text, lang, text, lang) == []  # a text always agrees with itself
