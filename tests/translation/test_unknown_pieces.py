"""A piece the model cannot spell comes through as the source wrote it, at no cost to the rest.

Many real packages have no byte fallback: a rare hanja or a name in a script the training
text lacked is an unknown piece on both sides, and the model writes <unk> for it. The source
piece it attended to most takes its place (CTranslate2's replace_unknowns); that needs the
attention, which costs every decode, so it is asked for only for the outputs that hold one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sentencepiece as spm

from support.tiny_package import build_copy_package, train_sentencepiece, training_lines
from translation.engine import Engine, EngineOptions

RARE = "알리페이는 齉鼻 문제를 발표했다."  # 齉 and 鼻 are in no training line
PLAIN = ["알리페이가 호주에 지사를 설립한다.", "마윈 회장이 말했다."]


class _Recording:
    def __init__(self, translator) -> None:
        self.translator = translator
        self.calls: list[dict] = []

    def translate_batch(self, batch, **kwargs):
        self.calls.append({"batch": batch, **kwargs})
        return self.translator.translate_batch(batch, **kwargs)


@pytest.fixture(scope="module")
def no_fallback(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("no-fallback")
    model = train_sentencepiece(folder / "sp.model", training_lines(), byte_fallback=False)
    processor = spm.SentencePieceProcessor(model_file=str(model))
    assert processor.unk_id() in processor.encode(RARE)  # the premise: 齉 is unknown
    packages = folder / "packages"
    build_copy_package(packages, "ko", "en", sentencepiece_model=model)
    return packages


def _engine(packages: Path) -> tuple[Engine, _Recording]:
    engine = Engine(packages, EngineOptions(idle_unload_s=0))
    engine.translate(["가"], "ko", "en")  # loads the model
    [model] = engine._models.values()
    recording = _Recording(model.translator)
    model.translator = recording
    return engine, recording


def test_a_character_the_model_cannot_spell_comes_through_as_written(no_fallback):
    engine, recording = _engine(no_fallback)
    translations = engine.translate([*PLAIN, RARE], "ko", "en")
    assert translations == [*PLAIN, RARE]  # 齉鼻 copied, not "⁇"
    first, again = recording.calls
    assert not first["replace_unknowns"]  # the batch is decoded without attention
    # only the output with an unknown piece is decoded again, its pieces forced
    assert again["replace_unknowns"] and len(again["batch"]) == 1


def test_outputs_without_an_unknown_piece_are_decoded_once(no_fallback):
    engine, recording = _engine(no_fallback)
    assert engine.translate(PLAIN, "ko", "en") == PLAIN
    assert len(recording.calls) == 1 and not recording.calls[0]["replace_unknowns"]
