"""A translation project: one SQLite file with the source, segments, targets and their history."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Status(StrEnum):
    NEW = "new"  # nothing in the target yet
    DRAFT = "draft"  # target filled by MT or a TM match, not confirmed
    TRANSLATED = "translated"  # confirmed by the translator
    REVIEWED = "reviewed"  # confirmed by a reviewer


class ProjectError(Exception):
    """A project file that cannot be created, opened or changed; the message says why."""


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


class Project:
    """Open with Project.create(...) or Project.open(...); every change is committed at once.

    WAL mode, synchronous=FULL: an edit that returned is on disk. One connection per
    Project object; use it from one thread (open a second Project for a worker).
    """

    path: Path
    source_lang: str
    target_lang: str
    name: str
    read_only: bool

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        source_text: str,
        source_lang: str,
        target_lang: str,
        name: str = "",
        origin: str = "",
    ) -> Project:
        """Segment source_text and write a new project at path (refuses to overwrite)."""
        raise NotImplementedError

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Project:
        """Open an existing project; ProjectError for a missing, damaged or foreign file."""
        raise NotImplementedError

    def segments(self) -> list[Segment]:
        raise NotImplementedError

    def segment(self, segment_id: int) -> Segment:
        raise NotImplementedError

    def set_target(
        self, segment_id: int, target: str, *, status: Status | None = None, origin: str = "user"
    ) -> Segment:
        """Change a target (and status; default: DRAFT if non-empty else NEW), with history."""
        raise NotImplementedError

    def set_status(self, segment_id: int, status: Status) -> Segment:
        raise NotImplementedError

    def set_mt(
        self, segment_id: int, mt: str, info: dict[str, Any] | None = None, *, fill_target: bool = True
    ) -> Segment:
        """Store an MT draft; fills an empty target as DRAFT (origin "mt") when fill_target."""
        raise NotImplementedError

    def set_comment(self, segment_id: int, comment: str) -> Segment:
        raise NotImplementedError

    def history(self, segment_id: int) -> list[HistoryEntry]:
        raise NotImplementedError

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        raise NotImplementedError

    def set_meta(self, key: str, value: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError
