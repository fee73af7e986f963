"""The glossary of a language pair: its concepts, term matcher, forbidden forms, common words."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from glossary.matching import TermMatcher
from glossary.model import Concept, GlossaryError

if TYPE_CHECKING:
    from glossary.protocol import TermbaseStore

# Background tasks (the start-up merge, each Translate all) may open a new termbase file at the
# same moment; creating its schema twice at once fails, so glossary work here takes turns.
_TERMBASE_LOCK = threading.Lock()

# A termbase file's path or a team server's URL (postgresql://)
Location = Path | str


@dataclass(frozen=True)
class PairGlossary:
    """Everything MT, QA and the panels need of the glossary for one pair, built once.

    matcher is None only for plain MT (no glossary at all); a glossary without concepts has
    a matcher that finds nothing. forbidden and generic are worked out on first use, so a
    command that only translates never imports the QA checks.
    """

    source_lang: str
    target_lang: str
    concepts: tuple[Concept, ...] = ()
    matcher: TermMatcher | None = None
    revision: int | None = None  # the termbase revision the concepts were read at

    @classmethod
    def build(
        cls,
        concepts: Iterable[Concept],
        source_lang: str,
        target_lang: str,
        revision: int | None = None,
    ) -> PairGlossary:
        concepts = tuple(concepts)
        matcher = TermMatcher(concepts, source_lang, target_lang)
        return cls(source_lang, target_lang, concepts, matcher, revision)

    @property
    def pair(self) -> tuple[str, str]:
        return (self.source_lang, self.target_lang)

    @cached_property
    def forbidden(self) -> dict[str, str]:
        """Every forbidden target form, mapped to the approved form to use instead."""
        from qa.checks import forbidden_renderings  # noqa: PLC0415 - start-up: the QA modules load with the first check, not with the glossary

        return forbidden_renderings(self.concepts, self.target_lang)

    @cached_property
    def generic(self) -> frozenset[int]:
        """Ids of the common-word concepts (a missing one is not a critical QA issue)."""
        from qa.checks import generic_concepts  # noqa: PLC0415 - start-up: the QA modules load with the first check, not with the glossary

        return generic_concepts(self.concepts)


def desk_termbase(data_dir: Path | None = None, glossary: Location | None = None) -> Location:
    """Where the desk's termbase is: glossary, else HANBIT_GLOSSARY, else in the data folder."""
    import paths  # noqa: PLC0415 - start-up: paths brings platformdirs; core code gets its folders passed in

    return paths.glossary_path(glossary, paths.data_dir(data_dir) if data_dir else None)


def merge_curated(location: Location) -> list[tuple[str, str]]:
    """Merge the bundled curated glossary into a termbase file (cheap once merged; a
    translator's edits are kept); the (key, reason) of each concept that was not added.

    A team's termbase gets the curated glossary once, by `main.py team push`: left alone."""
    from glossary.protocol import is_server_location  # noqa: PLC0415 - start-up: glossary.protocol loads with the first termbase opened

    if is_server_location(location):
        return []
    from glossary.curated import load_curated  # noqa: PLC0415 - heavy: the termbase (sqlite3) loads when one is opened
    from glossary.store import Termbase  # noqa: PLC0415 - heavy: the termbase (sqlite3) loads when one is opened

    with _TERMBASE_LOCK, Termbase(Path(location)) as termbase:
        return list(load_curated(termbase).skipped)


def read_termbase(location: Location) -> tuple[int | None, list[Concept]]:
    """The revision and every concept of a termbase, on a connection of the caller's thread."""
    from glossary.protocol import open_termbase  # noqa: PLC0415 - start-up: glossary.protocol loads with the first termbase opened

    with _TERMBASE_LOCK:
        termbase = open_termbase(location)  # a file, or a team server's URL
        try:
            revision = termbase.revision  # before the concepts: a change in between costs a rebuild
            return revision, termbase.concepts()
        finally:
            termbase.close()


def load_pair_glossary(location: Location, source_lang: str, target_lang: str) -> PairGlossary:
    """The desk's termbase at location, curated glossary merged in, as the pair's glossary."""
    merge_curated(location)
    revision, concepts = read_termbase(location)
    return PairGlossary.build(concepts, source_lang, target_lang, revision)


def pair_glossary_factory(
    data_dir: Path, source_lang: str, target_lang: str
) -> Callable[[], PairGlossary]:
    """A callable for a worker's thread: each run sees the glossary as the translator left it."""
    import paths  # noqa: PLC0415 - start-up: paths brings platformdirs; core code gets its folders passed in

    location = paths.glossary_path(data=data_dir)
    return lambda: load_pair_glossary(location, source_lang, target_lang)


def open_desk_termbase(
    data_dir: Path | None = None,
    glossary: Location | None = None,
    warn: Callable[[str], None] | None = None,
) -> TermbaseStore:
    """The desk's termbase (or glossary's), opened with the curated glossary merged in;
    warn(message) hears of each curated concept that could not be added (stderr by default)."""
    from glossary.protocol import is_server_location, open_termbase  # noqa: PLC0415 - start-up: glossary.protocol loads with the first termbase opened

    location = desk_termbase(data_dir, glossary)
    if is_server_location(location):
        return open_termbase(location)  # a team's: the curated glossary came by `team push`
    path = Path(location)
    if path.suffix.lower() == ".json":
        raise GlossaryError(f"{path} is a curated glossary file; give a termbase (.db)")
    path.parent.mkdir(parents=True, exist_ok=True)
    from glossary.curated import load_curated  # noqa: PLC0415 - heavy: the termbase (sqlite3) loads when one is opened
    from glossary.store import Termbase  # noqa: PLC0415 - heavy: the termbase (sqlite3) loads when one is opened

    with _TERMBASE_LOCK:
        termbase = Termbase(path)
        try:
            report = load_curated(termbase)
        except Exception:
            termbase.close()
            raise
    for key, reason in report.skipped:
        (warn or _stderr)(f"curated concept {key} not added: {reason}")
    return termbase


def load_concepts(
    glossary: Location | None = None,
    data_dir: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> list[Concept]:
    """The concepts a headless command works with; GlossaryError when they cannot be read.

    glossary names a termbase (.db, read as it is), a curated file (.json, read-only) or a
    team server; without it, the desk's own termbase with the curated glossary merged in the
    way the window does on first run (so a new machine enforces the curated terms at once).
    """
    from glossary.protocol import is_server_location, open_termbase  # noqa: PLC0415 - start-up: glossary.protocol loads with the first termbase opened

    if is_server_location(glossary):  # a team's termbase (postgresql://): read as it is
        return _all_concepts(open_termbase(str(glossary)))
    if glossary is not None:
        path = Path(glossary)
        if not path.is_file():
            raise GlossaryError(f"glossary {path} does not exist")
        if path.suffix.lower() == ".json":
            from glossary.curated import read_curated  # noqa: PLC0415 - heavy: the termbase (sqlite3) loads when one is opened

            _version, concepts = read_curated(path)
            for number, concept in enumerate(concepts, start=1):
                concept.id = number  # a curated file has keys, not ids; matches need one
            return concepts
        return _all_concepts(open_termbase(path))
    return _all_concepts(open_desk_termbase(data_dir, warn=warn))


def command_glossary(
    source_lang: str,
    target_lang: str,
    glossary: Location | None = None,
    data_dir: Path | None = None,
    warn: Callable[[str], None] | None = None,
) -> PairGlossary:
    """The pair's glossary for a headless command (see load_concepts for where it comes from)."""
    return PairGlossary.build(load_concepts(glossary, data_dir, warn), source_lang, target_lang)


def _all_concepts(termbase: TermbaseStore) -> list[Concept]:
    try:
        return termbase.concepts()
    finally:
        termbase.close()


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)
