"""The glossary in the window: the termbase, the Glossary panel and menu, terms highlighted in
the sources, and the manager and candidate dialogs."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QMessageBox

from desktop.desk import Desk, current_segment, dock
from desktop.glossary.panel import GlossaryPanel
from desktop.glossary.term_lookup import TermLookup
from desktop.grid.segment_model import COL_SOURCE
from desktop.grid.term_highlight import TermHighlightDelegate
from desktop.team.sync import outbox_for
from documents.project import Project
from glossary.protocol import open_termbase
from glossary.store import GlossaryError, Termbase
from paths import glossary_path


class GlossaryFeature(QObject):
    """Opens the termbase once the window has merged the curated glossary into it, and follows
    the open project's language pair and current segment."""

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.widget())
        self.desk = desk
        self.termbase: Termbase | None = None
        self._manager = None
        self._glossary_path = glossary_path(data=desk.data_dir)
        self.lookup = TermLookup(None, *desk.pair(), parent=self)
        self.panel = GlossaryPanel(self.lookup)
        self.dock = dock(self.tr("Glossary"), "glossary-dock", self.panel, desk)
        desk.add_dock(self.dock)
        desk.view.setItemDelegateForColumn(
            COL_SOURCE, TermHighlightDelegate(self.lookup, desk.view)
        )
        self.panel.sig_insert_text.connect(desk.insert_into_target)
        self.lookup.sig_changed.connect(desk.view.viewport().update)
        desk.view.sig_current_segment_changed.connect(
            lambda segment_id: self.panel.segment_changed(current_segment(desk, segment_id))
        )
        desk.sig_project_opened.connect(self._project_opened)
        # The window merges the curated glossary on a worker first (it may create the file);
        # opening the termbase before that would race it.
        desk.sig_glossary_ready.connect(self.glossary_loaded)
        self._build_menu()

    def _build_menu(self) -> None:
        menu = self.desk.add_menu("glossary", self.tr("&Glossary"))
        actions = self.desk.actions
        context = "GlossaryFeature"
        actions.add(
            "glossary.manager",
            QT_TRANSLATE_NOOP("GlossaryFeature", "&Glossary Manager…"),
            menu,
            None,
            self.open_manager,
            context=context,
        )
        actions.add(
            "glossary.add_term",
            QT_TRANSLATE_NOOP("GlossaryFeature", "&Add Term from Selection…"),
            menu,
            "Ctrl+Shift+G",
            self.add_term_from_selection,
            context=context,
        )
        actions.add(
            "glossary.candidates",
            QT_TRANSLATE_NOOP("GlossaryFeature", "Term &Candidates…"),
            menu,
            None,
            self.open_candidates,
            context=context,
        )

    def _project_opened(self, project: Project) -> None:
        self.lookup.set_termbase(self.termbase, project.source_lang, project.target_lang)
        self.panel.segment_changed(current_segment(self.desk))

    def glossary_loaded(self) -> None:
        """Open the termbase the window has just prepared (or re-read it if already open)."""
        if self.termbase is not None:
            self.lookup.refresh()
            return
        try:
            self.termbase = open_termbase(
                self._glossary_path, outbox_for("glossary", self._glossary_path)
            )
        except GlossaryError as error:
            self.desk.show_message(str(error), 10000)
            return
        self.lookup.set_termbase(self.termbase, *self.desk.pair())

    def open_manager(self):
        from desktop.glossary.manager import GlossaryManager  # noqa: PLC0415 - start-up: the glossary manager is built on first use

        if self.termbase is None:
            QMessageBox.warning(
                self.desk.widget(),
                self.tr("Glossary"),
                self.tr("The glossary could not be opened."),
            )
            return None
        if self._manager is None:
            source, target = self.desk.pair()
            self._manager = GlossaryManager(
                self.termbase, source, target, parent=self.desk.widget()
            )
            self._manager.sig_glossary_changed.connect(self.lookup.refresh)
        self._manager.model.reload()
        self._manager.show()
        self._manager.raise_()
        return self._manager

    def open_candidates(self):
        from desktop.glossary.candidates_dialog import CandidatesDialog  # noqa: PLC0415 - start-up: Term Candidates is built on first use

        model = self.desk.model
        if self.termbase is None or model is None:
            return None
        sources = [segment.source for segment in model.segments()]
        dialog = CandidatesDialog(self.termbase, sources, self.desk.pair()[0], self.desk.widget())
        dialog.sig_glossary_changed.connect(self.lookup.refresh)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def add_term_from_selection(self) -> None:
        """The add form with the source filled from the source viewer's selection (double-click
        a source to select in it) and the target from the target editor's."""
        view = self.desk.view
        manager = self.open_manager()
        if manager is not None:
            manager.open_add_dialog(view.source_selection(), view.target_selection())

    def shutdown(self) -> None:
        if self.termbase is not None:
            self.termbase.close()
            self.termbase = None
