"""Confirmed segments go into the shared translation memory, off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from documents.project import Status

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.memory.panel import TMPanel

CONFIRMED = (Status.TRANSLATED, Status.REVIEWED)


class MemorySync(QObject):
    """Watches the window's grid: a segment stored as translated or reviewed with a target is
    added to the memory (origin: the project's name) through the TM panel's one memory thread;
    opening a project builds that pair's fuzzy index there at once."""

    def __init__(self, desk: Desk, tm_panel: TMPanel) -> None:
        super().__init__(desk.widget())
        self.desk, self.tm = desk, tm_panel
        self._may_prepare = False
        self._model = None
        self._sent: dict[int, tuple[str, str]] = {}  # segment id -> (source, target) added
        # What this session added per segment, newest last, and the memory's answers
        # (unit id, the unit as it was before) so that an undone confirm can be taken back.
        self._history: dict[int, list[tuple[str, str]]] = {}
        self._receipts: dict[int, list[tuple[tuple[str, str], int, object]]] = {}
        self._undone_early: set[tuple[int, tuple[str, str]]] = set()
        desk.sig_project_opened.connect(self._project_opened)
        if desk.project is not None:
            self._project_opened(desk.project)

    def _project_opened(self, project) -> None:
        self._sent.clear()
        self._history.clear()
        self._receipts.clear()
        model = self.desk.model
        if model is not None and model is not self._model:
            self._model = model
            model.sig_segment_changed.connect(self._stored)
        # The memory feature set the TM panel's pair on this same signal, before this slot
        # runs; at start-up it prepares the memory itself once the grid has painted.
        if self._may_prepare:
            self.tm.prepare()

    def prepare(self) -> None:
        """Build the open pair's fuzzy index now and at every project opened from now on."""
        self._may_prepare = True
        self.tm.prepare()

    def _stored(self, segment_id: int) -> None:
        project, model = self.desk.project, self.desk.model
        if project is None or model is None or project.read_only:
            return
        try:
            segment = model.segment(segment_id)
        except (KeyError, LookupError):
            return  # joined away meanwhile
        confirmed = Status(segment.status) in CONFIRMED and bool(segment.target.strip())
        pair = (segment.source, segment.target)
        if model.stepping == "undo" and self._sent.get(segment_id) not in (None, pair):
            self._take_back(segment_id)
            if not confirmed or self._sent.get(segment_id) == pair:
                return
        if not confirmed:
            return
        if self._sent.get(segment_id) == pair:
            return  # translated -> reviewed with the same text: nothing new for the memory
        self._sent[segment_id] = pair
        self._history.setdefault(segment_id, []).append(pair)
        self.tm.remember(
            segment.source,
            segment.target,
            project.name or project.path.stem,
            on_added=lambda unit_id, before: self._added(segment_id, pair, unit_id, before),
        )

    def _added(self, segment_id: int, pair: tuple[str, str], unit_id: int, before) -> None:
        receipts = self._receipts.setdefault(segment_id, [])
        receipts.append((pair, unit_id, before))
        if (segment_id, pair) in self._undone_early:  # undone before the add came back
            self._undone_early.discard((segment_id, pair))
            receipts.pop()
            self.tm.take_back(unit_id, before)

    def _take_back(self, segment_id: int) -> None:
        """The segment's last add to the memory is undone: the memory goes back to before it."""
        history = self._history.get(segment_id) or []
        if not history:
            return
        pair = history.pop()
        receipts = self._receipts.get(segment_id) or []
        if receipts and receipts[-1][0] == pair:
            _pair, unit_id, before = receipts.pop()
            self.tm.take_back(unit_id, before)
        else:
            self._undone_early.add((segment_id, pair))
        if history:
            self._sent[segment_id] = history[-1]
        else:
            self._sent.pop(segment_id, None)
