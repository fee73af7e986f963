"""Target-only DOCX: the translation in the source's paragraph layout, ready to publish."""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy

from docx import Document
from lxml import etree

from documents import inline_tags as tags
from documents.atomic import ExportError
from documents.docx_source import MC, DocxPackage, KeptObject, ParagraphLayout, open_package, w
from documents.formats.base import ExportDocument, joins_without_spaces, xml_text
from documents.formats.docx_common import (
    east_asian_font,
    font_for,
    locale_for,
    prepare_document,
    set_run_lang,
    style_run,
)


def render(document: ExportDocument) -> bytes:
    """The original's layout when the project keeps its original .docx, else plain paragraphs."""
    if document.client_file and document.client_format == "docx":
        flag = document.untranslated_mode == "flag"
        return render_layout(document, document.client_file, flag_untranslated=flag)
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


# --- the translation in the original's layout -------------------------------------------------


def render_layout(document: ExportDocument, original: bytes, *, flag_untranslated: bool) -> bytes:
    """The original .docx with each translatable paragraph's text replaced by its target:
    styles, tables, headers, footers, notes, comments, text boxes and formatting stay; the
    tags of each target put bold, italic, links and objects back. Untranslated segments keep
    their source, highlighted when flag_untranslated."""
    package = open_package(original, "The original document")
    targets = paragraph_targets(document, flag_untranslated=flag_untranslated)
    if len(targets) != len(package.units):
        raise ExportError(
            f"The project has {len(targets)} paragraphs but its original document has "
            f"{len(package.units)}: it no longer fits the project"
        )
    changed: set[str] = set()
    for unit, target in zip(package.units, targets, strict=True):
        if unit.element is None or unit.layout is None:
            continue
        rebuild_paragraph(unit.element, unit.layout, target, document.target_lang)
        changed.add(unit.part)
    for part in changed:
        _copy_text_box_fallbacks(package.trees[part])
    return _zip(package, changed)


def paragraph_targets(document: ExportDocument, *, flag_untranslated: bool) -> list[str]:
    """Each source paragraph's target text with tags; an untranslated segment gives its source
    (inside <flag>…</flag> when flagged)."""
    joiner = "" if joins_without_spaces(document.target_lang) else " "
    result = []
    for group in document.paragraphs():
        pieces = []
        for segment in group:
            if segment.target.strip():
                pieces.append(segment.target.strip())
            elif flag_untranslated:
                pieces.append(f"{tags.FLAG_ON}{segment.source.strip()}{tags.FLAG_OFF}")
            else:
                pieces.append(segment.source.strip())
        result.append(joiner.join(pieces))
    return result


def rebuild_paragraph(
    paragraph: etree._Element, layout: ParagraphLayout, target: str, target_lang: str
) -> None:
    """Replace the paragraph's content (not its properties) by the tagged target."""
    for child in list(paragraph):
        if child.tag != w("pPr"):
            paragraph.remove(child)
    for element in layout.aside:  # bookmarks and comment ranges: at the start
        paragraph.append(element)
    used_objects: set[int] = set()
    span: int | None = None
    flagged = False
    current_link: tuple[int, etree._Element] | None = None  # (link id, the copy being filled)

    def container_for(key: tuple[bytes, int]) -> etree._Element:
        nonlocal current_link
        link_id = key[1]
        if not link_id or link_id not in layout.links:
            current_link = None
            return paragraph
        if current_link is None or current_link[0] != link_id:
            original = layout.links[link_id]
            copy = etree.Element(original.tag, attrib=dict(original.attrib), nsmap=original.nsmap)
            paragraph.append(copy)
            current_link = (link_id, copy)
        return current_link[1]

    def add_run(key: tuple[bytes, int], child_name: str, text: str = "") -> None:
        run = etree.Element(w("r"))
        rpr = etree.fromstring(key[0]) if key[0] else etree.Element(w("rPr"))
        _set_lang(rpr, target_lang)
        if flagged:
            _highlight(rpr)
        run.append(rpr)
        child = etree.SubElement(run, w(child_name))
        if child_name == "t":
            child.text = xml_text(text)
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        container_for(key).append(run)

    for token in tags.tokens(target):
        key = layout.spans.get(span, layout.base) if span is not None else layout.base
        number = token.number
        if token.kind == "text":
            if token.value:
                add_run(key, "t", token.value)
        elif token.kind == "open" and number in layout.spans:
            span = number
        elif token.kind == "close" and number in layout.spans:
            span = None
        elif token.kind == "standalone" and number in layout.objects:
            if number not in used_objects:
                used_objects.add(number)
                current_link = None
                paragraph.append(_object(layout.objects[number]))
        elif token.kind == "standalone" and number in layout.breaks:
            kind, break_key = layout.breaks[number]
            add_run(key if span is not None else break_key, kind)
        elif token.kind == "flag-on":
            flagged = True
        elif token.kind == "flag-off":
            flagged = False
        elif token.kind in ("open", "close", "standalone"):
            add_run(key, "t", token.value)  # a tag the original does not have: kept as text
    for number, found in layout.objects.items():
        if number not in used_objects:  # a footnote mark the translator dropped stays
            paragraph.append(_object(found))


def _object(found: KeptObject) -> etree._Element:
    element, rpr, in_run = found
    if not in_run:
        return element
    run = etree.Element(w("r"))
    if rpr is not None:
        run.append(deepcopy(rpr))
    run.append(element)  # moved, not copied: a text box keeps its translated paragraphs
    return run


def _set_lang(rpr: etree._Element, lang: str) -> None:
    """w:lang of the target, so Word checks spelling in the right language."""
    element = rpr.find(w("lang"))
    if element is None:
        element = etree.SubElement(rpr, w("lang"))
        _order_last(rpr, element)
    locale = locale_for(lang)
    element.set(w("val"), locale)
    if font_for(lang):
        element.set(w("eastAsia"), locale)


_AFTER_LANG = ("eastAsianLayout", "specVanish", "oMath", "rPrChange")
_AFTER_HIGHLIGHT = ("u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
                    *_AFTER_LANG)  # fmt: skip


def _order_last(rpr: etree._Element, element: etree._Element) -> None:
    """Keep the schema order of rPr: lang comes before eastAsianLayout, specVanish, oMath."""
    for name in _AFTER_LANG:
        later = rpr.find(w(name))
        if later is not None:
            later.addprevious(element)
            return


def _highlight(rpr: etree._Element) -> None:
    existing = rpr.find(w("highlight"))
    if existing is None:
        existing = etree.Element(w("highlight"))
        # CT_RPr order: ... sz, szCs, highlight, u, effect, bdr, shd, fitText, vertAlign,
        # rtl, cs, em, lang, eastAsianLayout, specVanish, oMath, rPrChange
        for name in _AFTER_HIGHLIGHT:
            later = rpr.find(w(name))
            if later is not None:
                later.addprevious(existing)
                break
        else:
            rpr.append(existing)
    existing.set(w("val"), "yellow")


def _copy_text_box_fallbacks(root: etree._Element) -> None:
    """Word keeps a VML copy of each text box for old readers: give it the translated text."""
    for alternate in root.iter(f"{{{MC}}}AlternateContent"):
        choice = alternate.find(f"{{{MC}}}Choice")
        fallback = alternate.find(f"{{{MC}}}Fallback")
        if choice is None or fallback is None:
            continue
        new = list(choice.iter(w("txbxContent")))
        old = list(fallback.iter(w("txbxContent")))
        for source, target in zip(new, old, strict=False):
            for child in list(target):
                target.remove(child)
            for child in source:
                target.append(deepcopy(child))


def _zip(package: DocxPackage, changed: set[str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # [Content_Types].xml first, as Word and the OPC specification expect
        names = sorted(package.files, key=lambda n: n != "[Content_Types].xml")
        for name in names:
            if name in changed:
                data = etree.tostring(
                    package.trees[name], xml_declaration=True, encoding="UTF-8", standalone=True
                )
            else:
                data = package.files[name]
            archive.writestr(name, data)
    return buffer.getvalue()
