"""File ▸ Save Project As…: a consistent copy of the open project (SQLite backup API)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from documents.project import Project, ProjectError
from storage.atomic import atomic_path
from workflows.suffixes import article_stem


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
    try:
        # Built in a private random folder beside destination: SQLite would follow a link
        # planted at a guessable name ("X.hanbit.partial") and overwrite what it points to.
        with atomic_path(destination, ProjectError) as partial:
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
    except (sqlite3.Error, OSError) as error:
        raise ProjectError(f"Cannot save a copy as {destination}: {error}") from error
    return destination


def export_name(project: Project) -> str:
    """The file name an export suggests, without extension: the article's name and the target
    language (wind_article.en), not the project file's internal name."""
    name = Path(project.name or project.path.stem).name
    return f"{article_stem(name, project.source_lang, project.target_lang)}.{project.target_lang}"


def dialog_folder(settings, kind: str) -> Path:
    """Where a file dialog of this kind opens: the folder it last used, else the user's
    Documents folder (never the program's own or the desk's internal data folder)."""
    from PySide6.QtCore import QStandardPaths  # noqa: PLC0415 - start-up: QtCore loads with the first file dialog

    last = settings.last_folder(kind)
    if last is not None:
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember_folder(settings, kind: str, chosen: Path) -> None:
    settings.set_last_folder(kind, Path(chosen).parent)
