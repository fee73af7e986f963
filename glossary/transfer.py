"""Move a termbase between backends (a local file and a team server), losing nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from glossary.model import Concept, GlossaryError
from glossary.protocol import TermbaseStore
from glossary.store import Termbase


def fingerprint(termbase: TermbaseStore) -> tuple[int, str]:
    """(concept count, digest of every concept, term, TBX detail and curated mark): equal on
    both sides of a move means nothing was lost or changed on the way."""
    digest = hashlib.sha256()
    concepts = termbase.concepts()
    for concept in sorted(concepts, key=lambda c: c.id or 0):
        digest.update(json.dumps(_record(concept), ensure_ascii=False, sort_keys=True).encode())
    for origin, (applied, deleted) in sorted(termbase.curated_state().items()):
        digest.update(json.dumps([origin, applied, deleted], ensure_ascii=False).encode())
    return len(concepts), digest.hexdigest()


def _record(concept: Concept) -> list:
    return [
        concept.id, concept.domain, concept.note, concept.status, concept.origin,
        concept.created_at, concept.updated_at, concept.details, concept.lang_details,
        [[t.lang, t.text, t.kind.value, t.note, t.details] for t in concept.terms],
    ]  # fmt: skip


def copy_termbase(
    source: TermbaseStore,
    target: TermbaseStore,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Copy every concept (ids, dates, status, notes, forbidden forms) and the curated
    bookkeeping from source into an empty target, in one transaction; then check that both
    sides have the same fingerprint. Returns the number of concepts copied.

    GlossaryError, with the target unchanged, when the target is not empty, a concept is
    refused (a login without the right to approve or forbid) or the check fails.
    """
    existing = target.count()
    if existing:
        raise GlossaryError(
            f"{getattr(target, 'path', 'the target')} already holds {existing} concepts; a move"
            " needs an empty termbase (nothing was copied)"
        )
    concepts = source.concepts()
    curated = source.curated_state()
    with target.transaction():
        for number, concept in enumerate(concepts, 1):
            target.restore_concept(concept)  # keeps id, dates, origin and every term
            if progress:
                progress(number, len(concepts))
        for origin, (applied, deleted) in curated.items():
            target.record_curated(origin, applied)
            if deleted:
                _mark_deleted(target, origin)
        for key in ("curated_hash", "curated_version"):
            if value := source.meta(key):
                target.set_meta(key, value)
    if fingerprint(source) != fingerprint(target):
        raise GlossaryError(
            "the copy differs from the original after the move; check both termbases"
        )
    return len(concepts)


def _mark_deleted(target: TermbaseStore, origin: str) -> None:
    mark = getattr(target, "mark_curated_deleted", None)
    if mark is not None:
        mark(origin, True)
    elif isinstance(target, Termbase):  # the SQLite file: its table, through its own connection
        target._conn.execute("UPDATE curated SET deleted = 1 WHERE origin = ?", (origin,))
    else:
        raise TypeError(f"{type(target).__name__} cannot keep a curated concept's deleted mark")
