"""A term form as a text pattern: whole words for Latin script, any spacing, CJK anywhere."""

from __future__ import annotations

import re
from functools import lru_cache


def _is_latin(text: str) -> bool:
    return any("a" <= c.lower() <= "z" for c in text)


@lru_cache(maxsize=4096)  # a glossary's forms are checked against every segment
def form_pattern(form: str, *, ignore_case: bool) -> re.Pattern[str]:
    """A term form as a pattern: whole words for Latin script (Alipay, not AlipayHK), any
    spacing between words; CJK forms match anywhere (no spaces between words there)."""
    body = r"\s+".join(re.escape(word) for word in form.split())
    if re.match(r"[A-Za-z0-9]", form):
        body = r"(?<![A-Za-z0-9])" + body
    if re.search(r"[A-Za-z0-9]$", form):
        body += r"(?![A-Za-z0-9])"
    return re.compile(body, re.IGNORECASE if ignore_case and _is_latin(form) else 0)


def find_form(text: str, form: str, *, ignore_case: bool = False) -> list[tuple[int, int]]:
    return [m.span() for m in form_pattern(form, ignore_case=ignore_case).finditer(text)]
