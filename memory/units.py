"""A memory unit, a match, a unit to store, and the checks every stored unit passes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from memory.diff import DiffOp
from memory.languages import canonical_language

STATUSES = ("confirmed", "draft")

# Outcomes of storing one unit; TMX import turns them into counts.
ADDED, UPDATED, UNCHANGED, OLDER = "added", "updated", "unchanged", "older"


# Characters no XML file can hold: a unit with one could never be exported to TMX.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class MemoryFileError(RuntimeError):
    """The file is not a translation memory (or cannot be opened as one)."""


class UnitNotFoundError(LookupError):
    """No unit with this id in the memory."""


@dataclass(frozen=True, slots=True)
class TMUnit:
    id: int
    source_lang: str
    target_lang: str
    source: str
    target: str
    source_norm: str
    created_at: str
    updated_at: str
    origin: str
    status: str
    usage: int


@dataclass(frozen=True, slots=True)
class TMMatch:
    unit: TMUnit
    score: int  # 0-100; 100 only when the source is identical, punctuation and case included
    diff: list[DiffOp] = field(default_factory=list)  # memory source -> current source


@dataclass(frozen=True, slots=True)
class IncomingUnit:
    """A unit to store in bulk (TMX import); timestamps are 'YYYY-MM-DDTHH:MM:SSZ' or None."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    origin: str = ""
    status: str = "confirmed"
    created_at: str | None = None
    updated_at: str | None = None
    usage: int = 0


def now_stamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def checked_unit(unit: IncomingUnit) -> IncomingUnit:
    """The unit with canonical language codes; ValueError naming what is wrong otherwise."""
    if not isinstance(unit.source, str) or not unit.source.strip():
        raise ValueError("a memory unit needs a non-empty source")
    if not isinstance(unit.target, str) or not unit.target.strip():
        raise ValueError(f"a memory unit needs a non-empty target (source: {unit.source[:40]!r})")
    for name, text in (("source", unit.source), ("target", unit.target)):
        if bad := _NOT_XML.search(text):
            raise ValueError(
                f"the {name} contains the control character U+{ord(bad.group()):04X},"
                f" which TMX and XLIFF cannot hold (source: {unit.source[:40]!r})"
            )
    if unit.status not in STATUSES:
        raise ValueError(f"unknown status {unit.status!r}; use one of {', '.join(STATUSES)}")
    source_lang = canonical_language(unit.source_lang)
    target_lang = canonical_language(unit.target_lang)
    if source_lang == target_lang:
        raise ValueError(f"source and target language are both {source_lang}")
    return IncomingUnit(
        unit.source,
        unit.target,
        source_lang,
        target_lang,
        unit.origin or "",
        unit.status,
        unit.created_at,
        unit.updated_at,
        max(int(unit.usage or 0), 0),
    )


def edited_unit(
    unit: TMUnit, source: str | None, target: str | None, status: str | None
) -> IncomingUnit:
    """The unit as an edit leaves it (None keeps a field), checked: both stores' edit path."""
    return checked_unit(
        IncomingUnit(
            unit.source if source is None else source,
            unit.target if target is None else target,
            unit.source_lang,
            unit.target_lang,
            unit.origin,
            unit.status if status is None else status,
        )
    )
