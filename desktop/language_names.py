"""Language names in the UI language: the core's English names, translated for the desk."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from translation.languages import language_name

# The core (translation/) stays free of Qt, so its English names are translated here; lupdate
# finds them through QT_TRANSLATE_NOOP.
_NAMES = {
    "ko": QT_TRANSLATE_NOOP("LanguageNames", "Korean"),
    "zh-Hans": QT_TRANSLATE_NOOP("LanguageNames", "Chinese (Simplified)"),
    "zh-Hant": QT_TRANSLATE_NOOP("LanguageNames", "Chinese (Traditional)"),
    "en": QT_TRANSLATE_NOOP("LanguageNames", "English"),
}


def display_name(code: str) -> str:
    """The name of a language code in the current UI language (the code when unknown)."""
    if code in _NAMES:
        return QCoreApplication.translate("LanguageNames", _NAMES[code])
    return language_name(code)
