"""TMX 1.4b of the confirmed segments (translated or reviewed), the status kept as a prop."""

from __future__ import annotations

from datetime import UTC, datetime

from lxml import etree

from documents.formats.base import TOOL_ID, TOOL_NAME, ExportDocument, tool_version, xml_text
from documents.project import Status

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Unconfirmed MT drafts would pollute a translation memory, so only confirmed work goes in.
EXPORTED = (Status.TRANSLATED, Status.REVIEWED)


def render(document: ExportDocument) -> bytes:
    now = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        creationtool=TOOL_NAME,
        creationtoolversion=tool_version(),
        segtype="sentence",
        adminlang="en",
        srclang=document.source_lang,
        datatype="plaintext",
        creationdate=now,
    )
    header.set("o-tmf", TOOL_ID)
    if document.name:
        etree.SubElement(header, "prop", type="x-project").text = xml_text(document.name)
    body = etree.SubElement(root, "body")
    for segment in document.segments:
        if segment.status not in EXPORTED or not segment.target.strip():
            continue
        unit = etree.SubElement(body, "tu", tuid=str(segment.id), creationdate=now)
        if segment.comment:
            etree.SubElement(unit, "note").text = xml_text(segment.comment)
        etree.SubElement(unit, "prop", type="x-status").text = segment.status.value
        etree.SubElement(unit, "prop", type="x-paragraph").text = str(segment.paragraph)
        for lang, text in (
            (document.source_lang, segment.source),
            (document.target_lang, segment.target),
        ):
            variant = etree.SubElement(unit, "tuv")
            variant.set(XML_LANG, lang)
            etree.SubElement(variant, "seg").text = xml_text(text)
    return etree.tostring(
        etree.ElementTree(root),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )
