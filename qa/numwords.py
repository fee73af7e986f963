"""The words of figures: CJK units, English number words and scales, currency names."""

from __future__ import annotations

import re
from decimal import Decimal

# 만/万 = 10^4, 억/亿 = 10^8, 조/兆 = 10^12 (兆 as 10^12 only in money, see numbers.py), 경 = 10^16
BIG_UNITS: dict[str, Decimal] = {
    "만": Decimal(10) ** 4,
    "万": Decimal(10) ** 4,
    "萬": Decimal(10) ** 4,
    "억": Decimal(10) ** 8,
    "亿": Decimal(10) ** 8,
    "億": Decimal(10) ** 8,
    "조": Decimal(10) ** 12,
    "兆": Decimal(10) ** 12,
    "경": Decimal(10) ** 16,
}
SMALL_UNITS: dict[str, int] = {
    "천": 1000,
    "백": 100,
    "십": 10,
    "千": 1000,
    "仟": 1000,
    "百": 100,
    "佰": 100,
    "十": 10,
    "拾": 10,
}
HAN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "贰": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# 첫 번째, 두번째, 셋째: Korean native ordinals, which carry no digit
KO_NATIVE_ORDINALS: dict[str, int] = {
    "첫": 1,
    "두": 2,
    "둘": 2,
    "세": 3,
    "셋": 3,
    "네": 4,
    "넷": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
}

# Korean native cardinals, written before a counter or a noun: 두 회사, 세 명, 열두 곳, 스무 살
KO_NATIVE_UNITS: dict[str, int] = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}
KO_NATIVE_TENS: dict[str, int] = {
    "열": 10,
    "스무": 20,
    "스물": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
}
# 세 is also tax and age (만 세), 네 "yes"/"your", 열 "open"/"heat", 한 "did": alone, these count
# only before one of these counters
KO_COUNTERS = frozenset(
    "명 개 곳 군데 가지 차례 번 달 해 살 시간 개월 나라 사람 마리 권 대 척 채 장 벌 건 주 주일 "
    "종 팀 회사 기업 업체 은행 국가 분 가구 개사 개국 배".split()
)
KO_AMBIGUOUS = frozenset({"한", "세", "네", "열", "서른", "마흔", "쉰"})

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
_TEENS = "fifteen sixteen seventeen eighteen nineteen"
EN_WORDS: dict[str, int] = {word: i for i, word in enumerate(f"{_ONES} {_TEENS}".split())}
EN_WORDS.update(
    {
        w: 10 * (i + 2)
        for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    }
)
EN_WORDS.update({"dozen": 12, "hundred": 100, "thousand": 1000})
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
)
EN_ORDINAL_WORDS: dict[str, int] = {w: i + 1 for i, w in enumerate(_ORDINALS.split())}
EN_ORDINAL_WORDS.update(
    {
        w: 10 * (i + 2)
        for i, w in enumerate(
            "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()
        )
    }
)
# Multiples said in words: "doubled" is 2배 / 两倍 / 翻一番
EN_MULTIPLES: dict[str, int] = {
    **dict.fromkeys("double doubled doubles doubling twice twofold".split(), 2),
    **dict.fromkeys("triple tripled triples tripling treble trebled thrice threefold".split(), 3),
    **dict.fromkeys("quadruple quadrupled quadruples quadrupling fourfold".split(), 4),
    **{f"{w}fold": i + 5 for i, w in enumerate("five six seven eight nine ten".split())},
}
# Fractions English writes in words for a percentage: 50% is "half"
EN_FRACTIONS: dict[str, int] = {"half": 50, "halved": 50}
EN_SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "b": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "trillions": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
}
# "m", "b" and "k" read as scales only straight after a currency-marked number ($15m):
# "15 m" alone is fifteen metres
EN_SCALE_WORDS = tuple(sorted((k for k in EN_SCALES if len(k) > 1), key=len, reverse=True))

EN_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    (
        "January Jan",
        "February Feb",
        "March Mar",
        "April Apr",
        "May",
        "June Jun",
        "July Jul",
        "August Aug",
        "September Sept Sep",
        "October Oct",
        "November Nov",
        "December Dec",
    )
):
    for _name in _names.split():
        EN_MONTHS[_name] = _i + 1

# Written after the number: 10조원, 1500만 달러, 38729亿元, 15 million dollars
CURRENCY_WORDS: dict[str, str] = {
    "원": "KRW",
    "원화": "KRW",
    "won": "KRW",
    "KRW": "KRW",
    "韩元": "KRW",
    "韓元": "KRW",
    "韩币": "KRW",
    "달러": "USD",
    "미국 달러": "USD",
    "美元": "USD",
    "美金": "USD",
    "dollars": "USD",
    "bucks": "USD",
    "dollar": "USD",
    "USD": "USD",
    "위안": "CNY",
    "위안화": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "人民幣": "CNY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "RMB": "CNY",
    "CNY": "CNY",
    "엔": "JPY",
    "엔화": "JPY",
    "日元": "JPY",
    "日圆": "JPY",
    "日圓": "JPY",
    "yen": "JPY",
    "JPY": "JPY",
    "유로": "EUR",
    "欧元": "EUR",
    "歐元": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "EUR": "EUR",
    "파운드": "GBP",
    "英镑": "GBP",
    "英鎊": "GBP",
    "pounds": "GBP",
    "GBP": "GBP",
    "홍콩달러": "HKD",
    "港元": "HKD",
    "港币": "HKD",
    "港幣": "HKD",
    "HKD": "HKD",
    "대만달러": "TWD",
    "新台币": "TWD",
    "新台幣": "TWD",
    "台币": "TWD",
    "台幣": "TWD",
    "TWD": "TWD",
}
# Written before the number: $15m, US$ 15 million, ₩10조, RMB 3.87 trillion
CURRENCY_PREFIXES: dict[str, str] = {
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "₩": "KRW",
    "KRW": "KRW",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "HK$": "HKD",
    "NT$": "TWD",
    "RMB": "CNY",
    "CNY": "CNY",
    "JPY": "JPY",
    "￥": "CNY",
    "euro": "EUR",  # euro500 (wire-service style)
}


# Patterns shared by the digit and the spelled-number readers
EN_SCALE_RE = re.compile(r"\s?(" + "|".join(EN_SCALE_WORDS) + r")(?![A-Za-z])", re.IGNORECASE)
# percentage points are percents too: 3.5%포인트, 3.5%p, 3.5 percentage points
PERCENT_RE = re.compile(
    r"\s?(%(?:\s?포인트|p(?![A-Za-z]))?|％|퍼센트(?:\s?포인트)?|프로|percentage\s?points?|"
    r"percent(?:age)?|per\s?cent|pct)(?![A-Za-z])",
    re.IGNORECASE,
)
CURRENCY_AFTER_RE = re.compile(
    r"\s?(" + "|".join(sorted(map(re.escape, CURRENCY_WORDS), key=len, reverse=True)) + r")",
)


_WON_WORDS = frozenset("문인칙래장전자")


def currency_word_ends(text: str, end: int, word: str) -> bool:
    """An English currency word must end there (won, not wonder); Korean ones end anywhere."""
    if word == "원":  # 원문 (the original text), 원인, 원칙: words, not won
        return text[end : end + 1] not in _WON_WORDS
    if not word[-1:].isascii() or not word[-1:].isalpha():
        return True
    return end >= len(text) or not text[end].isalpha()
