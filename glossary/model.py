"""Concepts and terms of the termbase, and the rules a concept must meet to be stored."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# C0/C1 controls (tab and newline aside), lone surrogates and non-characters: no XML file can hold
# them, and in a term they only ever come from a damaged file (a NUL in a CSV cell).
# What no glossary may hold: C0 and C1 controls but tab, newline and carriage return, lone
# surrogates, U+FFFE and U+FFFF. A set rather than a pattern: its surrogate range costs ~0.5 ms
# to compile at every start; isdisjoint and translate read a text in C all the same.
_CONTROL = frozenset(
    chr(code)
    for low, high in ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0xD800, 0xDFFF))
    for code in range(low, high + 1)
) | {"\ufffe", "\uffff"}
_WITHOUT_CONTROL = dict.fromkeys(map(ord, _CONTROL))


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
    # What other termbases say about the form, by TBX data category (partOfSpeech, context,
    # source, termType, ...; "context/source" is the context's source): kept for the round trip.
    details: dict[str, str] = field(default_factory=dict)


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
    # Concept-level descriptions by TBX data category (definition, source, ...) and the same per
    # language (a language-level definition), kept so a TBX from elsewhere goes back whole.
    details: dict[str, str] = field(default_factory=dict)
    lang_details: dict[str, dict[str, str]] = field(default_factory=dict)

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


def control_character(text: str) -> str | None:
    """The first character of text that no glossary may hold ("U+0001"), or None."""
    if not text or _CONTROL.isdisjoint(text):
        return None
    return next(f"U+{ord(char):04X}" for char in text if char in _CONTROL)


def strip_controls(text: str) -> str:
    """text without the characters control_character finds (for writers of older termbases)."""
    return (text or "").translate(_WITHOUT_CONTROL)


def _clean_details(details: dict[str, str], where: str) -> dict[str, str]:
    cleaned = {}
    for key, value in (details or {}).items():
        value = " ".join((value or "").split()) if key != "note" else (value or "").strip()
        if bad := control_character(value):
            raise GlossaryError(f"{where} {key} contains the control character {bad}")
        if value:
            cleaned[str(key)] = value
    return cleaned


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
    for name in ("domain", "note", "status"):
        if bad := control_character(getattr(concept, name)):
            raise GlossaryError(f"the concept's {name} contains the control character {bad}")
    for number, term in enumerate(concept.terms, 1):
        if bad := control_character(term.text) or control_character(term.note):
            raise GlossaryError(
                f"term {number} ({term.lang or 'no language'}) contains the control character"
                f" {bad}; a glossary holds no control characters"
            )
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
        cleaned = Term(
            term.lang, text, kind, (term.note or "").strip(), _clean_details(term.details, text)
        )
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
        details=_clean_details(concept.details, "the concept's"),
        lang_details={
            lang: found
            for lang, values in (concept.lang_details or {}).items()
            if (found := _clean_details(values, f"the {lang}"))
        },
    )
