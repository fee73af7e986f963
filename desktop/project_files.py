"""File ▸ Save Project As…: a consistent copy of the open project (SQLite backup API)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from documents.project import Project, ProjectError


def save_copy(project: Project, destination: Path) -> Path:
    """Copy the project's file to destination as one consistent snapshot, even while it is
    being edited (every committed change, WAL included); never half a file at destination.

    ProjectError for the project's own file, a folder, or a missing folder; nothing changes then.
    """
    source, destination = Path(project.path).resolve(), Path(destination)
    if destination.suffix == "":
        destination = destination.with_suffix(source.suffix)
    destination = destination.resolve()
    if destination == source:
        raise ProjectError(f"{destination.name} is the open project itself; choose another name")
    if destination.is_dir():
        raise ProjectError(f"{destination} is a folder; choose a file name")
    if not destination.parent.is_dir():
        raise ProjectError(f"The folder {destination.parent} does not exist")
    partial = destination.with_name(destination.name + ".partial")
    try:
        reader = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            writer = sqlite3.connect(partial)
            try:
                reader.backup(writer)
                # One self-contained file: the copy must not depend on a -wal beside it.
                writer.execute("PRAGMA journal_mode=DELETE")
            finally:
                writer.close()
        finally:
            reader.close()
        # A -wal/-shm left by an earlier file of this name would be replayed into the copy.
        for suffix in ("-wal", "-shm"):
            Path(str(destination) + suffix).unlink(missing_ok=True)
        os.replace(partial, destination)
    except (sqlite3.Error, OSError) as error:
        partial.unlink(missing_ok=True)
        raise ProjectError(f"Cannot save a copy as {destination}: {error}") from error
    return destination
