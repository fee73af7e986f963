"""The bilingual review DOCX: every cell readable, CJK fonts, read-only source, hidden ids."""

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
        texts = [cell_text(cell._tc) for cell in row.cells]
        assert ID_PATTERN.findall(texts[0]) == [str(segment.id)]
        assert texts[0].lstrip("¶").startswith(str(segment.number))
        assert texts[1:] == [
            segment.source,
            segment.target,
            segment.status.value.capitalize(),
            segment.comment,
        ]
        # What python-docx itself reads, outside the locked source control, is right too.
        assert [row.cells[i].text for i in (2, 4)] == [segment.target, segment.comment]


def test_header_repeats_and_source_is_shaded_locked_and_east_asian(review_docx, project):
    document, table = _table(review_docx)
    header = table.rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption.get(qn("w:val")) == TABLE_CAPTION
    for row in table.rows[1:]:
        source = row.cells[1]._tc
        assert source.tcPr.find(qn("w:shd")).get(qn("w:fill")) != "auto"
        lock = source.find(f".//{qn('w:sdt')}/{qn('w:sdtPr')}/{qn('w:lock')}")
        assert lock.get(qn("w:val")) == "sdtContentLocked"
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
