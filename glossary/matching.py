"""Finding glossary terms in a segment: Korean particles, hanja glosses, both Chinese scripts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from glossary.store import Concept


@dataclass(frozen=True)
class TermMatch:
    start: int  # span in the segment: the term and its hanja gloss, without the particle
    end: int
    text: str  # segment[start:end]
    concept_id: int
    term: str  # the glossary form that matched
    targets: tuple[str, ...]  # target-language forms, preferred first; () if none
    particle: str = ""  # Korean particle or ending attached after the span (가, 의, 에는 …)

    @property
    def target(self) -> str:
        return self.targets[0] if self.targets else ""


class TermMatcher:
    """Built once per (glossary revision, pair); find() is one pass whatever the glossary size."""

    def __init__(self, concepts: Iterable[Concept], source_lang: str, target_lang: str) -> None:
        raise NotImplementedError

    def find(self, text: str) -> list[TermMatch]:
        """Leftmost-longest, non-overlapping matches in text order."""
        raise NotImplementedError
