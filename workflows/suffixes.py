"""File names: the endings the desk knows (its projects, XLIFF from other tools) and the stem
of a news file. Light on purpose: the window's file dialogs need them at start-up."""

from __future__ import annotations

PROJECT_SUFFIX = ".hanbit"
XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2", ".xliff2", ".sdlxliff", ".mqxliff")


def article_stem(stem: str, *langs: str) -> str:
    """A file stem without the language codes news desks append: wind_article.ko -> wind_article,
    wind_article.ko-en -> wind_article (so a project is not named wind_article.ko.ko-en)."""
    codes = {code.lower() for code in langs if code}
    while "." in stem:
        head, tail = stem.rsplit(".", 1)
        parts = tail.lower().split("-")
        if tail.lower() in codes or (len(parts) == 2 and set(parts) <= codes):
            stem = head
        else:
            break
    return stem or "project"
