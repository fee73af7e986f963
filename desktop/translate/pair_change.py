"""Another target language for the open project: retarget it, or save a copy for the new pair."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop.translate.pair_selector import pair_label
from documents.project import ProjectError, Status


def _ask(window, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(window, title, text, buttons) == QMessageBox.StandardButton.Yes


def change_target(window, target: str, copy_to: Path | None = None) -> bool:
    """Called when the translator picks another pair for the open project; True if it changed.

    No package for the pair: offers the package manager. No confirmed segment: the project
    translates into target from now on (drafts and MT, in the old language, are cleared).
    Confirmed segments: offers a copy for the new pair (copy_to, else asked), with empty targets.
    """
    project = window.project
    if project is None or target == project.target_lang:
        return False
    source = project.source_lang
    pair = pair_label(source, target)
    window.refresh_routes()  # the selector shows the project's pair again until it changes
    if window.pair_selector.route_for(source, target) is None:
        text = QCoreApplication.translate(
            "PairChange", "No {pair} translation package is installed. Open the package manager?"
        )
        if _ask(
            window,
            QCoreApplication.translate("PairChange", "No translation package"),
            text.format(pair=pair),
        ):
            window.open_package_manager()
        return False
    if project.read_only:
        return False
    window.view.commit_editor()
    window.cancel_translation(wait=True)
    counts = project.counts()
    confirmed = counts[Status.TRANSLATED].segments + counts[Status.REVIEWED].segments
    try:
        if confirmed == 0:
            project.change_target_lang(target)
            window.open_project(project.path)  # the grid, panels and routes follow the new pair
            return True
        text = QCoreApplication.translate(
            "PairChange",
            "{count} segment(s) are confirmed in the current target language, so this project "
            "keeps it. Save a copy for {pair} (its targets start empty)?",
        ).format(count=confirmed, pair=pair)
        if not _ask(
            window, QCoreApplication.translate("PairChange", "Change the target language"), text
        ):
            return False
        copy = window.save_as(copy_to)
        if copy is None or window.project is None or window.project.path != copy:
            return False
        window.project.change_target_lang(target, clear_confirmed=True)
        window.open_project(copy)
        return True
    except ProjectError as error:
        QMessageBox.warning(
            window,
            QCoreApplication.translate("PairChange", "Cannot change the target language"),
            str(error),
        )
        return False
