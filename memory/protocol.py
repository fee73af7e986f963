"""What every memory backend offers (SQLite file or PostgreSQL server), and how one is opened."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

from memory.units import IncomingUnit, MemoryFileError, TMMatch, TMUnit


@runtime_checkable
class MemoryStore(Protocol):
    """The interface memory.store.TranslationMemory and memory.pg_store.ServerMemory share."""

    def add(self, source: str, target: str, source_lang: str, target_lang: str,
            origin: str = "", *, status: str = "confirmed") -> TMUnit: ...  # fmt: skip
    def add_many(self, units: Iterable[IncomingUnit]) -> list[str]: ...
    def get(self, unit_id: int) -> TMUnit: ...
    def history(self, unit_id: int) -> list[tuple[str, str, str]]: ...
    def edit(self, unit_id: int, *, source: str | None = None, target: str | None = None,
             status: str | None = None) -> TMUnit: ...  # fmt: skip
    def delete(self, unit_id: int) -> None: ...
    def record_use(self, unit_id: int) -> None: ...
    def exact(self, source: str, source_lang: str, target_lang: str) -> TMUnit | None: ...
    def restore(self, unit_id: int, before: TMUnit | None) -> None: ...
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


def open_memory(where: str | Path, outbox: Path | None = None) -> MemoryStore:
    """The memory at a file path (SQLite, the default) or a postgresql:// URL (a team's);
    outbox: where a server's new units wait while it cannot be reached (a local folder)."""
    from glossary.protocol import is_server_location

    if is_server_location(where):
        from memory.pg_store import ServerMemory

        return ServerMemory(str(where), outbox)
    if str(where).startswith(("http://", "https://", "mysql://", "sqlite://")):
        raise MemoryFileError(f"{where}: a translation memory is a file or a postgresql:// URL")
    from memory.store import TranslationMemory

    return TranslationMemory(where)
