"""Target-only DOCX: the translation in the source's paragraph layout, ready to publish."""

from __future__ import annotations

import io

from docx import Document

from documents.formats.base import ExportDocument, xml_text
from documents.formats.docx_common import (
    east_asian_font,
    prepare_document,
    set_run_lang,
    style_run,
)


def render(document: ExportDocument) -> bytes:
    docx = Document()
    prepare_document(docx, document.source_lang, document.target_lang)
    docx.core_properties.title = document.name or "Translation"
    docx.core_properties.language = document.target_lang
    east = east_asian_font(document.source_lang, document.target_lang)
    for text in document.target_paragraphs():
        run = docx.add_paragraph().add_run(xml_text(text))
        style_run(run, document.target_lang, east)
        set_run_lang(run, document.target_lang, east)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
