"""Shared DOCX helpers: East Asian fonts and languages, and reading a cell's text back."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

from documents.formats.base import xml_text

LATIN_FONT = "Arial"


@dataclass(frozen=True)
class LanguageFont:
    font: str  # what LibreOffice and macOS/Linux usually have
    fallback: str  # what Windows Word has (fontTable altName)
    locale: str  # w:lang value: makes Word pick the right glyph variants for hanzi
    charset: str  # fontTable charset, the other hint Word uses to substitute a missing font


FONTS: dict[str, LanguageFont] = {
    "ko": LanguageFont("Noto Sans CJK KR", "Malgun Gothic", "ko-KR", "81"),
    "zh-Hans": LanguageFont("Noto Sans CJK SC", "Microsoft YaHei", "zh-CN", "86"),
    "zh-Hant": LanguageFont("Noto Sans CJK TC", "Microsoft JhengHei", "zh-TW", "88"),
    "ja": LanguageFont("Noto Sans CJK JP", "Yu Gothic", "ja-JP", "80"),
}
_LOCALES = {"en": "en-US", "de": "de-DE", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU"}


def font_for(lang: str) -> LanguageFont | None:
    if lang in FONTS:
        return FONTS[lang]
    base = lang.split("-")[0]
    if base == "zh":
        return FONTS["zh-Hant"] if lang.endswith(("Hant", "TW", "HK")) else FONTS["zh-Hans"]
    return FONTS.get(base)


def locale_for(lang: str) -> str:
    east = font_for(lang)
    return east.locale if east else _LOCALES.get(lang, lang)


def east_asian_font(source_lang: str, target_lang: str) -> LanguageFont:
    return font_for(source_lang) or font_for(target_lang) or FONTS["ko"]


def style_run(run: Run, lang: str, default_east: LanguageFont) -> None:
    """Fonts and language of a run: the eastAsia font is what renders hangul and hanzi."""
    own = font_for(lang)
    east = own or default_east
    # In CJK text the digits and Latin letters take the CJK face too: mixing in a Latin face
    # leaves a visible gap in figures (10조 looked like "10 조") and uneven line heights.
    run.font.name = own.font if own else LATIN_FONT
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east.font)
    fonts.set(qn("w:cs"), run.font.name)


def set_run_lang(run: Run, lang: str, default_east: LanguageFont) -> None:
    """Call last: w:lang comes late in the rPr sequence, so appending keeps the schema order."""
    element = OxmlElement("w:lang")
    locale = locale_for(lang)
    element.set(qn("w:val"), locale)
    element.set(qn("w:eastAsia"), locale if font_for(lang) else default_east.locale)
    # typed as a plain element: lxml's stubs let a CT_RPr append only another CT_RPr
    properties: etree._Element = run._r.get_or_add_rPr()
    properties.append(element)


def prepare_document(document: DocxDocument, source_lang: str, target_lang: str) -> None:
    """Document defaults without theme fonts (they would override ours) and fallback fonts."""
    east = east_asian_font(source_lang, target_lang)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    fonts = r_pr.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for slot in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{slot}"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east.font)
    lang = r_pr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), east.locale)
    _add_font_fallbacks(document)


def _add_font_fallbacks(document: DocxDocument) -> None:
    for part in document.part.package.iter_parts():
        if str(part.partname) != "/word/fontTable.xml":
            continue
        entries = "".join(
            f'<w:font w:name="{f.font}"><w:altName w:val="{f.fallback}"/>'
            f'<w:charset w:val="{f.charset}"/><w:family w:val="swiss"/>'
            '<w:pitch w:val="variable"/></w:font>'
            for f in FONTS.values()
        )
        blob = part.blob.decode("utf-8")
        part._blob = blob.replace("</w:fonts>", entries + "</w:fonts>").encode("utf-8")


_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}
_DELETED = {qn("w:del"), qn("w:moveFrom")}


def cell_text(cell_element) -> str:
    """A table cell's text as the reader sees it, tracked deletions left out, paragraphs by \\n.

    Reads runs inside content controls too (python-docx's cell.text does not).
    """
    paragraphs = []
    for paragraph in cell_element.iter(qn("w:p")):
        pieces = []
        for node in paragraph.iter(*_TEXT_TAGS):
            if any(ancestor.tag in _DELETED for ancestor in node.iterancestors()):
                continue
            fixed = _TEXT_TAGS[node.tag]
            pieces.append((node.text or "") if fixed is None else fixed)
        paragraphs.append("".join(pieces))
    return "\n".join(paragraphs)


def _normal(text: str) -> str:
    return xml_text(text).replace("\u00a0", " ").strip()


def same_text(a: str, b: str) -> bool:
    """Word may turn spaces into non-breaking ones or trim ends, and the export drops characters
    XML cannot hold; none of that is an edit (a doubled space removed is one)."""
    return _normal(a) == _normal(b)
