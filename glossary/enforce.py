"""Glossary enforcement around any MT engine: inject or protect terms, block forbidden, verify."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from glossary.matching import TermMatcher


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

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.terms) and not self.forbidden_found

    def info(self) -> dict[str, Any]:
        """A JSON-serialisable record for Project.set_mt(..., info=...)."""
        raise NotImplementedError


# translate(texts, forbidden=...) -> translations; Engine.translate bound to a pair fits.
TranslateFn = Callable[..., list[str]]


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
) -> list[EnforcedSegment]:
    """Translate texts through translate(), enforcing every glossary term matcher finds.

    translate is called as translate(prepared_texts, forbidden=..., on_batch=..., cancel=...)
    (the signature of Engine.translate with the pair bound, e.g. functools.partial).
    A term that cannot be placed leaves its TermOutcome with ok=False: flagged, never silent.
    """
    raise NotImplementedError
