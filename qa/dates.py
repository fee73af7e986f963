"""The article's own date, from its dateline, so that a weekday in a translation can be checked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from qa.numwords import EN_MONTHS

# 입력 2014-11-19 11:00, 2008.07.28, 2008/07/28, 2008년 7월 28일, July 28, 2008, 28 July 2008
_NUMERIC = re.compile(r"(?<!\d)((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})(?!\d)")
_KOREAN = re.compile(r"((?:19|20)\d{2})\s?년\s?(\d{1,2})\s?월\s?(\d{1,2})\s?일")
_MONTHS = "|".join(sorted(EN_MONTHS, key=len, reverse=True))
_EN_MDY = re.compile(rf"\b({_MONTHS})\.?\s+(\d{{1,2}}),?\s+((?:19|20)\d{{2}})\b")
_EN_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTHS})\.?,?\s+((?:19|20)\d{{2}})\b")
HEAD = 6  # a dateline sits in the first lines: headline, byline, dateline


def _valid(year: str, month: str, day: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first full date written in text, in any of the forms news uses."""
    for pattern, order in ((_NUMERIC, "ymd"), (_KOREAN, "ymd"), (_EN_MDY, "mdy"),
                           (_EN_DMY, "dmy")):  # fmt: skip
        for m in pattern.finditer(text):
            parts = dict(zip(order, m.groups(), strict=True))
            month = parts["m"]
            if not month.isdigit():
                month = str(EN_MONTHS.get(month) or EN_MONTHS.get(month.capitalize(), 0))
            found = _valid(parts["y"], month, parts["d"])
            if found is not None:
                return found
    return None


def article_date(texts: Iterable[str]) -> date | None:
    """The article's date: the first full date in its first lines (headline, byline,
    dateline), or None when it gives none. Later dates are events the story reports."""
    for index, text in enumerate(texts):
        if index >= HEAD:
            break
        found = find_date(text)
        if found is not None:
            return found
    return None
