"""A term form as a text pattern: whole words for Latin script, any spacing, CJK anywhere."""

from __future__ import annotations

import re
from functools import lru_cache


def _is_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


# The word edge as re.IGNORECASE reads [A-Za-z0-9] (İ ı ſ and the Kelvin sign fold into it),
# spelled out case-sensitively, each odd letter on its own: the same edges, and a form's
# pattern compiles 2-3 times faster (case-folding the class was most of the cost).
_ODD = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (the Kelvin sign)
_NOT_AFTER_FOLDED = "(?<!(?-i:[A-Za-z0-9]))" + "".join(f"(?<!{c})" for c in _ODD)
_NOT_BEFORE_FOLDED = "(?!(?-i:[A-Za-z0-9]))" + "".join(f"(?!{c})" for c in _ODD)
# Characters re.IGNORECASE matches to an ASCII letter they do not lower() to: a text holding
# one is searched with the pattern, never by a pre-check or by lower-casing it.
ODD_FOLDS = frozenset(_ODD)


@lru_cache(maxsize=4096)  # a glossary's forms are checked against every segment
def form_pattern(form: str, *, ignore_case: bool) -> re.Pattern[str]:
    """A term form as a pattern: whole words for Latin script (Alipay, not AlipayHK), any
    spacing between words; CJK forms match anywhere (no spaces between words there)."""
    body = r"\s+".join(re.escape(word) for word in form.split())
    folded = ignore_case and _is_latin(form)
    if re.match(r"[A-Za-z0-9]", form):
        body = (_NOT_AFTER_FOLDED if folded else r"(?<![A-Za-z0-9])") + body
    if re.search(r"[A-Za-z0-9]$", form):
        body += _NOT_BEFORE_FOLDED if folded else r"(?![A-Za-z0-9])"
    return re.compile(body, re.IGNORECASE if folded else 0)


def find_form(text: str, form: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    """The spans form_pattern(form) finds in text, left to right, not overlapping.

    Read without a pattern where that gives the same spans (a pattern costs ~0.1 ms to
    compile, and a headless run meets each of a glossary's forms once): the form's words
    found as they are (or lower-cased, for ignore_case), any run of whitespace between
    them, ASCII letters and digits not touching a Latin form's edges. A case-insensitive
    search of a non-ASCII Latin form, or of a text holding one of the letters re.IGNORECASE
    folds into ASCII (İ ı ſ and the Kelvin sign), goes through the pattern.
    """
    words = form.split()
    folded = ignore_case and _is_latin(form)
    if not words or (folded and (not form.isascii() or not ODD_FOLDS.isdisjoint(text))):
        return [m.span() for m in form_pattern(form, ignore_case=ignore_case).finditer(text)]
    if folded:
        # without İ, lower() keeps every position, and only ASCII lower-cases to ASCII
        text, words = text.lower(), [word.lower() for word in words]
    # the edges form_pattern gives: its "[A-Za-z0-9]$" also matches before a final newline
    lead, trail = _is_edge(form[:1]), _is_edge(form.removesuffix("\n")[-1:])
    spans: list[tuple[int, int]] = []
    start = text.find(words[0])
    while start >= 0:
        end = start + len(words[0])
        for word in words[1:]:
            gap = end
            while gap < len(text) and text[gap].isspace():  # \s is str.isspace()
                gap += 1
            if gap == end or not text.startswith(word, gap):
                end = -1
                break
            end = gap + len(word)
        if (
            end >= 0
            and not (lead and start and _is_edge(text[start - 1]))
            and not (trail and _is_edge(text[end : end + 1]))
        ):
            spans.append((start, end))
            start = text.find(words[0], end)
        else:
            start = text.find(words[0], start + 1)
    return spans


def _is_edge(char: str) -> bool:
    """An ASCII letter or digit: what a Latin form's word edge may not touch."""
    return char.isascii() and char.isalnum()
