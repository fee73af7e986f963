"""A figure found in a segment: value, kind, currency, precision and span."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from qa.units import Unit


class FigureKind(StrEnum):
    NUMBER = "number"  # a count or an amount; money is a NUMBER with a currency
    PERCENT = "percent"
    ORDINAL = "ordinal"  # 6번째, sixth, 第六, 19th, 제3자
    DAY = "day"  # day of the month: 19일, 19日, the 19 of "Nov. 19"
    MONTH = "month"  # 11월, 11月, November
    YEAR = "year"  # 2014년, 2014年 (a bare 2014 in English is a NUMBER, and they match)
    TIME = "time"  # 11:00, 오전 11시, 11 a.m.: value is minutes after midnight
    MULTIPLE = "multiple"  # 2배, 两倍, 翻一番, doubled, threefold: value is the factor


# Kinds that may stand for one another: 19일 is "the 19th", 6번째 may be "No. 6", 2014년 is "2014".
FAMILY = {
    FigureKind.NUMBER: "count",
    FigureKind.ORDINAL: "count",
    FigureKind.DAY: "count",
    FigureKind.YEAR: "count",
    FigureKind.PERCENT: "percent",
    FigureKind.MONTH: "month",
    FigureKind.TIME: "time",
    FigureKind.MULTIPLE: "count",  # 3배 may be "three times"
}


@dataclass(frozen=True)
class Figure:
    value: Decimal
    kind: FigureKind
    start: int
    end: int
    text: str  # the figure as written, units included
    currency: str = ""  # ISO 4217: KRW, USD, CNY, JPY, EUR, GBP, HKD, TWD
    quantum: Decimal = Decimal(1)  # worth of one step of the last written digit (precision)
    scaled: bool = False  # written with a scale word or unit (만, 억, million, bn, ...)
    # a word that is a figure only in some senses (twice a year, half-hearted): it may match a
    # figure of the other side, but is never reported on its own
    loose: bool = False
    # other values the figure may mean: 增长两倍 is "tripled" to some writers, "doubled" to others
    alternatives: tuple[Decimal, ...] = ()
    measure: Unit | None = None  # a unit of measure written after it: 메가와트, miles, °F
    aside: bool = False  # inside parentheses: a conversion or an equivalent given in passing

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def percent(self) -> bool:
        return self.kind == FigureKind.PERCENT

    @property
    def unit(self) -> str:
        return "%" if self.percent else self.currency

    @property
    def trivial(self) -> bool:
        """A bare one: English says it with an article or a pronoun ("a year", "one of")."""
        return (
            self.value == 1
            and self.kind in (FigureKind.NUMBER, FigureKind.ORDINAL)
            and not self.currency
            and not self.scaled
        )

    def describe(self) -> str:
        """The quantity in plain English, so a message explains what the figure means."""
        words = {
            FigureKind.PERCENT: f"{_plain(self.value)}%",
            FigureKind.ORDINAL: f"ordinal {_plain(self.value)}",
            FigureKind.DAY: f"day {_plain(self.value)}",
            FigureKind.MONTH: f"month {_plain(self.value)}",
            FigureKind.YEAR: f"year {_plain(self.value)}",
            FigureKind.TIME: f"{int(self.value) // 60:02d}:{int(self.value) % 60:02d}",
            FigureKind.MULTIPLE: f"{_plain(self.value)} times",
        }
        text = words.get(self.kind) or format_quantity(self.value)
        unit = self.measure.symbol if self.measure else self.currency
        return f"{text} {unit}".rstrip()


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def format_quantity(value: Decimal) -> str:
    """3872900000000 -> '3.8729 trillion': the reading a translator checks against."""
    for scale, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million")):
        if abs(value) >= scale:
            return f"{_plain(value / scale)} {name}"
    return f"{value.normalize():,f}" if abs(value) >= 10000 else _plain(value)
