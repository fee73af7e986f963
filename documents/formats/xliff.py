"""XLIFF 1.2 (strict schema) and 2.0 writers: a unit per segment, tags as inline codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from documents.formats.base import TOOL_ID, TOOL_NAME, ExportDocument, tool_version, xml_text
from documents.inline import TagKind, has_tags, tag_tokens
from documents.project import Segment, Status

if TYPE_CHECKING:
    from glossary.matching import TermMatch

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
GLOSSARY20_NS = "urn:oasis:names:tc:xliff:glossary:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# A 2.0 subState must be "prefix:value"; ours carries the desk status exactly.
SUBSTATE_PREFIX = "hanbit"

# XLIFF 1.2 target states; drafts also get state-qualifier="mt-suggestion" when they are the MT.
STATE_12: dict[Status, str] = {
    Status.NEW: "needs-translation",
    Status.DRAFT: "needs-review-translation",
    Status.TRANSLATED: "translated",
    Status.REVIEWED: "signed-off",
}
STATE_20: dict[Status, str] = {
    Status.NEW: "initial",
    Status.DRAFT: "initial",
    Status.TRANSLATED: "translated",
    Status.REVIEWED: "reviewed",
}


def _glossary_note(matches: Sequence[TermMatch]) -> str:
    lines = []
    for match in matches:
        targets = " / ".join(match.targets) if match.targets else "(no target term)"
        lines.append(f"{match.text} = {targets}")
    return "\n".join(lines)


def _q(tag: str) -> str:
    return f"{{{XLIFF12_NS}}}{tag}"


def set_tagged_text(element: etree._Element, text: str, pair: str, single: str) -> None:
    """element's content: text, its desk tags as XLIFF inline codes (pair: g/pc around the
    text, single: x/ph); tags that do not nest (an unfinished target) stay as plain text."""
    text = xml_text(text)
    element.text = text
    if not has_tags(text):
        return
    namespace = etree.QName(element).namespace
    built = etree.Element("scratch")
    parent, stack, cursor = built, [], 0

    def add(piece: str) -> None:
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + piece
        else:
            parent.text = (parent.text or "") + piece

    for found in tag_tokens(text):
        add(text[cursor : found.start])
        cursor = found.end
        if found.kind is TagKind.STANDALONE:
            etree.SubElement(parent, f"{{{namespace}}}{single}", id=str(found.number))
        elif found.kind is TagKind.OPEN:
            stack.append((found.number, parent))
            parent = etree.SubElement(parent, f"{{{namespace}}}{pair}", id=str(found.number))
        elif stack and stack[-1][0] == found.number:
            parent = stack.pop()[1]
        else:
            return  # a closing tag out of place: the text as it is, tags and all
    add(text[cursor:])
    if stack:
        return
    element.text = built.text
    for child in list(built):
        element.append(child)


def _unit_12(parent: etree._Element, segment: Segment, document: ExportDocument) -> None:
    unit = etree.SubElement(
        parent, _q("trans-unit"), id=str(segment.id), resname=str(segment.number)
    )
    unit.set(f"{{{XML_NS}}}space", "preserve")
    if segment.status is Status.REVIEWED:
        unit.set("approved", "yes")
    source = etree.SubElement(unit, _q("source"))
    source.set(f"{{{XML_NS}}}lang", document.source_lang)
    set_tagged_text(source, segment.source, "g", "x")
    target = etree.SubElement(unit, _q("target"), state=STATE_12[segment.status])
    target.set(f"{{{XML_NS}}}lang", document.target_lang)
    set_tagged_text(target, segment.target, "g", "x")
    if segment.status is Status.DRAFT and segment.mt and segment.target == segment.mt:
        target.set("state-qualifier", "mt-suggestion")
    if segment.comment:
        note = etree.SubElement(unit, _q("note"), annotates="general")
        note.set("from", "translator")
        note.text = xml_text(segment.comment)
    matches = document.terms_for(segment)
    if matches:
        # 1.2 has no glossary element; a note from="glossary" is what validates and tools show.
        note = etree.SubElement(unit, _q("note"), annotates="source", priority="2")
        note.set("from", "glossary")
        note.text = xml_text(_glossary_note(matches))
    if segment.mt and segment.mt != segment.target:
        alt = etree.SubElement(
            unit, _q("alt-trans"), origin="machine-translation", alttranstype="proposal"
        )
        alt_target = etree.SubElement(alt, _q("target"))
        alt_target.set(f"{{{XML_NS}}}lang", document.target_lang)
        set_tagged_text(alt_target, segment.mt, "g", "x")


def render_12(document: ExportDocument) -> bytes:
    root = etree.Element(_q("xliff"), nsmap={None: XLIFF12_NS}, version="1.2")
    file = etree.SubElement(
        root,
        _q("file"),
        original=document.name or "document",
        datatype="plaintext",
    )
    file.set("source-language", document.source_lang)
    file.set("target-language", document.target_lang)
    file.set("tool-id", TOOL_ID)
    header = etree.SubElement(file, _q("header"))
    tool = etree.SubElement(header, _q("tool"))
    tool.set("tool-id", TOOL_ID)
    tool.set("tool-name", TOOL_NAME)
    tool.set("tool-version", tool_version())
    body = etree.SubElement(file, _q("body"))
    for number, group in enumerate(document.paragraphs(), start=1):
        paragraph = etree.SubElement(body, _q("group"), id=f"p{number}", restype="x-paragraph")
        for segment in group:
            _unit_12(paragraph, segment, document)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _q2(tag: str) -> str:
    return f"{{{XLIFF20_NS}}}{tag}"


def _unit_20(parent: etree._Element, segment: Segment, document: ExportDocument) -> None:
    unit = etree.SubElement(parent, _q2("unit"), id=f"u{segment.id}", name=str(segment.number))
    matches = document.terms_for(segment)
    if matches:
        glossary = etree.SubElement(unit, f"{{{GLOSSARY20_NS}}}glossary")
        for match in matches:
            entry = etree.SubElement(glossary, f"{{{GLOSSARY20_NS}}}glossEntry")
            term = etree.SubElement(entry, f"{{{GLOSSARY20_NS}}}term", source=TOOL_ID)
            term.text = xml_text(match.text)
            for form in match.targets:
                etree.SubElement(entry, f"{{{GLOSSARY20_NS}}}translation").text = xml_text(form)
            if not match.targets:
                # A glossEntry needs a translation or a definition; say why there is none.
                definition = etree.SubElement(entry, f"{{{GLOSSARY20_NS}}}definition")
                definition.text = "glossary term without a target-language form"
    if segment.comment:
        notes = etree.SubElement(unit, _q2("notes"))
        etree.SubElement(notes, _q2("note"), category="comment").text = xml_text(segment.comment)
    state = STATE_20[segment.status]
    if not segment.target and state != "initial":
        state = "initial"  # 2.0 allows a segment without a target only in the initial state
    seg = etree.SubElement(
        unit,
        _q2("segment"),
        id=f"s{segment.id}",
        state=state,
        subState=f"{SUBSTATE_PREFIX}:{segment.status.value}",
    )
    source = etree.SubElement(seg, _q2("source"))
    source.set(f"{{{XML_NS}}}space", "preserve")
    set_tagged_text(source, segment.source, "pc", "ph")
    if segment.target:
        target = etree.SubElement(seg, _q2("target"))
        target.set(f"{{{XML_NS}}}space", "preserve")
        set_tagged_text(target, segment.target, "pc", "ph")


def render_20(document: ExportDocument) -> bytes:
    root = etree.Element(
        _q2("xliff"),
        nsmap={None: XLIFF20_NS, "gls": GLOSSARY20_NS},
        version="2.0",
        srcLang=document.source_lang,
        trgLang=document.target_lang,
    )
    file = etree.SubElement(root, _q2("file"), id="f1", original=document.name or "document")
    for number, group in enumerate(document.paragraphs(), start=1):
        paragraph = etree.SubElement(
            file, _q2("group"), id=f"p{number}", type=f"{SUBSTATE_PREFIX}:paragraph"
        )
        for segment in group:
            _unit_20(paragraph, segment, document)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
