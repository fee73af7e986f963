"""No two window actions share a shortcut (Qt then fires neither: the keys silently fail)."""

from __future__ import annotations

from desk_helpers import open_window
from PySide6.QtGui import QAction


def test_every_shortcut_of_the_window_is_unique(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    owners: dict[str, list[str]] = {}
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            owners.setdefault(shortcut.toString(), []).append(action.text())
    shared = {keys: names for keys, names in owners.items() if len(set(names)) > 1}
    assert shared == {}
    assert {"Ctrl+Return", "Ctrl+Shift+S", "Ctrl+Shift+Q", "Ctrl+Shift+O"} <= set(owners)
