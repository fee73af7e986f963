"""How the memory normalises a segment: the exact-match key, the fuzzy text, its n-grams."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from memory.languages import is_cjk

_SPACES = re.compile(r"\s+")


def match_key(text: str) -> str:
    """The text an exact match must equal: NFC with runs of whitespace made one space.

    Case and punctuation stay, so 100% means the translator can reuse the target untouched.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def key_hash(text: str) -> str:
    """The indexed hash of an exact-match key (short enough for a compact unique index)."""
    return hashlib.blake2b(match_key(text).encode("utf-8"), digest_size=12).hexdigest()


def fuzzy_text(text: str) -> str:
    """The text fuzzy scores are computed on: NFKC (full-width digits, compatibility jamo),
    case-folded, so 'Ａｌｉｐａｙ' and 'alipay' compare equal; exactness is judged by match_key."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def gram_size(language: str) -> int:
    # Korean and Chinese syllables carry a lot each: bigrams discriminate; English needs trigrams.
    return 2 if is_cjk(language) else 3


def grams(norm: str, language: str) -> set[str]:
    """The distinct character n-grams of a fuzzy text, padded with a space at each end so that
    a two-letter segment still shares grams with itself plus a full stop."""
    if not norm:
        return set()
    size = gram_size(language)
    padded = f" {norm} "
    return {padded[i : i + size] for i in range(len(padded) - size + 1)}
