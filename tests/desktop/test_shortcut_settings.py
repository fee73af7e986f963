"""Keyboard shortcuts as settings: changed in a dialog, clashes refused, kept for the next start."""

from __future__ import annotations

from desk_helpers import open_window
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from desktop.panel_wiring import install_panels
from desktop.window.shortcuts import ShortcutsDialog


def _window(qtbot, article_project, packages, data_dir):
    window = open_window(qtbot, article_project, packages, data_dir)
    if getattr(window, "panels", None) is None:
        install_panels(window)
    return window


def test_changed_shortcut_is_saved_and_applied_at_the_next_start(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert "confirm" in dialog.edits and "check" in dialog.edits  # window and panel actions
    dialog.edits["copy_mt"].setKeySequence(QKeySequence("Ctrl+Alt+M"))
    dialog.edits["check"].setKeySequence(QKeySequence("Ctrl+F7"))
    assert dialog.apply()
    assert window.act_copy_mt.shortcut() == QKeySequence("Ctrl+Alt+M")
    assert QSettings().value("shortcuts/copy_mt") == "Ctrl+Alt+M"
    assert QSettings().value("shortcuts/confirm") is None  # untouched: stays the default
    window.close()

    again = _window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.act_copy_mt.shortcut() == QKeySequence("Ctrl+Alt+M")
    assert again.panels.act_check.shortcut() == QKeySequence("Ctrl+F7")
    assert [k.toString() for k in again.act_confirm.shortcuts()] == ["Ctrl+Return", "Ctrl+Enter"]

    reset = ShortcutsDialog(again)
    qtbot.addWidget(reset)
    reset.reset_to_defaults()
    assert reset.apply()
    assert again.act_copy_mt.shortcut() == QKeySequence("Ctrl+M")
    assert again.panels.act_check.shortcut() == QKeySequence("F7")
    assert QSettings().value("shortcuts/copy_mt") is None


def test_a_key_another_action_owns_is_refused_and_nothing_changes(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.edits["copy_mt"].setKeySequence(QKeySequence("Ctrl+Enter"))  # Confirm's second key
    dialog.edits["find"].setKeySequence(QKeySequence("Ctrl+G"))
    assert not dialog.apply()
    assert "already used by" in dialog.error.text() and "Confirm" in dialog.error.text()
    assert window.act_copy_mt.shortcut() == QKeySequence("Ctrl+M")
    assert window.act_find.shortcut() == QKeySequence("Ctrl+F")
    assert QSettings().value("shortcuts/find") is None
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0  # refused: not accepted


def test_no_shortcut_at_all_is_kept_too(qtbot, article_project, empty_packages_dir, data_dir):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.edits["export"].clear()
    assert dialog.apply()
    window.close()
    again = _window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.act_export.shortcuts() == []
