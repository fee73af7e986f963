"""QA in the window: the QA panel under the grid, the document checked when a project opens and
again as targets are stored or typed, Check Document (F7), and the grid's QA filter."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.desk import Desk, current_segment, dock
from desktop.glossary.feature import GlossaryFeature
from desktop.grid.segment_view import TargetEditor
from desktop.qa.filter import QAFilter
from desktop.qa.panel import QAPanel
from desktop.qa.worker import segment_check
from documents.project import Project

RERUN_AFTER_BATCH_MS = 1000  # a batch (Translate all) is checked once it has settled


class QAFeature(QObject):
    def __init__(self, desk: Desk, glossary: GlossaryFeature) -> None:
        super().__init__(desk.widget())
        self.desk, self.glossary = desk, glossary
        self._hooked: set[int] = set()
        self._started = False
        self.panel = QAPanel(segment_check(*desk.pair()))
        self.dock = dock(self.tr("QA"), "qa-dock", self.panel, desk)
        desk.add_dock(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._rerun = QTimer(self, singleShot=True, interval=RERUN_AFTER_BATCH_MS)
        self._rerun.timeout.connect(lambda: self.panel.run_all())
        self.panel.sig_goto_segment.connect(desk.go_to_segment)
        self.panel.sig_updated.connect(lambda: desk.summary.set_qa_issues(len(self.panel.issues())))
        # A target stored by the grid (confirm, copy MT, Translate all) is checked again.
        desk.sig_segment_stored.connect(self._stored)
        desk.sig_project_closing.connect(self._let_go)
        desk.sig_closing.connect(self._let_go)
        desk.sig_project_opened.connect(self._project_opened)
        glossary.lookup.sig_changed.connect(self._glossary_changed)
        instance = QApplication.instance()
        if isinstance(instance, QApplication):
            instance.focusChanged.connect(self._focus_changed)
        desk.actions.add(
            "qa.check_document",
            QT_TRANSLATE_NOOP("QAFeature", "Check &Document (QA)"),
            desk.menu("glossary"),
            "F7",
            self.panel.run_all,
            context="QAFeature",
        )
        self.filter = QAFilter(desk, self.panel)

    def _project_opened(self, project: Project) -> None:
        # The check (figures, terms: ~0.1 s of regular expressions to build) and the whole
        # document's run wait until the grid is on screen (at once after that).
        self.desk.after_first_paint(self._follow_project)

    def _follow_project(self) -> None:
        self._started = True
        project = self.desk.project
        if project is not None and project is not self.panel.project:
            self.panel.runner.check = self._check()
            self.panel.set_project(project)  # checks the whole document

    def _let_go(self) -> None:
        """The project is about to close: nothing may check it from now on."""
        self._rerun.stop()
        self.panel.set_project(None)

    def _check(self):
        from qa.checks import forbidden_renderings, generic_concepts  # noqa: PLC0415 - start-up: the QA checks load with the first check

        concepts = self.glossary.lookup.concepts()
        source, target = self.desk.pair()
        return segment_check(
            source,
            target,
            self.glossary.lookup.matcher(),
            forbidden_renderings(concepts, target),
            generic_concepts(concepts),
        )

    def _glossary_changed(self) -> None:
        if self._started:  # before the first paint, _follow_project builds the check
            self.panel.set_check(self._check())

    def _stored(self, segment_id: int) -> None:
        if segment_id == self.desk.current_segment_id():
            segment = current_segment(self.desk, segment_id)
            if segment is not None:
                self.panel.segment_changed(segment)
        else:  # a batch (Translate all): one document run once the batch has settled
            self._rerun.start()

    def _focus_changed(self, _old, new) -> None:
        """Re-check the current segment while the translator types in a target editor."""
        if isinstance(new, TargetEditor) and id(new) not in self._hooked:
            self._hooked.add(id(new))
            new.textChanged.connect(lambda editor=new: self._typed(editor))
            new.destroyed.connect(partial(self._hooked.discard, id(new)))

    def _typed(self, editor) -> None:
        segment = current_segment(self.desk)
        if segment is not None:
            self.panel.segment_changed(replace(segment, target=editor.toPlainText()))
