"""What a QA check reports: an issue with its severity. Light on purpose: the spelling
underline and the tag checks use it without loading the figure checks (qa.checks)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    CRITICAL = "critical"  # meaning is wrong: a term, a figure
    FUNCTIONAL = "functional"  # the segment does not do its job: empty, untranslated
    COSMETIC = "cosmetic"  # form: brackets, quotes, spaces
    # a plausible other rendering (a weekday for a date, an aside in parentheses, a common word
    # left implied): shown, never counted as a flag
    INFO = "info"


@dataclass(frozen=True)
class QAIssue:
    check: str
    severity: Severity
    message: str
    segment: int | None = None  # index in the document, set by check_document
    source_span: tuple[int, int] | None = None
    target_span: tuple[int, int] | None = None
    # Stable across runs and edits elsewhere in the segment (no positions), so a dismissed
    # false alarm stays dismissed
    key: str = ""
    # what the message names (figures, terms), for rendering it in the interface language
    # (qa.messages); a tuple of pairs so the issue stays hashable
    params: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not self.key:
            object.__setattr__(self, "key", f"{self.check}:{self.message}")
