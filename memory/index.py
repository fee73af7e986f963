"""An in-memory character n-gram index that picks fuzzy-match candidates for one language pair."""

from __future__ import annotations

import sqlite3
from array import array

from memory.text import grams


class GramIndex:
    """Posting lists of unit ids per n-gram; candidates are ranked by the Dice coefficient of
    their gram sets, which is cheap and tracks fuzz.ratio closely enough to pick whom to score.

    Posting lists are `array('i')` so that appends are cheap and numpy reads them without a copy.
    Ids are never removed: the store re-checks every candidate against the database.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._postings: dict[str, array] = {}
        self._gram_counts = array("H")  # distinct grams per unit id; 0 = not indexed
        self.size = 0

    def __contains__(self, unit_id: int) -> bool:
        return unit_id < len(self._gram_counts) and self._gram_counts[unit_id] > 0

    def add(self, unit_id: int, norm: str) -> None:
        unit_grams = grams(norm, self.language)
        if not unit_grams:
            return
        if unit_id >= len(self._gram_counts):
            grow = max(unit_id + 1 - len(self._gram_counts), len(self._gram_counts) // 2, 1024)
            self._gram_counts.extend(array("H", bytes(2 * grow)))
        self._gram_counts[unit_id] = min(len(unit_grams), 0xFFFF)
        postings = self._postings
        for gram in unit_grams:
            posting = postings.get(gram)
            if posting is None:
                postings[gram] = array("i", (unit_id,))
            else:
                posting.append(unit_id)
        self.size += 1

    def candidates(self, norm: str, count: int) -> list[int]:
        """Up to `count` unit ids sharing grams with `norm`, most similar gram sets first."""
        import numpy as np  # noqa: PLC0415 - 0.2 s; only when a fuzzy lookup runs, not at start-up

        query = grams(norm, self.language)
        lists = [
            np.frombuffer(self._postings[gram], dtype=np.int32)
            for gram in query
            if gram in self._postings
        ]
        if not lists:
            return []
        shared = np.bincount(np.concatenate(lists))
        ids = np.flatnonzero(shared)
        unit_counts = np.frombuffer(self._gram_counts, dtype=np.uint16)[ids].astype(np.float32)
        dice = 2.0 * shared[ids] / (len(query) + unit_counts)
        if len(ids) > count:
            best = np.argpartition(-dice, count - 1)[:count]
            ids, dice = ids[best], dice[best]
        order = np.argsort(-dice, kind="stable")
        return ids[order].tolist()


class PairIndexes:
    """One connection's gram indexes, one per language pair, built on first use and brought up
    to date on every use with the units added or re-sourced since (by any process): each such
    unit carries a higher `index_rev` than all before it."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._indexes: dict[tuple[str, str], tuple[GramIndex, int]] = {}

    def get(self, pair: tuple[str, str]) -> GramIndex:
        index, last_rev = self._indexes.get(pair) or (GramIndex(pair[0]), 0)
        rows = self._db.execute(
            "SELECT id, source_norm, index_rev FROM units"
            " WHERE source_lang = ? AND target_lang = ? AND index_rev > ? ORDER BY index_rev",
            (*pair, last_rev),
        ).fetchall()
        if last_rev and any(unit_id in index for unit_id, _, _ in rows):
            # A unit's source was edited: its old grams would linger, so start afresh.
            self.drop(pair)
            return self.get(pair)
        for unit_id, norm, rev in rows:
            index.add(unit_id, norm)
            last_rev = rev
        self._indexes[pair] = (index, last_rev)
        return index

    def drop(self, pair: tuple[str, str]) -> None:
        """Forget a pair's index; the next use rebuilds it from the database."""
        self._indexes.pop(pair, None)
