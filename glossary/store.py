"""The termbase: concepts with terms per language, in SQLite through sqlite-utils."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class TermKind(StrEnum):
    PREFERRED = "preferred"  # the approved form for its language
    VARIANT = "variant"  # accepted: abbreviation, short form, reading (즈푸바오), other script
    FORBIDDEN = "forbidden"  # must never appear in a target ("Ali Pay", "Pay Treasure")


class GlossaryError(Exception):
    """A termbase file or change that cannot be used; the message says why."""


@dataclass
class Term:
    lang: str  # ko, zh-Hans, zh-Hant, en, ...
    text: str
    kind: TermKind = TermKind.PREFERRED
    note: str = ""


@dataclass
class Concept:
    id: int | None = None
    terms: list[Term] = field(default_factory=list)
    domain: str = ""
    note: str = ""
    status: str = "approved"  # approved | proposed
    created_at: str = ""
    updated_at: str = ""

    def preferred(self, lang: str) -> str | None:
        """The approved form in lang, or None."""
        for term in self.terms:
            if term.lang == lang and term.kind == TermKind.PREFERRED:
                return term.text
        return None

    def forms(self, lang: str, *kinds: TermKind) -> list[str]:
        """Forms in lang of the given kinds (all non-forbidden kinds when none given)."""
        wanted = set(kinds) or {TermKind.PREFERRED, TermKind.VARIANT}
        return [t.text for t in self.terms if t.lang == lang and t.kind in wanted]


class Termbase:
    """One SQLite termbase file; opening creates the schema when the file is new."""

    def __init__(self, path: Path) -> None:
        raise NotImplementedError

    def concepts(self) -> list[Concept]:
        raise NotImplementedError

    def concept(self, concept_id: int) -> Concept:
        raise NotImplementedError

    def add_concept(self, concept: Concept) -> int:
        raise NotImplementedError

    def update_concept(self, concept: Concept) -> None:
        raise NotImplementedError

    def delete_concept(self, concept_id: int) -> Concept:
        """Delete and return the concept (so the window can undo with restore_concept)."""
        raise NotImplementedError

    def restore_concept(self, concept: Concept) -> int:
        raise NotImplementedError

    def search(self, query: str) -> list[Concept]:
        """Full-text search over every form, note and domain."""
        raise NotImplementedError

    @property
    def revision(self) -> int:
        """Grows on every change, so callers can rebuild a TermMatcher only when needed."""
        raise NotImplementedError
