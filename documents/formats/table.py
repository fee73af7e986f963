"""CSV and TSV tables: number, paragraph, source, target, status, comment (one row a segment)."""

from __future__ import annotations

import csv
import io

from documents.formats.base import ExportDocument

HEADER = ("number", "paragraph", "source", "target", "status", "comment")
# What a spreadsheet runs as a formula (OWASP "CSV injection"): an article can carry
# =HYPERLINK("http://…?"&A1) into a source, and opening the export in Excel would run it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: formula-like cells get a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _render(document: ExportDocument, delimiter: str) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    for segment in document.segments:
        writer.writerow(
            (
                segment.number,
                segment.paragraph + 1,  # people count paragraphs from 1
                neutralise(segment.source),
                neutralise(segment.target),
                segment.status.value,
                neutralise(segment.comment),
            )
        )
    return buffer.getvalue()


def render_csv(document: ExportDocument) -> bytes:
    # The byte order mark is what makes Excel read the file as UTF-8 (hangul, hanzi) on open.
    return _render(document, ",").encode("utf-8-sig")


def render_tsv(document: ExportDocument) -> bytes:
    return _render(document, "\t").encode("utf-8")
