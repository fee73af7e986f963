"""Language codes of the desk and their Argos Translate equivalents."""

from __future__ import annotations

# The desk's codes are BCP 47 (what XLIFF, TMX and TBX want); Argos uses its own short codes.
LANGUAGE_NAMES: dict[str, str] = {
    "ko": "Korean",
    "zh-Hans": "Chinese (Simplified)",
    "zh-Hant": "Chinese (Traditional)",
    "en": "English",
}

_TO_ARGOS = {"zh-Hans": "zh", "zh-Hant": "zt"}
_FROM_ARGOS = {v: k for k, v in _TO_ARGOS.items()}


def to_argos(code: str) -> str:
    """The Argos package code for a desk language code (zh-Hans -> zh, zh-Hant -> zt)."""
    return _TO_ARGOS.get(code, code)


def from_argos(code: str) -> str:
    """The desk language code for an Argos package code (zh -> zh-Hans, zt -> zh-Hant)."""
    return _FROM_ARGOS.get(code, code)


def language_name(code: str) -> str:
    """A readable name for a code, the code itself when unknown."""
    return LANGUAGE_NAMES.get(code, code)


def is_chinese(code: str) -> bool:
    return code == "zh" or code.startswith("zh-") or code == "zt"
