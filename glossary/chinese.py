"""Simplified/traditional Chinese conversion through OpenCC's own dictionaries."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import opencc


@lru_cache(maxsize=2)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """Phrase-aware traditional -> simplified (for forms stored in the glossary)."""
    return _converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Phrase-aware simplified -> traditional (for forms stored in the glossary)."""
    return _converter("s2t").convert(text)


@lru_cache(maxsize=1)
def _char_table() -> dict[int, str]:
    # OpenCC's phrase conversion may change a text's length; matching needs positions that stay
    # put, so segments are folded character by character with OpenCC's one-to-one character table.
    path = Path(opencc.__file__).resolve().parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        first = targets.split(" ")[0] if targets else ""
        if len(source) == 1 and len(first) == 1:
            table[ord(source)] = first
    return table


def fold_to_simplified(text: str) -> str:
    """Traditional characters replaced by their simplified form, one for one (same length)."""
    return text.translate(_char_table())


def script_variants(text: str) -> list[str]:
    """text and its simplified and traditional conversions, without repeats."""
    out = [text]
    for converted in (to_simplified(text), to_traditional(text)):
        if converted not in out:
            out.append(converted)
    return out


# Company names that are also common words, and the neighbours that give the common word away:
# 苹果 is Apple Inc. in business news but the fruit in 吃苹果, 一斤苹果, 苹果汁, 苹果树.
_OTHER_SENSE = {
    "苹果": ("吃个斤颗筐箱袋红青烂削摘种啃", "汁树园派酱醋干皮核片味酒籽"),
}


def other_sense(text: str, start: int, end: int) -> bool:
    """True when the (simplified) form at text[start:end] is, by its neighbours, the common
    word rather than the name: 吃苹果, 苹果汁."""
    clues = _OTHER_SENSE.get(text[start:end])
    if clues is None:
        return False
    before, after = clues
    return (start > 0 and text[start - 1] in before) or (end < len(text) and text[end] in after)
