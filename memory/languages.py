"""Language codes in the memory: the desk's BCP 47 codes and the regional variants TMX uses."""

from __future__ import annotations

import re

# The desk stores only these; a TMX file may say ko-KR, zh-CN, EN-US and so on.
MEMORY_LANGUAGES = ("ko", "zh-Hans", "zh-Hant", "en")

_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
# Regions that write Chinese in traditional characters; everything else defaults to simplified.
_TRADITIONAL_REGIONS = {"tw", "hk", "mo"}


class UnsupportedLanguageError(ValueError):
    """A language code the memory does not hold (or a string that is no language code)."""


def canonical_language(code: str) -> str:
    """The desk code for a tag: ko-KR -> ko, zh-CN -> zh-Hans, zh-TW -> zh-Hant, EN-US -> en.

    Raises UnsupportedLanguageError for malformed tags and languages the desk does not translate.
    """
    text = (code or "").strip()
    if not _TAG.match(text):
        raise UnsupportedLanguageError(f"not a language code: {code!r}")
    parts = [part.lower() for part in re.split(r"[-_]", text)]
    primary, rest = parts[0], parts[1:]
    if primary in ("ko", "kor"):
        return "ko"
    if primary in ("en", "eng"):
        return "en"
    if primary in ("zh", "zho", "chi", "cmn", "zt"):
        if primary == "zt" or "hant" in rest:
            return "zh-Hant"
        if "hans" in rest:
            return "zh-Hans"
        return "zh-Hant" if any(part in _TRADITIONAL_REGIONS for part in rest) else "zh-Hans"
    raise UnsupportedLanguageError(
        f"language {code!r} is not one the memory holds ({', '.join(MEMORY_LANGUAGES)})"
    )


def is_cjk(code: str) -> bool:
    """Whether text in this language is compared character by character (no reliable spaces)."""
    return code == "ko" or code.startswith("zh")
