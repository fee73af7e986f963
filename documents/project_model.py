"""What a project holds: statuses, segments, history entries, counts, and imported rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from documents.project_file import ProjectError
from documents.source_segment import UNSPACED_LANGS, SourceSegment


class Status(StrEnum):
    NEW = "new"  # nothing in the target yet
    DRAFT = "draft"  # target filled by MT or a TM match, not confirmed
    TRANSLATED = "translated"  # confirmed by the translator
    REVIEWED = "reviewed"  # confirmed by a reviewer


RANK = {Status.NEW: 0, Status.DRAFT: 1, Status.TRANSLATED: 2, Status.REVIEWED: 3}


@dataclass
class Segment:
    id: int  # stable row id; survives splits and joins of other segments
    number: int  # 1-based position in document order
    paragraph: int  # 0-based paragraph of the source document
    source: str
    target: str = ""
    status: Status = Status.NEW
    mt: str = ""  # the latest machine translation draft
    comment: str = ""
    mt_info: dict[str, Any] = field(default_factory=dict)  # enforcement record of the MT


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # ISO 8601 UTC
    target: str
    status: Status
    origin: str  # "user", "mt", "tm", "review-import", "xliff-import", ...


@dataclass(frozen=True)
class StatusCount:
    segments: int
    words: int  # source words: hangul and Latin words, one per Han character


# What an importer may hand to create_from_segments: a sentence of a document, a segment of
# another project, or (source, target, status) with an optional paragraph as a fourth item.
ImportedSegment = (
    SourceSegment | Segment | tuple[str, str, Status | str] | tuple[str, str, Status | str, int]
)

LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
COLUMNS = "id, position, paragraph, source, target, status, mt, comment, mt_info"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_status(value: Status | str) -> Status:
    try:
        return Status(value)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise ProjectError(f"Unknown segment status {value!r}; use one of {known}") from None


def separator(lang: str) -> str:
    return "" if lang.split("-")[0].lower() in UNSPACED_LANGS else " "


def require_text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ProjectError(f"The {what} must be text, not {type(value).__name__}")
    return value


def imported_rows(segments: Sequence[ImportedSegment]) -> list[dict[str, Any]]:
    rows = []
    for index, item in enumerate(segments):
        row: dict[str, Any]
        if isinstance(item, SourceSegment):
            row = {"source": item.text, "paragraph": item.paragraph}
        elif isinstance(item, Segment):
            row = {
                "source": item.source, "paragraph": item.paragraph, "target": item.target,
                "status": item.status, "mt": item.mt, "comment": item.comment,
                "mt_info": item.mt_info,
            }  # fmt: skip
        elif isinstance(item, tuple) and len(item) in (3, 4):
            paragraph = item[3] if len(item) == 4 else index
            row = {"source": item[0], "target": item[1], "status": item[2], "paragraph": paragraph}
        else:
            raise ProjectError(
                f"Segment {index + 1} is neither a SourceSegment, a Segment nor "
                f"(source, target, status[, paragraph]): {item!r:.80}"
            )
        source = require_text(row["source"], f"source of segment {index + 1}")
        if not source.strip():
            raise ProjectError(f"Segment {index + 1} has an empty source")
        row["target"] = require_text(row.get("target", ""), f"target of segment {index + 1}")
        row["status"] = to_status(row.get("status", Status.NEW))
        if not isinstance(row["paragraph"], int) or row["paragraph"] < 0:
            raise ProjectError(f"Segment {index + 1} has no valid paragraph number")
        rows.append(row)
    return rows
