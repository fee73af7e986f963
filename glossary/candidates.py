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
        if source_lang == "ko":
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
            if len(name) < 3 and name.isupper() or len(name) < 2:
                continue  # IT, PC, TV: common abbreviations rather than names
            forms = {source_lang: name, "en": name} if source_lang != "en" else {"en": name}
            offer(name, TermCandidate(forms, "latin"), number, text)

    for candidate in found.values():
        candidate.frequency = _frequency(segments, candidate, source_lang)
    return sorted(found.values(), key=lambda c: (-c.frequency, c.segment))


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
