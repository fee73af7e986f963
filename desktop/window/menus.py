"""The desk window's menus and toolbar: every action with the shortcut a translator expects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QToolBar

from desktop.grid.segment_model import STATUS_LABELS
from desktop.project.dialogs import ask_new_project_from_xliff
from desktop.window.start_screen import show_start_screen
from desktop.window.ui_language import add_language_menu
from documents.project import Status

if TYPE_CHECKING:
    from desktop.window.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def _add(window: MainWindow, action_id: str, menu, text: str, keys=None, slot=None) -> QAction:
    """text: marked with QT_TRANSLATE_NOOP("MainWindow", ...) so that lupdate finds it."""
    return window.actions.add(action_id, text, menu, keys, slot)


def _export_of(window):
    from desktop.project.export_dialog import exporter_of  # noqa: PLC0415 - start-up: python-docx and friends load on first use

    return exporter_of(window)


def _review_import_of(window):
    from desktop.project.review_dialog import review_import_of  # noqa: PLC0415 - start-up: the review import is built on first use

    return review_import_of(window)


def _new_from_xliff(window) -> None:
    if path := ask_new_project_from_xliff(window, window.data_dir):
        window._open_checked(path)


def _show_shortcuts(window) -> None:
    from desktop.window.shortcuts import show_shortcuts_dialog  # noqa: PLC0415 - start-up: the shortcuts dialog is built on first use

    show_shortcuts_dialog(window)


def build_menus(window: MainWindow) -> None:
    """Menus with their shortcuts shown; each action is listed in window.actions by its id."""
    file = window.add_menu("file", QCoreApplication.translate("MainWindow", "&File"))
    _add(
        window,
        "file.new",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&New Project from File…"),
        QKeySequence.StandardKey.New,
        window._new_from_file,
    )
    _add(
        window,
        "file.new_from_xliff",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "New Project from &XLIFF…"),
        None,
        lambda: _new_from_xliff(window),
    )
    _add(
        window,
        "file.open",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&Open Project…"),
        QKeySequence.StandardKey.Open,
        window._open_dialog,
    )
    _add(
        window,
        "file.save_as",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "Save Project &As…"),
        None,  # the standard Ctrl+Shift+S is Copy Source into Target here
        lambda: window.save_as(),
    )
    _add(
        window,
        "file.start_screen",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "S&tart Screen…"),
        "Ctrl+Shift+O",
        lambda: show_start_screen(window),
    )
    window.recent_menu = file.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    file.addSeparator()
    _add(
        window,
        "file.export",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&Export…"),
        "Ctrl+E",
        lambda: _export_of(window).ask(),
    )
    _add(
        window,
        "file.import_review",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "Import &Review (DOCX)…"),
        None,
        lambda: _review_import_of(window).ask(),
    )
    file.addSeparator()
    _add(
        window,
        "file.quit",
        file,
        QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
        QKeySequence.StandardKey.Quit,
        window.close,
    )

    edit = window.add_menu("edit", QCoreApplication.translate("MainWindow", "&Edit"))
    _add(
        window,
        "edit.undo_segment",
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Undo Segment Change"),
        "Ctrl+Z",
        window.undo_segment,
    )
    _add(
        window,
        "edit.redo_segment",
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Redo Segment Change"),
        "Ctrl+Y",
        window.redo_segment,
    )
    edit.addSeparator()
    _add(
        window,
        "edit.find",
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Find…"),
        "Ctrl+F",
        lambda: window.find_bar.open(False),
    )
    _add(
        window,
        "edit.replace",
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "R&eplace in Targets…"),
        "Ctrl+H",
        lambda: window.find_bar.open(True),
    )
    edit.addSeparator()
    typing = window.actions.add(
        "edit.typing_replaces",
        QT_TRANSLATE_NOOP("MainWindow", "Typing on a Row &Replaces Its Target"),
        edit,
        checkable=True,
    )
    typing.setChecked(window.settings.typing_replaces())
    window.view.typing_replaces = window.settings.typing_replaces()
    typing.setToolTip(_tr("Off: the keys typed on a row are added at the end of its target."))
    typing.toggled.connect(window.set_typing_replaces)
    _add(
        window,
        "edit.shortcuts",
        edit,
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts…"),
        None,
        lambda: _show_shortcuts(window),
    )

    seg = window.add_menu("segment", QCoreApplication.translate("MainWindow", "&Segment"))
    _add(
        window,
        "segment.confirm",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Confirm and Go to Next Unconfirmed"),
        ["Ctrl+Return", "Ctrl+Enter"],
        window.confirm_and_next,
    )
    _add(
        window,
        "segment.previous",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Previous Segment"),
        "Ctrl+Up",
        lambda: window.move(-1),
    )
    _add(
        window,
        "segment.next",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Next Segment"),
        "Ctrl+Down",
        lambda: window.move(1),
    )
    seg.addSeparator()
    _add(
        window,
        "segment.copy_mt",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "Copy &MT into Target"),
        "Ctrl+M",
        window.copy_mt,
    )
    _add(
        window,
        "segment.copy_source",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "Copy &Source into Target"),
        "Ctrl+Shift+S",
        window.copy_source,
    )
    seg.addSeparator()
    _add(
        window,
        "segment.split",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "Sp&lit Segment…"),
        "Ctrl+Shift+T",
        window.split_segment,
    )
    _add(
        window,
        "segment.join",
        seg,
        QT_TRANSLATE_NOOP("MainWindow", "&Join with Next Segment"),
        "Ctrl+Shift+J",
        window.join_segments,
    )

    mt = window.add_menu("translate", QCoreApplication.translate("MainWindow", "&Translate"))
    _add(
        window,
        "translate.all",
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "Translate &All Empty Segments"),
        "Ctrl+Shift+A",
        window.translate_all,
    )
    mt.addSeparator()
    _add(
        window,
        "translate.retranslate_selected",
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "&Retranslate Selected Segments"),
        "Ctrl+Shift+R",
        lambda: window.retranslate("selected"),
    )
    _add(
        window,
        "translate.retranslate_changed_terms",
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "Retranslate Segments with Changed &Terms"),
        None,
        lambda: window.retranslate("changed-terms"),
    )
    _add(
        window,
        "translate.retranslate_drafts",
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "Retranslate All &Unconfirmed Segments"),
        None,
        lambda: window.retranslate("drafts"),
    )
    mt.addSeparator()
    _add(
        window,
        "translate.cancel",
        mt,
        QT_TRANSLATE_NOOP("MainWindow", "&Cancel Translation"),
        None,
        lambda: window.cancel_translation(),
    )
    window.actions["translate.cancel"].setEnabled(False)

    packages = window.add_menu("packages", QCoreApplication.translate("MainWindow", "&Packages"))
    _add(
        window,
        "packages.install_file",
        packages,
        QT_TRANSLATE_NOOP("MainWindow", "&Install from File…"),
        None,
        lambda: window.open_package_manager().choose_file(),
    )
    _add(
        window,
        "packages.download",
        packages,
        QT_TRANSLATE_NOOP("MainWindow", "&Download…"),
        None,
        lambda: window.open_package_manager().open_download(),
    )
    _add(
        window,
        "packages.manage",
        packages,
        QT_TRANSLATE_NOOP("MainWindow", "&Manage Packages…"),
        None,
        window.open_package_manager,
    )

    view = window.add_menu("view", QCoreApplication.translate("MainWindow", "&View"))
    _add(
        window,
        "view.font",
        view,
        QT_TRANSLATE_NOOP("MainWindow", "Segment &Font…"),
        None,
        window.choose_font,
    )
    add_language_menu(window)
    window.add_submenu("panels", view, QCoreApplication.translate("MainWindow", "&Panels"))


def build_toolbar(window: MainWindow) -> QToolBar:
    """The pair, Translate all / Cancel and the status filter (window.status_filter)."""
    toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main"), window)
    toolbar.setObjectName("main-toolbar")
    toolbar.addWidget(window.pair_selector)
    toolbar.addSeparator()
    toolbar.addAction(window.actions["translate.all"])
    toolbar.addAction(window.actions["translate.cancel"])
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
    return toolbar
