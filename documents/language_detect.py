"""Guess a source text's language (ko, zh-Hans, zh-Hant, ja, en) from the scripts it uses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from opencc import OpenCC

_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SAMPLE = 20000  # characters looked at: enough for a verdict, fast on a long document


@dataclass(frozen=True)
class LanguageGuess:
    """A language code, how sure the guess is (0 to 1) and the evidence in words."""

    code: str
    confidence: float
    reason: str


def detect_language(text: str, default: str = "ko") -> LanguageGuess:
    """The language the text is mostly written in; default when there are no letters at all.

    Korean news quotes hanja names (마윈(馬雲)) and English brand names, Chinese news quotes
    Latin abbreviations: so hangul decides Korean even at a modest share, and Han without
    hangul or kana decides Chinese; the script (Simplified or Traditional) is whichever
    spelling the characters already use.
    """
    sample = text[:_SAMPLE]
    hangul = len(_HANGUL.findall(sample))
    han = len(_HAN.findall(sample))
    kana = len(_KANA.findall(sample))
    latin_words = len(re.findall(r"[A-Za-z\u00c0-\u024f]{2,}", sample))
    # One Han character carries about a word; a hangul syllable about a third of one.
    weights = {"ko": hangul / 3, "zh": han, "ja": kana / 2, "en": latin_words}
    if kana:
        weights["ja"] += han / 2  # Japanese writes kanji too
        weights["zh"] -= han / 2
    total = sum(max(0.0, w) for w in weights.values())
    if total < 1:
        return LanguageGuess(default, 0.0, "no letters to judge by")
    if hangul and hangul / 3 >= 0.15 * total:
        share = (hangul / 3) / total
        return LanguageGuess("ko", _confidence(share), f"{hangul} hangul syllables")
    best = max(weights, key=lambda k: weights[k])
    share = max(0.0, weights[best]) / total
    if best == "zh":
        code = _chinese_script(sample)
        script = "Traditional" if code == "zh-Hant" else "Simplified"
        return LanguageGuess(code, _confidence(share), f"{han} Han characters ({script})")
    if best == "ja":
        return LanguageGuess("ja", _confidence(share), f"{kana} kana")
    return LanguageGuess("en", _confidence(share) * 0.9, f"{latin_words} Latin-script words")


def _confidence(share: float) -> float:
    return round(min(0.99, 0.5 + share / 2), 2)


def _chinese_script(text: str) -> str:
    """zh-Hant when converting to Simplified changes a noticeable share of the characters."""
    han = "".join(_HAN.findall(text))[:4000]
    if not han:
        return "zh-Hans"
    simplified = OpenCC("t2s").convert(han)
    changed = sum(1 for a, b in zip(han, simplified, strict=False) if a != b)
    return "zh-Hant" if changed / len(han) > 0.04 else "zh-Hans"
