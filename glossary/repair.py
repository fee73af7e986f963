"""Putting a garbled or dropped term right: find where it came out, replace or insert it there.

The engine's alignment (glossary.enforce reads it off the translation, duck-typed: an
`alignment` with source_spans, target_spans and weights, as translation.alignment gives)
says which output pieces looked at the term in the source. Without one, a similarity search
of the output for the approved form stands in. A repair is only made where the place is
credible; anything else is left to a constrained second decode or flagged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np

# Characters of placeholders and inline tags (⦗1⦘, ⦗101⦘, ⟨1⟩, <g1>, {1}): a repair never
# rewrites them, nor inserts inside a whole one.
_PROTECTED = re.compile(r"[\u2997\u2998\u27e8\u27e9<>{}\[\]]")
_TOKENS = re.compile(r"\u2997\s*\d+\s*\u2998|\u27e8/?\d+/?\u27e9|<[^<>]*>|\{\d+\}")
# What is left of a term's own placeholder the model garbled (⦗1⦗, ⦗ 1, 1⦘): replaceable.
_DEBRIS = re.compile(r"[\u2997\u2998\s\d]+")
_MARKS = "\u2997\u2998"
_WORD = re.compile(r"[A-Za-z0-9'\u2019\-]")
MIN_SIMILARITY = 75  # rapidfuzz ratio (0-100) for a span found by similarity alone
SHORT_FORM = 6  # ... and 85 for a form shorter than this: Apply is 80% Apple and no garble
SHORT_SIMILARITY = 85
ALIGNED_SIMILARITY = 40  # with the alignment pointing at it, a weaker likeness will do
ALIGNED_MASS = 0.5  # ... or at least half of the span's attention on the term in the source


class Aligned(Protocol):
    """What a repair reads of an engine's alignment (translation.alignment.Alignment has it)."""

    @property
    def source_spans(self) -> Sequence[tuple[int, int]]: ...  # characters of each source piece
    @property
    def target_spans(self) -> Sequence[tuple[int, int]]: ...  # ... and of each output piece
    @property
    def weights(self) -> np.ndarray: ...  # attention, [output pieces x source pieces]


@dataclass(frozen=True)
class Fix:
    """One change to the raw output: replace [start, end) with text (start == end inserts)."""

    start: int
    end: int
    text: str
    index: int  # the match (term occurrence) it places
    original: str  # what the model wrote there ("" when the term was dropped)


@dataclass(frozen=True)
class Resume:
    """A repair in place would break the sentence: decode again, forced to start with prefix."""

    index: int
    at: int  # position in the raw output where the prefix stops copying it
    form: str
    separator: str  # space between the copied output and the form


def _latin(char: str) -> bool:
    return bool(char) and char.isascii() and char.isalnum()


def _spacing(text: str, start: int, end: int, form: str, source_gap: tuple[str, str]) -> str:
    """form with the spaces its new neighbours need: the source's spacing where it had one,
    and always one between two Latin words (Group Alipay, never GroupAlipay)."""
    before = text[start - 1 : start] if start else ""
    after = text[end : end + 1]
    lead = ""
    if before and not before.isspace() and before not in "('\"‘“[":
        if source_gap[0].isspace() or (_latin(before) and _latin(form[:1])):
            lead = " "
    tail = ""
    if after and not after.isspace() and after not in ".,;:!?)'\"’”]":
        if source_gap[1].isspace() or (_latin(after) and _latin(form[-1:])):
            tail = " "
    return lead + form + tail


def _taken(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans) or any(
        a == b == start for a, b in spans if start == end
    )


def locate(
    text: str,
    alignment: Aligned,
    term_span: tuple[int, int],
    form: str,
    taken: Sequence[tuple[int, int]],
    source: str,
) -> Fix | Resume | None:
    """Where the term prepared at term_span (in source) came out in text, as a Fix; a Resume
    when only a new decode can place it; None when the alignment gives no credible place."""
    from rapidfuzz import fuzz  # noqa: PLC0415 - only when a term came out wrong

    source_spans = alignment.source_spans
    target_spans = alignment.target_spans
    weights = alignment.weights
    if not len(weights) or not len(target_spans):
        return None
    points = [int(row.argmax()) for row in weights]
    inside = [i for i, (a, b) in enumerate(source_spans) if a < term_span[1] and term_span[0] < b]
    if not inside:
        return None
    first_in, last_in = min(inside), max(inside)
    gap = (source[term_span[0] - 1 : term_span[0]], source[term_span[1] : term_span[1] + 1])
    mine = [t for t, s in enumerate(points) if first_in <= s <= last_in]
    visible = [t for t in mine if target_spans[t][0] < target_spans[t][1]]
    before = [t for t, s in enumerate(points) if s < first_in]
    after = [t for t, s in enumerate(points) if s > last_in]
    rest = source[source_spans[last_in][1] :].strip(" .!?。．…\"'”’)")
    if not after and rest:
        # The output stops at the term, before the words that follow it in the source: a
        # repair in place would leave the sentence cut short.
        if mine:
            at = target_spans[mine[0]][0]
        else:
            reached = max((points[t] for t in before), default=-1)
            skipped = source[source_spans[reached][1] if reached >= 0 else 0 : term_span[0]]
            if skipped.strip(" ,.·'\"‘“(") != "":
                return None  # it stopped earlier, at words that are no term: not ours to fix
            at = _end_of(target_spans, before)
        return Resume(0, at, form, _lead(text, at, form, gap))
    if visible:
        between = range(visible[0], visible[-1] + 1)
        if any(t not in mine and not text[slice(*target_spans[t])].isspace() for t in between):
            # The term's pieces came out apart with other words between them: splicing the
            # form into either place leaves the rest of it behind.
            at = target_spans[visible[0]][0]
            return Resume(0, at, form, _lead(text, at, form, gap))
        start = target_spans[visible[0]][0]
        end = target_spans[visible[-1]][1]
        # Off the edges: spaces and punctuation that are the sentence's, not the term's (the
        # brackets of the term's own placeholder are the term's)
        while start < end and not (text[start].isalnum() or text[start] in _MARKS):
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in _MARKS):
            end -= 1
        original = text[start:end]
        if start == end:
            return _insert(text, start, form, gap, taken)
        foreign = _PROTECTED.search(original) and (
            not _DEBRIS.fullmatch(original) or _TOKENS.search(original)
        )
        if foreign or _taken(taken, start, end):
            at = target_spans[visible[0]][0]
            return Resume(0, at, form, _lead(text, at, form, gap))
        mass = sum(float(weights[t, first_in : last_in + 1].sum()) for t in visible) / len(visible)
        if fuzz.ratio(original, form) < ALIGNED_SIMILARITY and mass < ALIGNED_MASS:
            return None  # the alignment is too vague to overwrite what the model wrote
        return Fix(start, end, _spacing(text, start, end, form, gap), 0, original)
    if mine:  # pieces that decode to nothing (dropped); their place is still known
        return _insert(text, target_spans[mine[0]][0], form, gap, taken)
    # Nothing looked at the term: put it between what came out of its neighbours.
    if before and after and max(before) > min(after):
        return None  # the neighbours swapped places: no one place to put it
    at = target_spans[min(after)][0] if after else len(text)
    if before:
        at = max(_end_of(target_spans, before), min(at, len(text)))
    return _insert(text, at, form, gap, taken)


def _end_of(spans: Sequence[tuple[int, int]], pieces: Sequence[int]) -> int:
    return max((spans[t][1] for t in pieces), default=0)


def landed(alignment: Aligned, term_span: tuple[int, int]) -> tuple[int, int] | None:
    """The output span of the pieces that looked at the term (None when none is visible)."""
    inside = [
        i
        for i, (a, b) in enumerate(alignment.source_spans)
        if a < term_span[1] and term_span[0] < b
    ]
    if not inside or not len(alignment.weights):
        return None
    spans = [
        alignment.target_spans[t]
        for t, row in enumerate(alignment.weights)
        if min(inside) <= int(row.argmax()) <= max(inside)
        and alignment.target_spans[t][0] < alignment.target_spans[t][1]
    ]
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)


def _lead(text: str, at: int, form: str, gap: tuple[str, str]) -> str:
    before = text[at - 1 : at] if at else ""
    if not before or before.isspace():
        return ""
    return " " if gap[0].isspace() or (_latin(before) and _latin(form[:1])) else ""


def _insert(
    text: str, at: int, form: str, gap: tuple[str, str], taken: Sequence[tuple[int, int]]
) -> Fix | None:
    # An insertion sits between words: move off a space to its far side, keep off tags.
    inside_token = any(m.start() < at < m.end() for m in _TOKENS.finditer(text))
    if any(a < at < b for a, b in taken) or inside_token:
        return None
    placed = _spacing(text, at, at, form, gap)
    return Fix(at, at, placed, 0, "")


def by_similarity(text: str, form: str, taken: Sequence[tuple[int, int]]) -> Fix | None:
    """Without an alignment: the span of text most like form, if it is like enough."""
    from rapidfuzz import fuzz  # noqa: PLC0415 - only when a term came out wrong

    if not text or not form:
        return None
    masked = list(text)
    for a, b in taken:
        for i in range(max(0, a), min(b, len(text))):
            masked[i] = "\x00"
    for m in _PROTECTED.finditer(text):
        masked[m.start()] = "\x00"
    hay = "".join(masked)
    found = fuzz.partial_ratio_alignment(form, hay, score_cutoff=MIN_SIMILARITY - 15)
    if found is None:
        return None
    start, end = found.dest_start, found.dest_end
    if _latin(form[:1]) or _latin(form[-1:]):
        while start > 0 and _WORD.match(hay[start - 1]):
            start -= 1
        while end < len(hay) and _WORD.match(hay[end]) and hay[end] not in "'\u2019":
            end += 1
    while start < end and not hay[start].isalnum():
        start += 1
    while end > start and not hay[end - 1].isalnum():
        end -= 1
    original = text[start:end]
    needed = SHORT_SIMILARITY if len(form) < SHORT_FORM else MIN_SIMILARITY
    if not original or "\x00" in hay[start:end] or fuzz.ratio(original, form) < needed:
        return None
    return Fix(start, end, form, 0, original)
