"""The article's own date, from its dateline, so that a weekday in a translation can be checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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


# a bare 28일 in the source, rendered as one weekday in the target: evidence of the calendar
# of the story the line belongs to (a month names another: 7월 28일, 다음달 2일; a length or a
# count of days before something is no date: 10일간, 10일 앞둔)
_BARE_DAY = re.compile(
    r"(?<![\d.])(?<!월)(?<!월 )(?<!달)(?<!달 )(\d{1,2})\s?일"
    r"(?!\s?(?:간|동안|만에|째|짜리|후|뒤|전|앞|이내|내|가량|여|씩|치|분))"
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_EN_RELATIVE_DAY = re.compile(r"\b(?:yesterday|today|tomorrow|tonight|last night)\b", re.I)
NEIGHBOURS = 12  # lines either side: one news story, seldom two
_REFERENCE_MONTHS = [date(year, month, 1) for year in range(2001, 2008)
                     for month in (1, 3, 5, 7, 8, 10, 12)]  # fmt: skip


def _day_and_weekday(source: str, target: str) -> tuple[int, int] | None:
    days = {int(m.group(1)) for m in _BARE_DAY.finditer(source)}
    weekdays = {m.group(1) for m in _EN_WEEKDAY.finditer(target)}
    if len(days) != 1 or len(weekdays) != 1 or _EN_RELATIVE_DAY.search(target):
        return None
    (day,), (weekday,) = days, weekdays
    return (day, _WEEKDAYS.index(weekday)) if 1 <= day <= 31 else None


def neighbour_calendars(
    pairs: Sequence[tuple[str, str]], neighbours: int = NEIGHBOURS
) -> dict[int, date]:
    """For a file with no dateline: a date for each line that renders a bare day as a weekday
    (28일 -> Monday), taken from the lines around it. When at least two other lines within
    `neighbours` render their days as weekdays and all of them agree on the month's calendar,
    the line's weekday must fit it too (18일 -> Saturday where 21일 is Monday is wrong). The
    date returned is that day in a month with that calendar; lines without such agreement get
    none, and their weekdays are accepted as before."""
    evidence = {
        index: found
        for index, (source, target) in enumerate(pairs)
        if (found := _day_and_weekday(source, target)) is not None
    }
    dated: dict[int, date] = {}
    for index, (day, _weekday) in evidence.items():
        offsets = {
            (weekday - other_day) % 7
            for other, (other_day, weekday) in evidence.items()
            if other != index and abs(other - index) <= neighbours
        }
        votes = sum(1 for other in evidence if other != index and abs(other - index) <= neighbours)
        if votes < 2 or len(offsets) != 1:
            continue
        # weekday(d) = (weekday(1st) + d - 1) % 7, so the 1st falls on (offset + 1) % 7
        first = (offsets.pop() + 1) % 7
        month = next(m for m in _REFERENCE_MONTHS if m.weekday() == first)
        dated[index] = month.replace(day=day)
    return dated
