"""DOCX → project → translated DOCX in the original's layout; python-docx and LibreOffice check."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from documents.export import export_project
from documents.project import Project
from workflows.new_project import new_project

DOCX = Path(__file__).parent / "fixtures" / "docx"
KITCHEN = DOCX / "alipay-kitchen-sink.libreoffice.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# A translator's English for the kitchen-sink article, tags where the English puts them.
ENGLISH = {
    "아주경제 ⟨1⟩국제⟨/1⟩ 2014년 11월 19일": "Aju Business Daily ⟨1⟩World⟨/1⟩ 19 November 2014",
    "'하루 10조 매출' 알리바바, 6번째 '알리페이' 지사는 호주": (
        "Alibaba, with 10 trillion won of sales in a day, picks Australia for Alipay's sixth office"
    ),
    "⟨1⟩알리바바⟨/1⟩ 알리페이가 호주에 ⟨2⟩6번째⟨/2⟩ 글로벌 지사를 설립할 예정이다.": (
        "⟨1⟩Alibaba⟨/1⟩'s Alipay will open its ⟨2⟩sixth⟨/2⟩ overseas office in Australia."
    ),
    "자세한 내용은 ⟨3⟩아주경제 누리집⟨/3⟩에 있다.": (
        "Details are on the ⟨3⟩Aju Business Daily website⟨/3⟩."
    ),
    "현재 알리페이는 중국 내 모바일 결제시장의 약 50%를 차지한다.⟨1/⟩ 지난 1년간 총 결제규모는 "
    "⟨2⟩3조8729억 위안⟨/2⟩이다.⟨3/⟩": (
        "Alipay now holds about 50% of China's mobile payment market.⟨1/⟩ Its payments over the "
        "past year came to ⟨2⟩3.8729 trillion yuan⟨/2⟩.⟨3/⟩"
    ),
    "⟨1/⟩2014년 기준 중국 인민은행 자료.": "⟨1/⟩People's Bank of China figures for 2014.",
    "⟨1/⟩위안화 금액은 당시 환율로 계산했다.": "⟨1/⟩Yuan amounts at the exchange rate of the time.",
    "⟨1/⟩마윈 회장은 알리페이의 상장 계획을 밝혔다.⟨2/⟩상장 시기는 정해지지 않았다.": (
        "⟨1/⟩Chairman Jack Ma announced plans to list Alipay.⟨2/⟩No date has been set."
    ),
    "수치를 다시 확인할 것.": "Check the figures again.",
    "국가": "Country",
    "지사 설립": "Office opened",
    "한국": "Korea",
    "지난 4월": "Last April",
    "호주": "Australia",
    "설립 예정": "Planned",
    "⟨1/⟩이 문단은 글상자를 담고 있다.": "⟨1/⟩This paragraph holds a text box.",
    "상자 안의 글: 알리페이 호주 지사.": "Text in the box: Alipay Australia.",
    "아주경제 페이지 ⟨1/⟩⟨2/⟩⟨3/⟩1⟨4/⟩": "Aju Business Daily page ⟨1/⟩⟨2/⟩⟨3/⟩1⟨4/⟩",
}


def _translated(tmp_path: Path, *, leave: int = 0, mode: str = "source", source=KITCHEN) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    project_path = new_project(
        source, tmp_path / "kitchen.hanbit", source_lang="ko", target_lang="en"
    )
    with Project.open(project_path) as project:
        segments = project.segments()
        for segment in segments[: len(segments) - leave]:
            project.set_target(segment.id, ENGLISH[segment.source])
        out = tmp_path / "kitchen.en.docx"
        export_project(project, out, "docx-target", untranslated=mode)
    return out


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def _texts(root: etree._Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in root.iter(f"{W}p")]


def test_every_paragraph_cell_header_footer_note_and_box_is_translated_in_place(
    tmp_path: Path,
) -> None:
    out = _translated(tmp_path)
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == ENGLISH["'하루 10조 매출' 알리바바, 6번째 '알리페이' 지사는 호주"]
    assert document.paragraphs[0].style.name == "Heading 1"  # styles stay
    assert paragraphs[1] == (
        "Alibaba's Alipay will open its sixth overseas office in Australia. "
        "Details are on the Aju Business Daily website."
    )
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Country", "Office opened"], ["Korea", "Last April"], ["Australia", "Planned"],
    ]  # fmt: skip
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "Aju Business Daily World 19 November 2014"
    assert section.footer.paragraphs[0].text.startswith("Aju Business Daily page")
    footnotes = _texts(_part(out, "word/footnotes.xml"))
    assert "People's Bank of China figures for 2014." in footnotes
    assert "Yuan amounts at the exchange rate of the time." in _texts(
        _part(out, "word/endnotes.xml")
    )
    assert "Check the figures again." in _texts(_part(out, "word/comments.xml"))
    body = _part(out, "word/document.xml")
    boxes = [t for t in _texts(body) if t == "Text in the box: Alipay Australia."]
    assert len(boxes) == 2  # the DrawingML text box and Word's VML copy of it
    all_text = " ".join(_texts(body))
    assert not re.search(r"[\uac00-\ud7a3]", all_text)  # no Korean left anywhere in the body


def test_bold_italic_link_footnote_mark_field_and_line_break_survive(tmp_path: Path) -> None:
    out = _translated(tmp_path)
    document = docx.Document(str(out))
    runs = {r.text: r for r in document.paragraphs[1].runs}
    assert runs["Alibaba"].bold and not runs["'s Alipay will open its "].bold
    assert runs["sixth"].italic
    links = document.paragraphs[1].hyperlinks
    assert [(h.text, h.address) for h in links] == [
        ("Aju Business Daily website", "https://www.ajunews.com/")
    ]
    body = _part(out, "word/document.xml")
    paragraph = [p for p in body.iter(f"{W}p") if "50% of China" in "".join(p.itertext())][0]
    assert len(paragraph.findall(f".//{W}footnoteReference")) == 1
    assert len(paragraph.findall(f".//{W}endnoteReference")) == 1
    red = [r for r in paragraph.iter(f"{W}r") if "3.8729 trillion yuan" in "".join(r.itertext())]
    assert red[0].find(f"{W}rPr/{W}color").get(f"{W}val").lower() == "c00000"
    lang = red[0].find(f"{W}rPr/{W}lang").get(f"{W}val")
    assert lang == "en-US"
    quoted = [p for p in body.iter(f"{W}p") if "Jack Ma" in "".join(p.itertext())][0]
    assert (
        quoted.find(f".//{W}br") is not None and quoted.find(f".//{W}commentReference") is not None
    )
    footer = _part(out, "word/footer1.xml")
    assert footer.find(f".//{W}fldChar") is not None and "PAGE" in "".join(
        t.text or "" for t in footer.iter(f"{W}instrText")
    )


def test_untranslated_segments_stay_in_the_source_or_are_flagged(tmp_path: Path) -> None:
    plain = _translated(tmp_path / "a", leave=1)
    footer = _part(plain, "word/footer1.xml")
    assert "아주경제 페이지" in "".join(footer.itertext())
    assert footer.find(f".//{W}highlight") is None
    flagged = _translated(tmp_path / "b", leave=1, mode="flag")
    footer = _part(flagged, "word/footer1.xml")
    marks = footer.findall(f".//{W}highlight")
    assert marks and all(m.get(f"{W}val") == "yellow" for m in marks)


def test_a_footnote_mark_the_translator_dropped_is_not_lost(tmp_path: Path) -> None:
    source = DOCX / "python-docx-footnotes.docx"
    project_path = new_project(source, tmp_path / "f.hanbit", source_lang="en", target_lang="ko")
    with Project.open(project_path) as project:
        for segment in project.segments():
            project.set_target(segment.id, "번역문입니다.")  # no tags at all
        export_project(project, tmp_path / "f.docx", "docx-target")
    body = _part(tmp_path / "f.docx", "word/document.xml")
    assert len(body.findall(f".//{W}footnoteReference")) == 3
    assert _texts(_part(tmp_path / "f.docx", "word/footnotes.xml")).count("번역문입니다.") == 3


@pytest.mark.parametrize(
    "name",
    [
        "omegat-file-OpenXMLFilter-tables.docx",
        "python-docx-comments-rich-para.docx",
        "python-docx-par-hyperlinks.docx",
        "python-docx-hdr-header-footer.docx",
    ],
)
def test_real_word_files_keep_their_structure(tmp_path: Path, name: str) -> None:
    source = DOCX / name
    project_path = new_project(source, tmp_path / "p.hanbit", source_lang="en", target_lang="ko")
    with Project.open(project_path) as project:
        for segment in project.segments():
            # a pseudo-translation that keeps every tag: the words upper-cased
            project.set_target(
                segment.id, re.sub(r"[a-z]+", lambda m: m.group().upper(), segment.source)
            )
        export_project(project, tmp_path / "out.docx", "docx-target")
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(tmp_path / "out.docx") as after:
        assert sorted(before.namelist()) == sorted(after.namelist())
        for part in before.namelist():
            if not re.fullmatch(
                r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml", part
            ):
                assert before.read(part) == after.read(part), part  # untouched
                continue
            old, new = etree.fromstring(before.read(part)), etree.fromstring(after.read(part))
            for tag in ("p", "tbl", "tc", "hyperlink", "fldChar", "footnoteReference",
                        "commentReference", "drawing", "sectPr"):  # fmt: skip
                assert len(old.findall(f".//{W}{tag}")) == len(new.findall(f".//{W}{tag}")), tag
            old_text, new_text = " ".join(_texts(old)), " ".join(_texts(new))
            assert new_text == re.sub(r"[a-z]+", lambda m: m.group().upper(), old_text) or (
                re.sub(r"\s+", "", new_text) == re.sub(r"\s+", "", old_text.upper())
            ), part
    docx.Document(str(tmp_path / "out.docx"))  # python-docx opens it


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_translation(tmp_path: Path) -> None:
    out = _translated(tmp_path)
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(out)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "kitchen.en.pdf"
    assert pdf.is_file(), result.stderr.decode(errors="replace")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True
        ).stdout.decode()
        for expected in ("Alibaba's Alipay will open its sixth", "Aju Business Daily World",
                         "Office opened", "Text in the box", "People's Bank of China"):  # fmt: skip
            assert expected in text, expected


_RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange"
).split()


@pytest.mark.parametrize(
    "name",
    ["alipay-kitchen-sink.libreoffice.docx", "omegat-file-OpenXMLFilter-tables.docx"],
)
def test_run_properties_keep_the_schema_order_word_insists_on(tmp_path: Path, name: str) -> None:
    """Word refuses a file whose w:rPr children are out of order ("unreadable content")."""
    project_path = new_project(
        DOCX / name, tmp_path / "p.hanbit", source_lang="ko", target_lang="en"
    )
    with Project.open(project_path) as project:
        segments = project.segments()
        project.set_target(segments[0].id, segments[0].source)  # the rest stays untranslated
        export_project(project, tmp_path / "out.docx", "docx-target", untranslated="flag")
    with zipfile.ZipFile(tmp_path / "out.docx") as archive:
        parts = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
        checked = 0
        for part in parts:
            for rpr in etree.fromstring(archive.read(part)).iter(f"{W}rPr"):
                names = [etree.QName(c).localname for c in rpr if isinstance(c.tag, str)]
                for ours in ("highlight", "lang"):  # what the writer adds (originals may be lax)
                    if ours not in names:
                        continue
                    at, rank = names.index(ours), _RPR_ORDER.index(ours)
                    before = [_RPR_ORDER.index(n) for n in names[:at] if n in _RPR_ORDER]
                    after = [_RPR_ORDER.index(n) for n in names[at + 1 :] if n in _RPR_ORDER]
                    assert all(r < rank for r in before) and all(r > rank for r in after), (
                        part, names,
                    )  # fmt: skip
                checked += "highlight" in names
    assert checked > 5  # the flagged runs were among those checked
