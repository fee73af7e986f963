"""The tiny copy package is a real Argos package and really copies its input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import ctranslate2
import sentencepiece as spm

from support.tiny_package import SEED_ARTICLE


def _copy_translate(package: Path, lines: list[str]) -> list[str]:
    processor = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", compute_type="int8")
    batch = [processor.encode(line, out_type=str) for line in lines]
    results = translator.translate_batch(batch, beam_size=2, max_decoding_length=512)
    return [processor.decode(result.hypotheses[0]) for result in results]


def test_article_lines_come_back_unchanged(tiny_packages_dir: Path):
    lines = [line.strip() for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    package = tiny_packages_dir / "translate-ko_en-1_0"
    assert _copy_translate(package, lines) == lines


def test_unseen_characters_survive_through_byte_fallback(tiny_packages_dir: Path):
    # Not in the tokenizer's training text: an emoji, Cyrillic, a rare hanzi.
    lines = ["Привет 🙂 from 鱻 and ½ cup."]
    assert _copy_translate(tiny_packages_dir / "translate-en_zh-1_0", lines) == lines


def test_packages_have_argos_layout(tiny_packages_dir: Path):
    folders = sorted(p.name for p in tiny_packages_dir.iterdir())
    assert folders == ["translate-en_zh-1_0", "translate-ko_en-1_0"]
    for folder in tiny_packages_dir.iterdir():
        metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
        assert {"package_version", "argos_version", "from_code", "to_code"} <= set(metadata)
        assert (folder / "model" / "model.bin").is_file()
        assert (folder / "model" / "config.json").is_file()
        assert (folder / "sentencepiece.model").is_file()


def test_argos_itself_reads_the_package(tiny_packages_dir: Path):
    from argostranslate.package import Package  # the light module, not argostranslate.translate

    package = Package(tiny_packages_dir / "translate-ko_en-1_0")
    assert (package.from_code, package.to_code) == ("ko", "en")
    assert package.tokenizer.encode("알리페이") != []


def test_argosmodel_has_one_top_folder(tiny_argosmodel: Path):
    with zipfile.ZipFile(tiny_argosmodel) as archive:
        tops = {name.split("/")[0] for name in archive.namelist()}
        assert tops == {"translate-zh_en-1_0"}
        assert "translate-zh_en-1_0/model/model.bin" in archive.namelist()
