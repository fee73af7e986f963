"""Figures as news writing spells them: idioms, batting averages, M/D dates, decades, ellipsis."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from qa.figures import Figure, FigureKind
from qa.numwords import EN_SCALES

# Idioms that hold digits or number words but state no quantity: "a 9 to 5 job" (정규직),
# "open 24/7", "Catch-22", "7-Eleven"
IDIOMS = re.compile(
    r"(?<![\w/])(?:9[ -]to[ -]5|nine[ -]to[ -]five|24/7|Catch-22|7-Eleven)(?![\w/])",
    re.IGNORECASE,
)


def idiom_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in IDIOMS.finditer(text)]


# 2할6푼8리 is a batting average of .268 (할 a tenth, 푼 a hundredth, 리 a thousandth)
_KO_AVERAGE = re.compile(r"(?<![\d.])(\d)\s?할(?:\s?(\d)\s?푼)?(?:\s?(\d)\s?리)?")
# .268 with three homers: an average written without its zero
_EN_AVERAGE = re.compile(r"(?<![\w.,$])\.(\d{3})(?![\d.])")


def batting_averages(text: str, lang: str) -> list[Figure]:
    """2할6푼8리 and .268 as the decimal 0.268 (precision to the thousandth)."""
    found = []
    if lang.startswith("ko"):
        for m in _KO_AVERAGE.finditer(text):
            digits = "".join(d or "0" for d in m.groups())
            value = Decimal(f"0.{digits}")
            found.append(
                Figure(value, FigureKind.NUMBER, m.start(), m.end(), m.group(),
                       quantum=Decimal("0.001"))
            )  # fmt: skip
    elif lang == "en" or not lang.startswith("zh"):
        for m in _EN_AVERAGE.finditer(text):
            value = Decimal(f"0.{m.group(1)}")
            found.append(
                Figure(value, FigureKind.NUMBER, m.start(), m.end(), m.group(),
                       quantum=Decimal("0.001"))
            )  # fmt: skip
    return found


# 9/11 테러, the 9/11 attacks: a month and day named by the event; a fraction (1/3의, 2/3
# of) is followed by no word
_SLASH_DATE = re.compile(r"(?<![\d/.,])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/.,%])")
_KO_NAME_AFTER = re.compile(r"\s?(?!의)[\uac00-\ud7a3]")
_EN_NAME_AFTER = re.compile(r"\s?(?:[A-Za-z]|['’]s)")


def slash_dates(text: str, lang: str) -> list[Figure]:
    """9/11 as month 9 and day 11 when a word follows (9/11 테러, 9/11 attacks)."""
    after = _KO_NAME_AFTER if lang.startswith("ko") else _EN_NAME_AFTER
    found = []
    for m in _SLASH_DATE.finditer(text):
        if not after.match(text, m.end()):
            continue
        month, day = m.group(1), m.group(2)
        found.append(Figure(Decimal(int(month)), FigureKind.MONTH, m.start(1), m.end(1), month))
        found.append(Figure(Decimal(int(day)), FigureKind.DAY, m.start(2), m.end(2), day))
    return found


# five decades (50년), two centuries; "a decade" and "half a century" only confirm a figure
_DECADES = re.compile(r"[ -]?(decades?|centur(?:y|ies))(?![A-Za-z])", re.IGNORECASE)
_A_DECADE = re.compile(
    r"(?<![A-Za-z])(?:(half) a|an?|one)\s(decade|century)(?![A-Za-z])", re.IGNORECASE
)


def decades(text: str, figures: list[Figure]) -> list[Figure]:
    """A count of decades or centuries in years: "five decades" is 50 (50년)."""
    result = []
    for figure in figures:
        m = _DECADES.match(text, figure.end)
        if figure.kind == FigureKind.NUMBER and not figure.currency and not figure.measure and m:
            factor = 10 if m.group(1).lower().startswith("decade") else 100
            figure = replace(
                figure,
                value=figure.value * factor,
                quantum=figure.quantum * factor,
                end=m.end(),
                text=text[figure.start : m.end()],
                scaled=True,
            )
        result.append(figure)
    taken = [(f.start, f.end) for f in result]
    for m in _A_DECADE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        value = 10 if m.group(2).lower() == "decade" else 100
        if m.group(1):
            value //= 2
        result.append(
            Figure(Decimal(value), FigureKind.NUMBER, m.start(), m.end(), m.group(), loose=True)
        )
    return sorted(result, key=lambda f: (f.start, f.end))


_SENTENCE_END = re.compile(r"[.!?]\s")


def carried_scale(text: str, figures: list[Figure]) -> list[Figure]:
    """A bare number after a figure with a scale word in the same sentence may carry that
    scale: "talks of a 150 million euros offer and tomorrow it will be 200" (200 million)."""
    result = list(figures)
    for i, figure in enumerate(result):
        if (
            figure.kind != FigureKind.NUMBER
            or figure.scaled
            or figure.currency
            or figure.measure
            or figure.loose
            or not 1 < figure.value < 1000
        ):
            continue
        before = next(
            (
                f
                for f in reversed(result[:i])
                if f.scaled and f.quantum >= 10**6 and f.kind == FigureKind.NUMBER
            ),
            None,
        )
        if before is None or _SENTENCE_END.search(text, before.end, figure.start):
            continue
        scale = _scale_of(before)
        if scale:
            result[i] = replace(figure, alternatives=(*figure.alternatives, figure.value * scale))
    return result


def _scale_of(figure: Figure) -> Decimal:
    """10^6 for "150 million", 10^9 for "$2bn": the worth of the scale word it is written with."""
    words = re.findall(r"[A-Za-z]+", figure.text)
    for word in reversed(words):
        scale = EN_SCALES.get(word.lower())
        if scale is not None and scale >= 10**6:
            return scale
    return Decimal(0)
