"""Glossary enforcement around any MT engine: inject or protect terms, block forbidden, verify."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from glossary.forms import find_form, form_pattern
from glossary.matching import TermMatch, TermMatcher
from glossary.model import Concept, TermKind


class Strategy(StrEnum):
    INJECT = "inject"  # default: the approved target form replaces the term in the source
    PLACEHOLDER = "placeholder"  # protected placeholders, restored after decoding
    NONE = "none"  # plain MT, verification only (the baseline in benchmarks)


@dataclass
class TermOutcome:
    concept_id: int
    source: str  # the term as found in the source segment
    target: str  # the approved target form that had to appear
    method: str  # "injected", "placeholder", "repaired", "model", "failed"
    ok: bool


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
BROKEN = "\ufffd"  # the replacement character: a decode that went wrong, never a translation


@dataclass
class _Plan:
    """One segment on its way through the engine."""

    source: str
    matches: list[TermMatch]  # the matches that carry a target form
    prepared: str
    strategy: Strategy
    placeholders: dict[int, int] = field(default_factory=dict)  # number -> index in matches


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
    by_id = dict(concepts) if isinstance(concepts, Mapping) else {c.id: c for c in concepts}
    plans = [_prepare(text, matcher.find(text) if matcher else [], strategy) for text in texts]
    repairs = _Repairs(by_id, matcher, target_lang, forbidden, plans)
    results: list[EnforcedSegment | None] = [None] * len(texts)
    retry: list[int] = []

    def finish(indexes: list[int], outputs: list[str], *, final: bool) -> None:
        done_indexes, done = [], []
        for index, output in zip(indexes, outputs, strict=True):
            plan = plans[index]
            segment = _finish(plan, output, repairs, lost_ok=final)
            if segment is None:
                retry.append(index)  # a placeholder was lost: translate again, injecting
                continue
            results[index] = segment
            done_indexes.append(index)
            done.append(segment)
        if on_batch and done_indexes:
            on_batch(done_indexes, done)

    reported: set[int] = set()

    def inner_batch(indexes: list[int], outputs: list[str]) -> None:
        reported.update(indexes)
        finish(list(indexes), list(outputs), final=False)

    outputs = translate(
        [plan.prepared for plan in plans],
        forbidden=repairs.engine_forbidden if strategy != Strategy.NONE else list(forbidden),
        on_batch=inner_batch,
        cancel=cancel,
    )
    rest = [i for i in range(len(texts)) if i not in reported]
    if rest:
        finish(rest, [outputs[i] for i in rest], final=False)
    if retry:
        again = sorted(set(retry))
        for index in again:
            plans[index] = _prepare(plans[index].source, plans[index].matches, Strategy.INJECT)
        second = translate(
            [plans[i].prepared for i in again],
            forbidden=repairs.engine_forbidden,
            cancel=cancel,
        )
        finish(again, list(second), final=True)
    return [segment for segment in results if segment is not None]  # every one is set by now


def _prepare(text: str, matches: Sequence[TermMatch], strategy: Strategy) -> _Plan:
    usable = [m for m in matches if m.targets]
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
        if match.text in match.targets:
            pieces.append(match.text)  # already the target form (MMF, Paybang): keep it
        elif strategy == Strategy.PLACEHOLDER:
            number = index + 1
            plan.placeholders[number] = index
            pieces.append(PLACEHOLDER.format(n=number))
        else:
            pieces.append(match.target)
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

    def leftovers(self, text: str, plan: _Plan) -> tuple[str, set[int]]:
        """Source-language terms of the segment the model copied through, replaced.

        The matcher finds them, so its word boundaries hold: 중국 in 중국인 stays.
        """
        if self.matcher is None:
            return text, set()
        targets = {m.concept_id: m.target for m in plan.matches}
        touched: set[int] = set()
        for match in reversed(self.matcher.find(text)):
            target = targets.get(match.concept_id)
            if target and match.text not in match.targets:
                text = text[: match.start] + target + text[match.end :]
                touched.add(match.concept_id)
        return text, touched


def _replace_forms(text: str, replacements: dict[str, tuple[str, int]]) -> tuple[str, set[int]]:
    """One pass, longest form first, so a replaced span is never replaced again."""
    if not replacements:
        return text, set()
    forms = sorted(replacements, key=len, reverse=True)
    pattern = "|".join(f"(?:{form_pattern(f, ignore_case=True).pattern})" for f in forms)
    lookup = {f.casefold(): f for f in forms}
    touched: set[int] = set()

    def swap(m: re.Match[str]) -> str:
        key = " ".join(m.group().split()).casefold()
        form = lookup.get(key) or next(f for f in forms if re.fullmatch(_loose(f), m.group()))
        approved, concept_id = replacements[form]
        touched.add(concept_id)
        return approved

    return re.sub(pattern, swap, text, flags=re.IGNORECASE), touched


def _loose(form: str) -> str:
    return "(?i)" + r"\s+".join(re.escape(w) for w in form.split())


def _finish(
    plan: _Plan, output: str, repairs: _Repairs, *, lost_ok: bool = False
) -> EnforcedSegment | None:
    """Restore, repair and verify one translation; None when a placeholder was lost."""
    text = output
    restored: set[int] = set()
    if plan.strategy == Strategy.PLACEHOLDER and plan.placeholders:

        def put_back(m: re.Match[str]) -> str:
            index = plan.placeholders.get(int(m.group(1)))
            if index is None:
                return m.group()
            restored.add(index)
            return plan.matches[index].target

        text = _PLACEHOLDER_BACK.sub(put_back, text)
        if len(restored) < len(plan.placeholders) and not lost_ok:
            return None
    repaired: set[int] = set()
    if plan.strategy != Strategy.NONE and plan.matches:
        wrong: dict[str, tuple[str, int]] = {}
        for match in plan.matches:
            for form in repairs.concept_forbidden(match):
                wrong.setdefault(form, (match.target, match.concept_id))
        text, repaired = _replace_forms(text, wrong)
        text, copied = repairs.leftovers(text, plan)
        repaired |= copied
    return EnforcedSegment(
        text=text,
        terms=_verify(plan, text, restored, repaired),
        forbidden_found=_forbidden_left(text, repairs, plan),
        strategy=plan.strategy.value,
        prepared=plan.prepared,
    )


def _verify(plan: _Plan, text: str, restored: set[int], repaired: set[int]) -> list[TermOutcome]:
    """Each occurrence of a term needs its own occurrence of an approved form (exact case)."""
    present: dict[int, int] = {}
    seen: dict[int, int] = {}
    outcomes = []
    for index, match in enumerate(plan.matches):
        if match.concept_id not in present:
            spans: list[tuple[int, int]] = []
            for form in sorted(match.targets, key=len, reverse=True):
                for start, end in find_form(text, form):
                    if not any(a < end and start < b for a, b in spans):
                        spans.append((start, end))
            present[match.concept_id] = len(spans)
        seen[match.concept_id] = seen.get(match.concept_id, 0) + 1
        ok = seen[match.concept_id] <= present[match.concept_id]
        if not ok:
            method = "failed"
        elif match.concept_id in repaired:
            method = "repaired"
        elif index in restored:
            method = "placeholder"
        elif plan.strategy == Strategy.INJECT:
            method = "injected"
        else:
            method = "model"
        outcomes.append(TermOutcome(match.concept_id, match.text, match.target, method, ok))
    return outcomes


def _forbidden_left(text: str, repairs: _Repairs, plan: _Plan) -> list[str]:
    approved = [
        span for match in plan.matches for form in match.targets for span in find_form(text, form)
    ]
    left = []
    for form in repairs.forbidden:
        for start, end in find_form(text, form, ignore_case=True):
            if not any(a <= start and end <= b for a, b in approved):
                left.append(text[start:end])
                break
    return left
