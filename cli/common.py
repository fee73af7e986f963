"""What several subcommands share: finding the glossary a command should use."""

from __future__ import annotations

import sys
from pathlib import Path

from glossary.model import Concept


def load_concepts(glossary: Path | None, data_dir: Path | None = None) -> list[Concept]:
    """The concepts a headless command works with; GlossaryError when they cannot be read.

    --glossary names a termbase (.db, read as it is) or a curated file (.json, read-only);
    without it, the desk's own termbase, with the curated glossary merged in the way the
    window does on first run (so a new machine enforces the curated terms from the start).
    """
    from glossary.curated import read_curated
    from glossary.protocol import is_server_location, open_termbase
    from glossary.store import GlossaryError, Termbase

    if is_server_location(glossary):  # a team's termbase (postgresql://): read as it is
        with open_termbase(glossary) as termbase:
            return termbase.concepts()
    if glossary is not None:
        if not glossary.is_file():
            raise GlossaryError(f"glossary {glossary} does not exist")
        if glossary.suffix.lower() == ".json":
            _version, concepts = read_curated(glossary)
            for number, concept in enumerate(concepts, start=1):
                concept.id = number  # a curated file has keys, not ids; matches need one
            return concepts
        with Termbase(glossary) as termbase:
            return termbase.concepts()
    with open_desk_termbase(data_dir) as termbase:
        return termbase.concepts()


def open_desk_termbase(data_dir: Path | None = None, glossary: Path | None = None):
    """The desk's termbase (or --glossary's), with the curated glossary merged in."""
    import paths
    from glossary.curated import load_curated
    from glossary.protocol import is_server_location, open_termbase
    from glossary.store import GlossaryError, Termbase

    if is_server_location(glossary):
        # A team's termbase gets the curated glossary once, when `team push` moves it there.
        return open_termbase(glossary)
    path = paths.glossary_path(glossary, paths.data_dir(data_dir) if data_dir else None)
    if path.suffix.lower() == ".json":
        raise GlossaryError(f"{path} is a curated glossary file; give a termbase (.db)")
    path.parent.mkdir(parents=True, exist_ok=True)
    termbase = Termbase(path)
    try:
        report = load_curated(termbase)
    except Exception:
        termbase.close()
        raise
    for key, reason in report.skipped:
        print(f"curated concept {key} not added: {reason}", file=sys.stderr)
    return termbase
