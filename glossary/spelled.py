"""Figures written without digits or in time notation: English words, Chinese numerals, clocks."""

from __future__ import annotations

import re
from decimal import Decimal

from glossary.figures import Figure, FigureKind
from glossary.numwords import (
    BIG_UNITS,
    CURRENCY_AFTER_RE,
    CURRENCY_WORDS,
    EN_MONTHS,
    EN_ORDINAL_WORDS,
    EN_SCALE_RE,
    EN_SCALES,
    EN_WORDS,
    HAN_DIGITS,
    PERCENT_RE,
    SMALL_UNITS,
    currency_word_ends,
)

_HAN_NUM = "[" + "".join(HAN_DIGITS) + "十拾百佰千仟万萬亿億兆]+"
_CLOCK = re.compile(
    r"(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])(?:\s?([ap])\.?\s?m\b\.?)?", re.IGNORECASE
)
_EN_HOUR = re.compile(r"(?<![\d:.])(\d{1,2})\s?([ap])\.?m\b\.?", re.IGNORECASE)
_KO_HOUR = re.compile(r"(?:(오전|오후)\s?)?(\d{1,2})시(?:\s?(\d{1,2})분)?(?!간|대|즌|장|작|도|행)")
_ZH_HOUR = re.compile(r"(?:(上午|下午|晚上)\s?)?(\d{1,2})[点點時时](?:(\d{1,2})分)?")
_EN_WORD = re.compile(r"[A-Za-z]+(?:\.(?=\s))?")
_EN_MONTH = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")(?![A-Za-z])\.?"
)
_HAN_SEQ = re.compile(rf"(第|百分之)?({_HAN_NUM})")
_HAN_COUNTERS = "月日号號年个個家位名次倍元届屆季期周週"


def clock_times(text: str) -> list[Figure]:
    found = []
    for m in _CLOCK.finditer(text):
        hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
        found.append(_time(hour, minute, half, m.start(), m.end(), m.group()))
    for m in _EN_HOUR.finditer(text):
        found.append(_time(int(m.group(1)), 0, m.group(2).lower(), m.start(), m.end(), m.group()))
    for m in _KO_HOUR.finditer(text):
        half = {"오전": "a", "오후": "p"}.get(m.group(1) or "", "")
        minute = int(m.group(3) or 0)
        found.append(_time(int(m.group(2)), minute, half, m.start(), m.end(), m.group()))
    for m in _ZH_HOUR.finditer(text):
        half = {"上午": "a", "下午": "p", "晚上": "p"}.get(m.group(1) or "", "")
        minute = int(m.group(3) or 0)
        found.append(_time(int(m.group(2)), minute, half, m.start(), m.end(), m.group()))
    return [f for f in found if f.value < 24 * 60]


def _time(hour: int, minute: int, half: str, start: int, end: int, text: str) -> Figure:
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return Figure(Decimal(hour * 60 + minute), FigureKind.TIME, start, end, text)


def english_months(text: str) -> list[Figure]:
    found = []
    for m in _EN_MONTH.finditer(text):
        word = m.group(1)
        if word == "May" or word.lower() != "may":
            month = EN_MONTHS[word if word in EN_MONTHS else word.capitalize()]
            found.append(Figure(Decimal(month), FigureKind.MONTH, m.start(), m.end(), m.group()))
    return found


def english_days(text: str, figures: list[Figure]) -> list[Figure]:
    """A bare number beside a month name is its day: Nov. 19, 19 November."""
    result = list(figures)
    for i, figure in enumerate(result):
        if figure.kind != FigureKind.MONTH or not text[figure.start].isalpha():
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(result):
                continue
            other = result[j]
            gap = text[min(other.end, figure.end) : max(other.start, figure.start)]
            if (
                other.kind in (FigureKind.NUMBER, FigureKind.ORDINAL)
                and 1 <= other.value <= 31
                and not other.currency
                and re.fullmatch(r"\s*(?:of(?: the)?|the)?\s*", gap)
                and len(gap) <= 6
            ):
                result[j] = Figure(other.value, FigureKind.DAY, other.start, other.end, other.text)
    return result


_A_SCALES = ("hundred", "thousand", "million", "billion", "trillion")  # "a dozen": dozen is 12


def english_words(text: str) -> list[Figure]:
    """Spelled numbers: six, twenty-five, fifteen million dollars, sixth, a million, a dozen."""
    found = []
    words = list(_EN_WORD.finditer(text))
    i = 0
    while i < len(words):
        word = words[i].group().rstrip(".").lower()
        start = words[i].start()
        value: int | None = None
        kind = FigureKind.NUMBER
        if word in EN_WORDS:
            value = EN_WORDS[word]
        elif word in EN_ORDINAL_WORDS:
            value, kind = EN_ORDINAL_WORDS[word], FigureKind.ORDINAL
        elif word in ("a", "an") and i + 1 < len(words):
            # "a million people" is 100만 명; "a" alone is no figure
            following = words[i + 1].group().lower()
            if following in _A_SCALES and words[i + 1].start() == words[i].end() + 1:
                value = 1
        if value is None:
            i += 1
            continue
        end = words[i].end()
        # twenty-five, twenty-fifth
        if value >= 20 and value % 10 == 0 and text[end : end + 1] == "-" and i + 1 < len(words):
            unit = words[i + 1].group().lower()
            if words[i + 1].start() == end + 1 and (unit in EN_WORDS or unit in EN_ORDINAL_WORDS):
                unit_value = EN_WORDS.get(unit, EN_ORDINAL_WORDS.get(unit, 0))
                if unit_value < 10:
                    value += unit_value
                    kind = FigureKind.ORDINAL if unit in EN_ORDINAL_WORDS else kind
                    end = words[i + 1].end()
                    i += 1
        amount, quantum = Decimal(value), Decimal(1)
        scaled = False
        scale = EN_SCALE_RE.match(text, end)
        if scale and kind == FigureKind.NUMBER:
            quantum = EN_SCALES[scale.group(1).lower()]
            amount *= quantum
            end, scaled = scale.end(), True
            i += 1
        currency = ""
        after = CURRENCY_AFTER_RE.match(text, end)
        if (
            after
            and kind == FigureKind.NUMBER
            and currency_word_ends(text, after.end(), after.group(1))
        ):
            currency, end = CURRENCY_WORDS[after.group(1)], after.end()
        percent = PERCENT_RE.match(text, end)
        if percent and kind == FigureKind.NUMBER:
            kind, end = FigureKind.PERCENT, percent.end()
        found.append(Figure(amount, kind, start, end, text[start:end], currency, quantum, scaled))
        while i < len(words) and words[i].start() < end:
            i += 1
    return found


def han_numerals(text: str) -> list[Figure]:
    """Chinese numerals where they are figures: 第六, 百分之五十, 六家, 十一月; not 统一 or 万一."""
    found = []
    for m in _HAN_SEQ.finditer(text):
        prefix, digits = m.group(1) or "", m.group(2)
        after = text[m.end() : m.end() + 1]
        if (
            not prefix
            and not (after and after in _HAN_COUNTERS)
            and not re.search("[十百千]", digits)
        ):
            continue
        value = parse_han_number(digits)
        if value is None:
            continue
        kind, end = FigureKind.NUMBER, m.end()
        if prefix == "第":
            kind = FigureKind.ORDINAL
        elif prefix == "百分之":
            kind = FigureKind.PERCENT
        elif after == "月" and 1 <= value <= 12:
            kind, end = FigureKind.MONTH, end + 1
        elif after and after in "日号號" and 1 <= value <= 31:
            kind, end = FigureKind.DAY, end + 1
        currency = ""
        money = CURRENCY_AFTER_RE.match(text, end)
        if money and kind == FigureKind.NUMBER:
            currency, end = CURRENCY_WORDS[money.group(1)], money.end()
        scaled = bool(re.search("[万萬亿億兆]", digits))
        found.append(
            Figure(
                Decimal(value), kind, m.start(), end, text[m.start() : end], currency, scaled=scaled
            )
        )
    return found


def parse_han_number(digits: str) -> int | None:
    """'三万八千七百二十九' -> 38729; '两千' -> 2000; None for something that is no numeral."""
    total, section, current = 0, 0, 0
    for char in digits:
        if char in HAN_DIGITS:
            current = HAN_DIGITS[char]
        elif char in "十拾百佰千仟":
            section += (current or 1) * SMALL_UNITS[char]
            current = 0
        elif char in BIG_UNITS:
            section += current
            total += (section or 1) * BIG_UNITS[char] if char not in "万萬" or section else 0
            if char in "万萬" and not section:
                return None
            section, current = 0, 0
        else:
            return None
    return total + section + current
