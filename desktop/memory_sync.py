"""Confirmed segments go into the shared translation memory, off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject

from documents.project import Status

CONFIRMED = (Status.TRANSLATED, Status.REVIEWED)


class MemorySync(QObject):
    """Watches the window's grid: a segment stored as translated or reviewed with a target is
    added to the memory (origin: the project's name) through the TM panel's one memory thread;
    opening a project builds that pair's fuzzy index there at once."""

    def __init__(self, window, tm_panel) -> None:
        super().__init__(window)
        self.window, self.tm = window, tm_panel
        self._model = None
        self._sent: dict[int, tuple[str, str]] = {}  # segment id -> (source, target) added
        window.project_opened.connect(self._project_opened)
        if window.project is not None:
            self._project_opened(window.project)

    def _project_opened(self, project) -> None:
        self._sent.clear()
        model = self.window.model
        if model is not None and model is not self._model:
            self._model = model
            model.segment_changed.connect(self._stored)
        # The panels set the TM panel's pair on this same signal, before this slot runs.
        self.tm.prepare()

    def _stored(self, segment_id: int) -> None:
        project, model = self.window.project, self.window.model
        if project is None or model is None or project.read_only:
            return
        try:
            segment = model.segment(segment_id)
        except (KeyError, LookupError):
            return  # joined away meanwhile
        if Status(segment.status) not in CONFIRMED or not segment.target.strip():
            return
        pair = (segment.source, segment.target)
        if self._sent.get(segment_id) == pair:
            return  # translated -> reviewed with the same text: nothing new for the memory
        self._sent[segment_id] = pair
        self.tm.remember(segment.source, segment.target, project.name or project.path.stem)


def install_memory_sync(window, tm_panel) -> MemorySync:
    sync = MemorySync(window, tm_panel)
    window.memory_sync = sync
    return sync
