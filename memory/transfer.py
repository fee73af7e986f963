"""Move a translation memory between backends (a local file and a team server), losing nothing."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from memory.protocol import MemoryStore
from memory.schema import WriteTransaction
from memory.store import TranslationMemory
from memory.units import IncomingUnit, MemoryFileError

_BATCH = 500


def fingerprint(memory: MemoryStore) -> tuple[int, str]:
    """(unit count, digest of every unit, its history and what a TMX said about it), ids
    aside: a memory's ids are its own, everything a translator sees must survive the move."""
    records = []
    meta_of = _meta_reader(memory)
    for unit in memory.units():
        records.append(
            [unit.source_lang, unit.target_lang, unit.source, unit.target, unit.created_at,
             unit.updated_at, unit.origin, unit.status, unit.usage,
             [list(row) for row in memory.history(unit.id)], meta_of(unit.id)]
        )  # fmt: skip
    digest = hashlib.sha256()
    for record in sorted(records, key=lambda r: json.dumps(r[:3], ensure_ascii=False)):
        digest.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode())
    return len(records), digest.hexdigest()


def copy_memory(
    source: MemoryStore,
    target: MemoryStore,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Copy every unit (dates, origin, status, usage count) and its earlier targets into an
    empty target memory, then check both sides have the same fingerprint."""
    existing = target.count()
    if existing:
        raise MemoryFileError(
            f"{getattr(target, 'path', 'the target')} already holds {existing} units; a move"
            " needs an empty memory (nothing was copied)"
        )
    total = source.count()
    done = 0
    batch: list = []
    for unit in source.units():
        batch.append(unit)
        if len(batch) >= _BATCH:
            done += _copy_batch(source, target, batch)
            batch = []
            if progress:
                progress(done, total)
    if batch:
        done += _copy_batch(source, target, batch)
        if progress:
            progress(done, total)
    if fingerprint(source) != fingerprint(target):
        raise MemoryFileError("the copy differs from the original after the move; check both")
    return done


def _meta_reader(memory: MemoryStore) -> Callable[[int], dict]:
    """memory.unit_meta, or none for a store that keeps no TMX metadata."""
    return getattr(memory, "unit_meta", lambda _unit_id: {})


def _copy_batch(source: MemoryStore, target: MemoryStore, units: list) -> int:
    incoming = [
        IncomingUnit(u.source, u.target, u.source_lang, u.target_lang, u.origin, u.status,
                     u.created_at, u.updated_at, u.usage)
        for u in units
    ]  # fmt: skip
    metas = [_meta_reader(source)(u.id) or None for u in units]
    if any(metas):
        target.add_many(incoming, metas)  # props, notes, tuid, alternatives of a TMX
    else:
        target.add_many(incoming)
    for unit in units:
        history = source.history(unit.id)
        if history:
            copied = target.exact(unit.source, unit.source_lang, unit.target_lang)
            assert copied is not None  # add_many above stored it
            _append_history(target, copied.id, history)
    return len(units)


def _append_history(target: MemoryStore, unit_id: int, rows: list) -> None:
    append = getattr(target, "append_history", None)
    if append is not None:
        append(unit_id, rows)
        return
    if not isinstance(target, TranslationMemory):
        raise TypeError(f"{type(target).__name__} cannot keep a unit's earlier targets")
    db = target._db  # the SQLite file: through its own connection and write transaction
    with WriteTransaction(db):
        db.executemany(
            "INSERT INTO unit_history (unit_id, target, origin, replaced_at) VALUES (?, ?, ?, ?)",
            [(unit_id, t, o, r) for t, o, r in rows],
        )
