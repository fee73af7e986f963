"""Check a project: the QA checks of qa.checks on each segment, with the pair's glossary."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the checks load with the first check, not with the window
    from qa.checks import QAIssue
    from workflows.pair_glossary import PairGlossary


class Bilingual(Protocol):
    """What a check reads of a segment: documents.project.Segment fits."""

    @property
    def id(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...


@dataclass(frozen=True)
class FoundIssue:
    """A QA issue with the segment it belongs to and the key that dismisses it for good."""

    segment_id: int
    number: int
    issue: QAIssue
    key: str

    @property
    def severity(self) -> str:
        return str(self.issue.severity)

    @property
    def check(self) -> str:
        return self.issue.check

    @property
    def message(self) -> str:
        return self.issue.message


def issue_key(segment_id: int, issue: QAIssue) -> str:
    """Stable across runs and restarts: the segment's row id plus the issue's own key."""
    return f"{segment_id}:{issue.key or f'{issue.check}:{issue.message}'}"


def check_pair(
    source: str, target: str, glossary: PairGlossary, article_date: date | None = None
) -> list[QAIssue]:
    """Every issue of one source/target pair with the pair's glossary, most severe first.

    article_date: the story's date (a dateline): a day rendered as a weekday must fit it."""
    from qa.checks import check_segment  # noqa: PLC0415 - heavy: qa.checks brings the term matcher (ahocorasick, opencc)

    return check_segment(
        source,
        target,
        source_lang=glossary.source_lang,
        target_lang=glossary.target_lang,
        matcher=glossary.matcher,
        forbidden=glossary.forbidden,
        generic=glossary.generic,
        article_date=article_date,
    )


def story_date(sources: Iterable[str]) -> date | None:
    """The story's date from the dateline in its first segments; None when there is none."""
    from qa.dates import HEAD, article_date  # noqa: PLC0415 - start-up: qa.dates (decimal) loads with the first check

    head = [source for _, source in zip(range(HEAD), sources, strict=False)]
    return article_date(head)


# check(segment) -> its QA issues; pure and thread-safe (the window runs it on a worker)
SegmentCheck = Callable[[Bilingual], Sequence["QAIssue"]]


def check_segments(
    segments: Iterable[Bilingual],
    check: SegmentCheck,
    cancelled: Callable[[], bool] = lambda: False,
    on_progress: Callable[[int], None] | None = None,
) -> list[FoundIssue]:
    """Every issue of the segments in document order (stops early when cancelled);
    on_progress(done) after each segment."""
    found: list[FoundIssue] = []
    for done, segment in enumerate(segments, start=1):
        if cancelled():
            break
        for issue in check(segment):
            found.append(
                FoundIssue(segment.id, segment.number, issue, issue_key(segment.id, issue))
            )
        if on_progress is not None:
            on_progress(done)
    return found


def check_project(
    segments: Sequence[Bilingual],
    glossary: PairGlossary,
    article_date: date | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_progress: Callable[[int], None] | None = None,
) -> list[FoundIssue]:
    """Every issue of a project's segments with the pair's glossary; the story's date from
    its dateline unless given, else for each line that says a day as a weekday the calendar
    its neighbouring lines agree on (qa.dates.neighbour_calendars)."""
    dated = article_date or story_date(segment.source for segment in segments)
    by_line = {} if dated is not None else line_calendars(segments)
    return check_segments(
        segments,
        lambda segment: check_pair(
            segment.source, segment.target, glossary, dated or by_line.get(segment.id)
        ),
        cancelled,
        on_progress,
    )


def line_calendars(segments: Sequence[Bilingual]) -> dict[int, date]:
    """Segment id -> a date whose calendar its neighbours' weekdays agree on (no dateline)."""
    from qa.dates import neighbour_calendars  # noqa: PLC0415 - start-up: qa.dates (decimal) loads with the first check

    dated = neighbour_calendars([(segment.source, segment.target) for segment in segments])
    return {segments[index].id: when for index, when in dated.items()}
