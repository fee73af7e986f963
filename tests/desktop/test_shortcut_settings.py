"""Keyboard shortcuts as settings: changed in a dialog, clashes refused, kept for the next start
under each action's stable id (desktop.actions), keys saved before ids existed carried over."""

from __future__ import annotations

from desk_helpers import open_window
from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence

from desktop.window.shortcuts import ShortcutsDialog


def _window(qtbot, article_project, packages, data_dir):
    window = open_window(qtbot, article_project, packages, data_dir)
    return window


def test_changed_shortcut_is_saved_and_applied_at_the_next_start(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert (
        "segment.confirm" in dialog.edits and "qa.check_document" in dialog.edits
    )  # window and feature actions
    dialog.edits["segment.copy_mt"].setKeySequence(QKeySequence("Ctrl+Alt+M"))
    dialog.edits["qa.check_document"].setKeySequence(QKeySequence("Ctrl+F7"))
    assert dialog.apply()
    assert window.actions["segment.copy_mt"].shortcut() == QKeySequence("Ctrl+Alt+M")
    assert QSettings().value("shortcuts/segment.copy_mt") == "Ctrl+Alt+M"
    assert QSettings().value("shortcuts/segment.confirm") is None  # untouched: stays the default
    window.close()

    again = _window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.actions["segment.copy_mt"].shortcut() == QKeySequence("Ctrl+Alt+M")
    assert again.actions["qa.check_document"].shortcut() == QKeySequence("Ctrl+F7")
    assert [k.toString() for k in again.actions["segment.confirm"].shortcuts()] == [
        "Ctrl+Return",
        "Ctrl+Enter",
    ]

    reset = ShortcutsDialog(again)
    qtbot.addWidget(reset)
    reset.reset_to_defaults()
    assert reset.apply()
    assert again.actions["segment.copy_mt"].shortcut() == QKeySequence("Ctrl+M")
    assert again.actions["qa.check_document"].shortcut() == QKeySequence("F7")
    assert QSettings().value("shortcuts/segment.copy_mt") is None


def test_a_key_another_action_owns_is_refused_and_nothing_changes(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.edits["segment.copy_mt"].setKeySequence(
        QKeySequence("Ctrl+Enter")
    )  # Confirm's second key
    dialog.edits["edit.find"].setKeySequence(QKeySequence("Ctrl+G"))
    assert not dialog.apply()
    assert "already used by" in dialog.error.text() and "Confirm" in dialog.error.text()
    assert window.actions["segment.copy_mt"].shortcut() == QKeySequence("Ctrl+M")
    assert window.actions["edit.find"].shortcut() == QKeySequence("Ctrl+F")
    assert QSettings().value("shortcuts/edit.find") is None
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0  # refused: not accepted


def test_no_shortcut_at_all_is_kept_too(qtbot, article_project, empty_packages_dir, data_dir):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    dialog.edits["file.export"].clear()
    assert dialog.apply()
    window.close()
    again = _window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.actions["file.export"].shortcuts() == []


def test_keys_saved_under_the_old_attribute_names_are_carried_to_the_ids(
    qtbot, article_project, empty_packages_dir, data_dir
):
    # A translator's keys from before actions had ids: "shortcuts/<attribute name>".
    QSettings().setValue("shortcuts/copy_mt", "Ctrl+Alt+M")
    QSettings().setValue("shortcuts/check", "Ctrl+F7")
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    assert window.actions["segment.copy_mt"].shortcut() == QKeySequence("Ctrl+Alt+M")
    assert window.actions["qa.check_document"].shortcut() == QKeySequence("Ctrl+F7")
    assert QSettings().value("shortcuts/segment.copy_mt") == "Ctrl+Alt+M"
    assert QSettings().value("shortcuts/copy_mt") is None  # moved, not copied
    window.close()
    again = _window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.actions["segment.copy_mt"].shortcut() == QKeySequence("Ctrl+Alt+M")


def test_every_command_the_translator_can_rebind_has_an_id_and_none_is_shared(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _window(qtbot, article_project, empty_packages_dir, data_dir)
    ids = list(window.actions)
    # The commands that lived outside the registry before: QA filter, concordance, glossary.
    for action_id in ("qa.only_segments_with_issues", "memory.concordance", "glossary.add_term",
                      "qa.check_document", "team.servers", "file.quit"):  # fmt: skip
        assert action_id in ids
    assert all("." in action_id and action_id == action_id.lower() for action_id in ids)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert set(dialog.edits) == set(ids)
