"""The translation memory in the window: the TM panel beside the grid, confirmed segments added
to the memory as they are confirmed, 100% matches filled into empty targets."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.desk import Desk, current_segment, dock
from desktop.grid.segment_model import tm_origin
from desktop.memory.panel import TMPanel
from desktop.memory.sync import MemorySync
from documents.project import Project, Status
from paths import memory_path


class MemoryFeature(QObject):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.widget())
        self.desk = desk
        self.panel = TMPanel(memory_path(data=desk.data_dir), *desk.pair(), settings=desk.settings)
        self.dock = dock(self.tr("Translation Memory"), "tm-dock", self.panel, desk)
        desk.add_dock(self.dock)
        self.panel.sig_insert_text.connect(desk.insert_into_target)
        self.panel.sig_fill_target.connect(self.fill_target)
        self.panel.sig_message.connect(lambda text: desk.show_message(text, 15000))
        # A confirmed target reaches the memory (a confirm, Replace all over confirmed
        # targets): the current segment's matches are looked up again once changes settle.
        self._refresh = QTimer(self, singleShot=True, interval=0)
        self._refresh.timeout.connect(lambda: self.panel.refresh())
        desk.sig_segment_stored.connect(self._stored)
        # Lookups start once the grid has painted: the first one loads the fuzzy index and
        # numpy on a worker, which would otherwise hold the interpreter during the first paint.
        self._started = False
        desk.view.sig_current_segment_changed.connect(self._current_changed)
        desk.sig_project_opened.connect(self._project_opened)
        desk.sig_closing.connect(self._closing)
        # After _project_opened: it prepares the memory of the pair set there.
        self.sync = MemorySync(desk, self.panel)
        desk.after_first_paint(self._start)

    def _start(self) -> None:
        self._started = True
        self.sync.prepare()
        self._current_changed(self.desk.current_segment_id())

    def _current_changed(self, segment_id: int) -> None:
        if self._started:
            self.panel.segment_changed(current_segment(self.desk, segment_id))

    def _project_opened(self, project: Project) -> None:
        self.panel.set_pair(project.source_lang, project.target_lang)
        self._current_changed(self.desk.current_segment_id())

    def _stored(self, segment_id: int) -> None:
        stored = current_segment(self.desk, segment_id)
        if stored is not None and stored.status in (Status.TRANSLATED, Status.REVIEWED):
            self._refresh.start()

    def _closing(self) -> None:
        self._refresh.stop()
        self.panel.segment_changed(None)

    def fill_target(self, segment_id: int, text: str) -> None:
        """A 100% memory match for an empty target: fill it as a draft (never over typing)."""
        desk = self.desk
        if desk.project is None or desk.project.read_only:
            return
        editor = desk.view.target_delegate.editor
        if editor is not None and desk.current_segment_id() == segment_id:
            if not editor.toPlainText().strip():
                editor.setPlainText(text)
            return
        segment = current_segment(desk, segment_id)
        if segment is not None and not segment.target.strip() and desk.model is not None:
            desk.model.change(segment_id, text, Status.DRAFT, origin=tm_origin(100))

    def shutdown(self) -> None:
        self.panel.shutdown()
