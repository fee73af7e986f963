"""What a figure counts, read from the words around it, so that two figures the target swaps
are told apart: 70명이 숨지고 300여명이 다쳤다 against "killed 300 and wounded 70".

Matching figures by value alone cannot see a swap: both values are there. Each figure here
gets the roles its neighbourhood states plainly (the casualty it counts, a price move or a
price level, "at least" or "about", the part or the whole of "15 of the 19"), and a swap is two
matched pairs whose roles cross on both sides. A role is read only where the words leave no
doubt; a figure without one never takes part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from qa.figures import Figure, FigureKind

# role family -> role -> (Korean words after the figure, Korean words before it,
#                         English words after it, English words before it)
_HANGUL = r"[\uac00-\ud7a3]"
_NEVER = r"(?!)"  # a side that never states the role in these words
_ROLES: dict[str, dict[str, tuple[str, str, str, str]]] = {
    "casualty": {
        "killed": (
            r"^\s?(?:여\s?)?(?:명|구)?(?:이|가|은|는|의|도)?\s?(?:숨지|숨졌|사망|죽|목숨|희생)",
            r"(?:사망자|희생자|사망|숨진\s?사람)\s?(?:수\s?)?(?:는|가|도|이|만)?\s?(?:최소\s?|약\s?)?$",
            r"^\s?(?:people\s|others\s|persons\s)?(?:were\s|have\s been\s)?"
            r"(?:dead|deaths?|killed|died|fatalities|lives)\b",
            r"\b(?:killed|killing|kills|claimed|claiming|death toll\s(?:\w+\s){0,3}(?:to|of|at))"
            r"\s(?:at least\s|more than\s|nearly\s|almost\s|some\s|about\s|up to\s)?$",
        ),
        "injured": (
            r"^\s?(?:여\s?)?명?(?:이|가|은|는|의|도)?\s?(?:이상\s?)?(?:이|가)?\s?(?:다치|다쳤|부상|중상|경상)",
            r"(?:부상자|부상|다친\s?사람)\s?(?:수\s?)?(?:는|가|도|이|만)?\s?(?:최소\s?|약\s?)?$",
            r"^\s?(?:people\s|others\s|persons\s)?(?:were\s|have\s been\s)?"
            r"(?:injured|wounded|injuries|hurt)\b",
            r"\b(?:injured|injuring|injures|wounded|wounding|wounds|hurt|hurting)"
            r"\s(?:at least\s|more than\s|nearly\s|almost\s|some\s|about\s|up to\s)?$",
        ),
    },
    "move": {
        # a price's change against its level: 2.16달러 오른 131.04달러
        "change": (
            r"^\s?(?:센트|달러|원|엔|유로|위안|포인트|%)?\s?(?:가\s?|이\s?|나\s?)?"
            r"(?:오른|올라|상승|내린|내려|하락|떨어|급락|급등|폭락|폭등|뛰어|뛴|빠진|빠져)",
            _NEVER,
            _NEVER,
            r"\b(?:up|down|rose|fell|gained|lost|shed|dropped|jumped|tumbled|climbed|slid|"
            r"plunged|slipped|added|eased|rising|falling|soared|sank)\s(?:by\s)?"
            r"(?:nearly\s|almost\s|about\s|more than\s)?(?:US)?\$?$",
        ),
        "level": (
            r"^\s?(?:센트|달러|원|엔|유로|위안)?\s?(?:로|으로|에)\s?(?:거래|마감|장을|기록|끝|올라|내려)",
            r"(?:당|per)\s?$",
            r"^\s?(?:cents\s|dollars\s)?(?:a|per|each)\s(?:barrel|gallon|ton|tonne|ounce|share|"
            r"bushel|pound|kilogram|liter|litre|cubic)",
            r"(?<!up )(?<!compared )(?<!according )\b(?:to|at)\s(?:settle\s(?:at\s)?)?"
            r"(?:a\s(?:record\s)?(?:high|low)\sof\s)?(?:US)?\$?$",
        ),
    },
    "qualifier": {
        "at least": (r"^\s?\S{0,2}\s?이상", r"최소(?:한)?\s?$", _NEVER, r"\bat least\s(?:US)?\$?$"),
        "about": (
            r"^\s?(?:여|가량|쯤|정도|안팎|내외)",
            r"(?:약|대략)\s?$",
            _NEVER,
            r"\b(?:about|around|some|roughly|approximately|an estimated)\s(?:US)?\$?$",
        ),
        "almost": (
            r"^\s?\S{0,2}\s?(?:가까이|가깝)",
            r"(?:거의|근)\s?$",
            _NEVER,
            r"\b(?:nearly|almost|close to)\s(?:US)?\$?$",
        ),  # fmt: skip
        "up to": (_NEVER, r"최대\s?$", _NEVER, r"\bup to\s(?:US)?\$?$"),
    },
}
# "15 of the 19 hijackers" against 19명의 탈취범들 중 15명: the part and the whole
_KO_WHOLE_AFTER = re.compile(rf"^\s?{_HANGUL}{{0,2}}(?:의\s)?[^\d]{{0,20}}\s?(?:중|가운데)\s")
_EN_PART_AFTER = re.compile(r"^\s?(?:\w+\s)?(?:of|out of)\s(?:the\s|its\s|their\s)?(?:US)?\$?\d")
_COMPILED = {
    family: {
        role: tuple(re.compile(pattern) for pattern in patterns) for role, patterns in roles.items()
    }
    for family, roles in _ROLES.items()
}
_NAMES_KO = {
    "killed": "사망",
    "injured": "부상",
    "change": "등락폭",
    "level": "가격",
    "at least": "이상",
    "about": "약",
    "almost": "가까이",
    "up to": "최대",
    "part": "부분",
    "whole": "전체",
}
WINDOW = 30  # characters either side a role word may sit from its figure


def role_name(role: str, lang: str) -> str:
    """A role in the interface language, for messages."""
    return _NAMES_KO.get(role, role) if lang.startswith("ko") else role


def roles(text: str, figures: Sequence[Figure], lang: str) -> dict[Figure, dict[str, str]]:
    """figure -> {family: role} for each role its neighbourhood states plainly."""
    found: dict[Figure, dict[str, str]] = {}
    korean = lang.startswith("ko")
    for index, figure in enumerate(figures):
        # the words up to the neighbouring figures, never past them
        left = figures[index - 1].end if index > 0 else 0
        right = figures[index + 1].start if index + 1 < len(figures) else len(text)
        before = text[max(left, figure.start - WINDOW) : figure.start]
        after = text[figure.end : min(right, figure.end + WINDOW)]
        own: dict[str, str] = {}
        # a figure's unit and kind always say something: none is a role too (83마일 against
        # "83 microprocessors ... 8,192 miles")
        own["unit"] = _unit(figure, before, after, korean)
        own["kind"] = _kind(figure, before, after, korean)
        money = bool(figure.currency or _CENTS.match(after))
        for family, options in _COMPILED.items():
            if family == "move" and not money:
                continue  # a price's change or level: money only
            hits = [
                role
                for role, (ko_after, ko_before, en_after, en_before) in options.items()
                if (ko_after if korean else en_after).search(after)
                or (ko_before if korean else en_before).search(before)
            ]
            if len(hits) == 1:
                own[family] = hits[0]
        found[figure] = own
    whole = _parts(text, figures, korean)
    for figure, role in whole.items():
        found.setdefault(figure, {})["part"] = role
    return found


_STRONG_KINDS = (FigureKind.MULTIPLE, FigureKind.PERCENT, FigureKind.YEAR)
_EN_TIMES_AFTER = re.compile(r"^\s?(?:times\b|-?fold\b)")
_EN_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|from|before|after|of|early|late)\s$")


def _kind(figure: Figure, before: str, after: str, korean: bool) -> str:
    """A kind the figure states outright (a multiple, a percent, a year), or ""."""
    if figure.kind in _STRONG_KINDS:
        return figure.kind.value
    if korean or figure.kind != FigureKind.NUMBER or figure.currency or figure.measure:
        return ""
    if _EN_TIMES_AFTER.match(after):
        return FigureKind.MULTIPLE.value  # "1,000 times more powerful"
    value = figure.value
    if (
        value == value.to_integral_value()
        and 1900 <= value <= 2099
        and _EN_YEAR_BEFORE.search(before)
    ):
        return FigureKind.YEAR.value  # "in 1997"
    return ""


_CENTS = re.compile(r"\s?(?:센트|cents?\b)")
_KO_MAGNITUDE_BEFORE = re.compile(r"(?:규모|진도)\s?$")
_EN_MAGNITUDE_AFTER = re.compile(r"^-?\s?magnitude\b")
_EN_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:-|\s(?:of\s)?)$")


def _unit(figure: Figure, before: str, after: str, korean: bool) -> str:
    """The figure's unit: a dimension (length, power), a currency, a quake's magnitude, or
    "" for a bare count."""
    if figure.measure is not None:
        return figure.measure.dimension
    if figure.currency:
        return figure.currency
    if korean and _KO_MAGNITUDE_BEFORE.search(before):
        return "magnitude"
    if not korean and (_EN_MAGNITUDE_AFTER.match(after) or _EN_MAGNITUDE_BEFORE.search(before)):
        return "magnitude"
    return ""


def _parts(text: str, figures: Sequence[Figure], korean: bool) -> dict[Figure, str]:
    """The part and the whole of "15 of the 19" / "19명 ... 중 15명"."""
    found: dict[Figure, str] = {}
    for a, b in zip(figures, figures[1:], strict=False):
        if korean and _KO_WHOLE_AFTER.match(text[a.end : b.start + 1]):
            found[a], found[b] = "whole", "part"
        elif not korean and _EN_PART_AFTER.match(text[a.end : b.end]):
            found[a], found[b] = "part", "whole"
    return found


@dataclass(frozen=True)
class Swap:
    """Two source figures whose matched target figures carry each other's role."""

    first: Figure  # in the source, with role `role`
    second: Figure  # in the source, with role `other_role`
    first_target: Figure  # first's value in the target, where it carries `other_role`
    second_target: Figure
    role: str
    other_role: str


def swaps(
    source: str,
    source_lang: str,
    target: str,
    target_lang: str,
    pairs: Sequence[tuple[Figure, Figure]],
) -> list[Swap]:
    """Matched (source, target) pairs whose roles cross: the source's killed 70 and injured 300
    are the target's injured 70 and killed 300."""
    if len(pairs) < 2:
        return []
    source_roles = roles(source, sorted({s for s, _t in pairs}, key=lambda f: f.start),
                         source_lang)  # fmt: skip
    target_roles = roles(target, sorted({t for _s, t in pairs}, key=lambda f: f.start),
                         target_lang)  # fmt: skip
    found: list[Swap] = []
    seen: set[Figure] = set()
    for i, (s1, t1) in enumerate(pairs):
        for s2, t2 in pairs[i + 1 :]:
            if s1.value == s2.value or {s1, s2} & seen:
                continue
            for family in sorted(source_roles.get(s1, {}).keys() & source_roles.get(s2, {}).keys()):
                a, b = source_roles[s1][family], source_roles[s2][family]
                ta = target_roles.get(t1, {}).get(family)
                tb = target_roles.get(t2, {}).get(family)
                crossed = ta == b and tb == a
                # a multiple, a percent or a year that moved to the other value: "1997 times
                # more powerful ... in 1,000" for 1997년 ... 1,000배
                moved = family == "kind" and bool(b) and ta == b and tb != b and ta != a
                if a != b and (crossed or moved):
                    found.append(Swap(s1, s2, t1, t2, a, b))
                    seen |= {s1, s2}
                    break
    return found
