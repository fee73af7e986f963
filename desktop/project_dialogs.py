"""File ▸ Open Project… and File ▸ New Project from File…: the questions, then a project path."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.pair_selector import PairDialog
from desktop.sample import PROJECT_SUFFIX, project_from_source
from documents.project import ProjectError
from translation.engine import Route


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
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ProjectDialogs", "New project from file"),
        "",
        QCoreApplication.translate("ProjectDialogs", "Articles")
        + " (*.txt *.md *.html *.htm *.docx)",
    )
    if not name:
        return None
    dialog = PairDialog(routes, parent=parent)
    if not dialog.exec() or not (pair := dialog.pair()):
        return None
    try:
        return project_from_source(Path(name), data_dir, source_lang=pair[0], target_lang=pair[1])
    except (ProjectError, OSError, ValueError) as error:  # SourceError is a ValueError
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("ProjectDialogs", "Cannot make a project"),
            str(error),
        )
        return None
