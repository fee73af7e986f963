"""Figures in a segment as normalised quantities (Korean, Chinese, English) and their comparison."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from qa.figures import FAMILY, Figure, FigureKind, format_quantity
from qa.newsforms import batting_averages, carried_scale, decades, idiom_spans, slash_dates
from qa.numwords import (
    BIG_UNITS,
    CURRENCY_AFTER_RE,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    EN_SCALE_RE,
    EN_SCALES,
    KO_NATIVE_ORDINALS,
    PERCENT_RE,
    SMALL_UNITS,
    currency_word_ends,
)
from qa.roles import swaps
from qa.spelled import (
    clock_times,
    english_days,
    english_months,
    english_multiples,
    english_pairs,
    english_points,
    english_words,
    growth_alternatives,
    halves,
    han_doublings,
    han_numerals,
    korean_implied,
    korean_natives,
    korean_sino,
    parse_han_number,
    roman_numerals,
)
from qa.units import DAYS, KMH, MPH, agree, read_unit

__all__ = [
    "Figure",
    "FigureIssue",
    "FigureKind",
    "compare_figures",
    "extract_figures",
    "format_quantity",
    "parse_han_number",
]

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ISO_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d])")
# digits glued to Latin letters are part of a name (G8, A380, F1), not a figure
# (euro500, USD40: a currency code glued to its amount is read all the same)
_GLUED_CODE = "|".join(
    f"(?<={code})" for code in ("euro", "EUR", "USD", "RMB", "CNY", "JPY", "GBP")
)
_NUMBER = re.compile(rf"(?<![\d.,])(?:(?<![A-Za-z])|{_GLUED_CODE})({_NUM})")
_CHUNK = re.compile(rf"\s?({_NUM})(?:\s?([천백십千百十拾佰仟]))?(?:\s?([만억조경万萬亿億兆]+))?")
_SHORT_SCALE = re.compile(r"(k|m|b|bn|tn)(?![A-Za-z])", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(
    r"(" + "|".join(sorted(map(re.escape, CURRENCY_PREFIXES), key=len, reverse=True)) + r")\s?$"
)
_EN_SUFFIX = re.compile(r"(st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_KO_ORDINAL = re.compile(r"\s?번\s?째")
_BASIS_POINTS = re.compile(r"\s?(?:basis\s?points?|bps?|bp)(?![A-Za-z])", re.IGNORECASE)
_KO_NATIVE = re.compile("(" + "|".join(KO_NATIVE_ORDINALS) + r")\s?(?:번\s?째|째)")


def extract_figures(text: str, lang: str) -> list[Figure]:
    """Every figure of text in order: value, kind, currency, span.

    lang (ko, zh-Hans, zh-Hant, en, ...) picks the spelled-out forms: English number words,
    Chinese numerals, Korean native ordinals; digits with units are read in any language.
    """
    taken = [False] * len(text)
    figures: list[Figure] = []

    def add(figure: Figure) -> None:
        figures.append(figure)
        for i in range(figure.start, figure.end):
            taken[i] = True

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    # HTML entities (&#8212;) and a datestamp closing a headline (…2007.11) are no figures
    # and neither is an idiom ("a 9 to 5 travel agent", 24/7)
    spans = [m.span() for m in (*_ENTITY.finditer(text), *_DATESTAMP.finditer(text))]
    for start, end in (*spans, *idiom_spans(text)):
        for i in range(start, end):
            taken[i] = True
    for m in _ISO_DATE.finditer(text):
        year, _sep, month, day = m.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            add(Figure(Decimal(year), FigureKind.YEAR, m.start(1), m.end(1), year))
            add(Figure(Decimal(int(month)), FigureKind.MONTH, m.start(3), m.end(3), month))
            add(Figure(Decimal(int(day)), FigureKind.DAY, m.start(4), m.end(4), day))
    if lang.startswith("ko"):
        # 6.15 남북공동선언, 5.18 민주화운동: a date named by its month and day
        for m in _KO_DOT_DATE.finditer(text):
            month, day = int(m.group(1)), int(m.group(2))
            if 1 <= day <= 31 and not _KO_AMOUNT_AFTER.match(text, m.end()):
                add(Figure(Decimal(month), FigureKind.MONTH, m.start(1), m.end(1), m.group(1)))
                add(Figure(Decimal(day), FigureKind.DAY, m.start(2), m.end(2), m.group(2)))
    for figure in clock_times(text) + slash_dates(text, lang) + batting_averages(text, lang):
        if free(figure.start, figure.end):
            add(figure)
    if lang == "en" or not lang.startswith(("ko", "zh")):
        for figure in english_months(text):
            add(figure)
    for m in _NUMBER.finditer(text):
        if free(m.start(), m.end()):
            add(_read_number(text, m, lang))
    if lang.startswith("ko"):
        for m in _KO_NATIVE.finditer(text):
            if free(m.start(), m.end()):
                value = KO_NATIVE_ORDINALS[m.group(1)]
                add(Figure(Decimal(value), FigureKind.ORDINAL, m.start(), m.end(), m.group()))
        for figure in korean_natives(text) + halves(text):
            if free(figure.start, figure.end):
                add(figure)
    if lang.startswith("zh") or lang in ("zt",):
        for figure in han_doublings(text) + han_numerals(text) + halves(text):
            if free(figure.start, figure.end):
                add(figure)
    if lang == "en" or not lang.startswith(("ko", "zh")):
        for figure in (
            english_points(text)
            + english_multiples(text)
            + english_words(text)
            + roman_numerals(text)
        ):
            if free(figure.start, figure.end):
                add(figure)
        for figure in english_pairs(text):
            if free(figure.start, figure.end):
                add(figure)
    if lang.startswith("ko"):
        for figure in korean_implied(text) + korean_sino(text):
            if free(figure.start, figure.end):
                add(figure)
    figures.sort(key=lambda f: (f.start, f.end))
    figures = _speed_ranges(text, english_days(text, figures))
    if lang == "en" or not lang.startswith(("ko", "zh")):
        figures = carried_scale(text, decades(text, figures))
    return _in_context(text, _ranges(text, figures))


_KO_DOT_DATE = re.compile(r"(?<![\d.])(1[0-2]|[1-9])\.([0-3]\d)(?![\d.%])(?=\s[\uac00-\ud7a3])")
# 2.16 달러, 6.8 규모: an amount after all
_KO_AMOUNT_AFTER = re.compile(r"\s(?:달러|원|위안|엔|유로|배|명|개|도|포인트|km|m)")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
# …2007.11 at the end, or glued to the headline's last word (표명2006.01 원문 & 독해설명 인쇄)
_DATESTAMP = re.compile(
    r"(?<![\d.])(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])(?:\.\d{1,2})?\s*$|"
    r"(?<=[\uac00-\ud7a3])(?:19|20)\d{2}\.(?:0[1-9]|1[0-2])(?![\d.])"
)
_RANGE = re.compile(r"\s?(?:[~〜∼\-–—]|to|and|or|에서|[\uac00-\ud7a3]{0,2}부터|,)\s?")
# numbers that are part of a name: 6자 회담 (the six-party talks, "the nuclear negotiations"),
# the Group of Eight; they confirm a figure of the other side but are never reported alone
_NAMED_AFTER = re.compile(
    r"\s+of\s+a\s+kind\b|"  # four of a kind (포카드)
    r"\s?자\s?(?:회담|협상|회의|협의|구도)|-(?:party|nation|way)\s+talks|"
    r"\s?호\s?(?:태풍|열대\s?폭풍)",  # 제8호 태풍: the storm's designation, "Typhoon Fung-Wong"
    re.I,
)
_NAMED_BEFORE = re.compile(r"(?:Group of|G-?)\s?$")
_PARENS = re.compile(r"[(（][^()（）]*[)）]")
# 카라지치(63), 조앤(가명, 26): a person's age after the name, part of the sentence, no aside
_AGE = re.compile(r"[(（](?:[^()（）\d]*[,，·]\s?)?\d{1,3}(?:\s?(?:세|살))?[)）]")
# the English says a day relative to another: "three days after", "two days ago"
_AFTER = re.compile(r"\s+(?:ago|after|before|earlier|later)\b", re.I)
_DAYS_RELATIVE = re.compile(r"\s?-?days?\s+(?:ago|after|before|earlier|later)\b", re.I)


_SPEED_GAP = re.compile(r"\s?(?:에서|부터|~|-|–|to)\s?(?:최대\s?|약\s?|about\s)?")


def _speed_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """시속 120km에서 약 150km: the far end of a range of speeds is a speed too."""
    result = list(figures)
    for i in range(1, len(result)):
        before, figure = result[i - 1], result[i]
        if (
            before.measure in (KMH, MPH)
            and figure.measure is not None
            and figure.measure.symbol in ("km", "mi")
            and _SPEED_GAP.fullmatch(text, before.end, figure.start)
        ):
            result[i] = replace(figure, measure=KMH if figure.measure.symbol == "km" else MPH)
    return result


def _ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """7~9월, 22~25도, 129~130달러, 72 to 78 degrees: the first end takes the second's unit."""
    result = list(figures)
    for i in range(len(result) - 1, 0, -1):
        first, second = result[i - 1], result[i]
        bare = first.kind == FigureKind.NUMBER and not first.currency and not first.measure
        if not bare or first.scaled and not second.scaled:
            continue
        gap = _RANGE.fullmatch(text, first.end, second.start)
        if not gap or second.kind == FigureKind.NUMBER and not (second.currency or second.measure):
            continue
        if first.value >= second.value and second.kind != FigureKind.TIME:
            continue  # "2014 to 3 …" is no range
        if "," in text[first.end : second.start] and second.value != first.value + 1:
            continue  # "2, 3년" is two or three years; "5, 10명" is a list
        value, quantum = first.value, first.quantum
        if second.scaled and not first.scaled and second.quantum > 1:
            value, quantum = value * second.quantum, quantum * second.quantum  # 3~4만 명
        result[i - 1] = replace(
            first,
            kind=second.kind,
            value=value,
            quantum=quantum,
            currency=second.currency,
            measure=second.measure,
            scaled=second.scaled,
        )
    return result


def _in_context(text: str, figures: list[Figure]) -> list[Figure]:
    """Mark asides (inside parentheses), numbers inside names, and relative-day counts."""
    parens = [m.span() for m in _PARENS.finditer(text) if not _AGE.fullmatch(m.group())]
    result = []
    for figure in figures:
        aside = any(a < figure.start and figure.end < b for a, b in parens)
        loose = figure.loose
        if _NAMED_AFTER.match(text, figure.end) or _NAMED_BEFORE.search(
            text, max(0, figure.start - 9), figure.start
        ):
            loose = True
        # "a second landfall" is another one, not a rank
        if (
            figure.text.lower() == "second"
            and text[max(0, figure.start - 2) : figure.start] == "a "
        ):
            loose = True
        relative = figure.kind == FigureKind.NUMBER and (
            _DAYS_RELATIVE.match(text, figure.end)
            or (figure.measure == DAYS and _AFTER.match(text, figure.end))
        )
        if relative:
            loose = True
        if aside != figure.aside or loose != figure.loose:
            figure = replace(figure, aside=aside, loose=loose)
        result.append(figure)
    return result


def _digits_value(written: str) -> tuple[Decimal, Decimal]:
    """'1,500' -> (1500, 1); '3.8729' -> (3.8729, 0.0001)."""
    value = Decimal(written.replace(",", ""))
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # digits are finite: never NaN's 'n' or infinity's 'F'
    return value, Decimal(1).scaleb(min(exponent, 0))


def _read_number(text: str, m: re.Match[str], lang: str) -> Figure:
    """A digit figure with everything attached to it: CJK units, scale words, %, currency."""
    start = m.start()
    value, quantum, end, scaled = _cjk_amount(text, start, lang)
    if not scaled:
        scale = EN_SCALE_RE.match(text, end)
        if scale:
            value *= EN_SCALES[scale.group(1).lower()]
            quantum *= EN_SCALES[scale.group(1).lower()]
            end, scaled = scale.end(), True
    currency = ""
    before = _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
    if before:
        currency, start = CURRENCY_PREFIXES[before.group(1)], before.start()
        short = _SHORT_SCALE.match(text, end)
        if short and not scaled:
            factor = EN_SCALES[short.group(1).lower()]
            value, quantum, end, scaled = value * factor, quantum * factor, short.end(), True
    kind = FigureKind.NUMBER
    percent = PERCENT_RE.match(text, end)
    basis = _BASIS_POINTS.match(text, end)
    if percent:
        kind, end = FigureKind.PERCENT, percent.end()
    elif basis and not currency and not scaled:
        # 25 basis points are 0.25 percentage points (0.25%포인트)
        value, quantum = value / 100, quantum / 100
        kind, end = FigureKind.PERCENT, basis.end()
    elif not currency:
        after = CURRENCY_AFTER_RE.match(text, end)
        if after and currency_word_ends(text, after.end(), after.group(1)):
            if after.group(1) == "pounds" and not scaled and "£" not in text:
                pass  # 1,500 pounds (700 kilograms): weight (read below); money is £ or scaled
            else:
                currency, end = CURRENCY_WORDS[after.group(1)], after.end()
    if kind == FigureKind.NUMBER and not currency and scaled and lang.startswith("ko"):
        article = _ARTICLE.fullmatch(text, start, end)
        if article and _LAW_BEFORE.search(text, max(0, start - 8), start):
            # 헌법 9조, 제9조: article 9 of a law, not 9 trillion
            value, quantum, scaled, kind = (
                Decimal(article.group(1)),
                Decimal(1),
                False,
                (FigureKind.ORDINAL),
            )
    if kind == FigureKind.NUMBER and not currency and not scaled:
        kind, end, start = _suffix_kind(text, start, end, value, lang)
    measure = None
    if kind == FigureKind.NUMBER and not currency:
        # 20여 시간, 50만여 km: "more than" sits between the figure and its unit
        about = re.match(r"여\s?", text[end:]) if lang.startswith("ko") else None
        found = read_unit(text, end + (about.end() if about else 0), lang)
        if found:
            measure, end = found
            if measure.symbol in ("km", "mi") and re.search(
                r"시속\s?$", text[max(0, start - 4) : start]
            ):
                measure = KMH if measure.symbol == "km" else MPH  # 시속 120km: a speed
    multiple = kind == FigureKind.MULTIPLE and value == value.to_integral_value()
    alternatives = growth_alternatives(text, start, kind, int(value)) if multiple else ()
    return Figure(
        value,
        kind,
        start,
        end,
        text[start:end],
        currency,
        quantum,
        scaled,
        False,
        alternatives,
        measure,
    )


_ARTICLE = re.compile(r"(\d{1,3})\s?조")
_LAW_BEFORE = re.compile(r"(?:헌법|법|법률|조약|협정|헌장|규약|규정|조례|제)\s?(?:제\s?)?$")


def _cjk_amount(text: str, start: int, lang: str) -> tuple[Decimal, Decimal, int, bool]:
    """Digits with Korean or Chinese units, chunk after chunk: 3조8729억, 2억 5천만, 3.8729万亿.

    Returns value, quantum, end and whether a unit was written.
    """
    total, quantum, end, scaled = Decimal(0), Decimal(1), start, False
    previous_big: Decimal | None = None
    while True:
        chunk = _CHUNK.match(text, end)
        if not chunk or (previous_big is not None and chunk.start(1) > end + 1):
            break
        value, step = _digits_value(chunk.group(1))
        small, big = chunk.group(2), chunk.group(3) or ""
        chunk_end = chunk.end()
        if "兆" in big and not _trillion_zhao(text, chunk.start(3) + big.index("兆") + 1, lang):
            big = big[: big.index("兆")]
            chunk_end = (
                chunk.start(3) + len(big) if big else (chunk.end(2) if small else chunk.end(1))
            )
        multiplier = Decimal(SMALL_UNITS[small]) if small else Decimal(1)
        for char in big:
            multiplier *= BIG_UNITS[char]
        glued = chunk.start(1) == end and not (small or big)
        if previous_big is not None and glued and value < previous_big:
            # 1만8500 is 18,500 and 7만5000 is 75,000: digits glued to the last unit finish it
            total += value
            quantum, end = step, chunk.end(1)
            break
        if previous_big is not None and (not (small or big) or value * multiplier >= previous_big):
            break  # 3억 5억 are two figures, and 3억 500 (with a space) two as well
        total += value * multiplier
        quantum, end = step * multiplier, chunk_end
        scaled = scaled or bool(small or big)
        if not big:
            break
        previous_big = multiplier
    return total, quantum, end, scaled


def _trillion_zhao(text: str, after: int, lang: str) -> bool:
    """兆 is 10^12 in money (Taiwan, Korea, Japan) but mega in 兆瓦, 兆赫, 兆字节 (mainland)."""
    nxt = text[after : after + 2]
    if nxt[:1] in ("瓦", "赫", "字", "位", "比", "帕", "焦", "欧", "歐", "伏", "吨"):
        return False
    return lang == "zh-Hant" or nxt[:1] in ("元", "美", "日", "韩", "韓", "台", "港", "人", "欧")


# 후보 (a candidate) is no 후 (after)
_LASTING = re.compile(r"일(?:\s?간|짜리|\s?동안|\s?만에|\s?(?:후|뒤)(?:에|엔)?(?![\uac00-\ud7a3]))")


def _suffix_kind(
    text: str, start: int, end: int, value: Decimal, lang: str
) -> tuple[FigureKind, int, int]:
    """Dates, years and ordinals written with a suffix or prefix on a bare number."""
    nxt = text[end : end + 3]
    if start >= 1 and text[start - 1] in "제第" and (start < 2 or not text[start - 2].isalpha()):
        return FigureKind.ORDINAL, end, start - 1
    if ordinal := _KO_ORDINAL.match(text, end):
        return FigureKind.ORDINAL, ordinal.end(), start
    suffix = _EN_SUFFIX.match(text, end)
    if suffix:
        return FigureKind.ORDINAL, suffix.end(), start
    if nxt[:1] in ("배", "倍") and nxt[1:2] != "럴":  # 2배, 3倍: not 2배럴 (barrels)
        return FigureKind.MULTIPLE, end + 1, start
    # 3일간, 10일 후에: a length of days, not a date
    lasting = _LASTING.match(text[end : end + 6])
    if (
        nxt[:1] in ("일", "日", "号", "號")
        and 1 <= value <= 31
        and nxt[1:2] != "本"
        and not lasting
    ):
        return FigureKind.DAY, end + 1, start
    if nxt[:1] in ("월", "月") and 1 <= value <= 12 and nxt[1:2] != "간":
        return FigureKind.MONTH, end + 1, start
    if nxt[:1] in ("년", "年") and 1000 <= value <= 2999 and nxt[1:2] not in ("간", "代"):
        return FigureKind.YEAR, end + 1, start
    return FigureKind.NUMBER, end, start


# ---------------------------------------------------------------- comparison


@dataclass(frozen=True)
class FigureIssue:
    # "missing": in the source only; "extra": in the target only; "mismatch": differ;
    # "currency": same amount, but the target names no currency where the source does;
    # "unit": same number, a unit of another magnitude (5와트 -> 5 gigawatts);
    # "weekday": a day of the month rendered as a weekday that does not fit the article's date;
    # "date": a day of the month rendered as a weekday or a relative day (informational);
    # "reversed": a range the source gives low to high, the target high to low;
    # "swapped": two figures whose values are both there, each with the other's role (killed
    # and injured, a price's change and its level) in the target;
    # "clock": hours and minutes of a length the target gives as a clock time (21시간 30분 ->
    # 21:30);
    # "rendered": a figure the target says in words of its own (6개국 -> "the parties", 1위 ->
    # "the top"): informational
    kind: str
    source: Figure | None
    target: Figure | None
    # "critical": confident the figure is wrong; "functional": worth a look; "info": a
    # plausible other rendering (an aside, a weekday for a date), shown but not flagged
    level: str = "functional"
    said: str = ""  # the target's words for a date: "Monday", "yesterday"; a swap's first role
    expected: str = ""  # the weekday the article's date gives; a swap's second role
    # "swapped", "reversed": the second source figure and its value in the target
    other: Figure | None = None
    other_target: Figure | None = None

    @property
    def _source(self) -> Figure:
        """The source's figure, which every kind but "extra" has."""
        assert self.source is not None, self.kind
        return self.source

    @property
    def _target(self) -> Figure:
        """The target's figure, which "extra", "currency", "unit" and "mismatch" have."""
        assert self.target is not None, self.kind
        return self.target

    @property
    def message(self) -> str:
        if self.kind == "missing":
            aside = " (an aside in parentheses)" if self._source.aside else ""
            return f"{_said(self._source)} is missing from the target{aside}"
        if self.kind == "currency":
            return (
                f"{_said(self._source)}: the target gives {self._target.text} without its "
                f"currency ({self._source.currency})"
            )
        if self.kind == "extra":
            aside = " (an aside in parentheses)" if self._target.aside else ""
            return f"{_said(self._target)} is not in the source{aside}"
        if self.kind == "unit":
            return (
                f"the source has {_said(self._source)}, the target {_said(self._target)}: "
                "a different unit"
            )
        if self.kind == "weekday":
            return f"{self._source.text} is a {self.expected}, the target says {self.said!r}"
        if self.kind == "swapped" and self.other is not None and self.other_target is not None:
            return (
                f"the source has {self._source.text} {self.said} and {self.other.text} "
                f"{self.expected}; the target swaps them: {self.other_target.text} "
                f"{self.said}, {self._target.text} {self.expected}"
            )
        if self.kind == "reversed" and self.other is not None and self.other_target is not None:
            return (
                f"the target's range runs backwards ({self._target.text} to "
                f"{self.other_target.text}); the source has {self._source.text} to "
                f"{self.other.text}"
            )
        if self.kind == "clock":
            return (
                f"{self._source.text} is a length of time; the target gives the clock time "
                f"{self._target.text}"
            )
        if self.kind in ("date", "rendered"):
            return f"{self._source.text} is rendered as {self.said!r}"
        return f"the source has {_said(self._source)}, the target {_said(self._target)}"

    @property
    def params(self) -> dict[str, str]:
        """The figures of the message, for a message template in another language."""
        found = {
            "source": _said(self.source) if self.source else "",
            "target": _said(self.target) if self.target else "",
        }
        if self.source is not None:
            found["source_text"] = self.source.text
            found["currency"] = self.source.currency
        if self.target is not None:
            found["target_text"] = self.target.text
        found["said"], found["expected"] = self.said, self.expected
        if self.other is not None and self.other_target is not None:
            found["other_text"] = self.other.text
            found["other_target_text"] = self.other_target.text
        figure = self.source if self.source is not None else self._target
        found["aside"] = "1" if figure.aside else ""
        return found


def _said(figure: Figure) -> str:
    """'3조8729억 위안 (3.8729 trillion CNY)'; just '50%' when the reading adds nothing."""
    reading = figure.describe()
    return (
        figure.text
        if reading.replace(" ", "") == figure.text.replace(" ", "")
        else (f"{figure.text} ({reading})")
    )


def _points(figure: Figure) -> bool:
    """9%포인트, 3.5%p, 40포인트, "a 9-point lead": said in points."""
    return (figure.measure is not None and figure.measure.dimension == "points") or (
        figure.kind == FigureKind.PERCENT
        and re.search(r"포인트|%p|points?", figure.text) is not None
    )


def _compatible(a: Figure, b: Figure) -> bool:
    """a (of the source) and b (of the target) can be one figure."""
    if _points(a) and _points(b):
        return True  # 9%포인트 is a 9-point margin
    if FAMILY[a.kind] != FAMILY[b.kind]:
        return False
    if a.measure and b.measure and a.measure.dimension != b.measure.dimension:
        return False
    if _lasting(a) and b.kind in _DATED:
        # 24일간 (24 days) is not the 24th of "August 8-24"; a bare 3일 may be a length in
        # Korean news (3일 연속 = three straight days), so only the source's length is held to it
        return False
    return not (a.currency and b.currency and a.currency != b.currency)


_DATED = (FigureKind.DAY, FigureKind.MONTH, FigureKind.YEAR, FigureKind.TIME)


def _lasting(figure: Figure) -> bool:
    return figure.measure is not None and figure.measure.dimension == "duration"


def _same(source: Figure, target: Figure) -> bool:
    """Equal value, or the target rounds the source to at least two significant digits; in
    another unit of the same dimension, a conversion within rounding (48km, about 30 miles)."""
    temperature = source.measure and source.measure.dimension == "temperature"
    if source.measure and target.measure and (source.measure != target.measure or temperature):
        return agree(source.value, source.measure, target.value, target.measure, exact=False)
    if source.value == target.value or target.value in source.alternatives:
        return True
    if source.value in target.alternatives:
        return True
    if target.loose and target.kind == FigureKind.PERCENT == source.kind:
        return abs(source.value - target.value) <= 5  # "about a third" for 30%
    if target.quantum <= 0 or target.value == 0:
        return False
    steps = target.value / target.quantum
    if abs(steps) < 10:  # "4 trillion" for 3.8729 trillion is not a rounding we trust
        return False
    rounded = (source.value / target.quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return rounded * target.quantum == target.value


def _converts(a: Figure, b: Figure) -> bool:
    """One quantity restated in another unit: 29,000 feet beside 8,840 meters."""
    return bool(
        a.measure
        and b.measure
        and a.measure != b.measure
        and agree(a.value, a.measure, b.value, b.measure, exact=False)
    )


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")s?\b")
# a day said relative to the story's: yesterday, today, last night, three days after
_EN_RELATIVE = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|last night|this (?:morning|afternoon|evening|week)|"
    r"earlier this week|the day before|the next day|the following day|"
    r"\w+[ -]days? (?:ago|after|before|earlier|later))\b",
    re.IGNORECASE,
)
_RELATIVE_OFFSET = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "tomorrow": 1}


def article_day(day: int, article: date) -> date | None:
    """The date a bare 28일 means in an article of that date: the nearest such day."""
    found = []
    for months in (-1, 0, 1):
        year, month = article.year, article.month + months
        if month < 1:
            year, month = year - 1, 12
        elif month > 12:
            year, month = year + 1, 1
        try:
            found.append(date(year, month, day))
        except ValueError:
            continue
    return min(found, key=lambda d: abs(d - article), default=None)


def _date_rendering(figure: Figure, target: str, article: date | None) -> FigureIssue | None:
    """A day of the month the target says as a weekday or a relative day: accepted, and when
    the article's date is known the weekday must fit it."""
    weekday = _EN_WEEKDAY.search(target)
    relative = _EN_RELATIVE.search(target)
    written = weekday or relative
    if written is None:
        return None
    said = written.group()
    if article is not None and figure.kind == FigureKind.DAY:
        meant = article_day(int(figure.value), article)
        if meant is not None and weekday:
            expected = _WEEKDAYS[meant.weekday()]
            if weekday.group(1) != expected:
                return FigureIssue("weekday", figure, None, "functional", said, expected)
        elif meant is not None and relative and relative.group(1).lower() in _RELATIVE_OFFSET:
            offset = _RELATIVE_OFFSET[relative.group(1).lower()]
            if meant != article + timedelta(days=offset):
                expected = f"{meant.isoformat()} ({_WEEKDAYS[meant.weekday()]})"
                return FigureIssue("weekday", figure, None, "functional", said, expected)
    return FigureIssue("date", figure, None, "info", said)


def compare_figures(
    source: str,
    source_lang: str,
    target: str,
    target_lang: str,
    *,
    article_date: date | None = None,
) -> list[FigureIssue]:
    """Figures of the source absent or different in the target, and figures the target adds.

    Dates: 19일 matches 19th, Nov. 19, 19 November or 2014-11-19's day; 11월 matches November
    or Nov.; a month or year the target adds (19일 -> Nov. 19, 2014) is a clarification and no
    issue. A day rendered as a weekday or a relative day (28일 -> Monday, yesterday) is
    accepted; with article_date the weekday must fit. Ordinals, days, years and counts compare
    by value with one another (6번째 = sixth, 19일 = the 19th); percents only with percents;
    currencies must agree when both sides name one; quantities with units compare in the
    base unit (48km = about 30 miles), and the same number in a unit of another magnitude is
    a unit error. A figure in parentheses on one side only (a currency equivalent, a
    conversion) is an aside: informational. A bare one (1년간 -> over the past year) is never
    reported missing or extra.
    """
    sources = extract_figures(source, source_lang)
    targets = extract_figures(target, target_lang)
    used: set[int] = set()
    unmatched: list[Figure] = []
    issues: list[FigureIssue] = []
    # 9.11 on both sides: one side reads a date, the other a decimal, both wrote the same
    twins, twin_targets = _literal_twins(source, sources, target, targets)
    used |= twin_targets
    sources = [f for f in sources if f not in twins]
    matched_pairs: list[tuple[Figure, Figure]] = []
    # asides last: "29,000 feet (8,840 meters)" pairs 8840m with the metres in parentheses
    for figure in sources:
        # a figure of the target before a loose word: 2회 is "2 times" before it is "twice"
        hit = next(
            (
                i
                for i, other in sorted(enumerate(targets), key=lambda t: t[1].loose)
                if i not in used and _compatible(figure, other) and _same(figure, other)
            ),
            None,
        )
        if hit is None:
            unmatched.append(figure)
            continue
        used.add(hit)
        other = targets[hit]
        matched_pairs.append((figure, other))
        if (
            figure.currency
            and not other.currency
            and not _names_currency(target, figure.currency)
            and not _money_context(target, other)
        ):
            issues.append(FigureIssue("currency", figure, other))
    # 70명이 숨지고 300여명이 다쳤다 -> "killed 300 and wounded 70": both values are there,
    # each with the other's role
    for swap in swaps(source, source_lang, target, target_lang, matched_pairs):
        level = "critical" if swap.role in ("killed", "injured") else "functional"
        issues.append(
            FigureIssue(
                "swapped", swap.first, swap.first_target, level, swap.role, swap.other_role,
                other=swap.second, other_target=swap.second_target,
            )
        )  # fmt: skip
    # 1992년에서 1995년까지 -> "the 1995-1992 war": a range the target runs backwards
    issues += _reversed_ranges(source, sources, target, targets)
    # loose words (twice, half) only ever confirm a figure of the other side
    matched_sources = [f for f in sources if f not in unmatched]
    leftovers = [
        (i, t)
        for i, t in enumerate(targets)
        if i not in used and not t.trivial and not any(_converts(s, t) for s in sources)
    ]
    unmatched = [f for f in unmatched if not any(_converts(f, t) for t in targets)]
    # a figure said twice in the source may be said once in the target ("the 2010 goal … in
    # 2010" -> "The 2010 goal … could hit"): a repeat of a matched figure is no loss
    # 2, 3년 -> "a couple years", 30~40명 -> "dozens": a range said as one figure
    in_range = _range_partners(source, sources)
    unmatched = [
        f
        for f in unmatched
        if not (
            f in in_range
            and in_range[f] in matched_sources
            # collapsed only when the target has nothing left that could be this end
            and not any(FAMILY[t.kind] == FAMILY[f.kind] and not t.loose for _i, t in leftovers)
        )
    ]
    reportable = [
        f
        for f in unmatched
        if not ((f.trivial and not _rank(source, f)) or f.loose)
        and not any(_repeats(m, f) for m in matched_sources)
    ]
    rendered: list[Figure] = []
    # 21시간 30분 동안 -> "at 21:30 hours": the same hours and minutes, but a length of time
    # against a clock time; one issue that says so, not two missing figures and an extra one
    for hours, minutes, i, clock in _durations_as_clock(source, reportable, leftovers):
        both = replace(hours, text=source[hours.start : minutes.end], end=minutes.end)
        issues.append(FigureIssue("clock", both, clock))
        rendered += [hours, minutes]
        leftovers.remove((i, clock))
    # days first: the month before a day rendered as "today" goes with it
    for figure in sorted(reportable, key=lambda f: f.kind != FigureKind.DAY):
        if figure in rendered:
            continue
        day_left = any(t.kind == FigureKind.DAY for _i, t in leftovers)
        if (figure.kind == FigureKind.DAY and not day_left) or (
            figure.kind == FigureKind.NUMBER and _relative_day_count(source, figure)
        ):
            dated = _date_rendering(figure, target, article_date)
            if dated is not None:
                issues.append(dated)
                # 9월 19일 -> "today": the month and year go with the day
                rendered += [f for f in reportable if _same_date(source, f, figure)]
                continue
        said = _said_otherwise(figure, source, target)
        if said:
            # 2009년 6월 -> "next June", 7월 마지막 토요일 -> "Saturday": a year or month the
            # target says relative to the story's own date
            issues.append(FigureIssue("date", figure, None, "info", said))
            continue
        counted = _counted(figure, source)
        if counted is not None:
            figure = replace(figure, text=source[figure.start : counted.end()].strip())
        said = _said_as_words(figure, source, target)
        if said:
            # 6개국 -> "the parties", 1위 -> "the top": a count or rank the target names
            issues.append(FigureIssue("rendered", figure, None, "info", said))
            continue
        # a loose word stands for a figure of its own kind only: 2배 -> tripled
        candidates = [
            (i, t)
            for i, t in leftovers
            if FAMILY[figure.kind] == FAMILY[t.kind]
            and (not t.loose or t.kind == figure.kind)
            # an aside compares with an aside, of the same money or unit: 80만원 (an aside)
            # is no wrong US$790 (another aside)
            and figure.aside == t.aside
            and not (
                figure.aside and (figure.currency != t.currency or figure.measure != t.measure)
            )
            # a quantity with a unit is no year or date: 2010년 never pairs with 20 gigawatts
            and not (
                bool(figure.measure) != bool(t.measure)
                and FigureKind.NUMBER not in (figure.kind, t.kind)
            )
            and not (t.measure and figure.kind != FigureKind.NUMBER)
            and not (figure.measure and t.kind != FigureKind.NUMBER)
            and not (
                figure.measure and t.measure and figure.measure.dimension != t.measure.dimension
            )
        ]
        if candidates:
            i, other = min(candidates, key=lambda c: _distance(figure, c[1]))
            leftovers.remove((i, other))
            alike = [t for _i, t in candidates if _alike(figure, t)]
            issues.append(_mismatch(figure, other, confident=alike == [other]))
        elif figure.aside or (
            figure.kind == FigureKind.DAY
            and not any(_same_date(source, f, figure) for f in sources)
        ):
            # an aside, or a bare 21일: the story's own day, which English news leaves to
            # context
            issues.append(FigureIssue("missing", figure, None, "info"))
        else:
            issues.append(FigureIssue("missing", figure, None))
    matched_targets = [t for i, t in enumerate(targets) if i in used]
    for _i, other in leftovers:
        if other.kind in (FigureKind.MONTH, FigureKind.YEAR) or other.loose:
            continue
        if any(m.value == other.value and m.kind == other.kind for m in matched_targets):
            continue  # "three bombers … three locations": a matched figure said again
        if any(
            a.value < other.value < b.value and FAMILY[a.kind] == FAMILY[other.kind]
            for a, b in in_range.items()
        ):
            continue  # 2등부터 4등까지 -> "second, third or fourth": inside the range
        if _written_in(source, other):
            continue  # The Second Asia Tour, quoted in English inside the Korean
        # "the first blast ... the second explosion": an order the source tells in words
        # (먼저 ... 다음, 연이어); a position the target adds to a sequence it counts itself
        if _in_sequence(source, target, other):
            issues.append(FigureIssue("extra", None, other, "info"))
            continue
        # "the two Koreas", "the two sides": a pair the Korean implies (남북, 양측); "two"
        # before anything else ("two deadly explosions") is a count the source lacks
        implied = other.text.lower() == "two" and bool(
            _PAIR_NOUN.match(target, other.end)
            or _KO_PAIR.search(source)
            # "two early texts: the Epistle of Barnabas and the Shepherd of Hermas"
            or _PAIR_LISTED.match(target, other.end)
        )
        # an aside (a currency equivalent, a time-zone conversion) or a day the target adds
        # beside a month (the June 14 quake) clarifies; it is no error
        clarifies = (
            implied
            or other.aside
            or (other.kind == FigureKind.DAY and any(t.kind == FigureKind.MONTH for t in targets))
        )
        issues.append(FigureIssue("extra", None, other, "info" if clarifies else "functional"))
    return issues


_PAIR_NOUN = re.compile(
    r"\s(?:(?:great|main|rival|neighbouring|neighboring|major|biggest|largest|warring|"
    r"opposing|former|leading)\s)?"
    r"(?:Koreas|sides|countries|nations|parties|governments|leaders|men|women|candidates|"
    r"teams|companies|firms|rivals|neighbors|neighbours|allies|camps|houses|chambers|"
    r"Germanys|Chinas|superpowers)\b"
)
_PAIR_LISTED = re.compile(r"[^:;.]{1,40}:[^:;.]{1,80}\sand\s")
# 남북 (the two Koreas), 양 (both), 쌍 (a pair), 둘 (two), 한중 and the like: a pair named
_KO_PAIR = re.compile(r"남북|북미|한미|한중|한일|미중|중일|양[\s측국당사자]|쌍방|둘|두\s")


# "1995-1992", "June 24-21", "in their 70's to their 20's": the ends of a range in order
_EN_RANGE_GAP = re.compile(r"(?:'s)?\s?(?:-|–|—|to|through|until)\s?(?:their\s|the\s)?")


def _reversed_ranges(
    source: str, sources: list[Figure], target: str, targets: list[Figure]
) -> list[FigureIssue]:
    """A range the source gives low to high that the target writes high to low."""
    ascending = {
        (low.value, high.value): (low, high)
        for low, high in _range_partners(source, sources).items()
        if low.value < high.value
    }
    found = []
    for first, second in zip(targets, targets[1:], strict=False):
        if first.value <= second.value or not _EN_RANGE_GAP.fullmatch(
            target, first.end, second.start
        ):
            continue
        ends = ascending.get((second.value, first.value))
        if ends is not None:
            low, high = ends
            found.append(
                FigureIssue("reversed", low, first, "functional", other=high, other_target=second)
            )
    return found


def _written_in(source: str, figure: Figure) -> bool:
    """A figure in words that the source writes the same way (an English title quoted)."""
    return bool(re.search(r"[A-Za-z]", figure.text)) and bool(
        re.search(rf"(?<![A-Za-z]){re.escape(figure.text)}(?![A-Za-z])", source)
    )


_KO_SEQUENCE = re.compile(r"다음|이어|연이어|잇따라|또\s?다른|나머지|먼저|첫\s?번째|첫째")
_EN_ORDINAL_WORD = re.compile(r"\b(?:first|second|third|fourth|fifth)\b", re.IGNORECASE)


def _in_sequence(source: str, target: str, figure: Figure) -> bool:
    """An ordinal word (second, third) after "first" in the target, or where the source tells
    the order in words: the second of a sequence the target counts itself."""
    if figure.kind != FigureKind.ORDINAL or not figure.text.isalpha() or figure.value < 2:
        return False
    before = [m.group().lower() for m in _EN_ORDINAL_WORD.finditer(target, 0, figure.start)]
    return "first" in before or bool(_KO_SEQUENCE.search(source))


def _range_partners(text: str, figures: list[Figure]) -> dict[Figure, Figure]:
    """The two ends of each range (7~9월, 2, 3년, 129~130달러), each mapped to the other."""
    found: dict[Figure, Figure] = {}
    for a, b in zip(figures, figures[1:], strict=False):
        gap = _RANGE.fullmatch(text, a.end, b.start)
        if gap and a.kind == b.kind and a.value < b.value:
            if "," in gap.group() and b.value != a.value + 1:
                continue
            found[a], found[b] = b, a
    return found


def _same_date(text: str, other: Figure, day: Figure) -> bool:
    """other is the month or year written just before a day: 2008년 9월 19일."""
    return (
        other is not day
        and other.kind in (FigureKind.MONTH, FigureKind.YEAR)
        and other.end <= day.start
        and bool(re.fullmatch(r"[\s,.]*(?:\d{1,2}월\s?)?", text[other.end : day.start]))
    )


_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_RELATIVE_YEAR = re.compile(
    r"\b(?:next|last|this|coming|later this|earlier this)\s+(?:year|"
    + "|".join(_MONTH_NAMES.split())
    + r")\b"
)
_KO_WEEKDAY_AFTER = re.compile(
    r"\s?(?:(?:첫|첫째|둘째|셋째|넷째|마지막)\s?(?:주\s?)?)?[월화수목금토일]요일"
)


def _said_otherwise(figure: Figure, source: str, target: str) -> str:
    """The target's words for a year or month it says relatively, or ""."""
    if figure.kind == FigureKind.YEAR:
        found = _RELATIVE_YEAR.search(target)
        return found.group() if found else ""
    if figure.kind == FigureKind.MONTH and _KO_WEEKDAY_AFTER.match(source, figure.end):
        found = _EN_WEEKDAY.search(target)
        return found.group() if found else ""
    return ""


# 6개국, 6자 회담: a count that names a known group; English may name the group instead
_KO_GROUP_AFTER = re.compile(r"\s?(?:개국|개\s?나라|자\s?(?:회담|협상|대화|간|회의))")
_EN_GROUP = re.compile(
    r"\b(?:the|those|these|all|other)\s+(?:\w+\s+)?(?:parties|nations|countries|powers|"
    r"members|participants|sides|governments|negotiators|talks)\b",
    re.IGNORECASE,
)
# 이 3가지 방법 -> "these choices": things already introduced, counted again in passing
_KO_DEMONSTRATIVE_BEFORE = re.compile(r"(?:^|\s)(?:이|그|저|이런|그런|이들|위)\s?$")
_EN_DEMONSTRATIVE = re.compile(r"\b(?:these|those|both|each|all of them|all of these)\b", re.I)
# 2차전 -> "retrial", 2번째 -> "again": a second time, said as a repeat
_KO_SECOND_TIME_AFTER = re.compile(r"\s?(?:차|번째|회째|번\s?째)")
_EN_AGAIN = re.compile(
    r"\b(?:again|another|anew|renewed|rematch|re-\w+|re(?:trial|match|run|vote|election|count|"
    r"start|sumed?|turn(?:ed|s)?|peat(?:ed)?))\b",
    re.IGNORECASE,
)
_KO_RANK_WORD = re.compile(r"\s?위")
_KO_RANK_AFTER = re.compile(r"\s?위(?![\uac00-\ud7a3])|\s?위(?:를|로|에|의|는|인|권|였|다)")
_EN_FIRST_PLACE = re.compile(
    r"\b(?:top(?:s|ped|ping)?|top-\w+|No\.\s?1|number[\s-](?:one|1)|#1|first|"
    r"lead(?:s|ing|er|ers)?|led|best|best-\w+|most|biggest|highest|largest|greatest|"
    r"champions?|championship|winners?|won|wins|winning|records?|record-\w+|ahead|"
    r"front-?runners?|dominat\w+|pole|unbeaten|undefeated|reign\w*)\b",
    re.IGNORECASE,
)


def _counted(figure: Figure, text: str) -> re.Match[str] | None:
    """The group or rank word after a count (개국, 자 회담, 위), to show it with the figure."""
    if figure.kind != FigureKind.NUMBER or figure.measure or figure.currency:
        return None
    if _rank(text, figure):
        return _KO_RANK_WORD.match(text, figure.end)
    return _KO_GROUP_AFTER.match(text, figure.end)


def _rank(text: str, figure: Figure) -> bool:
    """1위: first place, which English never says with an article ("topped", "No. 1")."""
    return figure.value == 1 and bool(_KO_RANK_AFTER.match(text, figure.end))


def _said_as_words(figure: Figure, source: str, target: str) -> str:
    """The target's words for a count it names as a group (6개국 -> "the parties") or for
    first place (1위 -> "the top"), or ""."""
    if figure.kind == FigureKind.NUMBER and _KO_GROUP_AFTER.match(source, figure.end):
        found = _EN_GROUP.search(target)
        return found.group() if found else ""
    if _rank(source, figure):
        found = _EN_FIRST_PLACE.search(target)
        return found.group() if found else ""
    found = None
    if figure.kind == FigureKind.NUMBER and _KO_DEMONSTRATIVE_BEFORE.search(
        source, 0, figure.start
    ):
        found = _EN_DEMONSTRATIVE.search(target)
    if found is None and figure.value == 2 and _KO_SECOND_TIME_AFTER.match(source, figure.end):
        found = _EN_AGAIN.search(target)
    return found.group() if found else ""


def _repeats(matched: Figure, figure: Figure) -> bool:
    """figure says again what a matched figure of the source said: 15일 감금 ... 15일 동안."""
    if matched.value != figure.value:
        return False
    if matched.kind == figure.kind:
        return True
    days = [f for f in (matched, figure) if f.kind == FigureKind.DAY]
    lengths = [f for f in (matched, figure) if f.measure == DAYS]
    return len(days) == 1 and len(lengths) == 1


def _durations_as_clock(
    source: str, reportable: list[Figure], leftovers: list[tuple[int, Figure]]
) -> list[tuple[Figure, Figure, int, Figure]]:
    """(hours, minutes, index, clock) for each 21시간 30분 the target writes as 21:30."""
    found = []
    for hours, minutes in zip(reportable, reportable[1:], strict=False):
        if not (
            hours.measure is not None
            and hours.measure.symbol == "h"
            and minutes.measure is not None
            and minutes.measure.symbol == "min"
            and minutes.start - hours.end <= 1  # 21시간 30분, 21시간30분
        ):
            continue
        value = hours.value * 60 + minutes.value
        for i, other in leftovers:
            if other.kind == FigureKind.TIME and other.value == value:
                found.append((hours, minutes, i, other))
                break
    return found


_LITERAL = re.compile(r"(?<![\d.,/])\d{1,2}[./]\d{1,2}(?![\d.,/]|\s?[%만억조])")
_DATE_KINDS = (FigureKind.MONTH, FigureKind.DAY)


def _literal_twins(
    source: str, sources: list[Figure], target: str, targets: list[Figure]
) -> tuple[set[Figure], set[int]]:
    """Figures inside a token both sides write alike (9.11), read as a date on one side and
    a number on the other: they agree whatever they mean."""
    source_tokens = {m.group(): m.span() for m in _LITERAL.finditer(source)}
    twins: set[Figure] = set()
    twin_targets: set[int] = set()
    for m in _LITERAL.finditer(target):
        span = source_tokens.get(m.group())
        if span is None:
            continue
        inside = [f for f in sources if span[0] <= f.start and f.end <= span[1] + 1]
        theirs = [i for i, t in enumerate(targets) if m.start() <= t.start and t.end <= m.end() + 1]
        kinds = {f.kind in _DATE_KINDS for f in inside} | {
            targets[i].kind in _DATE_KINDS for i in theirs
        }
        if inside and theirs and kinds == {True, False}:
            twins.update(inside)
            twin_targets.update(theirs)
    return twins, twin_targets


def _relative_day_count(text: str, figure: Figure) -> bool:
    """이틀 전, 사흘 뒤: a count of days before or after, said as a date in the other text."""
    after = re.match(r"\s?(?:전|뒤|후|만에)", text[figure.end : figure.end + 4])
    return bool(after or re.search(r"(?:전|뒤|후|만에)$", figure.text))


def _mismatch(source: Figure, target: Figure, *, confident: bool) -> FigureIssue:
    """Same number, another magnitude of unit: a unit error; else two values that differ,
    critical when they are of one kind and unit and nothing else could pair with them."""
    if (
        source.measure
        and target.measure
        and source.measure != target.measure
        and source.value == target.value
    ):
        return FigureIssue("unit", source, target, "critical")
    if source.currency and target.currency and source.value == target.value:
        return FigureIssue("mismatch", source, target, "critical")  # 10조원 -> 10 trillion dollars
    return FigureIssue("mismatch", source, target, "critical" if confident else "functional")


def _alike(a: Figure, b: Figure) -> bool:
    """Of one kind and unit: a count with a count, hours with hours, km with miles."""
    same_measure = (a.measure is None and b.measure is None) or bool(
        a.measure and b.measure and a.measure.dimension == b.measure.dimension
    )
    # a loose word ("twice") is a guess, but a share ("a third" for 50%) is said outright
    loose_guess = b.loose and b.kind != FigureKind.PERCENT
    # 6.15 (a date, or a decimal) is not the "two" of "the two sides"
    integral = (a.value == a.value.to_integral_value()) == (b.value == b.value.to_integral_value())
    return (
        a.kind == b.kind
        and a.currency == b.currency
        and same_measure
        and not loose_guess
        and integral
    )


# ¢æ114 ($179): a currency sign the text's encoding garbled, or an equivalent in another
# currency in parentheses right after the amount; either way the amount is money
_SIGN_BEFORE = re.compile(r"[^\w\s\"'“”‘’(\[,.;:!?/&-]$")
_EQUIVALENT_AFTER = re.compile(r"\s?\((?:about |approx\.? |around )?(?:US)?[$€£¥₩]\s?\d")


def _money_context(text: str, figure: Figure) -> bool:
    return bool(
        _SIGN_BEFORE.search(text[max(0, figure.start - 2) : figure.start])
        or _EQUIVALENT_AFTER.match(text, figure.end)
    )


def _names_currency(text: str, currency: str) -> bool:
    """The target says the currency somewhere (10 trillion won ... 5 trillion is fine)."""
    names = [w for w, c in (*CURRENCY_WORDS.items(), *CURRENCY_PREFIXES.items()) if c == currency]
    for name in names:
        pattern = re.escape(name)
        if name[-1].isascii() and name[-1].isalpha():
            pattern = rf"(?<![A-Za-z]){pattern}(?![A-Za-z])"
        if re.search(pattern, text, re.IGNORECASE):
            return True
    return False


def _distance(a: Figure, b: Figure) -> tuple[int, int, int, float]:
    """Pair a lost figure with the target figure most like it: same unit, currency, kind, then
    magnitude (20여 시간 pairs with "12 hours", not with the 9 of a date)."""
    same_measure = (
        0 if (a.measure and b.measure and a.measure.dimension == b.measure.dimension) else 1
    )
    same_currency = 0 if a.currency == b.currency else 1
    same_kind = 0 if a.kind == b.kind else 1
    magnitude = abs(len(str(int(abs(a.value)))) - len(str(int(abs(b.value)))))
    return (same_measure, same_currency, same_kind, magnitude)
