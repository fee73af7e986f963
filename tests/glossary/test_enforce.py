"""Glossary enforcement around a translate function: inject, placeholders, repair, verify."""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

import pytest

from glossary.enforce import Strategy, translate_with_glossary
from glossary.matching import TermMatcher
from glossary.store import Concept, Term, TermKind
from translation.engine import Engine

CONCEPTS = [
    Concept(
        id=1,
        terms=[
            Term("ko", "알리페이"),
            Term("zh-Hant", "支付寶"),
            Term("en", "Alipay"),
            Term("en", "Ali Pay", TermKind.FORBIDDEN),
            Term("en", "Zhifubao", TermKind.FORBIDDEN),
        ],
    ),
    Concept(
        id=2,
        terms=[
            Term("ko", "알리바바"),
            Term("en", "Alibaba Group"),
            Term("en", "Alibaba", TermKind.VARIANT),
        ],
    ),
    Concept(
        id=3,
        terms=[
            Term("ko", "위어바오"),
            Term("en", "Yu'e Bao"),
            Term("en", "Yuebao", TermKind.FORBIDDEN),
        ],
    ),
    Concept(
        id=4,
        terms=[
            Term("ko", "마이미소금융"),
            Term("en", "Ant Financial Services Group"),
            Term("en", "Ant Financial", TermKind.FORBIDDEN),
        ],
    ),
    Concept(id=5, terms=[Term("ko", "중국"), Term("en", "China")]),
    Concept(
        id=6,
        terms=[
            Term("ko", "머니마켓펀드"),
            Term("ko", "MMF", TermKind.VARIANT),
            Term("en", "money market fund"),
            Term("en", "MMF", TermKind.VARIANT),
        ],
    ),
]


@pytest.fixture
def matcher() -> TermMatcher:
    return TermMatcher(CONCEPTS, "ko", "en")


class Recorder:
    """A translate function that rewrites its input and remembers how it was called."""

    def __init__(self, rewrite=lambda text: text, batch_size: int = 2) -> None:
        self.rewrite = rewrite
        self.batch_size = batch_size
        self.calls: list[dict] = []

    def __call__(self, texts, *, forbidden=(), on_batch=None, cancel=None):
        self.calls.append({"texts": list(texts), "forbidden": list(forbidden)})
        outputs = [self.rewrite(text) for text in texts]
        for start in range(0, len(texts), self.batch_size):
            indexes = list(range(start, min(start + self.batch_size, len(texts))))
            if on_batch:
                on_batch(indexes, [outputs[i] for i in indexes])
        return outputs


def run(texts, translate, matcher, strategy=Strategy.INJECT, **kwargs):
    return translate_with_glossary(
        texts,
        translate,
        matcher,
        strategy=strategy,
        source_lang="ko",
        target_lang="en",
        concepts=CONCEPTS,
        **kwargs,
    )


def test_inject_puts_the_approved_form_in_the_source_and_keeps_the_particle(matcher):
    translate = Recorder()
    [segment] = run(["알리바바 알리페이가 호주에 지사를 세운다."], translate, matcher)
    assert translate.calls[0]["texts"] == ["Alibaba Group Alipay가 호주에 지사를 세운다."]
    assert segment.ok
    assert [(t.concept_id, t.method, t.ok) for t in segment.terms] == [
        (2, "injected", True),
        (1, "injected", True),
    ]


def test_hanja_gloss_is_replaced_with_the_term(matcher):
    translate = Recorder()
    [segment] = run(["결제서비스 '알리페이(支付寶 즈푸바오)' 해외시장"], translate, matcher)
    assert "支付寶" not in translate.calls[0]["texts"][0]
    assert "'Alipay'" in segment.text
    assert segment.ok


def test_a_term_the_model_drops_is_flagged_never_silent(matcher):
    translate = Recorder(lambda text: text.replace("Alipay", "the service"))
    [segment] = run(["알리페이가 호주에 간다."], translate, matcher)
    assert not segment.ok
    assert [(t.target, t.method, t.ok) for t in segment.terms] == [("Alipay", "failed", False)]
    assert segment.info()["ok"] is False


def test_each_occurrence_needs_its_own_rendering(matcher):
    translate = Recorder(lambda text: text.replace("Alipay와 ", "", 1))
    [segment] = run(["알리페이와 알리페이가 경쟁한다."], translate, matcher)
    assert [t.ok for t in segment.terms] == [True, False]


def test_forbidden_renderings_are_blocked_then_repaired(matcher):
    translate = Recorder(lambda text: text.replace("Alipay", "Ali pay"))
    [segment] = run(["알리페이가 간다."], translate, matcher)
    forbidden = translate.calls[0]["forbidden"]
    assert {"Ali Pay", "Zhifubao"} <= set(forbidden)
    assert segment.text == "Alipay가 간다."
    assert [(t.method, t.ok) for t in segment.terms] == [("repaired", True)]
    assert segment.forbidden_found == []


@pytest.mark.parametrize("strategy", [Strategy.INJECT, Strategy.PLACEHOLDER])
def test_forbidden_forms_through_the_real_engine_come_out_clean(
    tiny_packages_dir: Path, matcher, strategy
):
    # The copy model keeps "Ali Pay" from the source, so blocking it forces the decoder
    # off its best piece: the text must stay readable, the form be repaired, the term met.
    engine = Engine(tiny_packages_dir)
    sources = ["알리페이, 즉 Ali Pay 결제는 호주에서 시작했다.", "알리페이(Ali Pay)가 간다."]
    segments = run(sources, partial(engine.translate, source="ko", target="en"), matcher, strategy)
    for segment in segments:
        assert "\ufffd" not in segment.text
        assert "Ali Pay" not in segment.text and "Alipay" in segment.text
        assert segment.ok and not segment.broken and segment.info()["broken"] is False
    assert segments[0].text == "Alipay, 즉 Alipay 결제는 호주에서 시작했다."


def test_broken_characters_in_a_translation_are_flagged(matcher):
    translate = Recorder(lambda text: text.replace("Alipay", "Alipay\ufffd"))
    [segment] = run(["알리페이가 간다."], translate, matcher)
    assert all(t.ok for t in segment.terms) and segment.forbidden_found == []
    assert segment.broken and not segment.ok
    assert segment.info()["broken"] is True and segment.info()["ok"] is False


def test_a_forbidden_form_inside_an_approved_one_is_not_blocked(matcher):
    translate = Recorder()
    [segment] = run(["마이미소금융은 투자했다."], translate, matcher)
    assert "Ant Financial" not in translate.calls[0]["forbidden"]
    assert segment.ok and segment.forbidden_found == []


def test_forbidden_of_a_concept_not_in_the_segment_is_reported(matcher):
    translate = Recorder(lambda text: text + " Yuebao")
    [segment] = run(["알리페이가 간다."], translate, matcher, forbidden=["Yuebao"])
    assert segment.forbidden_found == ["Yuebao"]
    assert not segment.ok


def test_a_source_form_left_in_the_output_is_repaired(matcher):
    translate = Recorder(lambda text: text.replace("Alipay", "알리페이"))
    [segment] = run(["알리페이가 간다."], translate, matcher)
    assert segment.text == "Alipay가 간다."
    assert [(t.method, t.ok) for t in segment.terms] == [("repaired", True)]


def test_leftover_repair_keeps_the_matchers_word_boundaries(matcher):
    # 중국인 (a Chinese person) is no occurrence of 중국 (China): it must not become China인
    translate = Recorder(lambda text: text.replace("China", "중국"))
    [segment] = run(["중국인들이 중국 쇼핑몰을 쓴다."], translate, matcher)
    assert segment.text == "중국인들이 China 쇼핑몰을 쓴다."
    assert [(t.method, t.ok) for t in segment.terms] == [("repaired", True)]


def test_a_source_term_already_in_target_form_is_left_alone(matcher):
    translate = Recorder()
    [segment] = run(["머니마켓펀드(MMF) 상품"], translate, matcher)
    assert translate.calls[0]["texts"] == ["money market fund(MMF) 상품"]
    assert segment.ok and len(segment.terms) == 2


def test_placeholders_are_restored(matcher):
    translate = Recorder()
    [segment] = run(["알리페이가 위어바오를 낸다."], translate, matcher, Strategy.PLACEHOLDER)
    prepared = translate.calls[0]["texts"][0]
    assert "알리페이" not in prepared and "위어바오" not in prepared
    assert segment.text == "Alipay가 Yu'e Bao를 낸다."
    assert [t.method for t in segment.terms] == ["placeholder", "placeholder"]


def test_a_lost_placeholder_falls_back_to_injection(matcher):
    translate = Recorder(lambda text: re.sub(r"⦗\d+⦘", "", text))
    reports: list[tuple[list[int], list]] = []
    segments = run(
        ["알리페이가 간다.", "날씨가 좋다.", "위어바오는 펀드다."],
        translate,
        matcher,
        Strategy.PLACEHOLDER,
        on_batch=lambda indexes, done: reports.append((indexes, done)),
    )
    # the second pass injects, and this translate function leaves plain words alone
    assert translate.calls[1]["texts"] == ["Alipay가 간다.", "Yu'e Bao는 펀드다."]
    assert [s.strategy for s in segments] == ["inject", "placeholder", "inject"]
    assert all(s.ok for s in segments)
    reported = sorted(i for indexes, _ in reports for i in indexes)
    assert reported == [0, 1, 2]  # each segment reported once, after its final pass


def test_none_is_plain_mt_with_verification(matcher):
    translate = Recorder()
    [segment] = run(["알리페이가 간다."], translate, matcher, Strategy.NONE)
    assert translate.calls[0]["texts"] == ["알리페이가 간다."]
    assert segment.text == "알리페이가 간다."
    assert [(t.method, t.ok) for t in segment.terms] == [("failed", False)]


def test_verification_is_case_sensitive_and_accepts_variants(matcher):
    [lower] = run(["알리페이"], Recorder(lambda text: "alipay"), matcher, Strategy.NONE)
    assert not lower.ok
    [variant] = run(["알리바바"], Recorder(lambda text: "Alibaba"), matcher, Strategy.NONE)
    assert variant.ok and variant.terms[0].method == "model"


def test_on_batch_reports_every_segment_and_info_is_json(matcher):
    reports = []
    texts = ["알리페이", "", "위어바오", "알리바바"]
    segments = run(texts, Recorder(), matcher, on_batch=lambda i, s: reports.append((i, s)))
    assert sorted(i for indexes, _ in reports for i in indexes) == [0, 1, 2, 3]
    assert len(segments) == 4 and segments[1].text == "" and segments[1].terms == []
    info = json.loads(json.dumps(segments[0].info()))
    assert info["terms"][0]["target"] == "Alipay" and info["strategy"] == "inject"


def test_without_a_matcher_it_is_plain_translation():
    segments = translate_with_glossary(
        ["알리페이"], Recorder(), None, source_lang="ko", target_lang="en"
    )
    assert segments[0].text == "알리페이" and segments[0].ok


# --- end to end: the curated glossary, the bundled article, the tiny copy package -------


@pytest.mark.parametrize("strategy", [Strategy.INJECT, Strategy.PLACEHOLDER])
def test_every_term_of_the_article_comes_through_the_real_engine(
    strategy, tiny_packages_dir, curated_concepts, article_segments
):
    import functools

    from translation.engine import Engine

    engine = Engine(tiny_packages_dir)
    matcher = TermMatcher(curated_concepts, "ko", "en")
    translate = functools.partial(engine.translate, source="ko", target="en")
    segments = translate_with_glossary(
        article_segments,
        translate,
        matcher,
        strategy=strategy,
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    terms = [term for segment in segments for term in segment.terms]
    assert len(terms) > 50  # the article is full of glossary terms
    assert [t for t in terms if not t.ok] == []
    for segment in segments:
        for term in segment.terms:
            assert term.target in segment.text
    alipay = next(s for s in segments if "Alipay가 Australia에 6번째" in s.text)
    assert alipay.ok


def test_a_term_broken_after_the_real_engine_is_flagged(
    tiny_packages_dir, curated_concepts, article_segments
):
    from translation.engine import Engine

    engine = Engine(tiny_packages_dir)

    def broken(index: int, text: str) -> str:
        return text.replace("Alipay", "Pay", 1) if index == 4 else text

    def breaking(texts, *, on_batch=None, **kwargs):
        """The engine, then a fault in segment 4, seen by on_batch and in the result alike."""

        def hook(indexes, outputs):
            on_batch(indexes, [broken(i, o) for i, o in zip(indexes, outputs, strict=True)])

        outputs = engine.translate(texts, "ko", "en", on_batch=hook if on_batch else None, **kwargs)
        return [broken(i, text) for i, text in enumerate(outputs)]

    segments = translate_with_glossary(
        article_segments,
        breaking,
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert [i for i, segment in enumerate(segments) if not segment.ok] == [4]
    assert [t.target for t in segments[4].terms if not t.ok] == ["Alipay"]


def test_a_pivot_pair_needs_no_special_case(tiny_packages_dir, curated_concepts):
    import functools

    from translation.engine import Engine

    engine = Engine(tiny_packages_dir)
    assert engine.route("ko", "zh-Hans").pivot
    translate = functools.partial(engine.translate, source="ko", target="zh-Hans")
    [segment] = translate_with_glossary(
        ["알리페이가 위어바오(餘額寶)를 내놓았다."],
        translate,
        TermMatcher(curated_concepts, "ko", "zh-Hans"),
        source_lang="ko",
        target_lang="zh-Hans",
        concepts=curated_concepts,
    )
    assert segment.ok
    assert segment.text.startswith("支付宝가 余额宝를")


@pytest.mark.parametrize("strategy", [Strategy.INJECT, Strategy.PLACEHOLDER])
def test_latin_terms_injected_into_chinese_do_not_run_together(strategy, curated_concepts):
    [segment] = translate_with_glossary(
        ["阿里巴巴在澳大利亚悉尼设立支付宝分公司。经济参考报19日报道。"],
        Recorder(),
        TermMatcher(curated_concepts, "zh-Hans", "en"),
        strategy=strategy,
        source_lang="zh-Hans",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert segment.text == (
        "Alibaba在Australia Sydney设立Alipay分公司。Economic Information Daily 19日报道。"
    )
    assert segment.ok


def test_cancel_reaches_the_engine(tiny_packages_dir, curated_concepts, article_segments):
    import functools

    from translation.engine import Cancelled, Engine

    engine = Engine(tiny_packages_dir)
    reports = []
    with pytest.raises(Cancelled):
        translate_with_glossary(
            article_segments,
            functools.partial(engine.translate, source="ko", target="en"),
            TermMatcher(curated_concepts, "ko", "en"),
            source_lang="ko",
            target_lang="en",
            on_batch=lambda indexes, done: reports.append(indexes),
            cancel=lambda: True,
        )
    assert reports == []


def test_a_verbal_noun_used_as_a_verb_is_left_to_the_model():
    concepts = [Concept(id=1, terms=[Term("ko", "상장"), Term("en", "listing")])]
    translate = Recorder()
    [segment] = translate_with_glossary(
        ["알리페이가 상장했다. 상장 계획"],
        translate,
        TermMatcher(concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=concepts,
    )
    # "listing했다" would garble the verb; the noun use is injected as before
    assert translate.calls[0]["texts"] == ["알리페이가 상장했다. listing 계획"]
    assert [(t.source, t.method) for t in segment.terms] == [("상장", "injected")]


def test_the_pre_check_never_hides_a_form_the_pattern_finds():
    from glossary.enforce import _may_hold
    from glossary.forms import find_form

    forms = ["Alipay", "Ant Financial", "ant financial", "Kelvin", "Sisi", "işte", "支付宝"]
    forms.append("A-shares")
    texts = [
        "ALIPAY가 Ant\n Financial과", "KELVIN 온도", "\u212aelvin", "SI\u017fI", "I\u0307\u015fte",
        "支付宝在", "a-SHARES", "Alipayment", "", "  ",
    ]  # fmt: skip
    for text in texts:
        for form in forms:
            for ignore_case in (False, True):
                if find_form(text, form, ignore_case=ignore_case):
                    assert _may_hold(text, form, ignore_case=ignore_case), (text, form)
