"""Figures in a segment as normalised quantities (Korean, Chinese, English) and their comparison."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from qa.figures import FAMILY, Figure, FigureKind, format_quantity
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
from qa.spelled import (
    clock_times,
    english_days,
    english_months,
    english_multiples,
    english_words,
    growth_alternatives,
    halves,
    han_doublings,
    han_numerals,
    korean_natives,
    parse_han_number,
)

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
_NUMBER = re.compile(rf"(?<![\d.,])(?<![A-Za-z]\d)({_NUM})")
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

    for m in _ISO_DATE.finditer(text):
        year, _sep, month, day = m.groups()
        if 1 <= int(month) <= 12 and 1 <= int(day) <= 31:
            add(Figure(Decimal(year), FigureKind.YEAR, m.start(1), m.end(1), year))
            add(Figure(Decimal(int(month)), FigureKind.MONTH, m.start(3), m.end(3), month))
            add(Figure(Decimal(int(day)), FigureKind.DAY, m.start(4), m.end(4), day))
    for figure in clock_times(text):
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
        for figure in english_words(text) + english_multiples(text):
            if free(figure.start, figure.end):
                add(figure)
    figures.sort(key=lambda f: (f.start, f.end))
    return english_days(text, figures)


def _digits_value(written: str) -> tuple[Decimal, Decimal]:
    """'1,500' -> (1500, 1); '3.8729' -> (3.8729, 0.0001)."""
    value = Decimal(written.replace(",", ""))
    return value, Decimal(1).scaleb(min(value.as_tuple().exponent, 0))


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
            currency, end = CURRENCY_WORDS[after.group(1)], after.end()
    if kind == FigureKind.NUMBER and not currency and not scaled:
        kind, end, start = _suffix_kind(text, start, end, value, lang)
    multiple = kind == FigureKind.MULTIPLE and value == value.to_integral_value()
    alternatives = growth_alternatives(text, start, kind, int(value)) if multiple else ()
    return Figure(
        value, kind, start, end, text[start:end], currency, quantum, scaled, False, alternatives
    )


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
        if previous_big is not None and (not (small or big) or value * multiplier >= previous_big):
            break  # 3억 5억 are two figures, and a bare number after 3억 is its own
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


def _suffix_kind(
    text: str, start: int, end: int, value: Decimal, lang: str
) -> tuple[FigureKind, int, int]:
    """Dates, years and ordinals written with a suffix or prefix on a bare number."""
    nxt = text[end : end + 3]
    if start >= 1 and text[start - 1] in "제第" and (start < 2 or not text[start - 2].isalpha()):
        return FigureKind.ORDINAL, end, start - 1
    if _KO_ORDINAL.match(text, end):
        return FigureKind.ORDINAL, _KO_ORDINAL.match(text, end).end(), start
    suffix = _EN_SUFFIX.match(text, end)
    if suffix:
        return FigureKind.ORDINAL, suffix.end(), start
    if nxt[:1] in ("배", "倍") and nxt[1:2] != "럴":  # 2배, 3倍: not 2배럴 (barrels)
        return FigureKind.MULTIPLE, end + 1, start
    if nxt[:1] in ("일", "日", "号", "號") and 1 <= value <= 31 and nxt[1:2] not in ("간", "本"):
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
    # "currency": same amount, but the target names no currency where the source does
    kind: str
    source: Figure | None
    target: Figure | None

    @property
    def message(self) -> str:
        if self.kind == "missing":
            return f"{_said(self.source)} is missing from the target"
        if self.kind == "currency":
            return (
                f"{_said(self.source)}: the target gives {self.target.text} without its "
                f"currency ({self.source.currency})"
            )
        if self.kind == "extra":
            return f"{_said(self.target)} is not in the source"
        return f"the source has {_said(self.source)}, the target {_said(self.target)}"


def _said(figure: Figure) -> str:
    """'3조8729억 위안 (3.8729 trillion CNY)'; just '50%' when the reading adds nothing."""
    reading = figure.describe()
    return (
        figure.text
        if reading.replace(" ", "") == figure.text.replace(" ", "")
        else (f"{figure.text} ({reading})")
    )


def _compatible(a: Figure, b: Figure) -> bool:
    if FAMILY[a.kind] != FAMILY[b.kind]:
        return False
    return not (a.currency and b.currency and a.currency != b.currency)


def _same(source: Figure, target: Figure) -> bool:
    """Equal value, or the target rounds the source to at least two significant digits."""
    if source.value == target.value or target.value in source.alternatives:
        return True
    if target.quantum <= 0 or target.value == 0:
        return False
    steps = target.value / target.quantum
    if abs(steps) < 10:  # "4 trillion" for 3.8729 trillion is not a rounding we trust
        return False
    rounded = (source.value / target.quantum).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return rounded * target.quantum == target.value


def compare_figures(
    source: str, source_lang: str, target: str, target_lang: str
) -> list[FigureIssue]:
    """Figures of the source absent or different in the target, and figures the target adds.

    Dates: 19일 matches 19th, Nov. 19, 19 November or 2014-11-19's day; 11월 matches November
    or Nov.; a month or year the target adds (19일 -> Nov. 19, 2014) is a clarification and no
    issue. Ordinals, days, years and counts compare by value with one another (6번째 = sixth,
    19일 = the 19th); percents only with percents; currencies must agree when both sides name
    one. A bare one (1년간 -> over the past year) is never reported missing or extra.
    """
    sources = extract_figures(source, source_lang)
    targets = extract_figures(target, target_lang)
    used: set[int] = set()
    unmatched: list[Figure] = []
    issues: list[FigureIssue] = []
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
        if figure.currency and not other.currency and not _names_currency(target, figure.currency):
            issues.append(FigureIssue("currency", figure, other))
    # loose words (twice, half) only ever confirm a figure of the other side
    leftovers = [(i, t) for i, t in enumerate(targets) if i not in used and not t.trivial]
    for figure in unmatched:
        if figure.trivial or figure.loose:
            continue
        # a loose word stands for a figure of its own kind only: 2배 -> tripled
        candidates = [
            (i, t)
            for i, t in leftovers
            if FAMILY[figure.kind] == FAMILY[t.kind] and (not t.loose or t.kind == figure.kind)
        ]
        if candidates:
            i, other = min(candidates, key=lambda c: _distance(figure, c[1]))
            leftovers.remove((i, other))
            issues.append(FigureIssue("mismatch", figure, other))
        else:
            issues.append(FigureIssue("missing", figure, None))
    for _i, other in leftovers:
        if other.kind not in (FigureKind.MONTH, FigureKind.YEAR) and not other.loose:
            issues.append(FigureIssue("extra", None, other))
    return issues


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


def _distance(a: Figure, b: Figure) -> tuple[int, int, float]:
    """Pair a lost figure with the target figure most like it: same currency, then magnitude."""
    same_currency = 0 if a.currency == b.currency else 1
    same_kind = 0 if a.kind == b.kind else 1
    magnitude = abs(len(str(int(abs(a.value)))) - len(str(int(abs(b.value)))))
    return (same_currency, same_kind, magnitude)
