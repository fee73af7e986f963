"""File ▸ Open Project…, New Project from File… and from XLIFF…: the questions, then a path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.translate.pair_selector import PairDialog
from documents.project import ProjectError
from translation.engine import Route
from workflows.suffixes import PROJECT_SUFFIX, XLIFF_SUFFIXES


def _settings(parent: QWidget):
    from desktop.settings import Settings  # noqa: PLC0415 - start-up: settings load when a dialog asks

    return getattr(parent, "settings", None) or Settings()


def _ask_file(parent: QWidget, kind: str, title: str, patterns: str) -> str:
    """An open-file dialog starting in the folder this kind of file came from last (else the
    user's documents); the chosen file's folder is remembered."""
    from desktop.project.files import dialog_folder, remember_folder  # noqa: PLC0415 - start-up: the file dialogs' folders load on first use

    settings = _settings(parent)
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(dialog_folder(settings, kind)), patterns
    )
    if name:
        remember_folder(settings, kind, Path(name))
    return name


def ask_project_to_open(parent: QWidget, folder: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ProjectDialogs", "Open project"),
        str(folder),
        QCoreApplication.translate("ProjectDialogs", "Hanbit projects") + f" (*{PROJECT_SUFFIX})",
    )
    return Path(name) if name else None


def ask_new_project(parent: QWidget, routes: Sequence[Route], data_dir: Path) -> Path | None:
    """Ask for an article and a pair, make the project; None when cancelled or refused (said)."""
    name = _ask_file(
        parent,
        "article",
        QCoreApplication.translate("ProjectDialogs", "New project from file"),
        QCoreApplication.translate("ProjectDialogs", "Articles")
        + " (*.txt *.md *.html *.htm *.docx)",
    )
    if not name:
        return None
    if Path(name).suffix.lower() in PREVIEWED:  # web pages, pasted texts, Word: the preview
        return _ask_with_preview(parent, Path(name), routes, data_dir)
    encoding = confirm_encoding(parent, Path(name))
    if encoding is False:
        return None
    dialog = PairDialog(routes, parent=parent)
    if not dialog.exec() or not (pair := dialog.pair()):
        return None
    from workflows.new_project import project_from_source  # noqa: PLC0415 - start-up: the readers (trafilatura, lxml) load when a file is chosen

    try:
        return project_from_source(
            Path(name), data_dir, source_lang=pair[0], target_lang=pair[1], encoding=encoding
        )
    except (ProjectError, OSError, ValueError) as error:  # SourceError is a ValueError
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ProjectDialogs", "Cannot make a project"),
            str(error),
        )
        return None


# Files whose text is extracted (an article, a Word file's parts): shown before the project.
PREVIEWED = (".html", ".htm", ".xhtml", ".txt", ".text", ".docx")


def _ask_with_preview(
    parent: QWidget, path: Path, routes: Sequence[Route], data_dir: Path
) -> Path | None:
    from desktop.project.extraction_preview import ask_extraction  # noqa: PLC0415 - start-up: the extraction preview is built on first use
    from paths import projects_dir  # noqa: PLC0415 - start-up: paths brings platformdirs

    encoding = None if path.suffix.lower() == ".docx" else confirm_encoding(parent, path)
    if encoding is False:
        return None
    return ask_extraction(parent, path, routes, projects_dir(data_dir), encoding=encoding)


def ask_new_project_from_xliff(parent: QWidget, data_dir: Path) -> Path | None:
    """Ask for an XLIFF file and make a project of it; None when cancelled or refused (said)."""
    patterns = " ".join(f"*{suffix}" for suffix in XLIFF_SUFFIXES)
    name = _ask_file(
        parent,
        "xliff",
        QCoreApplication.translate("ProjectDialogs", "New project from XLIFF"),
        QCoreApplication.translate("ProjectDialogs", "XLIFF files") + f" ({patterns})",
    )
    if not name:
        return None
    from desktop.project.xliff_dialog import new_project_from_xliff  # noqa: PLC0415 - start-up: the XLIFF dialog is built on first use (languages checked, then made)

    return new_project_from_xliff(parent, Path(name), data_dir)


def confirm_encoding(parent: QWidget, path: Path) -> str | None | bool:
    """The encoding to read path with: None to keep what was detected (said in the status
    bar), a codec the translator chose after a doubtful guess, False when cancelled or
    unreadable (said)."""
    from desktop.project.encoding_dialog import EncodingDialog, needs_confirmation  # noqa: PLC0415 - start-up: the encoding dialog is built on first use
    from documents.sources import SourceError, read_source  # noqa: PLC0415 - start-up: the readers load when a file is chosen

    try:
        info = read_source(path).info
    except SourceError as error:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ProjectDialogs", "Cannot make a project"),
            str(error),
        )
        return False
    if not needs_confirmation(info):
        if hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(
                QCoreApplication.translate("ProjectDialogs", "{name}: {how}").format(
                    name=path.name, how=info.describe()
                ),
                10000,
            )
        return None
    dialog = EncodingDialog(path, info, parent)
    return dialog.encoding() if dialog.exec() else False


def ask_save_as(parent: QWidget, current: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ProjectDialogs", "Save project as"),
        str(current.with_name(current.stem + "-copy" + current.suffix)),
        QCoreApplication.translate("ProjectDialogs", "Hanbit projects") + f" (*{PROJECT_SUFFIX})",
    )
    return Path(name) if name else None
