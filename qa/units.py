"""Units of measure written after a figure, with their dimension and worth in the base unit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Unit:
    symbol: str  # the canonical symbol a message shows: GW, km, °F
    dimension: str  # power, energy, length, mass, area, volume, speed, temperature, duration
    factor: Decimal  # worth of one unit in the dimension's base unit (W, m, kg, m², s, ...)


def _u(symbol: str, dimension: str, factor: float | str) -> Unit:
    return Unit(symbol, dimension, Decimal(str(factor)))


W, KW, MW, GW = (
    _u("W", "power", 1),
    _u("kW", "power", 1e3),
    _u("MW", "power", 1e6),
    _u("GW", "power", 1e9),
)
KWH = _u("kWh", "energy", 1)
MM, CM, M, KM = (
    _u("mm", "length", "0.001"),
    _u("cm", "length", "0.01"),
    _u("m", "length", 1),
    _u("km", "length", 1000),
)
MILE, FOOT, YARD, INCH = (
    _u("mi", "length", "1609.344"),
    _u("ft", "length", "0.3048"),
    _u("yd", "length", "0.9144"),
    _u("in", "length", "0.0254"),
)
G, KG, TON, LB = (
    _u("g", "mass", "0.001"),
    _u("kg", "mass", 1),
    _u("t", "mass", 1000),
    _u("lb", "mass", "0.45359237"),
)
SQFT = _u("sq ft", "area", "0.09290304")
M2, KM2, PYEONG, HECTARE, ACRE, SQMI = (
    _u("m²", "area", 1),
    _u("km²", "area", 1e6),
    _u("평", "area", "3.305785"),
    _u("ha", "area", 1e4),
    _u("acre", "area", "4046.8564"),
    _u("sq mi", "area", "2589988.11"),
)
LITRE, BARREL, GALLON = (
    _u("l", "volume", 1),
    _u("bbl", "volume", "158.987"),
    _u("gal", "volume", "3.78541"),
)
KMH, MPH, KNOT = (
    _u("km/h", "speed", 1),
    _u("mph", "speed", "1.609344"),
    _u("kn", "speed", "1.852"),
)
CELSIUS, FAHRENHEIT = _u("°C", "temperature", 1), _u("°F", "temperature", 1)
DEGREE = _u("°", "temperature", 1)  # 도, degrees: Celsius in Korean news, either in English
# index points and percentage points: 40포인트 = 40 points, 9%포인트 = a 9-point lead
POINTS = _u("pt", "points", 1)
SECOND, MINUTE, HOUR, DAYS = (
    _u("s", "duration", 1),
    _u("min", "duration", 60),
    _u("h", "duration", 3600),
    _u("d", "duration", 86400),
)

# Korean units (written glued or with one space after the figure)
KO_UNITS: dict[str, Unit] = {
    "기가와트": GW,
    "메가와트": MW,
    "킬로와트시": KWH,
    "킬로와트": KW,
    "와트": W,
    "킬로미터": KM,
    "센티미터": CM,
    "밀리미터": MM,
    "미터": M,
    "마일": MILE,
    "피트": FOOT,
    "야드": YARD,
    "인치": INCH,
    "킬로그램": KG,
    "그램": G,
    "톤": TON,
    "제곱킬로미터": KM2,
    "제곱미터": M2,
    "평방미터": M2,
    "헥타르": HECTARE,
    "에이커": ACRE,
    "평": PYEONG,
    "리터": LITRE,
    "배럴": BARREL,
    "갤런": GALLON,
    "노트": KNOT,
    # 3일간, 10일 동안, 10일만에: days as a length of time (a bare 3일 is a date)
    "포인트": POINTS,
    "일간": DAYS,
    "일 간": DAYS,
    "일짜리": DAYS,
    "일 동안": DAYS,
    "일동안": DAYS,
    "일만에": DAYS,
    "일 만에": DAYS,
    "일 후": DAYS,
    "일후": DAYS,
    "일 뒤": DAYS,
    "일뒤": DAYS,
    "시간": HOUR,
    "분": MINUTE,
    "초": SECOND,
    "도": DEGREE,
}
# Symbols read in any language, case as written (kW and KW both appear; m is metres, M is not)
SYMBOLS: dict[str, Unit] = {
    "GW": GW,
    "MW": MW,
    "kWh": KWH,
    "KWh": KWH,
    "kwh": KWH,
    "kW": KW,
    "KW": KW,
    "kw": KW,
    "W": W,
    "km/h": KMH,
    "kph": KMH,
    "mph": MPH,
    "km²": KM2,
    "km2": KM2,
    "m²": M2,
    "m2": M2,
    "㎡": M2,
    "㎢": KM2,
    # the CJK compatibility unit signs of Korean and Japanese news: 111㎞, 700㎏, 30㎝
    "㎞": KM,
    "㎝": CM,
    "㎜": MM,
    "㎏": KG,
    "㎾": KW,
    "㎿": MW,
    "㏊": HECTARE,
    "ℓ": LITRE,
    "km": KM,
    "cm": CM,
    "mm": MM,
    "m": M,
    "ft": FOOT,
    "mi": MILE,
    "kg": KG,
    "g": G,
    "t": TON,
    "lb": LB,
    "lbs": LB,
    "ha": HECTARE,
    "℃": CELSIUS,
    "°C": CELSIUS,
    "°F": FAHRENHEIT,
    "℉": FAHRENHEIT,
    "°": DEGREE,
}
EN_UNITS: dict[str, Unit] = {
    "miles per hour": MPH,
    "miles an hour": MPH,
    "kilometers per hour": KMH,
    "kilometres per hour": KMH,
    "gigawatts": GW,
    "gigawatt": GW,
    "megawatts": MW,
    "megawatt": MW,
    "kilowatt-hours": KWH,
    "kilowatt hours": KWH,
    "kilowatts": KW,
    "kilowatt": KW,
    "watts": W,
    "watt": W,
    "kilometers": KM,
    "kilometres": KM,
    "kilometer": KM,
    "kilometre": KM,
    "meters": M,
    "metres": M,
    "meter": M,
    "metre": M,
    "centimeters": CM,
    "centimetres": CM,
    "millimeters": MM,
    "millimetres": MM,
    "miles": MILE,
    "mile": MILE,
    "feet": FOOT,
    "foot": FOOT,
    "yards": YARD,
    "yard": YARD,
    "inches": INCH,
    "inch": INCH,
    "kilograms": KG,
    "kilogram": KG,
    "kilos": KG,
    "grams": G,
    "gram": G,
    "tons": TON,
    "tonnes": TON,
    "ton": TON,
    "tonne": TON,
    "pounds": LB,
    "square kilometers": KM2,
    "square kilometres": KM2,
    "square meters": M2,
    "square metres": M2,
    "square miles": SQMI,
    "square feet": SQFT,
    "square foot": SQFT,
    "square-foot": SQFT,
    "sq ft": SQFT,
    "hectares": HECTARE,
    "acres": ACRE,
    "liters": LITRE,
    "litres": LITRE,
    "barrels": BARREL,
    "barrel": BARREL,
    "gallons": GALLON,
    "knots": KNOT,
    "degrees Celsius": CELSIUS,
    "degrees Fahrenheit": FAHRENHEIT,
    "degrees": DEGREE,
    "degree": DEGREE,
    "points": POINTS,
    "point": POINTS,
    "days": DAYS,
    "day": DAYS,
    "hours": HOUR,
    "hour": HOUR,
    "minutes": MINUTE,
    "minute": MINUTE,
    "seconds": SECOND,
    "second": SECOND,
}


def _alternation(words: dict[str, Unit]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# a Latin unit must end there (km, not kmart); a Korean one may take a particle (미터의, 시간에)
_SYMBOL_RE = re.compile(rf"[ \t]?({_alternation(SYMBOLS)})(?![A-Za-z0-9])")
_EN_RE = re.compile(rf"[ \t]?-?({_alternation(EN_UNITS)})(?![A-Za-z])", re.IGNORECASE)
# 시간 as a duration (20시간, 3시간 동안), not 시간대 / 시간표; 분 as minutes, not 분기/분야
_KO_RE = re.compile(rf"[ \t]?({_alternation(KO_UNITS)})(?!대|표|기|야|석|쟁|할|의\s?[0-9])")


def read_unit(text: str, end: int, lang: str) -> tuple[Unit, int] | None:
    """The unit written right after a figure that ends at end, and where it ends."""
    for pattern, table in ((_SYMBOL_RE, SYMBOLS), (_EN_RE, None), (_KO_RE, KO_UNITS)):
        if pattern is _KO_RE and not lang.startswith("ko"):
            continue
        if pattern is _EN_RE and lang.startswith(("ko", "zh")):
            continue
        m = pattern.match(text, end)
        if not m:
            continue
        word = m.group(1)
        unit = table[word] if table is not None else _en_unit(word)
        if unit is not None:
            return unit, m.end()
    return None


def _en_unit(word: str) -> Unit | None:
    for name, unit in EN_UNITS.items():
        if name.lower() == word.lower():
            return unit
    return None


def in_base(value: Decimal, unit: Unit) -> Decimal:
    return value * unit.factor


def agree(a: Decimal, ua: Unit, b: Decimal, ub: Unit, *, exact: bool) -> bool:
    """Two quantities of one dimension agree: equal, or a conversion within rounding.

    exact: the same unit on both sides (rounding is judged by the caller); otherwise a converted
    figure is rounded by writers to two or three significant digits ("48km, about 30 miles").
    """
    if ua.dimension != ub.dimension:
        return False
    if ua.dimension == "temperature":
        return _temperature_agrees(a, ua, b, ub)
    x, y = in_base(a, ua), in_base(b, ub)
    if x == y:
        return True
    if exact or x == 0 or y == 0:
        return False
    return abs(x - y) / max(abs(x), abs(y)) <= Decimal("0.06")


def _temperature_agrees(a: Decimal, ua: Unit, b: Decimal, ub: Unit) -> bool:
    """22도 is 72°F; a bare degree is Celsius on one side and either on the other."""
    if a == b:
        return True
    pairs = [(a, b), (b, a)]
    if ua == ub != DEGREE:
        return False  # °C with °C, °F with °F: equal or not
    for celsius, fahrenheit in pairs:
        if abs(celsius * Decimal("1.8") + 32 - fahrenheit) <= Decimal("1.5"):
            return True
    return False
