"""Translate all: MT with the glossary enforced, in a worker thread, results posted per batch."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal

from desktop.tasks import CancellableWorker
from glossary.enforce import EnforcedSegment, translate_with_glossary
from glossary.matching import TermMatcher
from translation.engine import Cancelled, Engine


class TranslateAllWorker(CancellableWorker):
    """Translates given segments; never touches the project: the window stores each batch.

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
        matcher: TermMatcher | Callable[[], TermMatcher | None] | None = None,
        forbidden: Sequence[str] = (),
    ) -> None:
        super().__init__()
        self.engine = engine
        self.segment_ids = [sid for sid, _ in segments]
        self.texts = [text for _, text in segments]
        self.source_lang, self.target_lang = source_lang, target_lang
        self.matcher = matcher
        self.forbidden = list(forbidden)
        self.done = 0

    def _on_batch(self, indexes: list[int], results: list[EnforcedSegment]) -> None:
        batch = [
            (self.segment_ids[i], r.text, r.info()) for i, r in zip(indexes, results, strict=True)
        ]
        self.done += len(batch)
        self.sig_batch.emit(batch)
        self.sig_progress.emit(self.done, len(self.texts))

    def work(self) -> None:
        if not self.texts:
            return
        self.sig_progress.emit(0, len(self.texts))
        # A factory runs here, on the worker's thread, so its termbase connection stays there.
        matcher = self.matcher() if callable(self.matcher) else self.matcher
        translate = functools.partial(
            self.engine.translate, source=self.source_lang, target=self.target_lang
        )
        try:
            translate_with_glossary(
                self.texts,
                translate,
                matcher,
                source_lang=self.source_lang,
                target_lang=self.target_lang,
                forbidden=self.forbidden,
                on_batch=self._on_batch,
                cancel=self.cancelled,
            )
        except Cancelled:
            self.cancel()  # a cancel seen by the engine ends the run as cancelled, not failed
