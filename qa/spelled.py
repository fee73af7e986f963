"""Figures written without digits or in time notation: English words, Chinese numerals, clocks."""

from __future__ import annotations

import re
from decimal import Decimal

from glossary.korean import is_particle_tail
from qa.figures import Figure, FigureKind
from qa.numwords import (
    BIG_UNITS,
    CURRENCY_AFTER_RE,
    CURRENCY_WORDS,
    EN_FRACTIONS,
    EN_MONTHS,
    EN_MULTIPLES,
    EN_ORDINAL_WORDS,
    EN_SCALE_RE,
    EN_SCALES,
    EN_WORDS,
    HAN_DIGITS,
    KO_AMBIGUOUS,
    KO_COUNTERS,
    KO_NATIVE_TENS,
    KO_NATIVE_UNITS,
    PERCENT_RE,
    SMALL_UNITS,
    currency_word_ends,
)
from qa.units import DAYS, POINTS, Unit, read_unit

_HAN_NUM = "[" + "".join(HAN_DIGITS) + "十拾百佰千仟万萬亿億兆]+"
_CLOCK = re.compile(
    r"(?<![\d:.])(\d{1,2}):(\d{2})(?![\d:])(?:\s?([ap])\.?\s?m\b\.?)?", re.IGNORECASE
)
_EN_HOUR = re.compile(r"(?<![\d:.])(\d{1,2})\s?([ap])\.?m\b\.?", re.IGNORECASE)
# 저녁, 밤 and 낮 are p.m. as much as 오후; 새벽 and 아침 a.m.
_KO_HOUR = re.compile(
    r"(?:(오전|오후|저녁|밤|낮|새벽|아침)\s?)?(\d{1,2})시(?:\s?(\d{1,2})분)?(?!간|대|즌|장|작|도|행)"
)
_KO_HALF = {"오전": "a", "새벽": "a", "아침": "a", "오후": "p", "저녁": "p", "밤": "p", "낮": "p"}
# 1134 GMT: wire-service time, hours and minutes without a colon
# 0715 (1215 GMT): local wire time, then the zone time in parentheses
_HHMM_BEFORE_ZONE = re.compile(
    r"(?<![\d,.])([01]\d|2[0-3])([0-5]\d)(?=\s?\((?:[01]\d|2[0-3])[0-5]\d\s?[A-Z]{2,4}\))"
)
_ZONE_TIME = re.compile(
    r"(?<![\d,.])([01]\d|2[0-3])([0-5]\d)\s?(GMT|UTC|ET|EST|EDT|PST|PDT|BST|CET|KST)\b"
)
_ZH_HOUR = re.compile(r"(?:(上午|下午|晚上)\s?)?(\d{1,2})[点點時时](?:(\d{1,2})分)?")
_EN_WORD = re.compile(r"[A-Za-z]+(?:\.(?=\s))?")
_EN_MONTH = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted(EN_MONTHS, key=len, reverse=True)) + r")(?![A-Za-z])\.?"
)
_HAN_SEQ = re.compile(rf"(第|百分之)?({_HAN_NUM})")
_HAN_COUNTERS = (
    "月日号號年个個家位名次倍元届屆季期周週国國人种種项項只隻条條座所台部份批轮輪款笔筆天场場"
)
_HAN_GROWTH = ("增长", "增長", "增加", "提高", "上升", "上涨", "上漲", "扩大", "擴大")
_HAN_DOUBLINGS = re.compile(r"翻(?:了)?([一二两兩三四])番")
_KO_UNIT = "|".join(sorted(KO_NATIVE_UNITS, key=len, reverse=True))
_KO_TENS = "|".join(sorted(KO_NATIVE_TENS, key=len, reverse=True))
# 두 회사가, 세 명, 열두 곳, 스무 살; 한두, 두세 and 서너 are ranges and no figure
_KO_CARDINAL = re.compile(
    rf"(?<![\uac00-\ud7a3\d])(?:({_KO_TENS})({_KO_UNIT})?|({_KO_UNIT})) ([\uac00-\ud7a3]+)"
)


def korean_natives(text: str) -> list[Figure]:
    """Native Korean numbers before a noun or counter: 두 회사 (2), 세 명 (3), 열두 곳 (12).

    Words that are also something else (세 tax, 네 yes, 열 open, 한 did) count only before a
    counter (세 명, 네 곳); a range (한두, 두세) is no figure. Precision over recall.
    """
    found = []
    for m in _KO_CARDINAL.finditer(text):
        tens, unit, alone, noun = m.groups()
        word = alone or tens + (unit or "")
        value = KO_NATIVE_TENS.get(tens or "", 0) + KO_NATIVE_UNITS.get(unit or alone or "", 0)
        if tens == "스무" and unit or tens == "스물" and not unit:
            continue  # 스무 살 but 스물두 살
        if word in KO_AMBIGUOUS and not _counter(noun):
            continue
        clock = noun[0] == "시" and not noun.startswith("시간")
        if clock and (len(noun) == 1 or is_particle_tail("시", noun[1:])):
            continue  # 열한 시 is a time of day, read (or not) as a time; 두 시간 is a count
        # 두 배 is a multiple: "doubled"
        kind = FigureKind.MULTIPLE if _counter(noun) and noun[0] == "배" else FigureKind.NUMBER
        end = m.start(4)
        # before a plain noun the word may be a name (두 국장: Director Du) or "both": it
        # confirms a figure of the other side but is not reported on its own
        loose = not _counter(noun)
        found.append(Figure(Decimal(value), kind, m.start(), end - 1, word, loose=loose))
    return found


def _counter(word: str) -> bool:
    """명, 명이, 곳에서: a counter alone or with its particles."""
    for size in range(min(3, len(word)), 0, -1):
        head, rest = word[:size], word[size:]
        if head in KO_COUNTERS and (not rest or is_particle_tail(head[-1], rest)):
            return True
    return False


def english_multiples(text: str) -> list[Figure]:
    """doubled, twice, threefold (2배, 3倍) and half (50%): loose, since "twice a year" and
    "half-hearted" are no such figures, so they only ever match the other side's."""
    found = []
    for m in _EN_WORD.finditer(text):
        word = m.group().rstrip(".").lower()
        if word in EN_MULTIPLES:
            value, kind = EN_MULTIPLES[word], FigureKind.MULTIPLE
        elif word in EN_FRACTIONS:
            value, kind = EN_FRACTIONS[word], FigureKind.PERCENT
        else:
            continue
        end = m.start() + len(m.group().rstrip("."))
        written = text[m.start() : end]
        found.append(Figure(Decimal(value), kind, m.start(), end, written, loose=True))
    for m in _EN_FRACTION.finditer(text):
        value = _FRACTION_VALUES[m.group(2).lower().rstrip("s")] * (
            EN_WORDS.get(m.group(1).lower(), 1) if m.group(1).lower() not in ("a", "one") else 1
        )
        found.append(
            Figure(Decimal(value), FigureKind.PERCENT, m.start(), m.end(), m.group(), loose=True)
        )
    return found


# a third, two-thirds, a quarter: shares of a whole, said loosely ("about a third" of 30%)
_FRACTION_VALUES = {"third": 33, "quarter": 25, "fifth": 20}
_EN_FRACTION = re.compile(
    r"(?<![A-Za-z])(a|one|two|three|four)[ -](thirds?|quarters?|fifths?)(?![A-Za-z])",
    re.IGNORECASE,
)


_HALF = re.compile(r"절반|一半")


def halves(text: str) -> list[Figure]:
    """절반, 一半: half, so "50%" in the target is no extra figure (loose, like "half")."""
    return [
        Figure(Decimal(50), FigureKind.PERCENT, m.start(), m.end(), m.group(), loose=True)
        for m in _HALF.finditer(text)
    ]


def han_doublings(text: str) -> list[Figure]:
    """翻一番 doubles (2), 翻两番 quadruples (4): n doublings are 2**n."""
    found = []
    for m in _HAN_DOUBLINGS.finditer(text):
        value = Decimal(2) ** HAN_DIGITS[m.group(1)]
        found.append(Figure(value, FigureKind.MULTIPLE, m.start(), m.end(), m.group()))
    return found


def clock_times(text: str) -> list[Figure]:
    found = []
    for m in _CLOCK.finditer(text):
        hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
        found.append(_time(hour, minute, half, m.start(), m.end(), m.group()))
    for m in _EN_HOUR.finditer(text):
        found.append(_time(int(m.group(1)), 0, m.group(2).lower(), m.start(), m.end(), m.group()))
    for m in _HHMM_BEFORE_ZONE.finditer(text):
        found.append(_time(int(m.group(1)), int(m.group(2)), "24", m.start(), m.end(), m.group()))
    for m in _ZONE_TIME.finditer(text):
        found.append(_time(int(m.group(1)), int(m.group(2)), "24", m.start(), m.end(), m.group()))
    for m in _KO_HOUR.finditer(text):
        half = _KO_HALF.get(m.group(1) or "", "")
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
    # 9시 25분 without 오전/오후 may be 9:25 p.m.: both readings
    other = (Decimal((hour + 12) * 60 + minute),) if not half and 1 <= hour < 12 else ()
    return Figure(
        Decimal(hour * 60 + minute), FigureKind.TIME, start, end, text, alternatives=other
    )


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
    # August 8-24, June 21 to 24: the far end of a range of days is a day too
    for i in range(1, len(result)):
        before, figure = result[i - 1], result[i]
        if (
            before.kind == FigureKind.DAY
            and figure.kind == FigureKind.NUMBER
            and before.value < figure.value <= 31
            and not figure.currency
            and not figure.measure
            and re.fullmatch(r"\s?(?:[-–—]|to|through|and)\s?", text[before.end : figure.start])
        ):
            result[i] = Figure(figure.value, FigureKind.DAY, figure.start, figure.end, figure.text)
    # October 2007, June 14, 2008: the number after a month or its day is the year
    for i in range(1, len(result)):
        before, figure = result[i - 1], result[i]
        if (
            before.kind in (FigureKind.MONTH, FigureKind.DAY)
            and figure.kind == FigureKind.NUMBER
            and 1000 <= figure.value <= 2999
            and not figure.currency
            and not figure.measure
            and re.fullmatch(r",?\s*", text[before.end : figure.start])
        ):
            result[i] = Figure(figure.value, FigureKind.YEAR, figure.start, figure.end, figure.text)
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
            ones = words[i + 1].group().lower()
            if words[i + 1].start() == end + 1 and (ones in EN_WORDS or ones in EN_ORDINAL_WORDS):
                unit_value = EN_WORDS.get(ones, EN_ORDINAL_WORDS.get(ones, 0))
                if unit_value < 10:
                    value += unit_value
                    kind = FigureKind.ORDINAL if ones in EN_ORDINAL_WORDS else kind
                    end = words[i + 1].end()
                    i += 1
        amount, quantum = Decimal(value), Decimal(1)
        scaled = False
        dozen = re.match(r"\s(dozen)(?![A-Za-z])", text[end:], re.IGNORECASE)
        if dozen and value < 12 and kind == FigureKind.NUMBER:  # three dozen is 36
            amount, end = amount * 12, end + dozen.end()
            while i + 1 < len(words) and words[i + 1].start() < end:
                i += 1
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
        measure: Unit | None = None
        unit = read_unit(text, end, "en") if kind == FigureKind.NUMBER and not currency else None
        if unit:
            measure, end = unit
        found.append(
            Figure(
                amount,
                kind,
                start,
                end,
                text[start:end],
                currency,
                quantum,
                scaled,
                measure=measure,
            )
        )
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
        elif after == "倍":
            kind, end = FigureKind.MULTIPLE, end + 1
        currency = ""
        money = CURRENCY_AFTER_RE.match(text, end)
        if money and kind == FigureKind.NUMBER:
            currency, end = CURRENCY_WORDS[money.group(1)], money.end()
        scaled = bool(re.search("[万萬亿億兆]", digits))
        found.append(
            Figure(
                Decimal(value),
                kind,
                m.start(),
                end,
                text[m.start() : end],
                currency,
                scaled=scaled,
                alternatives=growth_alternatives(text, m.start(), kind, value),
            )
        )
    return found


def parse_han_number(digits: str) -> int | Decimal | None:
    """'三万八千七百二十九' -> 38729; '两千' -> 2000; None for something that is no numeral."""
    total: int | Decimal = 0  # a Decimal once a big unit (万, 亿 …) multiplies it
    section, current = 0, 0
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


def growth_alternatives(
    text: str, start: int, kind: FigureKind, value: int | Decimal
) -> tuple[Decimal, ...]:
    """增长两倍 is "tripled" to a careful writer (grew by 200%) and "doubled" to many: both."""
    if kind != FigureKind.MULTIPLE:
        return ()
    before = text[max(0, start - 3) : start].rstrip("了 ")
    return (Decimal(value + 1),) if before.endswith(_HAN_GROWTH) else ()


_ROMAN = re.compile(r"(?<![A-Za-z])(X{0,3}(?:IX|IV|V?I{0,3}))(?![A-Za-z'’])")
_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def roman_numerals(text: str) -> list[Figure]:
    """Regnal and sequel numbers after a name: Benedict XVI (베네딕토 16세), World War II."""
    found = []
    for m in _ROMAN.finditer(text):
        numeral = m.group(1)
        if not numeral or not _NAME_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if len(numeral) < 2 and numeral not in ("V", "X"):
            continue  # "Henry I" is rare, the pronoun I is everywhere
        values = [_ROMAN_VALUES[c] for c in numeral]
        value = sum(
            -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
        )
        found.append(Figure(Decimal(value), FigureKind.ORDINAL, m.start(1), m.end(1), numeral))
    return found


# "placed 15 meters from each other": two things, said by the reciprocal
_EN_PAIR = re.compile(r"(?<![A-Za-z])(both|pair|couple|each other)(?![A-Za-z])", re.IGNORECASE)


def english_pairs(text: str) -> list[Figure]:
    """both, a pair, a couple, each other: two, loosely (두 투수 -> both pitchers)."""
    return [
        Figure(Decimal(2), FigureKind.NUMBER, m.start(), m.end(), m.group(), loose=True)
        for m in _EN_PAIR.finditer(text)
    ]


# 양측 the two sides, 양국 the two countries: two, implied; loose like "both"
_KO_BOTH = re.compile(r"(?<![\uac00-\ud7a3])(양측|양국|양사|양당|양자|쌍방|양 팀|양팀)")
# 이틀 two days, 사흘 three: native day counts, figures in their own right
KO_DAY_COUNTS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "아흐레": 9,
    "열흘": 10,
    "보름": 15,
}
_KO_DAYS = re.compile(
    r"(?<![\uac00-\ud7a3])("
    + "|".join(KO_DAY_COUNTS)
    + r")(?=$|[^\uac00-\ud7a3]|[간째만전후동을이는의에가도씩])"
)


def korean_implied(text: str) -> list[Figure]:
    found = [
        Figure(Decimal(2), FigureKind.NUMBER, m.start(), m.end(), m.group(), loose=True)
        for m in _KO_BOTH.finditer(text)
    ]
    found += [
        Figure(
            Decimal(KO_DAY_COUNTS[m.group(1)]),
            FigureKind.NUMBER,
            m.start(),
            m.end(),
            m.group(),
            measure=DAYS,  # 하루 is 24 hours, 사흘 a three-day run
        )
        for m in _KO_DAYS.finditer(text)
    ]
    return found


_EN_HALF_POINT = re.compile(r"(?<![A-Za-z])(half|a quarter)[- ]points?(?![A-Za-z])", re.IGNORECASE)


def english_points(text: str) -> list[Figure]:
    """a half-point cut (0.5%포인트), a quarter point: points said as a fraction."""
    return [
        Figure(
            Decimal("0.5") if m.group(1).lower() == "half" else Decimal("0.25"),
            FigureKind.NUMBER,
            m.start(),
            m.end(),
            m.group(),
            quantum=Decimal("0.25"),
            measure=POINTS,
        )
        for m in _EN_HALF_POINT.finditer(text)
    ]


# Sino-Korean numbers written in hangul: 삼억, 이십 명, 오천만 원 (digits as words)
_SINO = {"일": "一", "이": "二", "삼": "三", "사": "四", "오": "五", "육": "六", "칠": "七",
         "팔": "八", "구": "九", "십": "十", "백": "百", "천": "千", "만": "万", "억": "亿",
         "조": "兆"}  # fmt: skip
_KO_SINO = re.compile(
    r"(?<![\uac00-\ud7a3\d])([일이삼사오육칠팔구십백천만억조]{2,})(?=\s?("
    + "|".join(
        sorted(
            (
                *KO_COUNTERS,
                *(w for w in CURRENCY_WORDS if not w.isascii()),
                "년",
                "월",
                "일",
                "세",
                "퍼센트",
                "프로",
                "%",
            ),
            key=len,
            reverse=True,
        )
    )
    + r"))"
)


_GLUED = (
    "명",
    "원",
    "달러",
    "위안",
    "엔",
    "유로",
    "년",
    "월",
    "일",
    "세",
    "살",
    "개",
    "배",
    "퍼센트",
)


def korean_sino(text: str) -> list[Figure]:
    """Sino-Korean numbers in hangul before a counter or a currency: 삼억 원 (300,000,000),
    이십 명 (20). Only with a place word (십, 백, 천, 만, 억, 조) and a counter after it, so
    words that merely contain these syllables (일일, 사천성, 백만장자) are no figures."""
    found = []
    for m in _KO_SINO.finditer(text):
        word = m.group(1)
        if not re.search("[십백천만억조]", word):
            continue
        if len(word) == 2 and word.endswith("조"):
            continue  # 구조 (rescue), 일조 (sunshine): hangul trillions are that rare
        noun = re.match(r"(\s?)([\uac00-\ud7a3]+)", text[m.end(1) :])
        if noun and not (_counter(noun.group(2)) or _money_or_date(noun.group(2))):
            continue  # 백만장자 (a millionaire), not 백만 장
        if noun and not noun.group(1) and not noun.group(2).startswith(_GLUED):
            continue  # 구조대 (rescuers): glued, only the commonest counters make a figure
        value = parse_han_number("".join(_SINO[c] for c in word))
        if not value:
            continue
        after = m.group(2)
        currency = CURRENCY_WORDS.get(after, "")
        kind = FigureKind.NUMBER
        if after == "월" and 1 <= value <= 12:
            kind = FigureKind.MONTH
        elif after == "년" and 1000 <= value <= 2999:
            kind = FigureKind.YEAR
        elif after in ("퍼센트", "프로", "%"):
            kind = FigureKind.PERCENT
        end = m.end(1)
        if currency or kind != FigureKind.NUMBER:
            end = m.end(2) + (len(text[m.end(1) : m.start(2)]))
            end = m.start(2) + len(after)
        scaled = bool(re.search("[만억조]", word))
        found.append(
            Figure(Decimal(value), kind, m.start(1), end, text[m.start(1) : end], currency,
                   scaled=scaled)
        )  # fmt: skip
    return found


def _money_or_date(word: str) -> bool:
    """원, 달러를, 년에, 퍼센트: a currency, year, month, day or percent word with particles."""
    for head in sorted(
        (*(w for w in CURRENCY_WORDS if not w.isascii()), "년", "월", "일", "세", "퍼센트", "프로"),
        key=len,
        reverse=True,
    ):
        rest = word[len(head) :]
        if word.startswith(head) and (not rest or is_particle_tail(head[-1], rest)):
            return True
    return False
