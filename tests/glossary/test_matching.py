"""Term matching: Korean particles and glosses, both Chinese scripts, English word forms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.curated import load_curated
from glossary.matching import TermMatcher
from glossary.store import Concept, Term, Termbase, TermKind
from paths import CURATED_GLOSSARY, SAMPLE_ARTICLE


@pytest.fixture(scope="module")
def concepts(tmp_path_factory: pytest.TempPathFactory) -> list[Concept]:
    path = tmp_path_factory.mktemp("glossary") / "glossary.db"
    with Termbase(path) as termbase:
        load_curated(termbase, CURATED_GLOSSARY)
        # Decoys: short words hidden inside longer names must not be found there.
        for ko, en in [("알리", "Ali"), ("페이", "pay"), ("바바", "baba"), ("금융", "finance")]:
            termbase.add_concept(Concept(terms=[Term("ko", ko), Term("en", en)]))
        return termbase.concepts()


def found(matcher: TermMatcher, text: str) -> list[tuple[str, str, str]]:
    matches = matcher.find(text)
    for match in matches:
        assert text[match.start : match.end] == match.text
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:], strict=False))
    return [(m.text, m.particle, m.target) for m in matches]


@pytest.fixture(scope="module")
def ko_en(concepts) -> TermMatcher:
    return TermMatcher(concepts, "ko", "en")


@pytest.mark.parametrize(
    ("text", "term", "particle", "target"),
    [
        ("알리페이가 밝혔다", "알리페이", "가", "Alipay"),
        ("알리페이의 상장", "알리페이", "의", "Alipay"),
        ("위어바오에 투자", "위어바오", "에", "Yu'e Bao"),
        ("징지찬카오바오는 보도했다", "징지찬카오바오", "는", "Economic Information Daily"),
        ("마윈(馬雲)이 말했다", "마윈(馬雲)", "이", "Jack Ma"),
        ("알리페이와 애플", "알리페이", "와", "Alipay"),
        ("알리페이를 운영", "알리페이", "를", "Alipay"),
        ("알리페이에서 결제", "알리페이", "에서", "Alipay"),
        ("알리페이로서 처음", "알리페이", "로서", "Alipay"),
        ("알리페이까지 진출", "알리페이", "까지", "Alipay"),
        ("알리페이에서는 아직", "알리페이", "에서는", "Alipay"),
        ("알리페이측은 부인했다", "알리페이", "측은", "Alipay"),
        ("마윈이라고 불렀다", "마윈", "이라고", "Jack Ma"),
        ("시드니행 항공편", "시드니", "행", "Sydney"),
        ("자회사인 알리", "자회사", "인", "subsidiary"),
        ("V-key에 투자", "V-key", "에", "V-Key"),
        ("Paybang과 협력", "Paybang", "과", "Paybang"),
        ("아이폰6가 들려", "아이폰6", "가", "iPhone 6"),
        ("'알리페이'", "알리페이", "", "Alipay"),
        ("“알리페이”는", "알리페이", "", "Alipay"),
        ("(알리페이)", "알리페이", "", "Alipay"),
        ("[사진=바이두]", "바이두", "", "Baidu"),
        ("3조8729억 위안(약 692조원)", "위안", "", "yuan"),
        ("100위안을 냈다", "위안", "을", "yuan"),
    ],
)
def test_korean_terms_with_particles_and_punctuation(ko_en, text, term, particle, target) -> None:
    assert found(ko_en, text)[0] == (term, particle, target)


@pytest.mark.parametrize(
    "text",
    [
        "페이스북이 발표했다",  # 페이 inside 페이스북
        "중국알리페이",  # no word boundary before the term
        "알리페이스 라는 회사",  # 스 is no particle
        "알리페이이 오류",  # 이 after a vowel is not the subject particle
        "마윈가 오류",  # 가 after a consonant is not either
        "중국인들의 쇼핑",  # 중국인 is a Chinese person
        "중국판 프라이데이",  # a compound, not China + particle
        "아이폰6s 출시",  # another product
        "애플TV 출시",
        "위안화폐",
    ],
)
def test_korean_terms_are_not_found_inside_other_words(ko_en, text) -> None:
    assert [
        m
        for m in found(ko_en, text)
        if m[2] in {"Alipay", "Jack Ma", "China", "iPhone 6", "Apple", "yuan", "pay"}
    ] == []


def test_decoys_inside_longer_names_stay_unmatched(ko_en) -> None:
    assert found(ko_en, "알리바바의 마이미소금융서비스") == [
        ("알리바바", "의", "Alibaba"),
        ("마이미소금융서비스", "", "Ant Financial"),
    ]
    assert found(ko_en, "알리 페이") == [("알리", "", "Ali"), ("페이", "", "pay")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("알리페이월렛을", [("알리페이월렛", "을", "Alipay Wallet")]),
        ("애플페이가", [("애플페이", "가", "Apple Pay")]),
        ("'알리페이 호주'를", [("알리페이 호주", "", "Alipay Australia")]),
        ("알리페이호주는", [("알리페이호주", "는", "Alipay Australia")]),
        ("애플 애플페이", [("애플", "", "Apple"), ("애플페이", "", "Apple Pay")]),
        ("제3자 결제 서비스와", [("제3자 결제 서비스", "와", "third-party payment service")]),
        ("제3자결제서비스", [("제3자결제서비스", "", "third-party payment service")]),
        (
            "머니마켓펀드(MMF)",
            [("머니마켓펀드", "", "money market fund"), ("MMF", "", "money market fund")],
        ),
    ],
)
def test_longest_match_wins(ko_en, text, expected) -> None:
    assert found(ko_en, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'알리페이(支付寶 즈푸바오)' 해외", ("알리페이(支付寶 즈푸바오)", "", "Alipay")),
        ("알리페이(支付寶 즈푸바오)를", ("알리페이(支付寶 즈푸바오)", "를", "Alipay")),
        ("마윈(马云)은", ("마윈(马云)", "은", "Jack Ma")),
        ("'마이(螞蟻)미소금융서비스'가", ("마이(螞蟻)미소금융서비스", "", "Ant Financial")),
        ("마이(螞蟻)미소금융서비스가", ("마이(螞蟻)미소금융서비스", "가", "Ant Financial")),
        ("위어바오 (餘額寶)에", ("위어바오 (餘額寶)", "에", "Yu'e Bao")),
        ("위어바오（餘額寶）에", ("위어바오（餘額寶）", "에", "Yu'e Bao")),
    ],
)
def test_a_hanja_gloss_belongs_to_the_term(ko_en, text, expected) -> None:
    assert found(ko_en, text) == [expected]


def test_a_parenthesis_that_is_no_gloss_stays_outside(ko_en) -> None:
    assert found(ko_en, "A주(내국인 전용) 상장") == [
        ("A주", "", "A-shares"),
        ("상장", "", "listing"),
    ]


@pytest.mark.parametrize("source", ["zh-Hans", "zh-Hant"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("支付宝钱包用户", [("支付宝钱包", "Alipay Wallet")]),
        ("支付寶錢包用戶", [("支付寶錢包", "Alipay Wallet")]),
        ("阿里巴巴旗下的支付寶", [("阿里巴巴", "Alibaba"), ("支付寶", "Alipay")]),
        ("螞蟻金服宣布", [("螞蟻金服", "Ant Financial")]),
        ("蚂蚁小微金融服务集团成立", [("蚂蚁小微金融服务集团", "Ant Financial")]),
        ("余额宝和餘額寶", [("余额宝", "Yu'e Bao"), ("餘額寶", "Yu'e Bao")]),
        ("据經濟參考報报道", [("經濟參考報", "Economic Information Daily")]),
        ("马云在光棍节", [("马云", "Jack Ma"), ("光棍节", "Singles' Day")]),
        ("iPhone 6发布", [("iPhone 6", "iPhone 6")]),
        ("iPhone 60发布", []),
        ("ＡＰＰＬＥ ＰＡＹ上线", [("ＡＰＰＬＥ ＰＡＹ", "Apple Pay")]),
    ],
)
def test_chinese_in_either_script(concepts, source, text, expected) -> None:
    matcher = TermMatcher(concepts, source, "en")
    assert [(t, target) for t, _, target in found(matcher, text)] == expected


@pytest.fixture(scope="module")
def en_ko(concepts) -> TermMatcher:
    return TermMatcher(concepts, "en", "ko")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Alipay's growth", [("Alipay", "'s", "알리페이")]),
        ("Alipay’s growth", [("Alipay", "’s", "알리페이")]),
        ("ALIPAY and alipay", [("ALIPAY", "", "알리페이"), ("alipay", "", "알리페이")]),
        ("the Alipay Wallet app", [("Alipay Wallet", "", "알리페이월렛")]),
        ("A-shares and an A-share", [("A-shares", "", "A주"), ("A-share", "", "A주")]),
        ("listed as A shares", [("A shares", "", "A주")]),
        ("two money market funds", [("money market funds", "", "머니마켓펀드")]),
        (
            "Alipays and Alipays' rivals",
            [("Alipays", "", "알리페이"), ("Alipays", "'", "알리페이")],
        ),
        ("a shares deal, an a-share", []),  # the article a, not the A of A-shares
        ("Ａ shares", [("Ａ shares", "", "A주")]),
        ("a V key deal", [("V key", "", "V-key")]),
        ("Yu’e Bao grew", [("Yu’e Bao", "", "위어바오")]),
        ("Singles' Day sales", [("Singles' Day", "", "솔로데이")]),
        ("Alipayment", []),
        ("an iPhone 6s", []),
        ("iPhone 6.", [("iPhone 6", "", "아이폰6")]),
    ],
)
def test_english_word_forms(en_ko, text, expected) -> None:
    assert found(en_ko, text) == expected


def test_targets_list_the_preferred_form_first_then_variants(concepts) -> None:
    match = TermMatcher(concepts, "en", "ko").find("Ant Financial")[0]
    assert match.targets[0] == "마이미소금융서비스"
    assert {"마이미소금융", "미소금융그룹"} <= set(match.targets[1:])
    assert TermMatcher(concepts, "ko", "zh-Hant").find("마윈")[0].targets == ("馬雲",)


def test_a_chinese_target_missing_in_one_script_comes_from_the_other() -> None:
    concept = Concept(id=1, terms=[Term("ko", "위어바오"), Term("zh-Hans", "余额宝")])
    assert TermMatcher([concept], "ko", "zh-Hant").find("위어바오")[0].targets == ("餘額寶",)
    assert TermMatcher([concept], "ko", "en").find("위어바오")[0].targets == ()


def test_forbidden_forms_are_never_matched_in_a_source() -> None:
    concept = Concept(id=1, terms=[Term("en", "Alipay"), Term("en", "Ali Pay", TermKind.FORBIDDEN)])
    assert TermMatcher([concept], "en", "ko").find("Ali Pay") == []


def test_a_large_glossary_still_finds_the_right_terms(concepts) -> None:
    many = list(concepts) + [
        Concept(id=100000 + n, terms=[Term("ko", f"가상용어{n}"), Term("en", f"term {n}")])
        for n in range(20000)
    ]
    matcher = TermMatcher(many, "ko", "en")
    assert found(matcher, "가상용어19999와 알리페이가") == [
        ("가상용어19999", "와", "term 19999"),
        ("알리페이", "가", "Alipay"),
    ]


# What a translator marks in the first paragraphs of the sample article: (term, particle).
ARTICLE = {
    0: [("알리바바", ""), ("알리페이", ""), ("호주", "")],
    2: [
        ("알리바바", ""),
        ("관계사", ""),
        ("마이미소금융", ""),
        ("호주", "에"),
        ("알리페이", ""),
        ("미국", ""),
        ("한국", ""),
    ],
    3: [("알리바바", ""), ("알리페이", ""), ("애플", ""), ("애플페이", "")],
    4: [("알리바바", ""), ("알리페이", "가"), ("호주", "에"), ("바이두", "")],
    5: [
        ("아주경제", ""),
        ("김근정", ""),
        ("솔로데이", ""),
        ("전자상거래", ""),
        ("알리바바", "가"),
        ("제3자 결제서비스", ""),
        ("알리페이(支付寶 즈푸바오)", ""),
    ],
    6: [
        ("알리바바", "의"),
        ("마이(螞蟻)미소금융서비스", ""),
        ("마이미소금융", ""),
        ("호주", ""),
        ("시드니", "에"),
        ("알리페이", ""),
        ("자회사", "인"),
        ("알리페이 호주", ""),
        ("알리페이", "가"),
        ("징지찬카오바오(經濟參考報)", "가"),
    ],
    7: [("알리페이 호주", ""), ("호주", ""), ("Paybang", "과"), ("중국", ""), ("호주", "")],
}


@pytest.mark.parametrize("number", sorted(ARTICLE))
def test_the_sample_article(ko_en, number) -> None:
    paragraphs = [line for line in SAMPLE_ARTICLE.read_text("utf-8").splitlines() if line.strip()]
    text = paragraphs[number]
    matches = ko_en.find(text)
    assert [(m.text, m.particle) for m in matches] == ARTICLE[number]
    # Spans point at the terms where they stand, in order.
    cursor = 0
    for match in matches:
        cursor = text.index(match.text, cursor)
        assert match.start == cursor
        cursor = match.end
    # 솔로데이'에서: the quote ends the term, so 에서 is not its particle.
    if number == 5:
        assert text[matches[2].end] == "'"


def test_an_empty_glossary_finds_nothing() -> None:
    assert TermMatcher([], "ko", "en").find("알리페이가") == []


PIECES = [
    "알리페이",
    "알리바바",
    "마윈",
    "(馬雲)",
    "(支付寶 즈푸바오)",
    "가",
    "의",
    "에서는",
    " ",
    "'",
    "페이스북",
    "Alipay",
    "’s",
    "V-key",
    "支付宝",
    "錢包",
    "  ",
    "\u3000",
    "（",
    "）",
    "İ",
    "ß",
    "3조",
    ".",
    "\n",
    "애플페이",
    "(",
    ")",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25), st.sampled_from(["ko", "zh-Hant", "en"]))
def test_spans_always_point_into_the_segment(concepts, pieces, source) -> None:
    text = "".join(pieces)
    matches = TermMatcher(concepts, source, "en").find(text)
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert text[match.end : match.end + len(match.particle)] == match.particle
    assert all(
        a.end + len(a.particle) <= b.start for a, b in zip(matches, matches[1:], strict=False)
    )


def test_english_plurals_and_hyphenated_compounds() -> None:
    concepts = [
        Concept(id=1, terms=[Term("en", "iPhone"), Term("ko", "아이폰")]),
        Concept(id=2, terms=[Term("en", "Alipay"), Term("ko", "알리페이")]),
    ]
    matcher = TermMatcher(concepts, "en", "ko")
    assert found(matcher, "two iPhones and an Alipay-backed fund") == [
        ("iPhones", "", "아이폰"),  # the plural s is part of the term's span
        ("Alipay", "", "알리페이"),
    ]
    assert found(matcher, "iPhoneography") == []


# --- terms in real text: spacing variants, predicates, homographs (issue 13) -----------------


@pytest.fixture(scope="module")
def curated_ko(tmp_path_factory: pytest.TempPathFactory) -> TermMatcher:
    """The curated glossary alone (no 알리/페이 decoys), plus verbal nouns given as verbs."""
    path = tmp_path_factory.mktemp("curated") / "glossary.db"
    with Termbase(path) as termbase:
        load_curated(termbase, CURATED_GLOSSARY)
        for ko, en in [("투자하다", "invest"), ("발표하다", "announce"), ("체포", "arrest")]:
            termbase.add_concept(Concept(terms=[Term("ko", ko), Term("en", en)]))
        return TermMatcher(termbase.concepts(), "ko", "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("알리 페이가 밝혔다", [("알리 페이", "가", "Alipay")]),
        ("'알리 페이 호주'는", [("알리 페이 호주", "", "Alipay Australia")]),
        ("알리페이호주는", [("알리페이호주", "는", "Alipay Australia")]),
        ("알리페이 호주를", [("알리페이 호주", "를", "Alipay Australia")]),
        ("제3자 결제 서비스를", [("제3자 결제 서비스", "를", "third-party payment service")]),
        ("제3자결제서비스", [("제3자결제서비스", "", "third-party payment service")]),
    ],
)
def test_korean_spacing_variants_match(curated_ko, text, expected) -> None:
    assert [m for m in found(curated_ko, text) if m[2] != "China"] == expected


@pytest.mark.parametrize(
    ("text", "term", "tail"),
    [
        ("알리페이가 내년에 상장했다", "상장", "했다"),
        ("상장할 계획이다", "상장", "할"),
        ("상장한다고 밝혔다", "상장", "한다고"),
        ("이미 상장된 기업", "상장", "된"),
        ("상장 계획", "상장", ""),
        ("상장을 미뤘다", "상장", "을"),
    ],
)
def test_a_verbal_noun_is_found_as_a_verb(curated_ko, text, term, tail) -> None:
    assert (term, tail, "listing") in found(curated_ko, text)


def test_real_news_predicates_and_units(curated_ko) -> None:
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "park-news-dev-predicates.tsv"
    rows = [line.split("\t") for line in fixture.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(rows) == 7
    for _line, sentence, term, tail in rows:
        assert (term, tail) in [(m[0], m[1]) for m in found(curated_ko, sentence)], sentence


def test_a_lookalike_eojeol_is_no_predicate(curated_ko) -> None:
    # 중국해 (the China Sea) is one noun to the analyser, not 중국 + 하다
    assert [m for m in found(curated_ko, "남중국해 중국해에서 훈련") if m[2] == "China"] == []
    assert found(curated_ko, "중국한테 말했다")[0] == ("중국", "한테", "China")


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("3조8729억 위안(약 692조원)", True),
        ("57억1000만위안을 소유한", True),
        ("수억 위안을 투자", True),
        ("위안 약세가 이어졌다", True),
        ("위안의 국제화가 빠르게 진행되고 있다.", True),
        ("위안화 결제", True),
        ("큰 위안을 얻었다", False),
        ("위안이 되었다", False),
        ("가족에게서 위안과 용기를 받았다", False),
    ],
)
def test_yuan_the_currency_is_told_from_comfort(curated_ko, text, yuan) -> None:
    assert any(m[2] == "yuan" for m in found(curated_ko, text)) is yuan


@pytest.mark.parametrize(
    ("text", "apple"),
    [
        ("苹果发布了新款iPhone", True),
        ("美国苹果公司的股价", True),
        ("苹果和支付宝合作", True),
        ("我每天吃一个苹果", False),
        ("一杯苹果汁", False),
        ("他种了三棵苹果树", False),
    ],
)
def test_apple_the_company_is_told_from_the_fruit(concepts, text, apple) -> None:
    matcher = TermMatcher(concepts, "zh-Hans", "en")
    assert any(m.target == "Apple" for m in matcher.find(text)) is apple


def test_a_predicate_match_says_so(curated_ko) -> None:
    [verb] = [m for m in curated_ko.find("알리페이가 상장했다") if m.target == "listing"]
    [noun] = [m for m in curated_ko.find("알리페이의 상장을") if m.target == "listing"]
    assert (verb.particle, verb.predicate) == ("했다", True)
    assert (noun.particle, noun.predicate) == ("을", False)


def test_qa_takes_a_verb_use_as_a_hint_only() -> None:
    from qa.checks import check_segment

    concepts = [Concept(id=1, terms=[Term("ko", "인수"), Term("en", "acquisition")])]
    matcher = TermMatcher(concepts, "ko", "en")
    pair = {"source_lang": "ko", "target_lang": "en", "matcher": matcher}
    verb = check_segment("알리바바가 회사를 인수했다.", "Alibaba acquired the company.", **pair)
    noun = check_segment("알리바바의 인수 계획", "Alibaba's plan", **pair)
    assert [(i.check, i.severity.name) for i in verb if i.check == "term-missing"] == [
        ("term-missing", "INFO")
    ]
    assert [(i.check, i.severity.name) for i in noun if i.check == "term-missing"] == [
        ("term-missing", "CRITICAL")
    ]
