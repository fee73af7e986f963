"""The termbase behind Translate all: opened on the worker's thread, curated terms loaded once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from glossary.matching import TermMatcher
from paths import glossary_path

log = logging.getLogger(__name__)


def ensure_curated(path: Path) -> None:
    """Load the curated glossary into a new, empty termbase (a user's own edits are kept)."""
    from glossary.curated import load_curated
    from glossary.store import Termbase

    termbase = Termbase(path)
    try:
        if not termbase.concepts():
            load_curated(termbase)
    finally:
        close = getattr(termbase, "close", None)
        if close:
            close()


def build_matcher(path: Path, source_lang: str, target_lang: str) -> TermMatcher | None:
    """A matcher over the termbase at path; None (plain MT) when it has no usable terms."""
    from glossary.store import Termbase

    ensure_curated(path)
    termbase = Termbase(path)
    try:
        concepts = termbase.concepts()
    finally:
        close = getattr(termbase, "close", None)
        if close:
            close()
    return TermMatcher(concepts, source_lang, target_lang) if concepts else None


def matcher_factory(
    data_dir: Path, source_lang: str, target_lang: str
) -> Callable[[], TermMatcher | None]:
    """A callable for the worker: each run sees the glossary as the translator left it."""
    path = glossary_path(data=data_dir)
    return lambda: build_matcher(path, source_lang, target_lang)
