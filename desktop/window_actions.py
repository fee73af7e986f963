"""The desk window's menus and toolbar: every action with the shortcut a translator expects."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMainWindow, QToolBar

from desktop.segment_model import STATUS_LABELS
from documents.project import Status


def _action(window: QMainWindow, menu, text: str, shortcut=None, slot=None) -> QAction:
    action = QAction(window.tr(text), window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window) -> None:
    """Menus with their shortcuts shown; the actions become window.act_* attributes."""
    bar = window.menuBar()
    file = window.file_menu = bar.addMenu(window.tr("&File"))
    window.act_new = _action(
        window, file, "&New Project from File…", QKeySequence.StandardKey.New, window._new_from_file
    )
    window.act_open = _action(
        window, file, "&Open Project…", QKeySequence.StandardKey.Open, window._open_dialog
    )
    window.recent_menu = file.addMenu(window.tr("Open &Recent"))
    file.addSeparator()
    _action(window, file, "&Quit", QKeySequence.StandardKey.Quit, window.close)

    edit = window.edit_menu = bar.addMenu(window.tr("&Edit"))
    window.act_undo = _action(window, edit, "&Undo Segment Change", "Ctrl+Z", window.undo_segment)
    window.act_redo = _action(window, edit, "&Redo Segment Change", "Ctrl+Y", window.redo_segment)
    edit.addSeparator()
    window.act_find = _action(window, edit, "&Find…", "Ctrl+F", lambda: window.find_bar.open(False))
    window.act_replace = _action(
        window, edit, "R&eplace in Targets…", "Ctrl+H", lambda: window.find_bar.open(True)
    )

    seg = window.segment_menu = bar.addMenu(window.tr("&Segment"))
    window.act_confirm = _action(
        window, seg, "&Confirm and Go to Next Unconfirmed", "Ctrl+Return", window.confirm_and_next
    )
    window.act_confirm.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    window.act_previous = _action(
        window, seg, "&Previous Segment", "Ctrl+Up", lambda: window.move(-1)
    )
    window.act_next = _action(window, seg, "&Next Segment", "Ctrl+Down", lambda: window.move(1))
    seg.addSeparator()
    window.act_copy_mt = _action(window, seg, "Copy &MT into Target", "Ctrl+M", window.copy_mt)
    window.act_copy_source = _action(
        window, seg, "Copy &Source into Target", "Ctrl+Shift+S", window.copy_source
    )
    seg.addSeparator()
    window.act_split = _action(window, seg, "Sp&lit Segment…", "Ctrl+Shift+T", window.split_segment)
    window.act_join = _action(
        window, seg, "&Join with Next Segment", "Ctrl+Shift+J", window.join_segments
    )

    mt = window.translate_menu = bar.addMenu(window.tr("&Translate"))
    window.act_translate_all = _action(
        window, mt, "Translate &All Empty Segments", "Ctrl+Shift+A", window.translate_all
    )
    window.act_cancel = _action(
        window, mt, "&Cancel Translation", None, lambda: window.cancel_translation()
    )
    window.act_cancel.setEnabled(False)

    packages = window.packages_menu = bar.addMenu(window.tr("&Packages"))
    # desktop.panel_wiring connects these two to the package manager.
    window.act_install_package = _action(window, packages, "&Install from File…")
    window.act_download_packages = _action(window, packages, "&Download…")

    window.view_menu = bar.addMenu(window.tr("&View"))
    window.act_font = _action(window, window.view_menu, "Segment &Font…", None, window.choose_font)
    window.panels_menu = window.view_menu.addMenu(window.tr("&Panels"))


def build_toolbar(window) -> None:
    """The pair, Translate all / Cancel and the status filter (window.status_filter)."""
    toolbar = QToolBar(window.tr("Main"), window)
    toolbar.setObjectName("main-toolbar")
    toolbar.addWidget(window.pair_selector)
    toolbar.addSeparator()
    toolbar.addAction(window.act_translate_all)
    toolbar.addAction(window.act_cancel)
    toolbar.addSeparator()
    window.status_filter = QComboBox(window)
    window.status_filter.addItem(window.tr("All segments"), None)
    for status in Status:
        window.status_filter.addItem(window.tr(STATUS_LABELS[status]), status)
    window.status_filter.currentIndexChanged.connect(window._filter_changed)
    toolbar.addWidget(window.status_filter)
    window.addToolBar(toolbar)
