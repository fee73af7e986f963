"""The translator's desk: the segment grid with toolbar, no-package banner and status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDockWidget,
    QFontDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

import paths
from desktop.actions import ActionRegistry
from desktop.grid.segment_model import COL_TARGET, SegmentModel, StatusFilterModel
from desktop.grid.segment_view import SegmentView
from desktop.project.dialogs import ask_new_project, ask_project_to_open, ask_save_as
from desktop.qa.panel import confirm_despite_critical
from desktop.settings import Settings
from desktop.tasks import TaskRunner, task_runner
from desktop.translate.pair_selector import PairSelector
from desktop.translate.worker import TranslateAll
from desktop.window.features import Features, build_features
from desktop.window.find_bar import FindBar
from desktop.window.menus import build_menus, build_toolbar
from desktop.window.notice import NoticeBanner, no_package_message
from desktop.window.status_summary import StatusSummary
from documents.project import Project, ProjectError, ProjectLockedError, Status
from translation.engine import Engine, Route
from translation.libretranslate import open_engine
from workflows.pair_glossary import merge_curated

log = logging.getLogger(__name__)
# The longest panels wait for the first paint: a window never shown (a script, a test) fills
# them after this.
FIRST_PAINT_WAIT_MS = 1500


class MainWindow(QMainWindow):
    """One open project in the grid, the features around it (desktop.window.features): the
    one implementation of the Desk that features see (desktop.desk)."""

    sig_project_opened = Signal(object)  # the Project
    sig_project_closing = Signal()  # the open project is about to close (another one opens)
    sig_segment_stored = Signal(int)  # a segment of the open project changed in the grid
    sig_translation_finished = Signal(bool)  # completed (False: cancelled or failed)
    sig_glossary_ready = Signal()  # the curated glossary is merged into the termbase
    sig_closing = Signal()  # the window is closing; its project closes right after

    def __init__(
        self,
        project_path: Path,
        *,
        data_dir: Path,
        packages_dir: Path,
        settings: Settings | None = None,
        engine: Engine | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__()
        self.data_dir, self.packages_dir = data_dir, packages_dir
        self.settings = settings or Settings()
        # Work that fills panels waits until the grid has painted (the first screen first):
        # run by after_first_paint(), or after FIRST_PAINT_WAIT_MS if the window is not shown.
        self._painted = False
        self._after_paint: list[Callable[[], object]] = []
        self.actions = ActionRegistry(self, self.settings)
        self._menus: dict[str, QMenu] = {}
        self.runner = runner or task_runner()
        self._owns_engine = engine is None  # a caller's engine is the caller's to close
        # A team's LibreTranslate server when one is set (local packages as its fallback).
        self.engine = engine or open_engine(packages_dir, options=self.settings.engine_options())
        self.project: Project | None = None
        self.model: SegmentModel | None = None
        self._read_only_note = ""
        self.glossary_is_ready = False  # set once the curated glossary is merged
        self.translator = TranslateAll(self.engine, data_dir, self)
        self.translator.sig_progress.connect(
            lambda done, total: self.summary.set_progress(done, total)
        )
        self.translator.sig_finished.connect(self._translation_finished)
        self.proxy = StatusFilterModel(self)
        self.view = SegmentView(self)
        self.banner = NoticeBanner(self)
        self.banner.sig_install_requested.connect(lambda: self.open_package_manager().choose_file())
        self.banner.sig_manager_requested.connect(lambda: self.open_package_manager())
        self._package_manager = None
        self.find_bar = FindBar(self)
        self.find_bar.current_row = self._current_source_row
        self.find_bar.sig_go_to_row.connect(self.go_to_source_row)
        self.find_bar.sig_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.summary = StatusSummary(self.statusBar(), self)
        self.summary.cancel_button.clicked.connect(lambda: self.cancel_translation())
        # Batches change many statuses at once; the figures are recounted once per event loop turn.
        self._summary_timer = QTimer(self, singleShot=True, interval=0)
        self._summary_timer.timeout.connect(self._update_summary)
        self.pair_selector = PairSelector(self)
        self.pair_selector.sig_pair_changed.connect(self._pair_chosen)
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self.features: Features = build_features(self)
        saved = QFont()
        if (description := self.settings.editor_font()) and saved.fromString(description):
            self.view.use_font(saved)
        self.view.sig_current_segment_changed.connect(self._remember_current)
        self.resize(1400, 900)
        # Wide enough for a term with its forms and a memory match with its translation.
        side = [self.features.glossary.dock, self.features.memory.dock]
        self.resizeDocks(side, [480, 480], Qt.Orientation.Horizontal)
        self.resizeDocks(side, [300, 400], Qt.Orientation.Vertical)  # a page of terms each
        if (geometry := self.settings.geometry()) is not None:
            self.restoreGeometry(geometry)
        if (state := self.settings.window_state()) is not None:
            self.restoreState(state)
        self.open_project(project_path)
        self.view.viewport().installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._first_paint_done)
        self.after_first_paint(self._merge_curated_glossary)

    def choose_font(self) -> None:
        ok, font = QFontDialog.getFont(self.view.font(), self, self.tr("Font of the segments"))
        if ok:
            self.apply_font(font)

    def apply_font(self, font: QFont) -> None:
        """Use font in the grid from now on (and in later sessions); rows are measured again."""
        self.view.use_font(font)
        self.settings.set_editor_font(font.toString())

    def set_typing_replaces(self, replace: bool) -> None:
        """Typing on a row replaces its target (memoQ, spreadsheets) or adds to its end."""
        self.view.typing_replaces = replace
        self.settings.set_typing_replaces(replace)

    # the desk (desktop.desk.Desk) -----------------------------------------------------------
    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run work once the grid has painted its rows (now, if it has)."""
        if self._painted:
            work()
        else:
            self._after_paint.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            not self._painted
            and event.type() == QEvent.Type.Paint
            and watched is self.view.viewport()
        ):
            # After this paint has finished: the rows are on screen.
            QTimer.singleShot(0, self, self._first_paint_done)
        return super().eventFilter(watched, event)

    def _first_paint_done(self) -> None:
        if self._painted:
            return
        self._painted = True
        if self.project is None:  # closed before it painted (a start-up measurement): drop it
            self._after_paint.clear()
            return
        self.view.viewport().removeEventFilter(self)
        waiting, self._after_paint = self._after_paint, []
        for work in waiting:
            work()

    def widget(self) -> QMainWindow:
        return self

    def pair(self) -> tuple[str, str]:
        project = self.project
        return (project.source_lang, project.target_lang) if project else ("ko", "en")

    def menu(self, menu_id: str) -> QMenu:
        return self._menus[menu_id]

    def add_menu(self, menu_id: str, title: str) -> QMenu:
        if menu_id in self._menus:
            raise ValueError(f"two menus share the id {menu_id!r}")
        menu = self._menus[menu_id] = self.menuBar().addMenu(title)
        return menu

    def add_submenu(self, menu_id: str, parent: QMenu, title: str) -> QMenu:
        menu = self._menus[menu_id] = parent.addMenu(title)
        return menu

    def add_dock(
        self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> None:
        """Dock a panel beside the grid and list it in View ▸ Panels."""
        self.addDockWidget(area, dock)
        self.menu("panels").addAction(dock.toggleViewAction())

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def go_to_segment(self, segment_id: int) -> None:
        if self.model is not None:
            self.go_to_source_row(self.model.row_of(segment_id))

    def insert_into_target(self, text: str) -> None:
        """Insert at the cursor of the target editor, opening it on the current row if needed."""
        view = self.view
        if view.target_delegate.editor is None:
            view.go_to_row(view.currentIndex().row(), edit=True)
        editor = view.target_delegate.editor
        if editor is None:
            self.show_message(self.tr("This segment cannot be edited"))
            return
        editor.insertPlainText(text)
        editor.setFocus()

    # project ------------------------------------------------------------------------------
    def open_project(self, path: Path) -> None:
        """Open for editing; a project another desk is editing opens read-only, and says so."""
        try:
            project = Project.open(Path(path))
            self._read_only_note = ""
        except ProjectLockedError as error:
            project = Project.open(Path(path), read_only=True)
            self._read_only_note = self.tr("Opened read-only: %s.") % error
        if self.project is not None:
            self.cancel_translation(wait=True)
            self.sig_project_closing.emit()
            self.project.close()
        self.project = project
        if self.model is not None:
            self.model.deleteLater()
        self.model = SegmentModel(project, self)
        self.model.sig_segment_changed.connect(lambda _id: self._summary_timer.start())
        self.model.sig_segment_changed.connect(self.sig_segment_stored)
        self.model.sig_save_failed.connect(self._edit_not_saved)
        self.model.modelReset.connect(self._summary_timer.start)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.find_bar.model = self.model
        self.setWindowTitle(f"{project.name or project.path.stem} — Hanbit Desk")
        self.settings.add_recent_project(project.path)
        self._fill_recent_menu()
        self.refresh_routes()
        self._update_summary()
        self._restore_current()
        self.sig_project_opened.emit(project)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_projects():
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda checked=False, p=path: self._open_checked(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _open_checked(self, path: Path) -> None:
        try:
            self.open_project(path)
        except ProjectError as error:
            QMessageBox.warning(self, self.tr("Cannot open project"), str(error))

    def _open_dialog(self) -> None:
        if path := ask_project_to_open(self, paths.projects_dir(self.data_dir)):
            self._open_checked(path)

    def _new_from_file(self) -> None:
        if path := ask_new_project(self, self.routes(), self.data_dir):
            self._open_checked(path)

    def save_as(self, destination: Path | None = None) -> Path | None:
        """Copy the project (asked for when None) and go on editing the copy, as Save As does."""
        from desktop.project.files import save_copy  # noqa: PLC0415 - start-up: Save As loads on first use

        if self.project is None:
            return None
        self.view.commit_editor()
        destination = destination or ask_save_as(self, self.project.path)
        if destination is None:
            return None
        try:
            copy = save_copy(self.project, destination)
        except ProjectError as error:
            QMessageBox.warning(self, self.tr("Cannot save the project"), str(error))
            return None
        self._open_checked(copy)
        self.statusBar().showMessage(self.tr("Saved as %s") % copy, 5000)
        return copy

    def _restore_current(self) -> None:
        value = self.project.get_meta("current_segment") if self.project else None
        row = self.model.row_of(int(value)) if value and value.isdigit() else -1
        self.go_to_source_row(max(row, 0), center=row > 0)

    def _remember_current(self, segment_id: int) -> None:
        if self.project is not None and segment_id >= 0 and not self.project.read_only:
            try:
                self.project.set_meta("current_segment", str(segment_id))
            except ProjectError:
                pass  # only where to reopen (disk full?): a typed target says so if it matters

    def _merge_curated_glossary(self) -> None:
        path = paths.glossary_path(data=self.data_dir)
        self.runner.run_task(
            lambda: merge_curated(path),
            lambda _: self._glossary_merged(),
            lambda error: self.statusBar().showMessage(
                self.tr("The glossary could not be loaded: %s") % error, 10000
            ),
            context=self,
        )

    def _glossary_merged(self) -> None:
        # Kept: a termbase opened later (the team server was away) knows it may open now.
        self.glossary_is_ready = True
        self.sig_glossary_ready.emit()

    # routes -------------------------------------------------------------------------------
    def routes(self) -> list[Route]:
        try:
            return self.engine.routes()
        except Exception:  # a broken packages folder must not keep the window from opening
            log.exception("cannot list translation routes")
            return []

    def route(self) -> Route | None:
        if self.project is None:
            return None
        return self.pair_selector.route_for(self.project.source_lang, self.project.target_lang)

    def _pair_chosen(self, _source: str, target: str) -> None:
        from desktop.translate.pair_change import change_target  # noqa: PLC0415 - start-up: a pair change loads when one is chosen

        change_target(self, target)

    def open_package_manager(self):
        """The package manager (one per window), shown; installs and removals refresh the pair."""
        from desktop.packages.manager import PackageManager  # noqa: PLC0415 - start-up: the package manager is built on first use

        if self._package_manager is None:
            manager = PackageManager(Path(self.packages_dir), self.settings, self)
            manager.sig_packages_changed.connect(self.packages_changed)
            manager.sig_settings_changed.connect(self._engine_settings_changed)
            self._package_manager = manager
        self._package_manager.reload()
        self._package_manager.show()
        self._package_manager.raise_()
        return self._package_manager

    def packages_changed(self) -> None:
        self.engine.refresh()  # rescan now, even if the folder's mtime did not move
        self.refresh_routes()

    def _engine_settings_changed(self) -> None:
        # Beam size counts from the next batch; threads and device from the next model load,
        # so the loaded models are dropped (one that is translating finishes first).
        self.engine.options = self.settings.engine_options()
        self.engine.unload()

    def refresh_routes(self) -> None:
        """Re-read installed packages (after an install) and update the pair, banner and actions."""
        self.pair_selector.set_routes(self.routes())
        if self.project is None:
            return
        source, target = self.project.source_lang, self.project.target_lang
        self.pair_selector.set_project_pair(source, target, editable=not self.project.read_only)
        route = self.route()
        notes = [self._read_only_note] if self._read_only_note else []
        if route is None:
            notes.append(no_package_message(source, target))
            self.summary.route.setText(self.tr("no MT package"))
        else:
            self.summary.route.setText(self.pair_selector.route_info.text())
        if notes:
            self.banner.show_message("\n".join(notes), package_actions=route is None)
        else:
            self.banner.hide()
        self.actions["translate.all"].setEnabled(route is not None and not self.project.read_only)

    # grid navigation ----------------------------------------------------------------------
    def _current_source_row(self) -> int:
        return self.proxy.mapToSource(self.view.currentIndex()).row()

    def current_segment_id(self) -> int:
        return self.view.current_segment_id()

    def go_to_source_row(self, row: int, edit: bool = False, center: bool = False) -> None:
        if self.model is None or not 0 <= row < self.model.rowCount():
            return
        index = self.proxy.mapFromSource(self.model.index(row, COL_TARGET))
        if not index.isValid():  # hidden by the status filter: show everything again
            self.status_filter.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row, COL_TARGET))
        self.view.go_to_row(index.row(), edit=edit, center=center)

    def move(self, step: int) -> None:
        self.view.commit_editor()
        row = self.view.currentIndex().row() + step
        if 0 <= row < self.proxy.rowCount():
            self.view.go_to_row(row, edit=True)

    def _filter_changed(self) -> None:
        status = self.status_filter.currentData()
        current = self.current_segment_id()
        self.proxy.set_statuses({status} if status else set())
        if self.model is not None and current >= 0:
            index = self.proxy.mapFromSource(
                self.model.index(self.model.row_of(current), COL_TARGET)
            )
            if index.isValid():
                self.view.go_to_row(index.row())

    # editing ------------------------------------------------------------------------------
    def _editable_current(self) -> int:
        """The current segment id after storing any open editor; -1 when none or read-only."""
        self.view.commit_editor()
        segment_id = self.current_segment_id()
        if self.project is None or self.project.read_only:
            return -1
        return segment_id

    def confirm_and_next(self) -> None:
        """Store the target as translated (text and status in one change, one undo step) and
        open the next unconfirmed segment; a target still in the source's script is asked about."""
        typed = self.view.take_editor_text()
        segment_id = self.current_segment_id()
        if segment_id < 0 or self.model is None or self.project is None or self.project.read_only:
            return
        segment = self.model.segment(segment_id)
        text = segment.target if typed is None else typed
        if not text.strip():
            if typed is not None and typed != segment.target:
                self.model.change(segment_id, typed, Status.NEW)
            return
        script_ok = self._confirm_despite_source_script(segment.source, text)
        if not script_ok or not confirm_despite_critical(self, segment, text):  # QA: CRITICAL
            if typed is not None and typed != segment.target:  # keep what was typed, to fix
                self.model.change(segment_id, typed, Status.DRAFT)
            self.go_to_source_row(self.model.row_of(segment_id), edit=True)
            return
        confirmed = Status(segment.status) in (Status.TRANSLATED, Status.REVIEWED)
        if not confirmed or text != segment.target:
            self.model.change(segment_id, text, Status.TRANSLATED)
        row = self.model.next_unconfirmed_row(self.model.row_of(segment_id))
        if row >= 0:
            self.go_to_source_row(row, edit=True)
            self._select_untouched_mt(self.model.segment_at(row).id)
        else:
            self.statusBar().showMessage(self.tr("Every segment is confirmed."), 5000)

    def _select_untouched_mt(self, segment_id: int) -> None:
        """With "typing replaces" on, the next segment's MT draft opens selected: the first key
        typed replaces it (no Korean+English hybrid), an arrow key keeps it to edit."""
        editor = self.view.target_delegate.editor
        if editor is None or not self.view.typing_replaces or self.model is None:
            return
        if self.model.origin_of(segment_id) == "mt" and editor.toPlainText().strip():
            editor.selectAll()

    def _confirm_despite_source_script(self, source: str, text: str) -> bool:
        """True unless the target holds source-language text and the translator says no."""
        from qa.checks import check_segment  # noqa: PLC0415 - start-up: the QA checks load with the first check

        project = self.project
        left = [
            issue.message
            for issue in check_segment(
                source, text, source_lang=project.source_lang, target_lang=project.target_lang
            )
            if issue.check == "untranslated"
        ]
        if not left:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Source-language text in the target"),
            self.tr("%s.\n\nConfirm this target anyway?") % "; ".join(left),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _copy_into_target(self, text_of) -> None:
        segment_id = self._editable_current()
        if segment_id < 0 or self.model is None:
            return
        segment = self.model.segment(segment_id)
        text = text_of(segment)
        if text and text != segment.target:
            self.model.change(segment_id, text, Status.DRAFT)

    def copy_mt(self) -> None:
        self._copy_into_target(lambda s: s.mt)

    def copy_source(self) -> None:
        self._copy_into_target(lambda s: s.source)

    def undo_segment(self) -> None:
        segment_id = self._editable_current()
        if segment_id >= 0 and self.model is not None and not self.model.undo(segment_id):
            self.statusBar().showMessage(self.tr("Nothing to undo in this segment."), 3000)

    def redo_segment(self) -> None:
        segment_id = self._editable_current()
        if segment_id >= 0 and self.model is not None and not self.model.redo(segment_id):
            self.statusBar().showMessage(self.tr("Nothing to redo in this segment."), 3000)

    def split_segment(self, position: int | None = None) -> None:
        """Split the current segment's source at position (asked in a dialog when None)."""
        from desktop.grid.split_dialog import SplitDialog  # noqa: PLC0415 - start-up: the split dialog is built on first use

        segment_id = self._editable_current()
        if segment_id < 0 or self.model is None or self.project is None:
            return
        if position is None:
            dialog = SplitDialog(self.model.segment(segment_id).source, parent=self)
            if not dialog.exec():
                return
            position = dialog.position()
        project = self.project
        self._structure_change(lambda: project.split_segment(segment_id, position), segment_id)

    def join_segments(self) -> None:
        segment_id = self._editable_current()
        if segment_id >= 0 and self.project is not None:
            project = self.project
            self._structure_change(lambda: project.join_segments(segment_id), segment_id)

    def _structure_change(self, change, segment_id: int) -> None:
        try:
            change()
        except (ProjectError, ValueError) as error:
            QMessageBox.warning(self, self.tr("Cannot change segments"), str(error))
            return
        self.model.reload()
        self.go_to_source_row(max(self.model.row_of(segment_id), 0))

    def _update_summary(self) -> None:
        if self.model is not None and self.project is not None:
            self.summary.update_counts(self.project.counts())

    # Translate all ------------------------------------------------------------------------
    def translate_all(self) -> bool:
        """Fill every empty target with an MT draft in the background; False if nothing started."""
        if self.translator.running() or self.project is None or self.model is None:
            return False
        if self.route() is None:
            self.refresh_routes()
            return False
        count = self.start_translation()
        if not count:
            self.statusBar().showMessage(self.tr("Every segment already has a target."), 5000)
        return bool(count)

    def retranslate(self, scope: str) -> int:
        """Retranslate "selected", "changed-terms" or "drafts" (desktop.translate.retranslate)."""
        from desktop.translate.retranslate import Scope, retranslate  # noqa: PLC0415 - start-up: retranslation loads on first use

        return retranslate(self, Scope(scope))

    def start_translation(
        self, segment_ids: list[int] | None = None, replace: dict[int, str] | None = None
    ) -> int:
        """MT in the background for segment_ids (None: the empty targets), replacing the targets
        in replace, with progress and Cancel; the number of segments queued."""
        if self.translator.running() or self.project is None or self.model is None:
            return 0
        if self.route() is None:
            self.refresh_routes()
            self.statusBar().showMessage(self.tr("No MT package for this language pair."), 5000)
            return 0
        self.view.commit_editor()
        source, target = self.project.source_lang, self.project.target_lang
        count = self.translator.start(self.model, source, target, segment_ids, replace)
        if not count:
            return 0
        self.summary.set_progress(0, count)
        self.summary.show_progress(True)
        self.actions["translate.all"].setEnabled(False)
        self.actions["translate.cancel"].setEnabled(True)
        return count

    def cancel_translation(self, wait: bool = False) -> None:
        if self.translator.running():
            self.summary.cancel_button.setEnabled(False)
            self.actions["translate.cancel"].setEnabled(False)
            self.translator.cancel(wait=wait)

    def _translation_finished(self, completed: bool, error: str) -> None:
        self.summary.show_progress(False)
        self.actions["translate.cancel"].setEnabled(False)
        self.actions["translate.all"].setEnabled(self.route() is not None)
        if error:  # a banner, not a modal box: the translator keeps working by hand meanwhile
            self.banner.show_message(self.tr("Translation stopped: %s") % error)
        elif not completed:
            self.statusBar().showMessage(self.tr("Translation cancelled."), 5000)
        self.sig_translation_finished.emit(completed)

    # closing ------------------------------------------------------------------------------
    def _edit_not_saved(self, _segment_id: int, why: str) -> None:
        # After the editor has closed: a modal box inside setData would re-enter the delegate.
        QTimer.singleShot(
            0,
            lambda: QMessageBox.warning(
                self,
                self.tr("The edit is not saved yet"),
                why
                + "\n\n"
                + self.tr("The text stays in its cell and is saved as soon as possible."),
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.view.commit_editor()
        if self.model is not None and self.model.retry_unsaved():
            answer = QMessageBox.warning(
                self,
                self.tr("Edits not saved"),
                self.tr(
                    "%n typed target(s) could not be saved. Close and lose them?",
                    "",
                    len(self.model.unsaved_ids()),
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.cancel_translation(wait=True)
        self.sig_closing.emit()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        if self.project is not None:
            self.project.close()
            self.project = None
        if self._owns_engine:
            self.engine.close()  # frees the models' memory now, not at interpreter exit
        super().closeEvent(event)
