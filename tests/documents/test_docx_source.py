"""Word files in: every part in document order, where each paragraph is from, formatting as tags."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from documents.docx_source import DocxSourceError, read_docx
from documents.inline import strip_tags

DOCX = Path(__file__).parent / "fixtures" / "docx"


def _units(name: str):
    return read_docx((DOCX / name).read_bytes(), name)


def test_kitchen_sink_written_by_libreoffice_reads_every_part_in_document_order() -> None:
    units = _units("alipay-kitchen-sink.libreoffice.docx")
    assert [u.where for u in units] == [
        "Header 1",
        "Body (Heading1)",
        "Body",
        "Body",
        "Footnote 2",  # right after the paragraph that refers to it
        "Endnote 2",
        "Body",
        "Comment 0 (김근정)",
        *[f"Table 1, row {r}, cell {c}" for r in (1, 2, 3) for c in (1, 2)],
        "Body",
        "Text box",  # once: Word's VML fallback copy is not read twice
        "Footer 1",
    ]
    texts = [strip_tags(u.text) for u in units]
    assert texts[0] == "아주경제 국제 2014년 11월 19일"
    assert texts[4] == "2014년 기준 중국 인민은행 자료."
    assert texts[7] == "수치를 다시 확인할 것."
    assert texts[-2] == "상자 안의 글: 알리페이 호주 지사."


def test_bold_italic_links_and_footnote_marks_are_protected_tags() -> None:
    units = _units("alipay-kitchen-sink.libreoffice.docx")
    body = units[2].text
    assert body.startswith("⟨1⟩알리바바⟨/1⟩ 알리페이가 호주에 ⟨2⟩6번째⟨/2⟩")
    assert "⟨3⟩아주경제 누리집⟨/3⟩" in body  # the link
    assert units[2].layout.links  # and the w:hyperlink it stands for
    assert "약 50%를 차지한다.⟨1/⟩" in units[3].text  # the footnote mark stays where it was
    assert "밝혔다.⟨2/⟩상장 시기는" in units[6].text  # a line break inside the paragraph


def test_omegat_word_file_header_field_table_and_footer_link() -> None:
    units = _units("omegat-file-OpenXMLFilter-tables.docx")
    assert units[0].where == "Header 1" and units[-1].where == "Footer 1"
    assert strip_tags(units[0].text).startswith("International Journal of OmgaT")
    cells = [u for u in units if u.where.startswith("Table 1")]
    assert [strip_tags(u.text) for u in cells[:4]] == ["Graphics", "Top", "In-between", "Bottom"]
    assert cells[-1].where == "Table 1, row 3, cell 4"
    assert "www.example.org" in units[-1].text and units[-1].layout.links
    bold = next(u for u in units if strip_tags(u.text).startswith("Abstract"))
    assert bold.text.startswith("⟨1⟩Abstract⟨/1⟩")


def test_python_docx_footnotes_follow_their_paragraphs() -> None:
    units = _units("python-docx-footnotes.docx")
    assert [u.where for u in units] == [
        "Body", "Footnote 1", "Body", "Body", "Footnote 2", "Footnote 3",
    ]  # fmt: skip
    assert units[3].text == "And this paragraph contains two footnotes, here⟨1/⟩ and here⟨2/⟩."


def test_python_docx_comments_and_hyperlinks() -> None:
    units = _units("python-docx-comments-rich-para.docx")
    assert units[2].where == "Comment 0 (Steve Canny)"
    assert "⟩https://google.com⟨/" in units[2].text
    links = _units("python-docx-par-hyperlinks.docx")
    assert strip_tags(links[2].text) == (
        "Three hyperlinks: the first one here, the second one, and the third."
    )
    assert links[2].text.count("⟨/") == 3


def test_two_sections_headers_and_footers() -> None:
    units = _units("python-docx-hdr-header-footer.docx")
    assert [(u.where, strip_tags(u.text)) for u in units] == [
        ("Header 2", "Header for section-1"),
        ("Body", "section with header"),
        ("Body", "section without header of its own."),
        ("Footer 2", "Footer for section 1"),
    ]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("msoffcrypto-example_password.docx", "password-protected"),
        ("msoffcrypto-plain.doc", "old Word 97–2003 document"),
    ],
)
def test_encrypted_and_old_word_files_are_refused_with_their_reason(name: str, reason: str) -> None:
    with pytest.raises(DocxSourceError, match=reason):
        _units(name)


def test_a_truncated_or_gutted_docx_is_refused() -> None:
    data = (DOCX / "python-docx-footnotes.docx").read_bytes()
    with pytest.raises(DocxSourceError, match="not a zip package"):
        read_docx(data[: len(data) // 2], "half.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                body = body[:-200]  # cut off in the middle of the body
            target.writestr(info, body)
    with pytest.raises(DocxSourceError, match="document.xml is not well-formed"):
        read_docx(buffer.getvalue(), "cut.docx")


def test_entities_in_a_hostile_docx_are_not_expanded() -> None:
    data = (DOCX / "python-docx-footnotes.docx").read_bytes()
    buffer = io.BytesIO()
    bomb = (
        b'<!DOCTYPE w:document [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    )
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                head, _, rest = body.partition(b"?>")
                body = (
                    head + b"?>" + bomb + rest.replace(b"has no footnote", b"has &c; footnote", 1)
                )
            target.writestr(info, body)
    # Refused, not read with the entity dropped: "has &c; footnote" would become "has  footnote"
    # without a word (issue 18, item 5), in any encoding.
    with pytest.raises(DocxSourceError, match="declares XML entities"):
        read_docx(buffer.getvalue(), "bomb.docx")
