"""The bilingual review DOCX: every cell readable, CJK fonts, protected source, hidden ids."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from export_sample import make_project

from documents.export import export_project
from documents.formats.docx_common import cell_text
from documents.formats.docx_review import ID_PATTERN, TABLE_CAPTION


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path)
    yield project
    project.close()


@pytest.fixture
def review_docx(tmp_path, project):
    out = tmp_path / "alipay-review.docx"
    export_project(project, out)
    return out


def _table(path):
    document = docx.Document(str(path))
    assert len(document.tables) == 1
    return document, document.tables[0]


def test_every_cell_reads_back_with_python_docx(review_docx, project):
    _, table = _table(review_docx)
    segments = project.segments()
    rows = table.rows
    assert len(rows) == len(segments) + 1
    assert [c.text for c in rows[0].cells] == [
        "#",
        "Source (ko) — read-only",
        "Target (en)",
        "Status",
        "Comment",
    ]
    for row, segment in zip(rows[1:], segments, strict=True):
        # python-docx's own cell.text, the source column included, reads every cell.
        texts = [cell.text for cell in row.cells]
        assert ID_PATTERN.findall(texts[0]) == [str(segment.id)]
        assert texts[0].lstrip("¶").startswith(str(segment.number))
        assert texts[1:] == [
            segment.source,
            segment.target,
            segment.status.value.capitalize(),
            segment.comment,
        ]
        assert texts == [cell_text(cell._tc) for cell in row.cells]  # what the importer reads


def _editable_ranges(cell) -> list[tuple[str, str]]:
    """(id, group) of the w:permStart ranges opened and closed inside one cell."""
    starts = cell._tc.findall(f".//{qn('w:permStart')}")
    ends = {end.get(qn("w:id")) for end in cell._tc.findall(f".//{qn('w:permEnd')}")}
    return [(s.get(qn("w:id")), s.get(qn("w:edGrp"))) for s in starts if s.get(qn("w:id")) in ends]


def test_the_document_is_read_only_but_target_status_and_comment(review_docx):
    document, table = _table(review_docx)
    protection = document.settings.element.find(qn("w:documentProtection"))
    assert protection.get(qn("w:edit")) == "readOnly"
    assert protection.get(qn("w:enforcement")) == "1"
    # CT_Settings is a sequence: protection after proofState, before defaultTabStop.
    tags = [child.tag for child in document.settings.element]
    assert tags.index(qn("w:proofState")) < tags.index(qn("w:documentProtection"))
    assert tags.index(qn("w:documentProtection")) < tags.index(qn("w:defaultTabStop"))
    ids = []
    for number, row in enumerate(table.rows):
        ranges = [_editable_ranges(cell) for cell in row.cells]
        if number == 0:
            assert ranges == [[]] * 5  # the header is locked
            continue
        assert ranges[:2] == [[], []]  # the # (hidden id) and source columns are locked
        assert all(len(r) == 1 and r[0][1] == "everyone" for r in ranges[2:])
        ids += [r[0][0] for r in ranges[2:]]
    assert len(ids) == len(set(ids)) == 3 * (len(table.rows) - 1)


def test_header_repeats_and_source_is_shaded_and_east_asian(review_docx, project):
    document, table = _table(review_docx)
    header = table.rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == TABLE_CAPTION
    for row in table.rows[1:]:
        source = row.cells[1]._tc
        assert source.tcPr.find(qn("w:shd")).get(qn("w:fill")) != "auto"
        fonts = source.find(f".//{qn('w:rFonts')}")
        assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK KR"
        lang = source.find(f".//{qn('w:lang')}")
        assert lang.get(qn("w:eastAsia")) == "ko-KR"
        hidden = row.cells[0]._tc.find(f".//{qn('w:vanish')}")
        assert hidden is not None  # the segment id is there but not in the reviewer's way
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_fonts = defaults.find(f".//{qn('w:rFonts')}")
    assert default_fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over ours
    font_table = next(
        p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"
    )
    assert b'w:altName w:val="Malgun Gothic"' in font_table.blob


def test_paragraph_starts_are_marked(review_docx, project):
    _, table = _table(review_docx)
    segments = project.segments()
    starts = {
        s.number
        for i, s in enumerate(segments)
        if i > 0 and s.paragraph != segments[i - 1].paragraph
    }
    marked = set()
    for row, segment in zip(table.rows[1:], segments, strict=True):
        if cell_text(row.cells[0]._tc).startswith("¶"):
            marked.add(segment.number)
            assert row.cells[2]._tc.tcPr.find(qn("w:tcBorders")) is not None
    assert marked == starts and starts


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_libreoffice_renders_hangul_and_the_target(review_docx, project, tmp_path):
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(review_docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = tmp_path / (review_docx.stem + ".pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    reviewed = next(s for s in project.segments() if s.status.value == "reviewed")
    assert "알리페이" in text
    assert reviewed.target in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "CJK" in fonts  # hangul came from a CJK face, not from boxes of a Latin one


def test_a_chinese_source_gets_a_chinese_face_and_language(tmp_path):
    from documents.project import Project

    with Project.create(
        tmp_path / "zh.hanbit",
        source_text="支付宝将在澳大利亚设立分公司。蚂蚁金服宣布了这一消息。",
        source_lang="zh-Hans",
        target_lang="en",
    ) as project:
        out = tmp_path / "zh.docx"
        export_project(project, out)
    _, table = _table(out)
    source = table.rows[1].cells[1]._tc
    assert source.find(f".//{qn('w:rFonts')}").get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    assert source.find(f".//{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"


def test_characters_xml_cannot_carry_do_not_break_the_export(tmp_path, project):
    segment = project.segments()[0]
    project.set_comment(segment.id, "pasted from Word\x0bwith a vertical tab")
    out = tmp_path / "ctl.docx"
    export_project(project, out)
    _, table = _table(out)
    assert cell_text(table.rows[1].cells[4]._tc) == "pasted from Wordwith a vertical tab"
    for name in ("ctl.xlf", "ctl.tmx"):
        export_project(project, tmp_path / name)
