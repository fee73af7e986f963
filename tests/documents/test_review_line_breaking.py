"""Issue 15 item 10: the review DOCX keeps figures whole when a Korean line breaks (57억1000만
위안, 100%씩), in Word (paragraph settings) and in LibreOffice (digits laid out as Latin)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from documents.formats.base import ExportDocument
from documents.formats.docx_review import render
from documents.project import Project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "news"


def _wind_project(tmp_path: Path) -> Project:
    """The wind-power story (tests/fixtures/news, CC BY-SA 3.0) with its published English."""
    ko = (FIXTURES / "wind_article.ko.txt").read_text(encoding="utf-8").splitlines()
    en = (FIXTURES / "wind_article.en.txt").read_text(encoding="utf-8").splitlines()
    project = Project.create(
        tmp_path / "wind.hanbit",
        source_text="\n".join(ko),
        source_lang="ko",
        target_lang="en",
        name="wind_article",
    )
    for segment, target in zip(project.segments(), en, strict=False):
        project.set_target(segment.id, target)
    return project


def _export(tmp_path: Path) -> tuple[Path, list[str]]:
    project = _wind_project(tmp_path)
    try:
        segments = project.segments()
        document = ExportDocument(segments, "ko", "en", name="wind_article")
        sources = [s.source for s in segments]
    finally:
        project.close()
    out = tmp_path / "review.docx"
    out.write_bytes(render(document))
    return out, sources


def test_korean_paragraphs_ask_word_to_keep_figures_whole(tmp_path):
    out, sources = _export(tmp_path)
    table = docx.Document(str(out)).tables[0]
    row = table.rows[8]  # 포브스 … 57억1000만위안을 …
    assert "57억1000만위안" in row.cells[1].text  # the text itself is untouched
    paragraph = row.cells[1].paragraphs[0]._p
    names = [child.tag.split("}")[1] for child in paragraph.pPr]
    assert names[:5] == ["kinsoku", "wordWrap", "autoSpaceDE", "autoSpaceDN", "spacing"]
    assert paragraph.pPr.find(qn("w:wordWrap")).get(qn("w:val")) == "0"
    assert paragraph.pPr.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"
    lang = paragraph.find(f".//{qn('w:lang')}")
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "ko-KR")


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler-utils (pdftotext) are not installed",
)
def test_libreoffice_never_breaks_a_digit_run_of_the_wind_story(tmp_path):
    out, sources = _export(tmp_path)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        timeout=240,
    )
    text = subprocess.run(
        ["pdftotext", "-raw", str(tmp_path / "review.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    figures = {m.group() for s in sources for m in re.finditer(r"\d[\d,.]*%?", s)}
    assert {"1000", "100%", "8500", "3500", "64.5"} <= figures
    broken = sorted(f for f in figures if f not in text)
    assert broken == [], f"split across lines by LibreOffice: {broken}"
