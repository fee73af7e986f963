"""Term candidates in a document: glossed names, quoted names, Latin-script names not yet known."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from glossary.chinese import fold_to_simplified, to_simplified, to_traditional
from glossary.model import Concept, Term, TermKind, term_key

_HANJA = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# 위어바오(餘額寶), 알리페이(支付寶 즈푸바오), 마이(螞蟻)미소금융서비스: the hangul right before
# the parenthesis is the name, the hanja its Chinese form, a hangul word after it a reading.
_GLOSS = re.compile(rf"([\uac00-\ud7a3]+) ?[(（]([{_HANJA}]+)(?: ([\uac00-\ud7a3]+))?[)）]")
_QUOTED = re.compile(
    r"'([^'\n]{2,30})'|‘([^’\n]{2,30})’|\"([^\"\n]{2,30})\"|“([^”\n]{2,30})”"
    r"|「([^」\n]{2,30})」|『([^』\n]{2,30})』|《([^》\n]{2,30})》"
)
_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.&'][A-Za-z0-9]+)*")
# 온코어(Oncor, 댈러스 소재), 일렉스틸 트랜스미션 텍사스(Electric Transmission Texas, ETT): the
# commonest pattern of Korean news, a transliterated name with its Latin original (and often
# an abbreviation or a description) in parentheses.
_NAMED = re.compile(r"((?:[\uac00-\ud7a3]+ )*[\uac00-\ud7a3]+) ?[(（]([A-Za-z][^()（）]*)[)）]")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.&' -]*[A-Za-z0-9.]")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# Company-form words the hangul rarely transliterates (American Electric Power Co ↔ 아메리칸
# 일렉스틱 파워): not counted when matching the name's words with the hangul words before it.
_LEGAL = frozenset("co co. corp corp. inc inc. ltd ltd. llc plc ag sa group".split())
# Units and the like: never a name on their own, whatever their case.
_UNITS = frozenset(
    "kw kwh mw mwh gw gwh w km m cm mm kg g t mb gb tb ppm usd krw cny eur jpy".split()
)
_PARENTHESES = re.compile(r" ?[(（][^()（）]*[)）]")
# Quotes that end like a predicate are speech or emphasis ('세계로 가자'), not names.
_PREDICATE_END = tuple("다요까죠자네지고며서")


@dataclass
class TermCandidate:
    """A name worth adding: its forms per language, how often it occurs and where first."""

    forms: dict[str, str]  # ko, zh-Hant, zh-Hans, en … (Chinese forms filled in by OpenCC)
    kind: str  # "gloss", "quoted" or "latin": how it was spotted
    frequency: int = 0
    example: str = ""  # the first segment it occurs in
    segment: int = 0  # that segment's 0-based index
    variants: dict[str, list[str]] = field(default_factory=dict)  # e.g. a reading: 즈푸바오

    def concept(self) -> Concept:
        """A proposed concept with these forms, for the translator to complete and approve."""
        terms = [Term(lang, text) for lang, text in self.forms.items()]
        terms += [Term(lang, v, TermKind.VARIANT) for lang, vs in self.variants.items() for v in vs]
        return Concept(terms=terms, status="proposed", note=f"candidate: {self.example}")


def _known_keys(concepts: Iterable[Concept]) -> set[str]:
    keys: set[str] = set()
    for concept in concepts:
        for term in concept.terms:
            keys.add(term_key(term.text))
            keys.add(term_key(fold_to_simplified(term.text)))
    return keys


def _chinese(hanja: str) -> dict[str, str]:
    return {"zh-Hant": to_traditional(hanja), "zh-Hans": to_simplified(hanja)}


def _quoted_name(inside: str) -> str | None:
    name = _PARENTHESES.sub("", inside).strip(" .,")
    words = name.split()
    if not words or len(words) > 3 or name.endswith(_PREDICATE_END):
        return None
    if any(word[0].isdigit() for word in words):  # '하루 10조 매출': a figure, not a name
        return None
    if re.fullmatch(r"[\uac00-\ud7a3]{1,2}", name):
        return None  # '눈길', '전략', '군침': quotes of emphasis around a plain word
    return name


def find_candidates(
    segments: Sequence[str], known: Iterable[Concept], source_lang: str = "ko"
) -> list[TermCandidate]:
    """Candidates in segments that the glossary (known) does not hold yet, most frequent first."""
    known_keys = _known_keys(known)
    found: dict[str, TermCandidate] = {}

    def offer(primary: str, candidate: TermCandidate, number: int, text: str) -> None:
        if term_key(primary) in known_keys or any(
            term_key(fold_to_simplified(form)) in known_keys for form in candidate.forms.values()
        ):
            return
        held = found.setdefault(term_key(primary), candidate)
        if held is not candidate:  # a gloss is richer than a bare quote of the same name
            if candidate.kind == "gloss" and held.kind != "gloss":
                candidate.example, candidate.segment = held.example, held.segment
                found[term_key(primary)] = candidate
            return
        candidate.example, candidate.segment = text, number

    for number, text in enumerate(segments):
        named_spans: list[tuple[int, int]] = []
        if source_lang == "ko":
            for match in _NAMED.finditer(text):
                candidate = _named(match)
                if candidate is not None:
                    named_spans.append(match.span(2))
                    offer(candidate.forms["ko"], candidate, number, text)
            for match in _GLOSS.finditer(text):
                name, hanja, reading = match.groups()
                forms = {"ko": name, **_chinese(hanja)}
                variants = {"ko": [reading]} if reading else {}
                offer(name, TermCandidate(forms, "gloss", variants=variants), number, text)
        for match in _QUOTED.finditer(text):
            inside = next(group for group in match.groups() if group)
            name = _quoted_name(inside)
            if name:
                lang = source_lang if source_lang != "zh" else "zh-Hans"
                forms = _chinese(name) if lang.startswith("zh") else {lang: name}
                offer(name, TermCandidate(forms, "quoted"), number, text)
        for match in _LATIN.finditer(text):
            name = match.group()
            if any(a <= match.start() < b for a, b in named_spans):
                continue  # part of a name already paired with its hangul form
            if len(name) < 3 and name.isupper() or len(name) < 2:
                continue  # IT, PC, TV: common abbreviations rather than names
            if _common_word(name) or any(
                name in c.variants.get("en", []) or name == c.forms.get("en")
                for c in found.values()
            ):
                continue  # Power, Co, kw; ETT once it is known as Electric Transmission Texas
            # A Latin name is its own English form: the English column, not the source's.
            offer(name, TermCandidate({"en": name}, "latin"), number, text)

    for candidate in found.values():
        candidate.frequency = _frequency(segments, candidate, source_lang)
    return sorted(found.values(), key=lambda c: (-c.frequency, c.segment))


def _common_word(word: str) -> bool:
    """An English dictionary word or a unit (Power, Electric, kw): no name on its own."""
    if word.lower() in _UNITS or word.lower() in _LEGAL:
        return True
    if not word.isalpha() or word.isupper():
        return False  # V-key, ETT: not dictionary words
    # Hunspell en-US; a name (Oncor, Paybang) is not in it
    from qa.spelling import dictionary  # noqa: PLC0415 - heavy: brings qa's checks (~0.1 s)

    try:
        english = dictionary("en-US")
    except (FileNotFoundError, ImportError):
        return False
    return bool(english.lookup(word.lower()))


def _named(match: re.Match[str]) -> TermCandidate | None:
    """The candidate of hangul(Latin name[, abbreviation][, description])."""
    hangul_words = match.group(1).split()
    parts = [part.strip() for part in re.split(r"[,;，]", match.group(2))]
    name = parts[0]
    if not _LATIN_NAME.fullmatch(name) or re.search(r"[\uac00-\ud7a3]", name):
        return None
    words = name.split()
    significant = [w for w in words if w.lower() not in _LEGAL] or words
    if len(words) == 1 and name.isupper():
        # 국제통화기금(IMF): the Latin form is an abbreviation, an English variant
        return TermCandidate({"ko": hangul_words[-1], "en": name}, "named")
    if len(words) == 1 and _common_word(name):
        return None  # 풍력(wind): a gloss of a common word, not a name
    korean = " ".join(hangul_words[-len(significant) :])
    candidate = TermCandidate({"ko": korean, "en": name}, "named")
    initials = "".join(w[0] for w in significant).upper()
    for part in parts[1:]:
        if _ACRONYM.fullmatch(part) and (part == initials or part[0] == initials[0]):
            candidate.variants.setdefault("en", []).append(part)  # ETT: its abbreviation
    return candidate


def _frequency(segments: Sequence[str], candidate: TermCandidate, source_lang: str) -> int:
    form = candidate.forms.get(source_lang) or next(iter(candidate.forms.values()))
    if source_lang.startswith("zh"):
        # Either script counts: 餘額寶 and 余额宝 are the same name.
        form = fold_to_simplified(form)
        segments = [fold_to_simplified(text) for text in segments]
    # Occurrences that start a word (알리바바 does not count for a candidate 알리).
    boundary = r"(?<![\uac00-\ud7a3A-Za-z0-9])" if source_lang in ("ko", "en") else ""
    pattern = re.compile(boundary + re.escape(form), re.IGNORECASE)
    return max(1, sum(len(pattern.findall(text)) for text in segments))
