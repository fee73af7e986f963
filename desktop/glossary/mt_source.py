"""The termbase behind Translate all: opened on the caller's thread, curated terms merged in."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from glossary.matching import TermMatcher
from glossary.model import Concept
from paths import glossary_path

# Background tasks (the start-up merge, each Translate all) may open a new termbase file at the
# same moment; creating its schema twice at once fails, so glossary work here takes turns.
_TERMBASE_LOCK = threading.Lock()


@dataclass
class MTGlossary:
    """What translate_with_glossary needs: the matcher and the concepts it was built from."""

    matcher: TermMatcher | None = None
    concepts: list[Concept] = field(default_factory=list)


def merge_curated(path: Path) -> None:
    """Merge the bundled curated glossary (cheap once merged; a translator's edits are kept)."""
    from glossary.curated import load_curated
    from glossary.protocol import is_server_location
    from glossary.store import Termbase

    if is_server_location(path):
        return  # a team's termbase got the curated glossary once, by `main.py team push`
    with _TERMBASE_LOCK, Termbase(path) as termbase:
        load_curated(termbase)


def load_mt_glossary(path: Path, source_lang: str, target_lang: str) -> MTGlossary:
    """The termbase at path as a matcher for the pair; an empty one gives plain MT."""
    from glossary.protocol import open_termbase

    merge_curated(path)
    with _TERMBASE_LOCK, open_termbase(path) as termbase:
        concepts = termbase.concepts()
    if not concepts:
        return MTGlossary()
    return MTGlossary(TermMatcher(concepts, source_lang, target_lang), concepts)


def mt_glossary_factory(
    data_dir: Path, source_lang: str, target_lang: str
) -> Callable[[], MTGlossary]:
    """A callable for the worker's thread: each run sees the glossary as the translator left it."""
    path = glossary_path(data=data_dir)
    return lambda: load_mt_glossary(path, source_lang, target_lang)
