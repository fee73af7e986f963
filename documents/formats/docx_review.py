"""Bilingual review DOCX: a table of #, source, target, status and comment, one row a segment."""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell, _Row
from lxml import etree

from documents.formats.base import STATUS_LABELS, ExportDocument, tool_version, xml_text
from documents.formats.docx_common import (
    east_asian_font,
    prepare_document,
    set_run_lang,
    style_run,
)
from translation.languages import language_name

# The importer finds the table by this caption and maps rows back by the hidden id runs.
TABLE_CAPTION = "hanbit-desk-review"
DOCUMENT_IDENTIFIER = "hanbit-desk-review/1"
ID_PATTERN = re.compile(r"\[hd:([^\]]*)\]")
COLUMNS = ("#", "source", "target", "status", "comment")
WIDTHS = (Cm(1.3), Cm(9.3), Cm(9.3), Cm(2.3), Cm(4.3))
SOURCE_FILL = "E7E6E6"
HEADER_FILL = "D5DCE4"


def id_marker(segment_id: int) -> str:
    return f"[hd:{segment_id}]"


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    # typed as plain elements: lxml's stubs let a CT_TcPr take in only another CT_TcPr
    properties: etree._Element = cell._tc.get_or_add_tcPr()
    properties.append(shading)


def _top_border(row: _Row) -> None:
    """A heavy line above the first segment of a source paragraph."""
    for cell in row.cells:
        borders = OxmlElement("w:tcBorders")
        top = OxmlElement("w:top")
        for key, value in (("val", "single"), ("sz", "18"), ("space", "0"), ("color", "44546A")):
            top.set(qn(f"w:{key}"), value)
        borders.append(top)
        tc_pr: etree._Element = cell._tc.get_or_add_tcPr()
        width = tc_pr.find(qn("w:tcW"))
        # tcBorders must follow tcW in CT_TcPr's sequence or Word calls the file damaged.
        if width is not None:
            width.addnext(borders)
        else:
            tc_pr.insert(0, borders)


def _row_flags(row: _Row, *, header: bool = False) -> None:
    tr_pr: etree._Element = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        flag = OxmlElement("w:tblHeader")  # repeated at the top of every page
        tr_pr.append(flag)


# CT_PPr is a sequence: these line-breaking settings go before the first of these children.
_AFTER_LINE_BREAKING = frozenset(
    qn(f"w:{name}")
    for name in (
        "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
        "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
        "cnfStyle rPr sectPr pPrChange"
    ).split()
)


def keep_figures_whole(paragraph) -> None:
    """East Asian line breaking that keeps a figure whole: no break inside 57억1000만위안 or
    100%씩 (w:wordWrap off: a run of digits or Latin letters is one word, as Word's Korean
    "한글 단어 잘림 허용" off does), no space added between hangul and digits or Latin
    (w:autoSpaceDN/DE off: 50억달러 stays as written), and line-start/end rules (kinsoku)."""
    p_pr = paragraph._p.get_or_add_pPr()
    later = next((child for child in p_pr if child.tag in _AFTER_LINE_BREAKING), None)
    for name, value in (
        ("kinsoku", "1"),
        ("wordWrap", "0"),
        ("autoSpaceDE", "0"),
        ("autoSpaceDN", "0"),
    ):
        if p_pr.find(qn(f"w:{name}")) is not None:
            continue
        element = OxmlElement(f"w:{name}")
        element.set(qn("w:val"), value)
        if later is None:
            p_pr.append(element)
        else:
            later.addprevious(element)


def _western_digits(run, lang: str) -> None:
    """Digits and Latin words inside Korean or Chinese text are laid out under the w:lang
    w:val language: en-US there, so LibreOffice's line breaking never splits 1|00%."""
    if lang.split("-")[0] not in ("ko", "zh", "zt", "ja"):
        return
    element = run._r.get_or_add_rPr().find(qn("w:lang"))
    if element is not None:
        element.set(qn("w:val"), "en-US")


def _write(cell: _Cell, text: str, lang: str, document: ExportDocument, **style) -> None:
    east = east_asian_font(document.source_lang, document.target_lang)
    for index, line in enumerate(xml_text(text).split("\n") if text else [""]):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        keep_figures_whole(paragraph)
        if not line:
            continue
        run = paragraph.add_run(line)
        style_run(run, lang, east)
        if style.get("bold"):
            run.bold = True
        if style.get("color"):
            run.font.color.rgb = style["color"]
        if style.get("size"):
            run.font.size = style["size"]
        set_run_lang(run, lang, east)
        _western_digits(run, lang)


# CT_Settings is a sequence: documentProtection must follow these or Word calls the file damaged.
_BEFORE_PROTECTION = frozenset(
    qn(f"w:{name}")
    for name in (
        "writeProtection view zoom removePersonalInformation removeDateAndTime "
        "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
        "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
        "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate "
        "linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
        "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting"
    ).split()
)


def _protect(docx) -> None:
    """Make the document read-only except its editable ranges (Word's Restrict Editing).

    The source column stays plain runs, so every reader (python-docx's cell.text included)
    sees it, where a locked content control hid it; the importer still compares it with the
    project, so an edit made around the protection is reported, never applied.
    """
    settings = docx.settings.element
    protection = OxmlElement("w:documentProtection")
    protection.set(qn("w:edit"), "readOnly")
    protection.set(qn("w:enforcement"), "1")
    earlier = [child for child in settings if child.tag in _BEFORE_PROTECTION]
    if earlier:
        earlier[-1].addnext(protection)
    else:
        settings.insert(0, protection)


def _editable(cell: _Cell, range_id: int) -> None:
    """Let everyone edit this cell of the protected document (a w:permStart/w:permEnd range)."""
    start = OxmlElement("w:permStart")
    start.set(qn("w:id"), str(range_id))
    start.set(qn("w:edGrp"), "everyone")
    end = OxmlElement("w:permEnd")
    end.set(qn("w:id"), str(range_id))
    first, last = cell.paragraphs[0]._p, cell.paragraphs[-1]._p
    properties = first.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        first.insert(0, start)
    last.append(end)


def _number_cell(cell: _Cell, number: int, segment_id: int, new_paragraph: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    visible = paragraph.add_run(f"¶{number}" if new_paragraph else str(number))
    visible.font.size = Pt(8)
    visible.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    hidden = paragraph.add_run(id_marker(segment_id))
    hidden.font.hidden = True
    hidden.font.size = Pt(6)


def _caption(table) -> None:
    tbl_pr = table._tbl.tblPr
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), TABLE_CAPTION)
    tbl_pr.append(caption)  # tblCaption is the last element of CT_TblPr


def render(document: ExportDocument) -> bytes:
    docx = Document()
    prepare_document(docx, document.source_lang, document.target_lang)
    section = docx.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = docx.styles["Normal"]
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(2)

    properties = docx.core_properties
    properties.title = document.name or "Bilingual review"
    properties.subject = "Hanbit Desk bilingual review"
    properties.identifier = DOCUMENT_IDENTIFIER
    properties.keywords = f"{document.source_lang}>{document.target_lang}"
    properties.comments = f"Hanbit Desk {tool_version()}"

    src, tgt = document.source_lang, document.target_lang
    heading = docx.add_paragraph()
    _heading = heading.add_run(document.name or "Bilingual review")
    _heading.bold = True
    _heading.font.size = Pt(14)
    style_run(_heading, src, east_asian_font(src, tgt))
    docx.add_paragraph(
        f"{language_name(src)} → {language_name(tgt)}. Edit the Target and Comment columns "
        "(and Status: New, Draft, Translated or Reviewed). The grey Source column is read-only. "
        "Do not add or delete rows or change the # column: each row is matched back to its segment."
    )

    table = docx.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _caption(table)
    for column, width in zip(table.columns, WIDTHS, strict=True):
        column.width = width  # the grid is what LibreOffice lays out by; cell widths are for Word
    header = table.rows[0]
    _row_flags(header, header=True)
    titles = ("#", f"Source ({src}) — read-only", f"Target ({tgt})", "Status", "Comment")
    for cell, title, width in zip(header.cells, titles, WIDTHS, strict=True):
        cell.width = width
        _write(cell, title, "en", document, bold=True)
        _shade(cell, HEADER_FILL)

    range_id = 0
    for index, group in enumerate(document.paragraphs()):
        for position, segment in enumerate(group):
            row = table.add_row()
            _row_flags(row)
            cells = row.cells
            for cell, width in zip(cells, WIDTHS, strict=True):
                cell.width = width
            new_paragraph = position == 0 and index > 0
            _number_cell(cells[0], segment.number, segment.id, new_paragraph)
            _write(cells[1], segment.source, src, document)
            _shade(cells[1], SOURCE_FILL)
            _write(cells[2], segment.target, tgt, document)
            _write(cells[3], STATUS_LABELS[segment.status], "en", document, size=Pt(8))
            _write(cells[4], segment.comment, "en", document)
            for cell in cells[2:]:  # target, status, comment; #, source and header stay locked
                range_id += 1
                _editable(cell, range_id)
            if new_paragraph:
                _top_border(row)
    _protect(docx)
    buffer = io.BytesIO()
    docx.save(buffer)
    return buffer.getvalue()
