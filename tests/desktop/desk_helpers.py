"""Helpers for the desk window tests: open a window the way a user sees it, read the disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.settings import Settings
from desktop.window.main_window import MainWindow
from documents.project import Project


def open_window(qtbot, project: Path, packages: Path, data: Path, **kwargs) -> MainWindow:
    window = MainWindow(
        project, data_dir=data, packages_dir=packages, settings=Settings(), **kwargs
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    # Shortcuts only fire in the active window; offscreen activates on request.
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def stored(path: Path) -> list:
    """The segments as a second connection sees them: what is on disk."""
    project = Project.open(path, read_only=True)
    try:
        return project.segments()
    finally:
        project.close()


def press(qtbot, window: MainWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    # The open target editor, else whatever has focus in the window, else the grid.
    target = window.view.target_delegate.editor or QApplication.focusWidget() or window.view
    qtbot.keyClick(target, key, modifier)
