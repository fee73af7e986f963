"""QA off the UI thread: the whole document on demand, the current segment while typing."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.tasks import run_task
from documents.project import Segment
from workflows.check_project import FoundIssue, check_pair, check_segments, issue_key

if TYPE_CHECKING:
    from glossary.matching import TermMatcher
    from qa.checks import QAIssue
    from workflows.pair_glossary import PairGlossary

__all__ = ["FoundIssue", "QARunner", "glossary_check", "issue_key", "segment_check"]

LIVE_DELAY_MS = 400  # a pause in typing, not every keystroke

# check(segment) -> QA issues of qa.checks; pure, thread-safe.
CheckFn = Callable[[Segment], Sequence["QAIssue"]]


def glossary_check(glossary: PairGlossary) -> CheckFn:
    """The check the panel runs: workflows.check_project.check_pair bound to a pair glossary
    (built on the UI thread; the check only reads it)."""

    def check(segment: Segment, article_date: date | None = None) -> list[QAIssue]:
        return check_pair(segment.source, segment.target, glossary, article_date)

    check.takes_article_date = True  # type: ignore[attr-defined]  # the panel binds the date
    return check


def segment_check(
    source_lang: str,
    target_lang: str,
    matcher: TermMatcher | None = None,
    forbidden: Mapping[str, str] | Sequence[str] = (),
    generic: Collection[int] = (),
) -> CheckFn:
    """qa.checks.check_segment bound to a pair and the glossary's parts, for callers that
    hold the parts rather than a PairGlossary (the panel wiring; prefer glossary_check)."""

    def check(segment: Segment, article_date: date | None = None) -> list[QAIssue]:
        # at the first check, not when the panel is made: ~0.1 s of patterns at start-up
        from qa.checks import check_segment  # noqa: PLC0415 - start-up: loads with the first check

        return check_segment(
            segment.source,
            segment.target,
            source_lang=source_lang,
            target_lang=target_lang,
            matcher=matcher,
            forbidden=forbidden,
            generic=generic,
            article_date=article_date,
        )

    check.takes_article_date = True  # type: ignore[attr-defined]  # the panel binds the date
    return check


class QARunner(QObject):
    """Runs checks through desktop.tasks.run_task; a newer request makes older answers void."""

    sig_document_checked = Signal(object)  # list[FoundIssue]
    sig_segment_checked = Signal(int, object)  # segment id, list[FoundIssue]
    sig_failed = Signal(str)

    def __init__(self, check: CheckFn, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # bind(check) -> the check that runs: the QA panel binds the article's date this way,
        # whoever sets runner.check
        self.bind: Callable[[CheckFn], CheckFn] | None = None
        self.check = check
        self._document_run = 0
        self._segment_runs: dict[int, int] = {}
        self._pending: Segment | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LIVE_DELAY_MS)
        self._timer.timeout.connect(self.check_pending_now)

    @property
    def check(self) -> CheckFn:
        return self._bound

    @check.setter
    def check(self, check: CheckFn) -> None:
        self.given_check = check
        self._bound = self.bind(check) if self.bind is not None else check

    def check_document(self, segments: Sequence[Segment]) -> None:
        self._document_run += 1
        run = self._document_run
        segments = list(segments)  # plain data: the worker never touches the project

        def stale() -> bool:
            return run != self._document_run

        def done(found: list[FoundIssue]) -> None:
            if not stale():
                self.sig_document_checked.emit(found)

        run_task(lambda: check_segments(segments, self.check, stale), done, self._failed, self)

    def schedule_segment(self, segment: Segment) -> None:
        """Re-check one segment once the translator pauses (restarts the delay)."""
        self._pending = segment
        self._timer.start()

    def check_pending_now(self) -> None:
        self._timer.stop()
        segment, self._pending = self._pending, None
        if segment is None:
            return
        run = self._segment_runs.get(segment.id, 0) + 1
        self._segment_runs[segment.id] = run

        def done(found: list[FoundIssue]) -> None:
            if self._segment_runs.get(segment.id) == run:
                self.sig_segment_checked.emit(segment.id, found)

        run_task(lambda: check_segments([segment], self.check), done, self._failed, self)

    def cancel(self) -> None:
        self._document_run += 1
        self._timer.stop()
        self._pending = None

    def _failed(self, error: BaseException) -> None:
        self.sig_failed.emit(str(error) or type(error).__name__)
