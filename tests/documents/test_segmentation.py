"""Sentence segmentation as a translator sees it: the sample article, hard ko/zh/en cases."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import paths
from documents.segmentation import SourceSegment, count_words, segment_document, split_sentences


@pytest.fixture(scope="module")
def article() -> list[SourceSegment]:
    return segment_document(paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"), "ko")


def _paragraph(segments: list[SourceSegment], index: int) -> list[str]:
    return [segment.text for segment in segments if segment.paragraph == index]


def _paragraph_starting(segments: list[SourceSegment], start: str) -> list[str]:
    found = {s.paragraph for s in segments if s.text.startswith(start)}
    assert len(found) == 1, f"no single paragraph starts with {start!r}"
    return _paragraph(segments, found.pop())


# --- the sample article ---------------------------------------------------------------------


def test_article_paragraphs_are_its_non_empty_lines(article):
    lines = [line for line in paths.SAMPLE_ARTICLE.read_text(encoding="utf-8").splitlines() if line]
    assert max(s.paragraph for s in article) == len(lines) - 1
    for index, line in enumerate(lines):
        assert " ".join(_paragraph(article, index)) == line


def test_article_headline_with_ellipsis_and_quotes_is_one_sentence(article):
    assert _paragraph(article, 0) == [
        "'하루 10조 매출' 알리바바, 6번째 '알리페이' 지사는 호주...\"세계로 가자\""
    ]


def test_article_subheadlines_keep_their_ellipses(article):
    assert _paragraph_starting(article, "알리바바 관계사") == [
        "알리바바 관계사 마이미소금융, 호주에 알리페이 지사 설립 선언...미국, 한국 등 6번째"
    ]
    assert len(_paragraph_starting(article, "알리바바 알리페이, 최근")) == 1


def test_article_first_body_paragraph_is_one_sentence(article):
    first = _paragraph_starting(article, "아주경제 김근정 기자 =")
    assert len(first) == 1
    assert first[0].endswith("거침없는 가속 페달을 밟고 있다.")


def test_article_quote_paragraph_splits_after_the_quotation_sentence(article):
    assert _paragraph_starting(article, "마이미소금융은") == [
        '마이미소금융은 "V-key의 과련 기술은 이미 전세계적으로 광범위하게 사용되고 있다"면서 '
        '"향후 알리페이, 알리페이월렛, 위어바오(餘額寶) 등 모바일 및 인터넷 금융 사업에 적극 '
        '응용할 계획"이라고 밝혔다.',
        "위어바오는 알리바바가 야심차게 내놓은 온라인 머니마켓펀드(MMF) 상품을 말한다.",
    ]


def test_article_photo_credits_stay_with_their_caption(article):
    captions = [s.text for s in article if "[사진=바이두]" in s.text]
    assert len(captions) == 2
    assert (
        captions[0]
        == "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다. [사진=바이두]"
    )
    assert all(not s.text.startswith("[") for s in article)


def test_article_last_paragraph_keeps_the_big_figure_whole(article):
    assert _paragraph_starting(article, "현재 알리페이는") == [
        "현재 알리페이는 중국 내 모바일 결제시장의 약 50%를 차지하며 압도적인 우위를 점하고 있다.",
        "지난 1년간 알리페이의 중국 내 총 결제규모도 3조8729억 위안(약 692조원)에 육박했다.",
    ]


def test_article_three_sentence_paragraph(article):
    sentences = _paragraph_starting(article, "이는 경쟁사의")
    assert len(sentences) == 3
    assert sentences[2].startswith('실제로 알리페이 관계자는 "이번 협력으로')


def test_article_sentence_ending_in_a_noun_phrase(article):
    assert _paragraph_starting(article, "지난 13일")[1] == (
        "알리페이를 운영하고 있는 미소금융그룹이 중국 내 아이폰 사용자의 "
        "애플페이 이용을 지원하겠다는 것."
    )


# --- Korean -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '그는 "오늘은 쉰다. 내일 간다"고 말했다. 그러나 다음날 떠났다.',
            ['그는 "오늘은 쉰다. 내일 간다"고 말했다.', "그러나 다음날 떠났다."],
        ),
        (
            '그가 말했다. "오늘은 쉰다. 내일 간다." 그러나 떠났다.',
            ["그가 말했다.", '"오늘은 쉰다. 내일 간다."', "그러나 떠났다."],
        ),
        (
            "회사는 「새 전략. 더 큰 시장」을 발표했다. 주가는 올랐다?! 정말이에요.",
            ["회사는 「새 전략. 더 큰 시장」을 발표했다.", "주가는 올랐다?!", "정말이에요."],
        ),
        (
            "(본사는 항저우다. 1999년 설립됐다.) 알리바바는 성장했다.",
            ["(본사는 항저우다. 1999년 설립됐다.)", "알리바바는 성장했다."],
        ),
        ("실적이 좋았다.그러나 주가는 떨어졌다.", ["실적이 좋았다.", "그러나 주가는 떨어졌다."]),
        ("이유는 무엇일까? 아무도 모른다...", ["이유는 무엇일까?", "아무도 모른다..."]),
        ("매출은 3조8729억 위안. 약 692조원이다.", ["매출은 3조8729억 위안.", "약 692조원이다."]),
        ("지사 설립 선언... 미국, 한국 등 6번째", ["지사 설립 선언... 미국, 한국 등 6번째"]),
        (
            "V-key에 1500만 달러를 투자했다. (사진=연합뉴스)",
            ["V-key에 1500만 달러를 투자했다. (사진=연합뉴스)"],
        ),
        ("'눈길' ...글로벌 시장 도약 위한 '전략'", ["'눈길' ...글로벌 시장 도약 위한 '전략'"]),
        # A Latin abbreviation followed by hangul goes on with the sentence.
        (
            "미국 U.S. 달러 기준이다. Mr. Ma는 말했다.",
            ["미국 U.S. 달러 기준이다.", "Mr. Ma는 말했다."],
        ),
        ("애플 Inc. 주가가 올랐다. 존 F. 케네디", ["애플 Inc. 주가가 올랐다.", "존 F. 케네디"]),
        ("그는 미국에 갔다. U.S. 정부는 답했다.", ["그는 미국에 갔다.", "U.S. 정부는 답했다."]),
    ],
)
def test_korean(text, expected):
    assert split_sentences(text, "ko") == expected


# --- Chinese ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "zh-Hans",
            "阿里巴巴宣布设立子公司。此前，支付宝已在美国设立分支机构！规模达3.8729万亿元；你知道吗？",
            [
                "阿里巴巴宣布设立子公司。",
                "此前，支付宝已在美国设立分支机构！",
                "规模达3.8729万亿元；",
                "你知道吗？",
            ],
        ),
        (
            "zh-Hans",
            "马云说：“我们要走向世界。我们会成功。”随后他离开了。",
            ["马云说：“我们要走向世界。我们会成功。”", "随后他离开了。"],
        ),
        ("zh-Hans", "“太好了！”他说。大家都笑了。", ["“太好了！”他说。", "大家都笑了。"]),
        (
            "zh-Hant",
            "馬雲表示：「我們要走向世界。」隨後離開。『這是什麼？』他問道。",
            ["馬雲表示：「我們要走向世界。」", "隨後離開。", "『這是什麼？』他問道。"],
        ),
        (
            "zh-Hans",
            "支付宝（Alipay。阿里巴巴旗下）成立于2004年。网址是www.alipay.com，金额为1,500元。",
            [
                "支付宝（Alipay。阿里巴巴旗下）成立于2004年。",
                "网址是www.alipay.com，金额为1,500元。",
            ],
        ),
        ("zh-Hans", "增长很快…… 市场还在扩大。", ["增长很快……", "市场还在扩大。"]),
        ("zh-Hans", "他来了! 然后走了.", ["他来了!", "然后走了."]),
        (
            "zh-Hans",
            "以U.S.美元计价. 苹果Inc. 的股价上涨了。",
            ["以U.S.美元计价.", "苹果Inc. 的股价上涨了。"],
        ),
    ],
)
def test_chinese(lang, text, expected):
    assert split_sentences(text, lang) == expected


# --- English ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5. The U.S. economy grew 3.8729 percent.",
            [
                "Mr. Smith met Dr. Jones at 3 p.m. on Jan. 5.",
                "The U.S. economy grew 3.8729 percent.",
            ],
        ),
        (
            "Apple Inc. said it sold 1,500 units for $15m. Shares rose.",
            ["Apple Inc. said it sold 1,500 units for $15m.", "Shares rose."],
        ),
        (
            "He moved to the U.S. He then joined Acme Co. in 2010.",
            ["He moved to the U.S.", "He then joined Acme Co. in 2010."],
        ),
        ("Sales of Acme Ltd. The board met.", ["Sales of Acme Ltd.", "The board met."]),
        (
            "John F. Kennedy spoke. J. K. Rowling wrote.",
            ["John F. Kennedy spoke.", "J. K. Rowling wrote."],
        ),
        (
            "See e.g. the report, i.e. the big one. Done.",
            ["See e.g. the report, i.e. the big one.", "Done."],
        ),
        (
            "Visit www.example.com/a.html. Mail info@example.co.kr for details. It is 3.5 vs. 4.5.",
            [
                "Visit www.example.com/a.html.",
                "Mail info@example.co.kr for details.",
                "It is 3.5 vs. 4.5.",
            ],
        ),
        (
            '"We will go. They will stay," she said. "Really?" he asked.',
            ['"We will go. They will stay," she said.', '"Really?" he asked.'],
        ),
        (
            "It ranked No. 1 in Nov. The rest followed.",
            ["It ranked No. 1 in Nov.", "The rest followed."],
        ),
        ("Wait... What happened? Nothing!!", ["Wait...", "What happened?", "Nothing!!"]),
        (
            "The workers' union said it's over. The '90s were good. Then 'boom. bust' years came.",
            [
                "The workers' union said it's over.",
                "The '90s were good.",
                "Then 'boom. bust' years came.",
            ],
        ),
        (
            "The rest (see p. 5. Or not) followed. Yes.",
            ["The rest (see p. 5. Or not) followed.", "Yes."],
        ),
        ("1. Introduction", ["1. Introduction"]),
        (
            "Mrs. Lee and Prof. Kim arrived. St. Louis was cold.",
            ["Mrs. Lee and Prof. Kim arrived.", "St. Louis was cold."],
        ),
    ],
)
def test_english(text, expected):
    assert split_sentences(text, "en") == expected


# --- contract ---------------------------------------------------------------------------------


def test_blank_paragraph_has_no_sentences():
    assert split_sentences("  \t ", "ko") == []
    assert segment_document("\n\n  \n", "en") == []


def test_paragraph_numbers_skip_blank_lines():
    segments = segment_document("First one. Second one.\n\n\nThird one.\r\n", "en")
    assert [(s.text, s.paragraph) for s in segments] == [
        ("First one.", 0),
        ("Second one.", 0),
        ("Third one.", 1),
    ]


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    assert split_sentences('그는 "오늘 간다고 했다. 다음날 떠났다.', "ko") == [
        '그는 "오늘 간다고 했다.',
        "다음날 떠났다.",
    ]


def test_not_a_string_is_refused():
    with pytest.raises(TypeError, match="needs a str"):
        split_sentences(None, "ko")  # type: ignore[arg-type]


_TEXT = st.text(
    alphabet=st.sampled_from(list("가나다요 .?!\"'()「」“”。！？…,3 Mr.U.S.zhab")), max_size=80
)


@settings(max_examples=300, deadline=None)
@given(text=_TEXT, lang=st.sampled_from(["ko", "en", "zh-Hans"]))
def test_sentences_give_back_the_paragraph(text, lang):
    sentences = split_sentences(text, lang)
    assert all(s and s == s.strip() for s in sentences)
    squash = re.compile(r"\s+")
    assert squash.sub("", "".join(sentences)) == squash.sub("", text)


@settings(max_examples=200, deadline=None)
@given(
    figure=st.sampled_from(
        ["3조8729억", "3.8729", "1,500", "$15m", "(약 692조원. 추정)", '"가. 나."']
    ),
    lang=st.sampled_from(["ko", "en", "zh-Hans"]),
)
def test_figures_and_brackets_are_never_split(figure, lang):
    sentences = split_sentences(f"매출은 {figure} 이다. 다음 문장.", lang)
    assert [s for s in sentences if "매출" in s][0].startswith(f"매출은 {figure}")


def test_word_counts():
    # 알리페이 + 3 hanja + 즈푸바오 + the particle 가 after the bracket + 3조8729억 + 위안
    assert count_words("알리페이(支付寶 즈푸바오)가 3조8729억 위안") == 8
    assert count_words("V-key raised $15m, i.e. 1,500 units; don't 3.8729") == 8
    assert count_words("支付宝在澳大利亚设立子公司。") == 13
    assert count_words("  ... ") == 0
