"""Writes waiting for a server: one JSON file each on local disk, replayed when it is back."""

from __future__ import annotations

import json
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storage.atomic import atomic_write_text

STALE_CLAIM_S = 120.0  # a replay takes seconds; a claim this old was left by a crash


@dataclass(frozen=True)
class Waiting:
    """One write not yet on the server: what it is (in words) and what replays it."""

    path: Path
    kind: str  # "concept.add", "concept.update", "unit.add", ...
    what: str  # "saving Alipay": said to the translator while it waits or if it fails
    payload: dict
    queued_at: str


class Outbox:
    """A folder of pending writes (oldest first). A crash or a closed desk loses none: each
    write is its own atomically written file, removed only once the server has it."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "failed").mkdir(exist_ok=True)

    def put(self, kind: str, what: str, payload: dict) -> Waiting:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        # time_ns first: names sort in the order the writes were made.
        path = self.folder / f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.json"
        record = {"kind": kind, "what": what, "payload": payload, "queued_at": stamp}
        atomic_write_text(path, json.dumps(record, ensure_ascii=False))
        return Waiting(path, kind, what, payload, stamp)

    def waiting(self) -> list[Waiting]:
        """Every write not yet on the server, oldest first (those being replayed included)."""
        paths = [*self.folder.glob("*.json"), *self.folder.glob("*.json.claim-*")]
        return self._read(sorted(paths, key=lambda p: p.name))

    def failed(self) -> list[tuple[Waiting, str]]:
        """Writes the server refused on replay, with the reason (shown until dismissed)."""
        found = []
        for item in self._read(sorted((self.folder / "failed").glob("*.json"))):
            found.append((item, item.payload.get("_refused", "")))
        return found

    def _read(self, paths: list[Path]) -> list[Waiting]:
        items = []
        for path in paths:
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue  # taken by another replay meanwhile, or half-written by a crash
            items.append(
                Waiting(path, record["kind"], record["what"], record["payload"],
                        record["queued_at"])
            )  # fmt: skip
        return items

    def replay(
        self,
        write: Callable[[Waiting], None],
        offline: tuple[type[BaseException], ...],
    ) -> tuple[int, list[tuple[Waiting, str]]]:
        """Replay the waiting writes in order through write(item). Stops at the first
        `offline` error (the server is still away; the rest keep waiting); any other error
        moves that write to failed/ with its reason. Returns (written, newly failed)."""
        written, refused = 0, []
        for item in self.waiting():
            # Claimed by renaming, so two replays (the panel's and the background one) never
            # write the same item twice; a claim left by a crash is taken over after a while.
            if ".claim-" in item.path.name:
                try:
                    if time.time() - item.path.stat().st_mtime < STALE_CLAIM_S:
                        continue
                except FileNotFoundError:
                    continue
            original = self.folder / item.path.name.split(".claim-")[0]
            claim = original.with_name(f"{original.name}.claim-{uuid.uuid4().hex[:8]}")
            try:
                os.rename(item.path, claim)
                os.utime(claim)  # the claim's age is what tells a crashed replay's apart
            except FileNotFoundError:
                continue  # another replay has it
            try:
                write(item)
            except offline:
                os.rename(claim, original)  # still waiting, in its place in the queue
                break
            except Exception as error:  # the server's refusal: the translator must hear it
                reason = str(error) or type(error).__name__
                payload = {**item.payload, "_refused": reason}
                record = {"kind": item.kind, "what": item.what, "payload": payload,
                          "queued_at": item.queued_at}  # fmt: skip
                atomic_write_text(
                    self.folder / "failed" / original.name, json.dumps(record, ensure_ascii=False)
                )
                refused.append((item, reason))
            else:
                written += 1
            claim.unlink(missing_ok=True)
        return written, refused

    def dismiss_failed(self) -> None:
        for path in (self.folder / "failed").glob("*.json"):
            path.unlink(missing_ok=True)
