"""What every termbase backend offers (SQLite file or PostgreSQL server), and how one is opened."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Protocol, runtime_checkable

from glossary.model import Concept, GlossaryError

SERVER_SCHEMES = ("postgresql://", "postgres://")


@runtime_checkable
class TermbaseStore(Protocol):
    """The interface glossary.store.Termbase and glossary.pg_store.ServerTermbase share."""

    @property
    def revision(self) -> int: ...

    def concepts(self) -> list[Concept]: ...
    def concept(self, concept_id: int) -> Concept: ...
    def concepts_page(self, offset: int, limit: int, query: str = "") -> list[Concept]: ...
    def concept_ids(self, query: str = "") -> list[int]: ...
    def count(self, query: str = "") -> int: ...
    def concepts_by_ids(self, ids: Iterable[int]) -> list[Concept]: ...
    def search(self, query: str) -> list[Concept]: ...
    def find_form(self, lang: str, text: str) -> list[int]: ...
    def check(self, concept: Concept) -> Concept: ...
    def add_concept(self, concept: Concept) -> int: ...
    def update_concept(self, concept: Concept) -> None: ...
    def delete_concept(self, concept_id: int) -> Concept: ...
    def restore_concept(self, concept: Concept) -> int: ...
    def transaction(self, bump: bool = True) -> AbstractContextManager[None]: ...
    def meta(self, key: str, default: str = "") -> str: ...
    def set_meta(self, key: str, value: str) -> None: ...
    def curated_state(self) -> dict[str, tuple[str, bool]]: ...
    def concept_by_origin(self, origin: str) -> Concept | None: ...
    def record_curated(self, origin: str, applied_hash: str) -> None: ...
    def close(self) -> None: ...
    def may_decide(self) -> bool:
        """Whether this user may approve concepts and forbid forms (the server decides for a
        team; a local file is its owner's)."""
        ...


class ConceptReading:
    """The reads both backends derive the same way from concept_ids() and concepts_by_ids(),
    and closing through a with-block; each backend supplies those two and close()."""

    def concept_ids(self, query: str = "") -> list[int]:
        raise NotImplementedError

    def concepts_by_ids(self, ids: Iterable[int]) -> list[Concept]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def concepts(self) -> list[Concept]:
        return self.concepts_by_ids(self.concept_ids())

    def concept(self, concept_id: int) -> Concept:
        found = self.concepts_by_ids([concept_id])
        if not found:
            raise GlossaryError(f"no concept #{concept_id} in the termbase")
        return found[0]

    def concepts_page(self, offset: int, limit: int, query: str = "") -> list[Concept]:
        """limit concepts from offset (in creation order), for lists that load as they scroll."""
        return self.concepts_by_ids(self.concept_ids(query)[offset : offset + limit])

    def __enter__(self):
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_server_location(location: str | Path | None) -> bool:
    """Whether a --glossary/--memory value names a server (a URL) rather than a file."""
    return isinstance(location, str) and location.lower().startswith(SERVER_SCHEMES)


def location(value: str) -> str | Path:
    """argparse type for --glossary/--memory: a URL stays a string (Path would fold its //)."""
    return value if is_server_location(value) else Path(value)


def open_termbase(where: str | Path, outbox: Path | None = None) -> TermbaseStore:
    """The termbase at a file path (SQLite, the default) or a postgresql:// URL (a team's);
    outbox: where a server's writes wait while it cannot be reached (a local folder)."""
    if is_server_location(where):
        from glossary.pg_store import ServerTermbase  # noqa: PLC0415 - psycopg: a team's only

        return ServerTermbase(str(where), outbox)
    from glossary.store import Termbase  # noqa: PLC0415 - cycle: glossary.store imports this

    if str(where).startswith(("http://", "https://", "mysql://", "sqlite://")):
        raise GlossaryError(f"{where}: a termbase is a file or a postgresql:// URL")
    return Termbase(Path(where))
