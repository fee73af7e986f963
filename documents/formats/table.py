"""CSV and TSV tables: number, paragraph, source, target, status, comment (one row a segment)."""

from __future__ import annotations

import csv
import io

from documents.formats.base import ExportDocument

HEADER = ("number", "paragraph", "source", "target", "status", "comment")


def _render(document: ExportDocument, delimiter: str) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for segment in document.segments:
        writer.writerow(
            (
                segment.number,
                segment.paragraph + 1,  # people count paragraphs from 1
                segment.source,
                segment.target,
                segment.status.value,
                segment.comment,
            )
        )
    return buffer.getvalue()


def render_csv(document: ExportDocument) -> bytes:
    # The byte order mark is what makes Excel read the file as UTF-8 (hangul, hanzi) on open.
    return _render(document, ",").encode("utf-8-sig")


def render_tsv(document: ExportDocument) -> bytes:
    return _render(document, "\t").encode("utf-8")
