"""What every memory backend offers (SQLite file or PostgreSQL server), and how one is opened."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol, runtime_checkable

from glossary.protocol import is_server_location
from memory.units import IncomingUnit, MemoryFileError, TMMatch, TMUnit


@runtime_checkable
class MemoryStore(Protocol):
    """The interface memory.store.TranslationMemory and memory.pg_store.ServerMemory share."""

    def add(self, source: str, target: str, source_lang: str, target_lang: str,
            origin: str = "", *, status: str = "confirmed") -> TMUnit: ...  # fmt: skip
    def add_many(self, units: Iterable[IncomingUnit],
                 metas: Sequence[dict | None] | None = None) -> list[str]: ...  # fmt: skip
    def get(self, unit_id: int) -> TMUnit: ...
    def history(self, unit_id: int) -> list[tuple[str, str, str]]: ...
    def edit(self, unit_id: int, *, source: str | None = None, target: str | None = None,
             status: str | None = None, expected_version: str | None = None,
             ) -> TMUnit: ...  # fmt: skip
    def delete(self, unit_id: int) -> None: ...
    def record_use(self, unit_id: int) -> None: ...
    def exact(self, source: str, source_lang: str, target_lang: str) -> TMUnit | None: ...
    def restore(self, unit_id: int, before: TMUnit | None, *,
                expected_version: str | None = None) -> None: ...  # fmt: skip
    def search(self, text: str, source_lang: str, target_lang: str, *,
               limit: int = 50) -> list[TMUnit]: ...  # fmt: skip
    def count(self, source_lang: str | None = None, target_lang: str | None = None) -> int: ...
    def units(self, source_lang: str | None = None,
              target_lang: str | None = None) -> Iterator[TMUnit]: ...  # fmt: skip
    def pairs(self) -> list[tuple[str, str, int]]: ...
    def lookup(self, source: str, source_lang: str, target_lang: str, *, limit: int = 5,
               threshold: int = 70) -> list[TMMatch]: ...  # fmt: skip
    def prepare(self, source_lang: str, target_lang: str) -> int: ...
    def close(self) -> None: ...


class StaleUnitError(MemoryFileError):
    """Someone changed the unit after the translator read it; nothing was saved. Says who
    (a server login; "" for a local file) and when."""

    def __init__(self, unit_id: int, changed_at: str, changed_by: str = "") -> None:
        who = f" by {changed_by}" if changed_by else ""
        super().__init__(
            f"unit #{unit_id} was changed{who} at {changed_at} since you opened it; your change"
            " was not saved: open it again and redo it"
        )
        self.unit_id = unit_id
        self.changed_at = changed_at
        self.changed_by = changed_by


def later_stamp(previous: str) -> str:
    """Now, but always after previous: a unit's updated_at is its version (expected_version),
    so two changes within one second must still differ, or a stale copy could pass for fresh."""
    stamp = datetime.now(UTC).replace(microsecond=0)
    try:
        before = datetime.strptime(previous, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        before = stamp - timedelta(seconds=1)
    return max(stamp, before + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")


def open_memory(where: str | Path, outbox: Path | None = None) -> MemoryStore:
    """The memory at a file path (SQLite, the default) or a postgresql:// URL (a team's);
    outbox: where a server's new units wait while it cannot be reached (a local folder)."""
    if is_server_location(where):
        from memory.pg_store import ServerMemory  # noqa: PLC0415 - optional: psycopg only for a team server

        return ServerMemory(str(where), outbox)
    if str(where).startswith(("http://", "https://", "mysql://", "sqlite://")):
        raise MemoryFileError(f"{where}: a translation memory is a file or a postgresql:// URL")
    from memory.store import TranslationMemory  # noqa: PLC0415 - cycle: memory.store imports this module

    return TranslationMemory(where)
