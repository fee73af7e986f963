"""Concepts and terms of the termbase, and the rules a concept must meet to be stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


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
    origin: str = ""  # key of the curated concept this came from; "" for the user's own

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

    def languages(self) -> list[str]:
        """Languages with at least one term, in first-seen order."""
        return list(dict.fromkeys(t.lang for t in self.terms))

    def label(self) -> str:
        """A short human name: the first preferred form (English first), for messages."""
        for lang in ("en", *self.languages()):
            if form := self.preferred(lang):
                return form
        return self.terms[0].text if self.terms else f"#{self.id}"


def term_key(text: str) -> str:
    """How two forms are compared for duplicates: NFC, case-folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def clean_concept(concept: Concept) -> Concept:
    """A copy with every text NFC-normalised and trimmed, or GlossaryError saying what is wrong.

    Rules: at least one preferred or variant term; no empty form; known kinds and status;
    a valid language code; one preferred form per language; no form twice in a language.
    """
    if concept.status not in ("approved", "proposed"):
        raise GlossaryError(f"status must be 'approved' or 'proposed', not {concept.status!r}")
    terms: list[Term] = []
    seen: dict[tuple[str, str], Term] = {}
    preferred: set[str] = set()
    for number, term in enumerate(concept.terms, 1):
        text = " ".join(unicodedata.normalize("NFC", term.text or "").split())
        if not text:
            raise GlossaryError(f"term {number} ({term.lang or 'no language'}) is empty")
        if not term.lang or not _LANG.match(term.lang):
            raise GlossaryError(f"term {text!r} has no valid language code: {term.lang!r}")
        try:
            kind = TermKind(term.kind)
        except ValueError:
            raise GlossaryError(
                f"term {text!r} has unknown kind {term.kind!r} (preferred, variant, forbidden)"
            ) from None
        key = (term.lang, term_key(text))
        if key in seen:
            raise GlossaryError(f"{term.lang} form {text!r} appears twice in the concept")
        if kind == TermKind.PREFERRED:
            if term.lang in preferred:
                raise GlossaryError(
                    f"two preferred {term.lang} forms: {concept.preferred(term.lang)!r} and "
                    f"{text!r}; make one a variant"
                )
            preferred.add(term.lang)
        cleaned = Term(term.lang, text, kind, (term.note or "").strip())
        seen[key] = cleaned
        terms.append(cleaned)
    if not any(t.kind != TermKind.FORBIDDEN for t in terms):
        raise GlossaryError("a concept needs at least one preferred or variant term")
    return Concept(
        id=concept.id,
        terms=terms,
        domain=(concept.domain or "").strip(),
        note=(concept.note or "").strip(),
        status=concept.status,
        created_at=concept.created_at,
        updated_at=concept.updated_at,
        origin=concept.origin or "",
    )
