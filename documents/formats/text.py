"""Target-only plain text: one paragraph per line of the source, separated by blank lines."""

from __future__ import annotations

from documents.formats.base import ExportDocument


def render(document: ExportDocument) -> bytes:
    return ("\n\n".join(document.target_paragraphs()) + "\n").encode("utf-8")
