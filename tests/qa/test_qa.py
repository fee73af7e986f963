"""QA checks on a bilingual segment: terms, forbidden renderings, figures, form."""

from __future__ import annotations

import pytest

from glossary.matching import TermMatcher
from glossary.store import Concept, Term, TermKind
from qa.checks import QAIssue, Severity, check_document, check_segment, forbidden_renderings

CONCEPTS = [
    Concept(
        id=7,
        terms=[
            Term("ko", "알리페이"),
            Term("en", "Alipay"),
            Term("en", "Ali Pay", TermKind.FORBIDDEN),
            Term("en", "Pay Treasure", TermKind.FORBIDDEN),
        ],
    ),
    Concept(
        id=8,
        terms=[
            Term("ko", "마이미소금융"),
            Term("en", "Ant Financial Services Group"),
            Term("en", "Ant Financial", TermKind.VARIANT),
            Term("en", "Ant Group", TermKind.FORBIDDEN),
        ],
    ),
    Concept(id=9, terms=[Term("ko", "중국"), Term("en", "China")]),
]
SOURCE = "현재 알리페이는 중국 내 모바일 결제시장의 약 50%를 차지하고 있다."
GOOD = "Alipay currently holds about 50% of the mobile payment market in China."


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(CONCEPTS, "ko", "en")


def check(target: str, matcher, source: str = SOURCE) -> list[QAIssue]:
    return check_segment(
        source,
        target,
        source_lang="ko",
        target_lang="en",
        matcher=matcher,
        forbidden=forbidden_renderings(CONCEPTS, "en"),
    )


def checks(issues: list[QAIssue]) -> list[tuple[str, Severity]]:
    return [(i.check, i.severity) for i in issues]


def test_a_correct_translation_has_no_issue(matcher):
    assert check(GOOD, matcher) == []


def test_missing_term_is_critical_and_points_at_the_source(matcher):
    [issue] = check(GOOD.replace("Alipay", "The service"), matcher)
    assert (issue.check, issue.severity) == ("term-missing", Severity.CRITICAL)
    assert SOURCE[slice(*issue.source_span)] == "알리페이"
    assert "Alipay" in issue.message


def test_forbidden_rendering_is_critical_whatever_its_case(matcher):
    issues = check(GOOD.replace("Alipay", "ALI PAY"), matcher)
    assert checks(issues) == [
        ("term-missing", Severity.CRITICAL),
        ("term-forbidden", Severity.CRITICAL),
    ]
    forbidden = issues[1]
    assert "use 'Alipay'" in forbidden.message
    assert GOOD.replace("Alipay", "ALI PAY")[slice(*forbidden.target_span)] == "ALI PAY"


def test_forbidden_is_a_whole_word_match(matcher):
    # "Ant Group" inside "Giant Groupon" is no rendering of the concept
    assert check(GOOD + " Giant Groupon agreed.", matcher) == []


def test_a_variant_satisfies_the_term_and_case_matters_only_cosmetically(matcher):
    source = "마이미소금융은 투자했다."
    assert check("Ant Financial invested.", matcher, source) == []
    assert checks(check("ant financial invested.", matcher, source)) == [
        ("term-case", Severity.COSMETIC)
    ]


@pytest.mark.parametrize(
    ("target", "check_name"),
    [
        (GOOD.replace("50%", "15%"), "number-mismatch"),
        (GOOD.replace("about 50% of", "about a third of"), "number-mismatch"),
    ],
)
def test_wrong_figures_are_critical(matcher, target, check_name):
    assert (check_name, Severity.CRITICAL) in checks(check(target, matcher))


@pytest.mark.parametrize(
    "target",
    [
        GOOD.replace("about 50% of", "a dominant share of"),
        GOOD.replace("50%", "50"),  # a percent is no bare number
    ],
)
def test_a_dropped_figure_is_functional_not_critical(matcher, target):
    # CRITICAL means the check is sure a figure is wrong; a figure gone is worth a look
    assert ("number-missing", Severity.FUNCTIONAL) in checks(check(target, matcher))


def test_added_figure_is_functional_and_a_bare_missing_day_informational(matcher):
    source = "지난 13일 알리페이는 중국에서 발표했다."
    assert check("On Nov. 13, Alipay announced it in China.", matcher, source) == []
    # the story's own day, which English news often leaves to context
    assert checks(check("Alipay recently announced it in China.", matcher, source)) == [
        ("number-missing", Severity.INFO)
    ]
    assert checks(check("Alipay announced it in China on Friday.", matcher, source)) == [
        ("number-date", Severity.INFO)
    ]
    assert checks(check("On the 13th, Alipay announced 3 plans in China.", matcher, source)) == [
        ("number-extra", Severity.FUNCTIONAL)
    ]


def test_empty_and_untranslated(matcher):
    assert checks(check("", matcher)) == [("empty", Severity.FUNCTIONAL)]
    assert ("untranslated", Severity.FUNCTIONAL) in checks(check(SOURCE, matcher))
    left = check(GOOD.replace("mobile payment", "모바일 결제"), matcher)
    assert checks(left) == [("untranslated", Severity.FUNCTIONAL)]
    assert "모바일" in left[0].message
    # a hanja gloss in a Korean target is deliberate
    gloss = check_segment(
        "支付宝推出余额宝。",
        "알리페이(支付寶)가 위어바오를 내놓았다.",
        source_lang="zh-Hans",
        target_lang="ko",
    )
    assert gloss == []
    # a segment that is only a name or a figure is the same in both languages
    assert check_segment("V-Key", "V-Key", source_lang="ko", target_lang="en") == []


@pytest.mark.parametrize(
    "target",
    [
        GOOD.replace("about 50%", "(about 50%"),
        GOOD.replace("about 50%", "[about 50%"),
        GOOD.replace("Alipay", "“Alipay"),
        GOOD.replace("Alipay", '"Alipay'),
        GOOD.replace("Alipay", "‘Alipay"),
        GOOD.replace("Alipay", "「Alipay"),
        GOOD.replace("(", "") + ")",
    ],
)
def test_unbalanced_brackets_and_quotes_are_cosmetic(matcher, target):
    assert checks(check(target, matcher)) == [("brackets", Severity.COSMETIC)]


def test_apostrophes_are_not_quotes(matcher):
    target = "Alipay’s share, its investors’ pride: about 50% of the market in China."
    assert check(target, matcher) == []


def test_a_source_cut_inside_a_quote_does_not_blame_the_target(matcher):
    source = '알리페이 관계자는 "중국 시장에서 약 50%를'
    assert (
        check('An Alipay official said, "about 50% of the market in China', matcher, source) == []
    )


def test_spaces(matcher):
    assert checks(check(GOOD.replace(" of ", "  of "), matcher)) == [
        ("double-space", Severity.COSMETIC)
    ]
    assert checks(check(GOOD + " ", matcher)) == [("whitespace", Severity.COSMETIC)]
    assert checks(check(" " + GOOD, matcher)) == [("whitespace", Severity.COSMETIC)]


def test_issues_come_most_severe_first(matcher):
    target = "Ali Pay holds  about 15% of the market in China."
    severities = [i.severity for i in check(target, matcher)]
    assert severities == sorted(severities, key=list(Severity).index)
    assert severities[0] == Severity.CRITICAL and severities[-1] == Severity.COSMETIC


def test_keys_are_stable_across_positions_and_runs(matcher):
    first = check(GOOD.replace("50%", "15%"), matcher)[0]
    moved = check("In China, Alipay currently holds about 15% of the mobile market.", matcher)[0]
    assert first.key == moved.key
    assert first.target_span != moved.target_span
    other = check(GOOD.replace("50%", "16%"), matcher)[0]
    assert other.key != first.key


def test_check_document_numbers_segments(matcher):
    pairs = [(SOURCE, GOOD), (SOURCE, ""), (SOURCE, GOOD.replace("Alipay", "Pay Treasure"))]
    found = check_document(
        pairs,
        source_lang="ko",
        target_lang="en",
        matcher=matcher,
        forbidden=forbidden_renderings(CONCEPTS, "en"),
    )
    assert [(index, issue.check) for index, issue in found] == [
        (1, "empty"),
        (2, "term-missing"),
        (2, "term-forbidden"),
    ]
    assert all(issue.segment == index for index, issue in found)


def test_chinese_source(matcher):
    concepts = [Concept(id=1, terms=[Term("zh-Hans", "支付宝"), Term("en", "Alipay")])]
    zh = TermMatcher(concepts, "zh-Hans", "en")
    source = "支付宝占中国移动支付市场约50%。"
    ok = check_segment(
        source,
        "Alipay holds about 50% of the market.",
        source_lang="zh-Hans",
        target_lang="en",
        matcher=zh,
    )
    assert ok == []
    bad = check_segment(
        source,
        "Zhifubao holds about 50% of the market.",
        source_lang="zh-Hans",
        target_lang="en",
        matcher=zh,
    )
    assert checks(bad) == [("term-missing", Severity.CRITICAL)]


def test_a_mangled_character_in_the_target_is_critical():
    from qa.checks import Severity, check_segment

    issues = check_segment(
        "알리페이가 진출했다.", "Ali\ufffd entered.", source_lang="ko", target_lang="en"
    )
    [broken] = [i for i in issues if i.check == "broken-text"]
    assert broken.severity == Severity.CRITICAL and broken.target_span == (3, 4)
    clean = check_segment(
        "알리페이가 진출했다.", "Alipay entered.", source_lang="ko", target_lang="en"
    )
    assert not [i for i in clean if i.check == "broken-text"]
