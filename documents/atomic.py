"""Atomic writing of exports: storage.atomic, with failures raised as ExportError."""

from __future__ import annotations

from pathlib import Path

from storage import atomic


class ExportError(Exception):
    """An export that could not be written; the message says which file and why."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace path with data in one step: readers see the old file or the new one, never half.

    On any failure the earlier file (if any) is untouched, no temp file is left behind, and
    ExportError says what went wrong (a full disk is called "the disk is full").
    """
    atomic.atomic_write_bytes(path, data, ExportError)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))
