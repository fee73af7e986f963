"""Glossary enforcement around any MT engine: inject or protect terms, block forbidden, verify."""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from glossary.forms import ODD_FOLDS, find_form, form_pattern
from glossary.matching import TermMatch, TermMatcher
from glossary.model import Concept, TermKind
from glossary.repair import Fix, Resume, by_similarity, landed, locate

log = logging.getLogger(__name__)


class Strategy(StrEnum):
    INJECT = "inject"  # default: the approved target form replaces the term in the source
    PLACEHOLDER = "placeholder"  # protected placeholders, restored after decoding
    NONE = "none"  # plain MT, verification only (the baseline in benchmarks)


@dataclass
class TermOutcome:
    concept_id: int
    source: str  # the term as found in the source segment
    target: str  # the approved target form that had to appear
    # "injected", "placeholder", "model" (placed as the model wrote it), "repaired" (put right
    # in the output), "re-decoded" (decoded again after the approved form), "failed" (flagged)
    method: str
    ok: bool
    original: str = ""  # for "repaired": what the model wrote there ("" when it dropped it)


@dataclass
class EnforcedSegment:
    text: str  # the final translation
    terms: list[TermOutcome] = field(default_factory=list)
    forbidden_found: list[str] = field(default_factory=list)
    strategy: str = ""  # the strategy that produced text (placeholder falls back to inject)
    prepared: str = ""  # what the engine was given, for a translator who wonders why

    @property
    def broken(self) -> bool:
        """The text holds U+FFFD: the model produced bytes that are not valid UTF-8."""
        return BROKEN in self.text

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.terms) and not self.forbidden_found and not self.broken

    @property
    def failed(self) -> list[TermOutcome]:
        return [t for t in self.terms if not t.ok]

    def info(self) -> dict[str, Any]:
        """A JSON-serialisable record for Project.set_mt(..., info=...)."""
        return {
            "strategy": self.strategy,
            "ok": self.ok,
            "broken": self.broken,
            "prepared": self.prepared,
            "terms": [asdict(t) for t in self.terms],
            "forbidden_found": list(self.forbidden_found),
        }


# translate(texts, forbidden=...) -> translations; Engine.translate bound to a pair fits.
TranslateFn = Callable[..., list[str]]

# A placeholder the sentencepiece of an Argos package keeps apart from its neighbours (the
# brackets are rare symbols, the number is copied by every model we tried); restored by a
# pattern that tolerates the spaces a detokenizer may put inside.
PLACEHOLDER = "⦗{n}⦘"
_PLACEHOLDER_BACK = re.compile(r"⦗\s*(\d+)\s*⦘")
# At most this many constrained re-decodes of one segment (one per term cut short)
RESUME_ROUNDS = 3
BROKEN = "\ufffd"  # the replacement character: a decode that went wrong, never a translation


@dataclass
class _Plan:
    """One segment on its way through the engine."""

    source: str
    matches: list[TermMatch]  # the matches that carry a target form
    prepared: str
    strategy: Strategy
    placeholders: dict[int, int] = field(default_factory=dict)  # number -> index in matches
    spans: list[tuple[int, int]] = field(default_factory=list)  # each match's place in prepared
    # After a resumed decode: how the terms in the forced prefix were placed the first time
    carried: dict[int, tuple[str, str]] = field(default_factory=dict)


@dataclass
class _Again:
    """A segment to decode again from a prefix that ends with the approved form."""

    output: str  # the first translation (a Translation that can be resumed)
    prefix: str
    index: int  # the match the prefix places
    carried: dict[int, tuple[str, str]]


def translate_with_glossary(
    texts: Sequence[str],
    translate: TranslateFn,
    matcher: TermMatcher | None,
    *,
    strategy: Strategy = Strategy.INJECT,
    source_lang: str,
    target_lang: str,
    forbidden: Sequence[str] = (),
    on_batch: Callable[[list[int], list[EnforcedSegment]], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    concepts: Iterable[Concept] | Mapping[int, Concept] = (),
) -> list[EnforcedSegment]:
    """Translate texts through translate(), enforcing every glossary term matcher finds.

    translate is called as translate(prepared_texts, forbidden=..., on_batch=..., cancel=...)
    (the signature of Engine.translate with the pair bound, e.g. functools.partial).
    A term that cannot be placed leaves its TermOutcome with ok=False: flagged, never silent.

    concepts: the concepts matcher was built from (or a mapping id -> concept); they give the
    forbidden renderings to block and repair and the source forms to repair. Without them
    only the forms the matches carry are used.
    PLACEHOLDER: a segment whose placeholder the model lost is translated again with INJECT
    (and reported to on_batch once, after that second pass).
    """
    strategy = Strategy(strategy)
    if isinstance(concepts, Mapping):
        by_id: dict[int, Concept] = dict(concepts)
    else:  # a concept never stored has no id, so no match can name it
        by_id = {c.id: c for c in concepts if c.id is not None}
    plans = [_prepare(text, matcher.find(text) if matcher else [], strategy) for text in texts]
    repairs = _Repairs(by_id, matcher, target_lang, forbidden, plans)
    results: list[EnforcedSegment | None] = [None] * len(texts)
    retry: list[int] = []
    resumes: dict[int, _Again] = {}

    def finish(
        indexes: list[int], outputs: list[str], *, lost_ok: bool, resume: bool = True
    ) -> None:
        done_indexes, done = [], []
        for index, output in zip(indexes, outputs, strict=True):
            plan = plans[index]
            segment = _finish(plan, output, repairs, lost_ok=lost_ok, resume=resume)
            if segment is None:
                retry.append(index)  # a placeholder was lost: translate again, injecting
                continue
            if isinstance(segment, _Again):
                resumes[index] = segment  # decoded again from the approved form, below
                continue
            results[index] = segment
            done_indexes.append(index)
            done.append(segment)
        if on_batch and done_indexes:
            on_batch(done_indexes, done)

    reported: set[int] = set()

    def inner_batch(indexes: list[int], outputs: list[str]) -> None:
        reported.update(indexes)
        finish(list(indexes), list(outputs), lost_ok=False)

    outputs = translate(
        [plan.prepared for plan in plans],
        forbidden=repairs.engine_forbidden if strategy != Strategy.NONE else list(forbidden),
        on_batch=inner_batch,
        cancel=cancel,
    )
    rest = [i for i in range(len(texts)) if i not in reported]
    if rest:
        finish(rest, [outputs[i] for i in rest], lost_ok=False)
    if retry:
        again = sorted(set(retry))
        for index in again:
            plans[index] = _prepare(plans[index].source, plans[index].matches, Strategy.INJECT)
        second = translate(
            [plans[i].prepared for i in again],
            forbidden=repairs.engine_forbidden,
            cancel=cancel,
        )
        finish(again, list(second), lost_ok=True)
    for round_ in range(RESUME_ROUNDS):
        if not resumes:
            break
        # Only the segments a repair in place could not fix are decoded again, each forced
        # to begin with its text up to the term and the term's approved form. A segment cut
        # short twice (the same name twice) may take another round; the last one flags.
        pending, resumes = resumes, {}
        groups: dict[int, list[int]] = {}
        for index, waiting in pending.items():
            # Batched per engine: a bound method is a new object on every attribute read
            resume_fn = _resume_of(waiting.output)
            owner = getattr(resume_fn, "__self__", resume_fn)
            groups.setdefault(id(owner), []).append(index)
        for indexes in groups.values():
            resume_fn = _resume_of(pending[indexes[0]].output)
            items = [(pending[i].output, pending[i].prefix) for i in indexes]
            redecoded = resume_fn(items, forbidden=repairs.engine_forbidden, cancel=cancel)
            for index in indexes:
                plans[index].carried = pending[index].carried
            last = round_ == RESUME_ROUNDS - 1
            finish(indexes, list(redecoded), lost_ok=True, resume=not last)
    return [segment for segment in results if segment is not None]  # every one is set by now


def _prepare(text: str, matches: Sequence[TermMatch], strategy: Strategy) -> _Plan:
    # A verbal noun used as a verb (상장했다) is the model's to translate: "listing했다" would
    # only garble the sentence. It is still found, for the grid and for QA.
    usable = [m for m in matches if m.targets and not m.predicate]
    plan = _Plan(text, usable, text, strategy)
    if strategy == Strategy.NONE or not usable:
        return plan
    # Chinese writes no spaces: 澳大利亚悉尼 must become "Australia Sydney", not one word, so a
    # space goes between a Latin form and a Latin neighbour (judged on the text as it will
    # read once placeholders are restored).
    pieces: list[str] = []
    reads = ""  # the text so far with target forms in place of placeholders
    cursor = 0
    for index, match in enumerate(usable):
        before = text[cursor : match.start]
        form = match.text if match.text in match.targets else match.target
        if _latin_edge(reads[-1:] if not before else before[-1]) and _latin_edge(form[0]):
            before += " "
        pieces.append(before)
        reads += before + form
        at = sum(len(piece) for piece in pieces)
        if match.text in match.targets:
            pieces.append(match.text)  # already the target form (MMF, Paybang): keep it
        elif strategy == Strategy.PLACEHOLDER:
            number = index + 1
            plan.placeholders[number] = index
            pieces.append(PLACEHOLDER.format(n=number))
        else:
            pieces.append(match.target)
        plan.spans.append((at, at + len(pieces[-1])))
        cursor = match.end  # the particle after the span stays: 알리페이가 -> Alipay가
        if _latin_edge(form[-1]) and _latin_edge(text[cursor : cursor + 1]):
            pieces.append(" ")
            reads += " "
    pieces.append(text[cursor:])
    plan.prepared = "".join(pieces)
    return plan


def _latin_edge(char: str) -> bool:
    return bool(char) and char.isascii() and char.isalnum()


class _Repairs:
    """What the batch knows about forbidden renderings and source forms of its concepts."""

    def __init__(
        self,
        by_id: dict[int, Concept],
        matcher: TermMatcher | None,
        target_lang: str,
        forbidden: Sequence[str],
        plans: Sequence[_Plan],
    ) -> None:
        self.by_id = by_id
        self.matcher = matcher
        self.target_lang = target_lang
        self.forbidden: dict[str, str] = dict.fromkeys(forbidden, "")
        approved: set[str] = set()
        for plan in plans:
            for match in plan.matches:
                approved.update(match.targets)
                for form in self.concept_forbidden(match):
                    self.forbidden.setdefault(form, match.target)
        # Blocking "Ant Financial" would also block the approved "Ant Financial Group"
        self.engine_forbidden = [
            form
            for form in self.forbidden
            if not any(form.casefold() in good.casefold() for good in approved)
        ]

    def concept_forbidden(self, match: TermMatch) -> list[str]:
        concept = self.by_id.get(match.concept_id)
        return concept.forms(self.target_lang, TermKind.FORBIDDEN) if concept else []

    def leftovers(self, text: str, plan: _Plan, taken: list[tuple[int, int]]) -> list[Fix]:
        """Source-language terms of the segment the model copied through, as fixes.

        The matcher finds them, so its word boundaries hold: 중국 in 중국인 stays.
        """
        if self.matcher is None:
            return []
        targets = {m.concept_id: m.target for m in plan.matches}
        fixes = []
        for match in self.matcher.find(text):
            if match.predicate:
                continue  # 상장했다 left as the model wrote it (see _prepare)
            target = targets.get(match.concept_id)
            overlaps = any(a < match.end and match.start < b for a, b in taken)
            if target and match.text not in match.targets and not overlaps:
                fixes.append(Fix(match.start, match.end, target, -match.concept_id, match.text))
        return fixes


def _may_hold(text: str, form: str, *, ignore_case: bool = False) -> bool:
    """False only where find_form(text, form) cannot find anything: its first word is not in
    text. Saves compiling a pattern per form of the glossary for every segment (~35 ms of a
    headless run of the article), for forms that are nowhere in it."""
    words = form.split()
    if not words:
        return True
    if not ignore_case:
        return words[0] in text
    if not words[0].isascii() or not ODD_FOLDS.isdisjoint(text):
        return True
    return words[0].lower() in text.lower()


def _forbidden_fixes(
    text: str, replacements: dict[str, tuple[str, int]], taken: list[tuple[int, int]]
) -> list[Fix]:
    """One pass, longest form first, so a replaced span is never replaced again."""
    replacements = {
        form: approved
        for form, approved in replacements.items()
        if _may_hold(text, form, ignore_case=True)
    }
    if not replacements:
        return []
    forms = sorted(replacements, key=len, reverse=True)
    pattern = "|".join(f"(?:{form_pattern(f, ignore_case=True).pattern})" for f in forms)
    lookup = {f.casefold(): f for f in forms}
    fixes = []
    for m in re.finditer(pattern, text, flags=re.IGNORECASE):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        key = " ".join(m.group().split()).casefold()
        form = lookup.get(key) or next(f for f in forms if re.fullmatch(_loose(f), m.group()))
        approved, concept_id = replacements[form]
        fixes.append(Fix(m.start(), m.end(), approved, -concept_id, m.group()))
    return fixes


def _loose(form: str) -> str:
    return "(?i)" + r"\s+".join(re.escape(w) for w in form.split())


def _apply(text: str, fixes: Sequence[Fix], until: int | None = None) -> str:
    """text with fixes (non-overlapping spans of it) made; up to position until if given."""
    pieces, cursor = [], 0
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        if until is not None and fix.start >= until and not (fix.start == fix.end == until):
            break
        pieces.append(text[cursor : fix.start])
        pieces.append(fix.text)
        cursor = fix.end
    pieces.append(text[cursor:until])
    return "".join(pieces)


def _finish(
    plan: _Plan, output: str, repairs: _Repairs, *, lost_ok: bool = False, resume: bool = True
) -> EnforcedSegment | _Again | None:
    """Restore, repair and verify one translation.

    None: a placeholder was lost and nothing shows where (translate again, injecting; not
    when lost_ok); _Again: a term can only be placed by decoding again from a prefix (only
    when resume is allowed).
    """
    raw = str(output)
    fixes: list[Fix] = []
    restored: set[int] = set()
    if plan.strategy == Strategy.PLACEHOLDER and plan.placeholders:
        for m in _PLACEHOLDER_BACK.finditer(raw):
            index = plan.placeholders.get(int(m.group(1)))
            if index is not None and index not in restored:
                restored.add(index)
                fixes.append(Fix(m.start(), m.end(), plan.matches[index].target, index, ""))
    if plan.strategy != Strategy.NONE and plan.matches:
        wrong: dict[str, tuple[str, int]] = {}
        for match in plan.matches:
            for form in repairs.concept_forbidden(match):
                wrong.setdefault(form, (match.target, match.concept_id))
        taken = [(f.start, f.end) for f in fixes]
        fixes += _forbidden_fixes(raw, wrong, taken)
        fixes += repairs.leftovers(raw, plan, [(f.start, f.end) for f in fixes])
        placed = list(fixes)
        try:
            again = _place_missing(plan, output, raw, fixes, restored, resume=resume)
        except (ValueError, IndexError, AttributeError, TypeError):
            # An alignment we cannot read (a backend's own shape) must not cost the
            # translation: the terms stay unrepaired, and verification flags them.
            log.exception("term repair skipped for %r", plan.source[:60])
            fixes[:] = placed
            again = None
        if again is not None:
            return again
        lost = [i for i in plan.placeholders.values() if i not in restored]
        placed_matches = {f.index for f in fixes}
        if lost and not lost_ok and any(i not in placed_matches for i in lost):
            return None
    text = _apply(raw, fixes)
    return EnforcedSegment(
        text=text,
        terms=_verify(plan, text, restored, fixes),
        forbidden_found=_forbidden_left(text, repairs, plan),
        strategy=plan.strategy.value,
        prepared=plan.prepared,
    )


def _place_missing(
    plan: _Plan,
    output: str,
    raw: str,
    fixes: list[Fix],
    restored: set[int],
    *,
    resume: bool,
) -> _Again | None:
    """Find each term occurrence the output lacks and add a fix that places it.

    Cheap when nothing is missing: one count of approved forms per concept. Returns _Again
    for the first term only a second decode can place (when one is possible).
    """
    placed: dict[int, list[tuple[int, int]]] = {}
    for fix in fixes:
        concept_id = -fix.index if fix.index < 0 else plan.matches[fix.index].concept_id
        placed.setdefault(concept_id, []).append((fix.start, fix.end))
    taken = [(f.start, f.end) for f in fixes]
    needed: dict[int, list[int]] = {}
    for index, match in enumerate(plan.matches):
        needed.setdefault(match.concept_id, []).append(index)
    # Read on first need: the alignment costs numpy, the tokenizer's offsets and, from the
    # engine, a second decode of the output's batch with attention (Engine._replay), more
    # than the whole check when every term came out right, as most do.
    alignment_of = functools.cache(lambda: getattr(output, "alignment", None))
    found_spans: dict[int, list[tuple[int, int]]] = {}
    in_raw = claim(raw, plan.matches)
    for concept_id in needed:
        spans = list(placed.get(concept_id, []))
        spans += [
            (start, end)
            for start, end in in_raw.get(concept_id, [])
            if not any(a < end and start < b for a, b in taken)
        ]
        found_spans[concept_id] = spans
    # Every approved form already in the output is off limits to a repair of another term,
    # except a surplus one the alignment gives to no occurrence of its own concept ("Apple
    # Apple" where 애플 애플페이 was the source: the second Apple is Apple Pay cut short).
    for concept_id, spans in found_spans.items():
        indexes = needed[concept_id]
        if len(spans) > len(indexes) and (alignment := alignment_of()) is not None:
            own = [w for w in (landed(alignment, plan.spans[i]) for i in indexes) if w]
            if own:
                spans = [(a, b) for a, b in spans if any(w[0] < b and a < w[1] for w in own)]
        taken += spans
    short = {c: len(indexes) - len(found_spans[c]) for c, indexes in needed.items()}
    # In source order: where an output stops short, the first missing term is where it stopped.
    for index, match in enumerate(plan.matches):
        concept_id = match.concept_id
        if short[concept_id] <= 0 or index in restored or index in plan.carried:
            continue
        spans = found_spans[concept_id]
        if (alignment := alignment_of()) is not None:
            where = landed(alignment, plan.spans[index])
            if where and any(a < where[1] and where[0] < b for a, b in spans):
                continue  # this occurrence came out right; another one is missing
            found = locate(raw, alignment, plan.spans[index], match.target, taken, plan.prepared)
        else:
            found = by_similarity(raw, match.target, taken)
        if isinstance(found, Resume):
            if not resume or not callable(getattr(output, "resume", None)):
                continue  # flagged: no second decode to be had
            return _again(plan, output, raw, fixes, found, index)
        if found is None:
            continue
        fixes.append(dataclasses.replace(found, index=index))
        taken.append((found.start, found.end))
        short[concept_id] -= 1
    return None


def _resume_of(output: str) -> Callable[..., Sequence[str]]:
    """The output's resume(), read when it is needed: a Translation has one (_place_missing
    made sure of it before asking for a second decode)."""
    resume_fn = getattr(output, "resume", None)
    if not callable(resume_fn):
        raise TypeError(f"{type(output).__name__} has no resume() to decode again with")
    return resume_fn


def _again(
    plan: _Plan, output: str, raw: str, fixes: list[Fix], resume: Resume, index: int
) -> _Again:
    # Fixes before the cut go into the prefix; the ones after it are found again in the
    # new decode. Remember how the prefix's terms were placed, for the segment's record.
    head = _apply(raw, fixes, until=resume.at)
    kept = head.rstrip()
    spaced = head[len(kept) :] or resume.separator
    if _latin_edge(kept[-1:]) and _latin_edge(resume.form[:1]):
        spaced = " "
    prefix = (kept + spaced if kept else "") + resume.form
    carried = dict(plan.carried)
    for fix in fixes:
        if fix.end <= resume.at and fix.index >= 0 and fix.original:
            carried[fix.index] = ("repaired", fix.original)
    carried[index] = ("re-decoded", "")
    return _Again(output, prefix, index, carried)


def claim(text: str, matches: Sequence[TermMatch]) -> dict[int, list[tuple[int, int]]]:
    """Where each concept's approved forms stand in text, longest form first across concepts:
    the Australia inside "Alipay Australia" is that name's, not a second Australia."""
    forms = sorted(
        {(form, m.concept_id) for m in matches for form in m.targets},
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
    taken: list[tuple[int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {m.concept_id: [] for m in matches}
    for form, concept_id in forms:
        if not _may_hold(text, form):
            continue
        for start, end in find_form(text, form):
            if not any(a < end and start < b for a, b in taken):
                taken.append((start, end))
                spans[concept_id].append((start, end))
    return spans


def _verify(plan: _Plan, text: str, restored: set[int], fixes: list[Fix]) -> list[TermOutcome]:
    """Each occurrence of a term needs its own occurrence of an approved form (exact case)."""
    by_index = {f.index: f for f in fixes if f.index >= 0 and f.index not in restored}
    by_concept = {-f.index: f for f in fixes if f.index < 0}
    present = {c: len(spans) for c, spans in claim(text, plan.matches).items()}
    seen: dict[int, int] = {}
    outcomes = []
    for index, match in enumerate(plan.matches):
        seen[match.concept_id] = seen.get(match.concept_id, 0) + 1
        ok = seen[match.concept_id] <= present[match.concept_id]
        original = ""
        if not ok:
            method = "failed"
        elif index in plan.carried:
            method, original = plan.carried[index]
        elif index in by_index:
            method, original = "repaired", by_index[index].original
        elif match.concept_id in by_concept:
            method, original = "repaired", by_concept[match.concept_id].original
        elif index in restored:
            method = "placeholder"
        elif plan.strategy == Strategy.INJECT:
            method = "injected"
        else:
            method = "model"
        outcomes.append(
            TermOutcome(match.concept_id, match.text, match.target, method, ok, original)
        )
    return outcomes


def _forbidden_left(text: str, repairs: _Repairs, plan: _Plan) -> list[str]:
    approved = [
        span
        for match in plan.matches
        for form in match.targets
        if _may_hold(text, form)
        for span in find_form(text, form)
    ]
    left = []
    for form in repairs.forbidden:
        if not _may_hold(text, form, ignore_case=True):
            continue
        for start, end in find_form(text, form, ignore_case=True):
            if not any(a <= start and end <= b for a, b in approved):
                left.append(text[start:end])
                break
    return left
