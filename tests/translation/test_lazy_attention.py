"""Attention only where a repair reads it: the same translations and repairs as always asking."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

from glossary.enforce import Strategy, translate_with_glossary
from glossary.matching import TermMatcher
from support.tiny_package import DROPPING, GARBLING, TRUNCATING, build_copy_package
from translation.engine import Engine, EngineOptions

NEEDS_NO_REPAIR = "애플이 중국에서 말했다."
NEEDS_A_REPAIR = "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다. [사진=바이두]"


class _Counting:
    """A translator that counts the calls asking for attention; always=True asks every time
    (what the engine did before it decoded without attention)."""

    def __init__(self, translator, *, always: bool) -> None:
        self.translator = translator
        self.always = always
        self.with_attention = 0
        self.calls = 0

    def translate_batch(self, batch, **kwargs):
        self.calls += 1
        if self.always:
            kwargs["return_attention"] = True
        self.with_attention += bool(kwargs.get("return_attention"))
        return self.translator.translate_batch(batch, **kwargs)


def _engine(folder: Path, *, always: bool, batch: int = 32) -> tuple[Engine, _Counting]:
    engine = Engine(folder, EngineOptions(max_batch_size=batch, idle_unload_s=0))
    engine.translate(["가"], "ko", "en")  # loads the model
    [model] = engine._models.values()
    counting = _Counting(model.translator, always=always)
    model.translator = counting
    return engine, counting


def _enforce(engine: Engine, texts, concepts, strategy=Strategy.INJECT):
    return translate_with_glossary(
        texts,
        functools.partial(engine.translate, source="ko", target="en"),
        TermMatcher(concepts, "ko", "en"),
        strategy=strategy,
        source_lang="ko",
        target_lang="en",
        concepts=concepts,
    )


@pytest.fixture(scope="module")
def faulty(tmp_path_factory, tiny_sentencepiece):
    kinds = {"copy": None, "garbling": GARBLING, "dropping": DROPPING, "truncating": TRUNCATING}
    folders = {}
    for kind, garble in kinds.items():
        folder = tmp_path_factory.mktemp(kind)
        build_copy_package(
            folder, "ko", "en", sentencepiece_model=tiny_sentencepiece, garble=garble
        )
        folders[kind] = folder
    return folders


@pytest.mark.parametrize("kind", ["copy", "garbling", "dropping", "truncating"])
@pytest.mark.parametrize("batch", [32, 8])
def test_the_same_translations_and_repairs_as_with_attention_always(
    faulty, curated_concepts, article_segments, kind, batch
):
    texts = [NEEDS_NO_REPAIR, NEEDS_A_REPAIR, *article_segments]
    always, _ = _engine(faulty[kind], always=True, batch=batch)
    lazy, counting = _engine(faulty[kind], always=False, batch=batch)
    repaired = []
    for strategy in (Strategy.INJECT, Strategy.PLACEHOLDER):
        expected = _enforce(always, texts, curated_concepts, strategy)
        found = _enforce(lazy, texts, curated_concepts, strategy)
        assert [s.text for s in found] == [s.text for s in expected]
        assert [s.info() for s in found] == [s.info() for s in expected]
        repaired += [
            s for s in expected if any(t.method in ("repaired", "re-decoded") for t in s.terms)
        ]
    if kind == "copy":
        assert not repaired
        assert counting.with_attention == 0  # nothing to repair: never asked for
    else:
        assert repaired and counting.with_attention >= 1


def test_a_clean_segment_is_never_decoded_with_attention(faulty, curated_concepts):
    engine, counting = _engine(faulty["garbling"], always=False)
    [segment] = _enforce(engine, [NEEDS_NO_REPAIR], curated_concepts)
    assert segment.ok and {t.method for t in segment.terms} == {"injected"}
    assert (counting.calls, counting.with_attention) == (1, 0)


def test_a_repair_replays_its_batch_once_and_reads_the_same_attention(faulty):
    eager, _ = _engine(faulty["garbling"], always=True)
    lazy, counting = _engine(faulty["garbling"], always=False)
    texts = [NEEDS_NO_REPAIR, NEEDS_A_REPAIR, "Alipay가 Australia에 간다."]
    expected = eager.translate(texts, "ko", "en")
    found = lazy.translate(texts, "ko", "en")
    assert found == expected and counting.with_attention == 0
    assert all(output.hops[0].attention is None for output in found)
    for a, b in zip(found, expected, strict=True):
        assert [list(r) for r in a.hops[0].weights()] == [list(r) for r in b.hops[0].weights()]
    # One replay of the whole call gave every output its rows; from then on this model,
    # which needed a repair, returns attention with every decode.
    assert (counting.calls, counting.with_attention) == (2, 1)
    again = lazy.translate([NEEDS_A_REPAIR], "ko", "en")
    assert again[0].hops[0].attention is not None and counting.with_attention == 2
