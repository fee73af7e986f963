"""The desk window's menus and toolbar: every action with the shortcut a translator expects."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QMainWindow, QToolBar

from desktop.grid.segment_model import STATUS_LABELS
from desktop.window.start_screen import show_start_screen
from desktop.window.ui_language import add_language_menu
from documents.project import Status


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _action(window: QMainWindow, menu, text: str, shortcut=None, slot=None) -> QAction:
    """text: marked with QT_TRANSLATE_NOOP("MainWindow", ...) so that lupdate finds it."""
    action = QAction(_tr(text), window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        action.triggered.connect(slot)
    menu.addAction(action)
    return action


def _export_of(window):
    from desktop.project.export_dialog import (
        exporter_of,  # python-docx and friends load on first use
    )

    return exporter_of(window)


def _review_import_of(window):
    from desktop.project.review_dialog import review_import_of

    return review_import_of(window)


def _new_from_xliff(window) -> None:
    from desktop.project.dialogs import ask_new_project_from_xliff

    if path := ask_new_project_from_xliff(window, window.data_dir):
        window._open_checked(path)


def _show_shortcuts(window) -> None:
    from desktop.window.shortcuts import show_shortcuts_dialog

    show_shortcuts_dialog(window)


def build_menus(window) -> None:
    """Menus with their shortcuts shown; the actions become window.act_* attributes."""
    bar = window.menuBar()
    file = window.file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.act_new = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&New Project from File…"),
        QKeySequence.StandardKey.New,
        window._new_from_file,
    )
    window.act_new_xliff = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "New Project from &XLIFF…"),
        None,
        lambda: _new_from_xliff(window),
    )
    window.act_open = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&Open Project…"),
        QKeySequence.StandardKey.Open,
        window._open_dialog,
    )
    window.act_save_as = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "Save Project &As…"),
        None,  # the standard Ctrl+Shift+S is Copy Source into Target here
        lambda: window.save_as(),
    )
    window.act_start = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "S&tart Screen…"),
        "Ctrl+Shift+O",
        lambda: show_start_screen(window),
    )
    window.recent_menu = file.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    file.addSeparator()
    window.act_export = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
        "Ctrl+E",
        lambda: _export_of(window).ask(),
    )
    window.act_import_review = _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "Import &Review (DOCX)…"),
        None,
        lambda: _review_import_of(window).ask(),
    )
    file.addSeparator()
    _action(
        window,
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        QKeySequence.StandardKey.Quit,
        window.close,
    )

    edit = window.edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    window.act_undo = _action(
        window,
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Undo Segment Change"),
        "Ctrl+Z",
        window.undo_segment,
    )
    window.act_redo = _action(
        window,
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Redo Segment Change"),
        "Ctrl+Y",
        window.redo_segment,
    )
    edit.addSeparator()
    window.act_find = _action(
        window,
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
        "Ctrl+F",
        lambda: window.find_bar.open(False),
    )
    window.act_replace = _action(
        window,
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "R&eplace in Targets…"),
        "Ctrl+H",
        lambda: window.find_bar.open(True),
    )
    edit.addSeparator()
    window.act_typing_replaces = _action(
        window,
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "Typing on a Row &Replaces Its Target"),
        None,
    )
    window.act_typing_replaces.setCheckable(True)
    window.act_typing_replaces.setChecked(window.settings.typing_replaces())
    window.view.typing_replaces = window.settings.typing_replaces()
    window.act_typing_replaces.setToolTip(
        _tr("Off: the keys typed on a row are added at the end of its target.")
    )
    window.act_typing_replaces.toggled.connect(window.set_typing_replaces)
    window.act_shortcuts = _action(
        window,
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts…"),
        None,
        lambda: _show_shortcuts(window),
    )

    seg = window.segment_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Segment"))
    window.act_confirm = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Confirm and Go to Next Unconfirmed"),
        "Ctrl+Return",
        window.confirm_and_next,
    )
    window.act_confirm.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    window.act_previous = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Previous Segment"),
        "Ctrl+Up",
        lambda: window.move(-1),
    )
    window.act_next = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Next Segment"),
        "Ctrl+Down",
        lambda: window.move(1),
    )
    seg.addSeparator()
    window.act_copy_mt = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "Copy &MT into Target"),
        "Ctrl+M",
        window.copy_mt,
    )
    window.act_copy_source = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "Copy &Source into Target"),
        "Ctrl+Shift+S",
        window.copy_source,
    )
    seg.addSeparator()
    window.act_split = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "Sp&lit Segment…"),
        "Ctrl+Shift+T",
        window.split_segment,
    )
    window.act_join = _action(
        window,
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Join with Next Segment"),
        "Ctrl+Shift+J",
        window.join_segments,
    )

    mt = window.translate_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Translate"))
    window.act_translate_all = _action(
        window,
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "Translate &All Empty Segments"),
        "Ctrl+Shift+A",
        window.translate_all,
    )
    mt.addSeparator()
    window.act_retranslate_selected = _action(
        window,
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "&Retranslate Selected Segments"),
        "Ctrl+Shift+R",
        lambda: window.retranslate("selected"),
    )
    window.act_retranslate_terms = _action(
        window,
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "Retranslate Segments with Changed &Terms"),
        None,
        lambda: window.retranslate("changed-terms"),
    )
    window.act_retranslate_drafts = _action(
        window,
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "Retranslate All &Unconfirmed Segments"),
        None,
        lambda: window.retranslate("drafts"),
    )
    mt.addSeparator()
    window.act_cancel = _action(
        window,
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "&Cancel Translation"),
        None,
        lambda: window.cancel_translation(),
    )
    window.act_cancel.setEnabled(False)

    packages = window.packages_menu = bar.addMenu(
        QCoreApplication.translate("MainWindow", "&Packages")
    )
    # desktop.panel_wiring connects these two to the package manager.
    window.act_install_package = _action(
        window, packages, QT_TRANSLATE_NOOP("MainWindow", "&Install from File…")
    )
    window.act_download_packages = _action(
        window, packages, QT_TRANSLATE_NOOP("MainWindow", "&Download…")
    )

    window.view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.act_font = _action(
        window,
        window.view_menu,
        QT_TRANSLATE_NOOP("MainWindow", "Segment &Font…"),
        None,
        window.choose_font,
    )
    add_language_menu(window)
    window.panels_menu = window.view_menu.addMenu(
        QCoreApplication.translate("MainWindow", "&Panels")
    )


def build_toolbar(window) -> None:
    """The pair, Translate all / Cancel and the status filter (window.status_filter)."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"), window)
    toolbar.setObjectName("main-toolbar")
    toolbar.addWidget(window.pair_selector)
    toolbar.addSeparator()
    toolbar.addAction(window.act_translate_all)
    toolbar.addAction(window.act_cancel)
    toolbar.addSeparator()
    window.status_filter = QComboBox(window)
    window.status_filter.addItem(QCoreApplication.translate("MainWindow", "All segments"), None)
    for status in Status:
        window.status_filter.addItem(
            QCoreApplication.translate("SegmentModel", STATUS_LABELS[status]), status
        )
    window.status_filter.currentIndexChanged.connect(window._filter_changed)
    toolbar.addWidget(window.status_filter)
    window.addToolBar(toolbar)
