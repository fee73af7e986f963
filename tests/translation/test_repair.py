"""Enforcement that repairs: packages that garble, drop or cut short names, through the engine."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

import main
from glossary.enforce import Strategy, claim, translate_with_glossary
from glossary.matching import TermMatcher
from glossary.model import Concept, Term
from support.tiny_package import (
    DROPPING,
    GARBLING,
    PLACEHOLDER_GARBLING,
    TRUNCATING,
    build_copy_package,
)
from translation.engine import Engine, Translation

ARTICLE_LINE = "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다. [사진=바이두]"


@pytest.fixture(scope="module")
def sentences():
    from bench.enforcement import DATA

    lines = (DATA / "term_sentences.ko.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def _packages(root: Path, sentencepiece: Path, garble: dict[str, str] | None) -> Path:
    build_copy_package(root, "ko", "en", sentencepiece_model=sentencepiece, garble=garble)
    build_copy_package(root, "en", "zh", sentencepiece_model=sentencepiece)
    return root


@pytest.fixture(scope="module")
def packages(tmp_path_factory, tiny_sentencepiece):
    """One packages folder per kind of fault (copy, garbling, dropping, truncating)."""
    kinds = {
        "copy": None,
        "garbling": GARBLING,
        "dropping": DROPPING,
        "truncating": TRUNCATING,
        "placeholders": PLACEHOLDER_GARBLING,
    }
    return {
        kind: _packages(tmp_path_factory.mktemp(kind), tiny_sentencepiece, garble)
        for kind, garble in kinds.items()
    }


def _run(folder: Path, texts, concepts, strategy=Strategy.INJECT, target="en", **kwargs):
    engine = Engine(folder)
    translate = functools.partial(engine.translate, source="ko", target=target)
    return translate_with_glossary(
        texts,
        translate,
        TermMatcher(concepts, "ko", target),
        strategy=strategy,
        source_lang="ko",
        target_lang=target,
        concepts=concepts,
        **kwargs,
    )


def _never_silently_wrong(segments, concepts, lang: str = "en") -> None:
    """Every term reported as placed has its own occurrence of an approved form."""
    from glossary.matching import TermMatch

    by_id = {c.id: c for c in concepts}
    for segment in segments:
        fake = [
            TermMatch(0, 0, t.source, t.concept_id, t.source, tuple(_accepted(by_id, t, lang)))
            for t in segment.terms
        ]
        claimed = claim(segment.text, fake)
        for concept_id in {t.concept_id for t in segment.terms if t.ok}:
            ok = sum(1 for t in segment.terms if t.ok and t.concept_id == concept_id)
            assert ok <= len(claimed[concept_id]), segment.text


def _accepted(by_id, term, lang):
    from glossary.model import TermKind

    concept = by_id[term.concept_id]
    return concept.forms(lang, TermKind.PREFERRED) + concept.forms(lang, TermKind.VARIANT)


def test_garbled_names_are_replaced_where_they_came_out(packages, curated_concepts):
    copy = _run(packages["copy"], [ARTICLE_LINE], curated_concepts)
    [segment] = _run(packages["garbling"], [ARTICLE_LINE], curated_concepts)
    # Particles, spaces and brackets exactly as the model that gets every name right has them
    assert segment.text == copy[0].text
    assert (
        segment.text
        == "Alibaba Alipay가 Australia에 6번째 글로벌 지사를 설립할 예정이다. [사진=Baidu]"
    )
    assert [(t.target, t.method, t.original) for t in segment.terms if t.method != "injected"] == [
        ("Alipay", "repaired", "Ali"),
        ("Australia", "repaired", "Auraralia"),
        ("Baidu", "repaired", "Bedu"),
    ]
    assert segment.ok
    info = json.loads(json.dumps(segment.info()))
    assert {
        "target": "Australia",
        "method": "repaired",
        "ok": True,
        "original": "Auraralia",
    }.items() <= info["terms"][2].items()


@pytest.mark.parametrize("kind", ["garbling", "dropping", "truncating"])
def test_every_term_of_the_article_and_sentences_is_placed(
    packages, curated_concepts, article_segments, sentences, kind
):
    for texts in (article_segments, sentences):
        reference = _run(packages["copy"], texts, curated_concepts)
        segments = _run(packages[kind], texts, curated_concepts)
        terms = [t for s in segments for t in s.terms]
        placed = sum(t.ok for t in terms)
        assert placed / len(terms) >= 0.95
        _never_silently_wrong(segments, curated_concepts)
        assert all(not s.forbidden_found for s in segments)
        # Repairs keep the sentence as the faultless model wrote it, wherever they were made
        # and a segment holds no break the fault made outside any term.
        same = sum(s.text == r.text for s, r in zip(segments, reference, strict=True))
        assert same >= len(segments) - 1
        for segment in segments:
            for term in segment.terms:
                if not term.ok:
                    assert term.method == "failed" and not segment.ok


def test_a_dropped_name_is_inserted_with_its_spacing(packages, curated_concepts):
    text = "시드니 현지 언론도 알리페이 호주 설립을 보도했다."
    [segment] = _run(packages["dropping"], [text], curated_concepts)
    assert segment.text == "Sydney 현지 언론도 Alipay Australia 설립을 보도했다."
    [sydney] = [t for t in segment.terms if t.target == "Sydney"]
    assert (sydney.method, sydney.original, sydney.ok) == ("repaired", "", True)


def test_an_output_cut_short_is_decoded_again_from_the_approved_form(packages, curated_concepts):
    engine = Engine(packages["truncating"])
    calls: list[list[str]] = []

    def resume(items, **kwargs):
        calls.append([prefix for _, prefix in items])
        return engine.resume(items, **kwargs)

    def translate(texts, **kwargs):
        outputs = engine.translate(texts, "ko", "en", **kwargs)
        for output in outputs:
            output.resume = resume
        return outputs

    texts = ["알리바바 알리페이가 호주에 지사를 세운다.", "마윈 회장이 말했다."]
    segments = translate_with_glossary(
        texts,
        translate,
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert segments[0].text == "Alibaba Alipay가 Australia에 지사를 세운다."
    assert [t.method for t in segments[0].terms] == ["injected", "injected", "re-decoded"]
    # Only the segment that needed it was decoded again, once, from the approved form
    assert calls == [["Alibaba Alipay가 Australia"]]
    assert segments[1].ok and [t.method for t in segments[1].terms] == ["injected"]


def test_a_second_decode_can_be_cancelled(packages, curated_concepts):
    from translation.engine import Cancelled

    engine = Engine(packages["truncating"])
    state = {"decoded": False}

    def translate(texts, **kwargs):
        outputs = engine.translate(texts, "ko", "en", **{**kwargs, "cancel": None})
        state["decoded"] = True
        return outputs

    with pytest.raises(Cancelled):
        translate_with_glossary(
            ["알리페이가 호주에 간다."],
            translate,
            TermMatcher(curated_concepts, "ko", "en"),
            source_lang="ko",
            target_lang="en",
            concepts=curated_concepts,
            cancel=lambda: state["decoded"],
        )


@pytest.mark.parametrize("hop", ["first", "second"])
def test_a_pivot_repairs_what_either_hop_garbled(
    tmp_path, tiny_sentencepiece, curated_concepts, hop
):
    # ko → en → zh: the attention of the two hops is composed into one from ko to zh
    folder = tmp_path / "pivot"
    garble = {"额": ""}
    build_copy_package(
        folder,
        "ko",
        "en",
        sentencepiece_model=tiny_sentencepiece,
        garble=garble if hop == "first" else None,
    )
    build_copy_package(
        folder,
        "en",
        "zh",
        sentencepiece_model=tiny_sentencepiece,
        garble=garble if hop == "second" else None,
    )
    text = "알리페이가 위어바오(餘額寶)를 내놓았다. 마윈은 위어바오에 투자했다."
    [segment] = _run(folder, [text], curated_concepts, target="zh-Hans")
    assert segment.text == "支付宝가 余额宝를 내놓았다. 马云은 余额宝에 투자했다."
    assert [(t.method, t.original) for t in segment.terms] == [
        ("injected", ""),
        ("repaired", "余宝"),
        ("injected", ""),
        ("repaired", "余宝"),
    ]


def test_the_engine_returns_its_alignment(packages):
    engine = Engine(packages["copy"])
    [output] = engine.translate(["Alipay가 Australia에 간다."], "ko", "en")
    assert isinstance(output, Translation) and output == "Alipay가 Australia에 간다."
    alignment = output.alignment
    # The copy model looks at source piece t at step t: the spans line up one for one.
    assert alignment.source_spans == alignment.target_spans
    assert alignment.points == list(range(len(alignment.target_spans)))


def test_without_an_alignment_a_similar_span_is_repaired_and_a_stub_flagged(curated_concepts):
    def garble(texts, **kwargs):
        return [t.replace("Australia", "Auraralia").replace("Alipay", "A") for t in texts]

    [segment] = translate_with_glossary(
        ["알리페이가 호주에 간다."],
        garble,
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert segment.text == "A가 Australia에 간다."
    assert [(t.target, t.method, t.ok, t.original) for t in segment.terms] == [
        ("Alipay", "failed", False, ""),
        ("Australia", "repaired", True, "Auraralia"),
    ]


def test_inline_tag_placeholders_are_never_rewritten(curated_concepts):
    # An inline tag travels as ⦗101⦘; a repair that found a term there must leave it be.
    def lose(texts, **kwargs):
        return [t.replace("Australia", "") for t in texts]

    [segment] = translate_with_glossary(
        ["호주⦗101⦘에 간다."],
        lose,
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert "⦗101⦘" in segment.text and not segment.ok
    assert [(t.method, t.ok) for t in segment.terms] == [("failed", False)]


def test_translate_json_reports_how_each_term_was_placed(tmp_path, packages, capsys):
    from glossary.store import Termbase

    termbase = Termbase(tmp_path / "glossary.db")
    termbase.add_concept(Concept(terms=[Term("ko", "호주"), Term("en", "Australia")]))
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))
    termbase.close()
    article = tmp_path / "one.txt"
    article.write_text("알리페이가 호주에 지사를 설립한다.\n", encoding="utf-8")
    argv = ["translate", str(article), "--from", "ko", "--to", "en", "--format", "json"]
    where = ["--packages", str(packages["garbling"]), "--glossary", str(tmp_path / "glossary.db")]
    assert main.main([*argv, *where]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["target"] == "Alipay가 Australia에 지사를 설립한다."
    terms = [
        {k: t[k] for k in ("target", "method", "ok", "original")} for t in row["glossary"]["terms"]
    ]
    assert terms == [
        {"target": "Alipay", "method": "repaired", "ok": True, "original": "Ali"},
        {"target": "Australia", "method": "repaired", "ok": True, "original": "Auraralia"},
    ]


def test_the_grid_tooltip_says_what_the_model_wrote(packages, curated_concepts):
    from types import SimpleNamespace

    from desktop.grid.segment_model import enforcement_tooltip

    [segment] = _run(packages["garbling"], [ARTICLE_LINE], curated_concepts)
    tooltip = enforcement_tooltip(SimpleNamespace(mt_info=segment.info()))
    assert "✓ 호주 → Australia (repaired: the model wrote “Auraralia”)" in tooltip
    assert "✓ 알리바바 → Alibaba (injected)" in tooltip
    [dropped] = _run(packages["dropping"], ["시드니 현지 언론"], curated_concepts)
    assert "✓ 시드니 → Sydney (repaired: inserted)" in enforcement_tooltip(
        SimpleNamespace(mt_info=dropped.info())
    )


def test_garbled_placeholders_are_repaired_without_a_second_pass(
    packages, curated_concepts, article_segments
):
    reference = _run(packages["copy"], article_segments, curated_concepts, Strategy.PLACEHOLDER)
    engine = Engine(packages["placeholders"])
    calls = []

    def translate(texts, **kwargs):
        calls.append(list(texts))
        return engine.translate(texts, "ko", "en", **kwargs)

    segments = translate_with_glossary(
        article_segments,
        translate,
        TermMatcher(curated_concepts, "ko", "en"),
        strategy=Strategy.PLACEHOLDER,
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert len(calls) == 1  # no segment fell back to a second, injecting decode
    assert [s.text for s in segments] == [s.text for s in reference]
    assert all(s.strategy == "placeholder" and s.ok for s in segments)
    repaired = [t for s in segments for t in s.terms if t.method == "repaired"]
    assert len(repaired) > 100 and {t.original for t in repaired} >= {"⦗1⦗", "⦗2⦗"}


def test_an_inline_tag_next_to_a_dropped_term_stays_whole(packages, curated_concepts):
    [segment] = _run(packages["dropping"], ["시드니⦗101⦘ 현지 언론"], curated_concepts)
    assert "⦗101⦘" in segment.text and segment.text.startswith("Sydney")


def test_repairs_work_through_inline_tags(packages, curated_concepts):
    from documents.inline import protecting_tags

    engine = Engine(packages["garbling"])
    translate = protecting_tags(functools.partial(engine.translate, source="ko", target="en"))
    [segment] = translate_with_glossary(
        ["알리페이가 ⟨1⟩호주⟨/1⟩에 ⟨2/⟩간다."],
        translate,
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    # Alipay came out as "Ali": only the alignment, carried through the tags, can tell
    assert segment.text == "Alipay가 ⟨1⟩Australia⟨/1⟩에 ⟨2/⟩간다."
    assert [(t.method, t.original) for t in segment.terms] == [
        ("repaired", "Ali"),
        ("repaired", "Auraralia"),
    ]


def test_an_alignment_that_cannot_be_read_costs_no_translation(curated_concepts, caplog):
    class Odd(str):
        alignment = SimpleNamespace(source_spans=((0, 1),), target_spans=(), weights=[[1.0]])

    def translate(texts, **kwargs):
        return [Odd(t.replace("Australia", "Auraralia")) for t in texts]

    [segment] = translate_with_glossary(
        ["호주에 간다."],
        translate,
        TermMatcher(curated_concepts, "ko", "en"),
        source_lang="ko",
        target_lang="en",
        concepts=curated_concepts,
    )
    assert segment.text == "Auraralia에 간다." and not segment.ok
    assert [(t.method, t.ok) for t in segment.terms] == [("failed", False)]
