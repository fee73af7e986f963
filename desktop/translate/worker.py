"""Translate all: MT with the glossary enforced, in a worker thread, results posted per batch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.grid.segment_model import SegmentModel
from desktop.tasks import CancellableWorker
from translation.engine import Engine
from workflows.pair_glossary import PairGlossary, pair_glossary_factory
from workflows.translate_project import TranslatedSegment, translate_segments


class TranslateAllWorker(CancellableWorker):
    """workflows.translate_project on a thread; never touches the project: the window stores
    each batch.

    sig_batch carries [(segment_id, translation, enforcement info), ...] as batches finish, so
    the grid fills progressively; cancel() stops after the batch being decoded.
    """

    sig_batch = Signal(list)

    def __init__(
        self,
        engine: Engine,
        segments: Sequence[tuple[int, str]],
        source_lang: str,
        target_lang: str,
        glossary: PairGlossary | Callable[[], PairGlossary] | None = None,
        forbidden: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.engine = engine
        self.segments = list(segments)
        self.source_lang, self.target_lang = source_lang, target_lang
        self.glossary = glossary
        self.forbidden = list(forbidden)

    def _on_batch(self, batch: list[TranslatedSegment]) -> None:
        self.sig_batch.emit([(item.segment_id, item.target, item.info()) for item in batch])

    def work(self) -> None:
        if not self.segments:
            return
        # A factory runs here, on the worker's thread, so its termbase connection stays there.
        glossary = self.glossary() if callable(self.glossary) else self.glossary
        run = translate_segments(
            self.engine,
            self.segments,
            self.source_lang,
            self.target_lang,
            glossary or PairGlossary(self.source_lang, self.target_lang),
            forbidden=self.forbidden,
            on_batch=self._on_batch,
            on_progress=self.sig_progress.emit,
            cancel=self.cancelled,
        )
        if run.cancelled:
            self.cancel()  # a cancel seen by the engine ends the run as cancelled, not failed


class TranslateAll(QObject):
    """Runs one TranslateAllWorker at a time over a model and stores its batches as they come.

    Lives on the main thread: the model's project connection writes what the worker translated,
    so the grid fills progressively and the worker never touches the database or widgets.
    """

    sig_progress = Signal(int, int)  # done, total
    sig_finished = Signal(bool, str)  # completed, error message

    def __init__(self, engine: Engine, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine, self.data_dir = engine, data_dir
        self.worker: TranslateAllWorker | None = None
        self._model: SegmentModel | None = None
        self._replace: dict[int, str] = {}

    def running(self) -> bool:
        return self.worker is not None

    def start(
        self,
        model: SegmentModel,
        source_lang: str,
        target_lang: str,
        segment_ids: list[int] | None = None,
        replace: dict[int, str] | None = None,
    ) -> int:
        """Start on every segment with an empty target, or on segment_ids (a retranslation,
        whose targets in replace are replaced); the number queued (0: nothing started)."""
        if self.worker is not None:
            return 0
        if segment_ids is None:
            todo = [(s.id, s.source) for s in model.segments() if not s.target.strip()]
        else:
            todo = [(sid, model.segment(sid).source) for sid in segment_ids]
        todo = [(sid, source) for sid, source in todo if source.strip()]
        if not todo:
            return 0
        self._replace = dict(replace or {})

        worker = TranslateAllWorker(
            self.engine,
            todo,
            source_lang,
            target_lang,
            glossary=pair_glossary_factory(self.data_dir, source_lang, target_lang),
        )
        worker.sig_batch.connect(self._store_batch)
        worker.sig_progress.connect(self.sig_progress)
        worker.sig_finished.connect(self._finished)
        self.worker, self._model = worker, model
        worker.start()
        return len(todo)

    def _store_batch(self, batch: list) -> None:
        model = self._model
        if model is None:
            return
        model.store_mt_batch(batch, self._replace)

    def cancel(self, wait: bool = False) -> None:
        """Stop after the batch being decoded; wait: block until the thread is done (closing)."""
        worker = self.worker
        if worker is None:
            return
        worker.cancel()
        if wait:
            worker.sig_batch.disconnect(self._store_batch)
            worker.stop()
            self._finished(False, "")

    def _finished(self, completed: bool, error: str) -> None:
        worker = self.worker
        if worker is None:
            return
        worker.stop()  # its work is over; join the thread before the QThread can be deleted
        self.worker, self._model = None, None
        self.sig_finished.emit(completed, error)
