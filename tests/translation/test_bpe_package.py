"""Old Argos packages use Moses + BPE (bpe.model): they translate like SentencePiece ones."""

from __future__ import annotations

from pathlib import Path

from support.tiny_bpe_package import build_bpe_copy_package, learn_bpe
from translation.engine import Engine
from translation.packages import read_package

LINES = [
    "Alipay signed a partnership with Paybang.",
    "The company said on Wednesday that growth would continue.",
    "Australian banks raised $15 million from investors (South Korea).",
]


def test_bpe_learning_merges_the_most_frequent_pair_first():
    codes = learn_bpe(["low", "low", "low", "lower"], merges=2)
    assert codes == [("l", "o"), ("lo", "w</w>")]  # a word-final w: "low" is a whole word


def test_a_bpe_package_is_recognised_and_translates(tmp_path: Path):
    folder = build_bpe_copy_package(tmp_path / "packages")
    package = read_package(folder)
    assert package.tokenizer_path.name == "bpe.model"
    out = Engine(tmp_path / "packages").translate(LINES, "en", "ko")
    assert out == LINES
