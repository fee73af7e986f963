"""Docks the glossary, QA and TM panels in the main window and wires them to its grid and menus."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget

from desktop.glossary.panel import GlossaryPanel
from desktop.glossary.term_lookup import TermLookup
from desktop.grid.segment_model import tm_origin
from desktop.grid.term_highlight import TermHighlightDelegate
from desktop.memory.panel import TMPanel
from desktop.qa.panel import QAPanel
from desktop.qa.worker import segment_check
from documents.project import Segment, Status
from glossary.store import GlossaryError, Termbase


def _dock(title: str, name: str, widget: QWidget, parent: QWidget) -> QDockWidget:
    dock = QDockWidget(title, parent)
    dock.setObjectName(name)  # saveState()/restoreState() find docks by name
    dock.setWidget(widget)
    return dock


class PanelSet(QObject):
    """The panels of one main window: created once, follow every project the window opens."""

    def __init__(self, window) -> None:
        super().__init__(window)
        from paths import glossary_path, memory_path

        self.window = window
        self.termbase: Termbase | None = None
        self._manager = None
        self._hooked: set[int] = set()
        self._rerun = QTimer(self, singleShot=True, interval=1000)
        self._rerun.timeout.connect(lambda: self.qa.run_all())
        self._tm_refresh = QTimer(self, singleShot=True, interval=0)
        self._tm_refresh.timeout.connect(lambda: self.tm.refresh())
        self._glossary_path = glossary_path(data=window.data_dir)
        pair = self._pair()
        self.lookup = TermLookup(self.termbase, *pair, parent=self)
        self.glossary = GlossaryPanel(self.lookup)
        self.qa = QAPanel(segment_check(*pair))
        self.tm = TMPanel(memory_path(data=window.data_dir), *pair, settings=window.settings.q)

        self.docks = [
            _dock(self.tr("Glossary"), "glossary-dock", self.glossary, window),
            _dock(self.tr("Translation Memory"), "tm-dock", self.tm, window),
            _dock(self.tr("QA"), "qa-dock", self.qa, window),
        ]
        window.add_panel(self.docks[0])
        window.add_panel(self.docks[1])
        window.add_panel(self.docks[2], Qt.DockWidgetArea.BottomDockWidgetArea)
        if window.isVisible():  # added after show(): Qt leaves such docks hidden
            for dock in self.docks:
                dock.show()
        # Wide enough for a term with its forms and a memory match with its translation.
        window.resizeDocks(self.docks[:2], [480, 480], Qt.Orientation.Horizontal)
        # The window restored its saved layout before these docks existed (main.py open
        # installs them after construction): restore again so they come back where the
        # translator left them, by object name.
        state = window.settings.window_state()
        if state is not None:
            window.restoreState(state)
        from desktop.grid.segment_model import COL_SOURCE

        window.view.setItemDelegateForColumn(
            COL_SOURCE, TermHighlightDelegate(self.lookup, window.view)
        )

        self.glossary.sig_insert_text.connect(self.insert_into_target)
        self.tm.sig_insert_text.connect(self.insert_into_target)
        self.tm.sig_fill_target.connect(self.fill_target)
        self.qa.sig_goto_segment.connect(self.go_to_segment)
        self.qa.sig_updated.connect(lambda: window.summary.set_qa_issues(len(self.qa.issues())))
        # A target stored by the grid (confirm, copy MT, Translate all) is checked again.
        self._watch_model()
        self.lookup.sig_changed.connect(self._glossary_changed)
        self.lookup.sig_changed.connect(window.view.viewport().update)
        window.view.current_segment_changed.connect(self._current_changed)
        window.project_opened.connect(self._project_opened)
        # The window merges the curated glossary on a worker first (it may create the file);
        # opening the termbase here before that would race it.
        window.glossary_ready.connect(self.glossary_loaded)
        if getattr(window, "glossary_is_ready", False):  # installed after the merge finished
            self.glossary_loaded()
        QApplication.instance().focusChanged.connect(self._focus_changed)
        window.installEventFilter(self)  # to let go of the project when the window closes
        self._build_actions()
        if window.project is not None:
            self._project_opened(window.project)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window and event.type() == QEvent.Type.Close:
            # The window closes its project right after; nothing may use it from now on.
            self._rerun.stop()
            self._tm_refresh.stop()
            self.qa.set_project(None)
            self.tm.segment_changed(None)
        return False

    # ---- menus -----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        window = self.window
        menu = window.menuBar().addMenu(self.tr("&Glossary"))
        manage = QAction(self.tr("&Glossary Manager…"), window)
        manage.triggered.connect(self.open_manager)
        add = QAction(self.tr("&Add Term from Selection…"), window)
        add.setShortcut(QKeySequence("Ctrl+Shift+G"))
        add.triggered.connect(self.add_term_from_selection)
        candidates = QAction(self.tr("Term &Candidates…"), window)
        candidates.triggered.connect(self.open_candidates)
        check = QAction(self.tr("Check &Document (QA)"), window)
        check.setShortcut(QKeySequence("F7"))
        check.triggered.connect(self.qa.run_all)
        for action in (manage, add, candidates, check):
            menu.addAction(action)
        self.act_glossary_manager, self.act_add_term, self.act_check = manage, add, check
        window.act_install_package.triggered.connect(lambda: self.open_packages()._choose_file())
        window.act_download_packages.triggered.connect(lambda: self.open_packages().open_download())
        manage_packages = QAction(self.tr("&Manage Packages…"), window)
        manage_packages.triggered.connect(self.open_packages)
        window.packages_menu.addAction(manage_packages)

    def glossary_loaded(self) -> None:
        """Open the termbase the window has just prepared (or re-read it if already open)."""
        if self.termbase is not None:
            self.lookup.refresh()
            return
        try:
            from desktop.team.sync import outbox_for
            from glossary.protocol import open_termbase

            self.termbase = open_termbase(
                self._glossary_path, outbox_for("glossary", self._glossary_path)
            )
        except GlossaryError as error:
            self.window.statusBar().showMessage(str(error), 10000)
            return
        self.lookup.set_termbase(self.termbase, *self._pair())

    def open_manager(self):
        from desktop.glossary.manager import GlossaryManager

        if self.termbase is None:
            QMessageBox.warning(self.window, "Glossary", "The glossary could not be opened.")
            return None
        if self._manager is None:
            source, target = self._pair()
            self._manager = GlossaryManager(self.termbase, source, target, parent=self.window)
            self._manager.sig_glossary_changed.connect(self.lookup.refresh)
        self._manager.model.reload()
        self._manager.show()
        self._manager.raise_()
        return self._manager

    def open_candidates(self):
        from desktop.glossary.candidates_dialog import CandidatesDialog

        if self.termbase is None or self.window.model is None:
            return None
        sources = [segment.source for segment in self.window.model.segments()]
        dialog = CandidatesDialog(self.termbase, sources, self._pair()[0], self.window)
        dialog.sig_glossary_changed.connect(self.lookup.refresh)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def add_term_from_selection(self) -> None:
        """The add form with the source filled from the source viewer's selection (double-click
        a source to select in it) and the target from the target editor's."""
        view = self.window.view
        manager = self.open_manager()
        if manager is not None:
            manager.open_add_dialog(view.source_selection(), view.target_selection())

    def open_packages(self):
        return self.window.open_package_manager()

    # ---- following the grid ----------------------------------------------------------------

    def _pair(self) -> tuple[str, str]:
        project = self.window.project
        return (project.source_lang, project.target_lang) if project else ("ko", "en")

    def _watch_model(self) -> None:
        model = self.window.model
        if model is not None and model is not getattr(self, "_watched", None):
            self._watched = model
            model.segment_changed.connect(self._stored)

    def _stored(self, segment_id: int) -> None:
        # A confirmed target reaches the memory (a confirm, Replace all over confirmed
        # targets): the current segment's matches are looked up again once changes settle.
        stored = self._segment(segment_id)
        if stored is not None and stored.status in (Status.TRANSLATED, Status.REVIEWED):
            self._tm_refresh.start()
        if segment_id == self.window.current_segment_id():
            segment = self._segment(segment_id)
            if segment is not None:
                self.qa.segment_changed(segment)
        else:  # a batch (Translate all): one document run once the batch has settled
            self._rerun.start()

    def _project_opened(self, project) -> None:
        self._watch_model()
        pair = self._pair()
        # The QA panel first: the lookup's change signal re-runs QA on the panel's project,
        # which must not still be the closed previous one.
        self.qa.set_project(project)
        self.lookup.set_termbase(self.termbase, *pair)
        self.tm.set_pair(*pair)
        self.qa.runner.check = self._check()
        self.qa.run_all()
        self._current_changed(self.window.current_segment_id())

    def _check(self):
        from qa.checks import generic_concepts

        concepts = self.lookup.concepts()
        return segment_check(
            *self._pair(), self.lookup.matcher(), self._forbidden(), generic_concepts(concepts)
        )

    def _forbidden(self) -> dict[str, str]:
        from qa.checks import forbidden_renderings

        return forbidden_renderings(self.lookup.concepts(), self._pair()[1])

    def _glossary_changed(self) -> None:
        self.qa.set_check(self._check())

    def _segment(self, segment_id: int) -> Segment | None:
        model = self.window.model
        if model is None or segment_id < 0:
            return None
        try:
            return model.segment(segment_id)
        except (KeyError, LookupError):
            return None

    def _current_changed(self, segment_id: int) -> None:
        segment = self._segment(segment_id)
        self.glossary.segment_changed(segment)
        self.tm.segment_changed(segment)

    def _focus_changed(self, _old, new) -> None:
        """Re-check the current segment while the translator types in a target editor."""
        from desktop.grid.segment_view import TargetEditor

        if isinstance(new, TargetEditor) and id(new) not in self._hooked:
            self._hooked.add(id(new))
            new.textChanged.connect(lambda editor=new: self._typed(editor))
            new.destroyed.connect(partial(self._hooked.discard, id(new)))

    def _typed(self, editor) -> None:
        segment = self._segment(self.window.current_segment_id())
        if segment is not None:
            self.qa.segment_changed(replace(segment, target=editor.toPlainText()))

    # ---- into the target -------------------------------------------------------------------

    def insert_into_target(self, text: str) -> None:
        """Insert at the cursor of the target editor, opening it on the current row if needed."""
        view = self.window.view
        if view.target_delegate.editor is None:
            view.go_to_row(view.currentIndex().row(), edit=True)
        editor = view.target_delegate.editor
        if editor is None:
            self.window.statusBar().showMessage(self.tr("This segment cannot be edited"))
            return
        editor.insertPlainText(text)
        editor.setFocus()

    def fill_target(self, segment_id: int, text: str) -> None:
        """A 100% memory match for an empty target: fill it as a draft (never over typing)."""
        if self.window.project is None or self.window.project.read_only:
            return
        view = self.window.view
        editor = view.target_delegate.editor
        if editor is not None and self.window.current_segment_id() == segment_id:
            if not editor.toPlainText().strip():
                editor.setPlainText(text)
            return
        segment = self._segment(segment_id)
        if segment is not None and not segment.target.strip() and self.window.model is not None:
            self.window.model.change(segment_id, text, Status.DRAFT, origin=tm_origin(100))

    def go_to_segment(self, segment_id: int) -> None:
        model = self.window.model
        if model is not None:
            self.window.go_to_source_row(model.row_of(segment_id))

    def shutdown(self) -> None:
        self.tm.shutdown()
        if self.termbase is not None:
            self.termbase.close()
            self.termbase = None


def install_panels(window) -> PanelSet:
    """Create the panels for a MainWindow (called once, from its __init__)."""
    from desktop.grid.grid_menu import install_grid_menus
    from desktop.grid.spelling import install_spelling
    from desktop.grid.suggestions import install_suggestions
    from desktop.memory.sync import install_memory_sync
    from desktop.qa.filter import install_qa_filter
    from desktop.window.shortcuts import apply_saved as apply_saved_shortcuts

    panels = PanelSet(window)
    window.panels = panels
    panels.menus = install_grid_menus(window, panels)
    panels.spelling = install_spelling(window, panels)
    panels.suggestions = install_suggestions(window, panels)
    install_memory_sync(window, panels.tm)
    install_qa_filter(window, panels.qa)
    from desktop.team.sync import install_team_sync

    install_team_sync(window, panels)  # a team's servers: colleagues' changes, waiting edits
    apply_saved_shortcuts(window)  # the panels' actions (Add Term, Check Document) too
    return panels
