"""Finding glossary terms in a segment: Korean particles, hanja glosses, both Chinese scripts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import ahocorasick

from glossary.chinese import fold_to_simplified, other_sense, to_simplified, to_traditional
from glossary.korean import (
    FIGURE_UNITS,
    after_figure,
    confirms_predicate,
    currency_next,
    is_particle_tail,
    is_predicate_start,
    is_syllable,
    verb_stem,
)
from glossary.model import Concept, TermKind


@dataclass(frozen=True)
class TermMatch:
    start: int  # span in the segment: the term and its hanja gloss, without the particle
    end: int
    text: str  # segment[start:end]
    concept_id: int
    term: str  # the glossary form that matched
    targets: tuple[str, ...]  # target-language forms, preferred first; () if none
    particle: str = ""  # Korean particle or ending attached after the span (가, 의, 에는 …)
    predicate: bool = False  # a verbal noun used as a verb (상장했다): particle is 했다

    @property
    def target(self) -> str:
        return self.targets[0] if self.targets else ""


# One-for-one character folds, so positions in the folded text are positions in the segment:
# full-width ASCII (ＶＩＰ, （）) to ASCII, curly apostrophes to ', hyphens and every kind of
# space to a plain space (V-key = V key, A-shares = A shares).
_FOLD = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_FOLD.update({ord(c): "'" for c in "\u2019\u2018\u02bc\u2032\uff07"})
_FOLD.update({ord(c): " " for c in "-\u2010\u2011\u2012\u2013\u00a0\u3000\t\n\r\u200b"})

_EXTRA_SPACE = re.compile(r"(?<= ) +")

# Both rules below read characters one by one rather than through a pattern: their hangul
# and hanja classes cost milliseconds to compile at every start, and what they look for (a
# parenthesis, a space) is rare enough in a segment to be found with str.find.


def _is_hanja(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


def _is_reading(char: str) -> bool:
    return is_syllable(char) or ("a" <= char <= "z") or ("A" <= char <= "Z")


def _glosses(text: str) -> list[tuple[int, int]]:
    """The spans of hanja glosses: 알리페이(支付寶 즈푸바오), 마윈(馬雲), 마이(螞蟻)미소금융 —
    hanja (and ·) in parentheses right after hangul (or one space after it), optionally
    followed by a space and a reading; the gloss is part of the term it follows."""
    spans: list[tuple[int, int]] = []
    opening = text.find("(")
    while opening >= 0:
        before = text[opening - 1] if opening else ""
        if is_syllable(before):
            start = opening
        elif before == " " and opening >= 2 and is_syllable(text[opening - 2]):
            start = opening - 1
        else:
            start = -1
        end = -1
        at = opening + 1
        while start >= 0 and at < len(text) and (_is_hanja(text[at]) or text[at] in "·・"):
            at += 1
        if start >= 0 and at > opening + 1:
            if text[at : at + 1] == ")":
                end = at + 1
            elif text[at : at + 1] == " " and at + 1 < len(text) and _is_reading(text[at + 1]):
                after = at + 2
                while after < len(text) and (_is_reading(text[after]) or text[after] == " "):
                    after += 1
                if text[after : after + 1] == ")":
                    end = after + 1
        if end > 0:
            spans.append((start, end))
        opening = text.find("(", max(end, opening + 1))
    return spans


def _hangul_spaces(text: str) -> list[int]:
    """Where a space stands between two hangul syllables: Korean spacing varies (알리 페이 /
    알리페이, 알리페이 호주 / 알리페이호주), so keys and text are matched without them."""
    found = []
    at = text.find(" ", 1)
    while 0 < at < len(text) - 1:
        if is_syllable(text[at - 1]) and is_syllable(text[at + 1]):
            found.append(at)
        at = text.find(" ", at + 1)
    return found


def _without(text: str, positions: list[int]) -> str:
    """text without the characters at positions (ascending)."""
    if not positions:
        return text
    pieces, cursor = [], 0
    for at in positions:
        pieces.append(text[cursor:at])
        cursor = at + 1
    pieces.append(text[cursor:])
    return "".join(pieces)


_ENGLISH_TAILS = ("'s", "s'", "es", "s")
# A form that starts with a lone letter (A-shares, V-key) is matched with that letter's case:
# "A shares" is the market, "a shares deal" is an article and a noun.
_LETTER_HEAD = re.compile(r"^[A-Za-z\uff21-\uff3a\uff41-\uff5a][ \-\u2010\u2011]")


def _as_written_first(norm: str, candidates: list) -> list:
    """Drop a match across a space when the words as written are terms themselves: with 알리
    and 페이 in the glossary, 알리 페이 is those two, not 알리페이."""
    written = {(c[0], c[1]) for c in candidates if " " not in norm[c[0] : c[1]]}
    kept = []
    for candidate in candidates:
        start, end = candidate[0], candidate[1]
        inside = norm[start:end]
        if " " in inside and inside != candidate[4]:  # spaced unlike the glossary form
            cut = start + inside.index(" ")
            if (start, cut) in written:
                continue
        kept.append(candidate)
    return kept


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _fold(text: str) -> str:
    folded = text.translate(_FOLD)
    lower = folded.lower()
    if len(lower) != len(folded):  # a few characters (İ) lower-case to two; keep those as they are
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return fold_to_simplified(lower)


def normalize(text: str, strip_glosses: bool = False) -> tuple[str, list[int], dict[int, int]]:
    """The text as matched, the segment position of each of its characters, and the glosses
    (segment start -> end) that were dropped."""
    folded = _fold(text)
    drops: list[tuple[int, int]] = []
    glosses: dict[int, int] = {}
    if strip_glosses:
        for start, end in _glosses(folded):
            drops.append((start, end))
            glosses[start] = end
    drops.extend(m.span() for m in _EXTRA_SPACE.finditer(folded))
    if not drops:
        return folded, list(range(len(folded))), glosses
    drops.sort()
    pieces: list[str] = []
    positions: list[int] = []
    cursor = 0
    for start, end in drops:
        if start < cursor:  # a space run inside a dropped gloss
            cursor = max(cursor, end)
            continue
        pieces.append(folded[cursor:start])
        positions.extend(range(cursor, start))
        cursor = end
    pieces.append(folded[cursor:])
    positions.extend(range(cursor, len(folded)))
    return "".join(pieces), positions, glosses


@dataclass(frozen=True)
class _Entry:
    concept_id: int
    form: str
    rank: int  # 0 preferred, 1 variant: decides between concepts sharing a form
    order: int
    targets: tuple[str, ...]
    place: bool = False  # 중국인 is "a Chinese", not "China" + copula


def _targets(concept: Concept, lang: str) -> tuple[str, ...]:
    forms = concept.forms(lang, TermKind.PREFERRED) + concept.forms(lang, TermKind.VARIANT)
    if not forms and (lang.startswith("zh") or lang == "zt"):
        # A concept entered in one Chinese script still serves the other one.
        convert = to_traditional if lang in ("zh-Hant", "zh-TW", "zh-HK", "zt") else to_simplified
        other = [t for t in concept.terms if t.lang.startswith("zh") and t.lang != lang]
        ordered = [t for t in other if t.kind == TermKind.PREFERRED] + [
            t for t in other if t.kind == TermKind.VARIANT
        ]
        forms = [convert(t.text) for t in ordered]
    return tuple(dict.fromkeys(forms))


class TermMatcher:
    """Built once per (glossary revision, pair); find() is one pass whatever the glossary size."""

    def __init__(self, concepts: Iterable[Concept], source_lang: str, target_lang: str) -> None:
        self.source_lang = source_lang
        self.target_lang = target_lang
        if source_lang == "ko":
            self._script = "ko"
        elif source_lang in ("zh", "zt") or source_lang.startswith("zh"):
            self._script = "zh"
        else:
            self._script = "latin"
        best: dict[str, tuple[_Entry, str]] = {}  # key -> entry, form as written
        for order, concept in enumerate(concepts):
            if concept.id is None:
                continue
            targets = _targets(concept, target_lang)
            for term in concept.terms:
                if term.kind == TermKind.FORBIDDEN or not self._is_source(term.lang):
                    continue
                entry = _Entry(
                    concept.id,
                    term.text,
                    int(term.kind != TermKind.PREFERRED),
                    order,
                    targets,
                    concept.domain == "place",
                )
                for key, written in self._keys(term.text):
                    held = best.get(key)
                    if held is None or (entry.rank, entry.order) < (held[0].rank, held[0].order):
                        best[key] = (entry, written)
        self._automaton: ahocorasick.Automaton | None = None
        if best:
            automaton = ahocorasick.Automaton()
            for key, (entry, written) in best.items():
                automaton.add_word(key, (len(key), entry, key, written))
            automaton.make_automaton()
            self._automaton = automaton

    def _is_source(self, lang: str) -> bool:
        if self._script == "zh":
            return lang in ("zh", "zt") or lang.startswith("zh")
        return lang == self.source_lang

    def _keys(self, form: str) -> list[tuple[str, str]]:
        """(automaton key, the form as written and matched) pairs for a glossary form."""
        key = normalize(form, strip_glosses=self._script == "ko")[0].strip()
        if not key:
            return []
        if self._script != "ko":
            return [(key, key)]
        key = verb_stem(key)  # 상장하다 is found as 상장했다, 상장할, 상장 계획
        keys = [(_without(key, _hangul_spaces(key)), key)]
        if " " in keys[0][0]:
            keys.append((key.replace(" ", ""), key))  # 애플 페이 / 애플페이 as well
        return keys

    def find(self, text: str) -> list[TermMatch]:
        """Leftmost-longest, non-overlapping matches in text order."""
        if self._automaton is None or not text:
            return []
        norm, positions, glosses = normalize(text, strip_glosses=self._script == "ko")
        accept: Callable[[str, int, int], int | None] = self._accept_latin
        if self._script == "ko":
            accept = self._accept_korean
        elif self._script == "zh":
            accept = self._accept_chinese
        # One pass over the text as matched; for Korean over it without the spaces between
        # hangul, each hit mapped back so that the rules below judge the text as written.
        searched, back = norm, None
        if self._script == "ko" and " " in norm:
            removed = _hangul_spaces(norm)
            if removed:
                searched = _without(norm, removed)
                # where in searched each removed space was: a searched index i is norm index
                # i + (the number of removed spaces at or before it)
                back = [at - n for n, at in enumerate(removed)]
        candidates = []
        for last, (length, entry, key, written) in self._automaton.iter(searched):
            start, end = last - length + 1, last + 1
            if back is not None:
                start, end = start + bisect_right(back, start), last + bisect_right(back, last) + 1
            unit = self._script == "ko" and key in FIGURE_UNITS
            if unit and after_figure(norm, start):
                tail = self._accept_korean(norm, start, end, glued=True)  # 57억1000만위안을
            else:
                tail = accept(norm, start, end)
            if tail is None:
                continue
            if tail and entry.place and norm.startswith("인", end):
                continue
            if unit:
                # 위안 the yuan after a figure or before 환율/약세; 위안 "comfort" otherwise
                if not (after_figure(norm, start) or currency_next(norm, end)):
                    continue
            if self._script == "zh" and other_sense(norm, start, end):
                continue  # 吃苹果, 苹果汁: the fruit, not Apple
            if tail is not None and _LETTER_HEAD.match(entry.form):
                if text[positions[start]].translate(_FOLD) != entry.form[0].translate(_FOLD):
                    continue
            if tail is not None:
                if self._script == "latin" and tail and norm[end] != "'":
                    # The plural belongs to the term (Alipays, funds); a possessive ' stays out.
                    plural = len(norm[end : end + tail].rstrip("'"))
                    end, tail = end + plural, tail - plural
                candidates.append((start, end, tail, entry, written))
        if back is not None:
            candidates = _as_written_first(norm, candidates)
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
        matches: list[TermMatch] = []
        taken = 0
        for start, end, tail, entry, _written in candidates:
            if start < taken:
                continue
            taken = end + tail
            span_start = positions[start]
            span_end = positions[end - 1] + 1
            span_end = glosses.get(span_end, span_end)  # 마윈(馬雲): the gloss belongs to the name
            particle_end = positions[end + tail - 1] + 1 if tail else span_end
            matches.append(
                TermMatch(
                    start=span_start,
                    end=span_end,
                    text=text[span_start:span_end],
                    concept_id=entry.concept_id,
                    term=entry.form,
                    targets=entry.targets,
                    particle=text[span_end:particle_end],
                    predicate=bool(tail)
                    and self._script == "ko"
                    and not is_particle_tail(norm[end - 1], norm[end : end + tail]),
                )
            )
        return matches

    # Each rule returns None to refuse a candidate, else the length of its attached tail.

    @staticmethod
    def _accept_korean(norm: str, start: int, end: int, glued: bool = False) -> int | None:
        """glued: the term may follow the previous character (a unit after 만, 억, 조)."""
        before = norm[start - 1] if start else " "
        first, last = norm[start], norm[end - 1]
        if not glued and (before.isalpha() or (_is_ascii_alnum(first) and before.isalnum())):
            return None  # 알리 inside 알리바바's neighbour, 페이 inside 페이스북's
        after = end
        while after < len(norm) and is_syllable(norm[after]):
            after += 1
        rest = norm[end:after]
        if after < len(norm) and norm[after].isalnum():
            return None  # 애플TV, 아이폰6s: the eojeol goes on with something else
        if rest and not is_particle_tail(last, rest):
            # 상장했다, 상장된: a verbal noun with 하다/되다; the analyser tells it from
            # 중국해 (the China Sea), which only looks the same.
            if not (
                is_predicate_start(rest[0]) and confirms_predicate(norm[start:after], end - start)
            ):
                return None
        return len(rest)

    @staticmethod
    def _accept_chinese(norm: str, start: int, end: int) -> int | None:
        # No word boundaries in Chinese; only Latin names (V-Key, iPhone 6) need whole words.
        if _is_ascii_alnum(norm[start]) and start and _is_ascii_alnum(norm[start - 1]):
            return None
        if _is_ascii_alnum(norm[end - 1]) and end < len(norm) and _is_ascii_alnum(norm[end]):
            return None
        return 0

    @staticmethod
    def _accept_latin(norm: str, start: int, end: int) -> int | None:
        if start and norm[start - 1].isalnum():
            return None

        def boundary(at: int) -> bool:
            return at >= len(norm) or not norm[at].isalnum()

        if norm[end - 1].isalpha():  # Alipay's, iPhones, A-shares; not iPhone 6s
            for tail in _ENGLISH_TAILS:
                if norm.startswith(tail, end) and boundary(end + len(tail)):
                    return len(tail)
        return 0 if boundary(end) else None
