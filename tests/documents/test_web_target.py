"""A web page → project → the same page translated: markup kept, lang set, untranslated flagged."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from documents.atomic import ExportError
from documents.export import export_project
from documents.html_blocks import page_blocks
from documents.project import Project
from workflows.new_project import new_project

WEB = Path(__file__).parent / "fixtures" / "web"
PAGE = WEB / "xinhuanet.com.c_1125597921.html"


def _export(tmp_path: Path, *, leave: int = 0, mode: str = "source") -> tuple[Path, list[str]]:
    project_path = new_project(PAGE, tmp_path / "x.hanbit", target_lang="en")
    with Project.open(project_path) as project:
        assert project.source_lang == "zh-Hans"  # detected from the page, not assumed Korean
        segments = project.segments()
        targets = []
        for number, segment in enumerate(segments[: len(segments) - leave], start=1):
            targets.append(f"English sentence {number}.")
            project.set_target(segment.id, targets[-1])
        out = tmp_path / "x.en.html"
        export_project(project, out, "html-target", untranslated=mode)
    return out, targets


def test_the_page_comes_back_translated_in_its_own_markup(tmp_path: Path) -> None:
    out, targets = _export(tmp_path)
    page = out.read_text("utf-8")
    root = lxml.html.document_fromstring(page)
    assert root.get("lang") == "en"
    text = " ".join(b.text for b in page_blocks(page))
    for target in targets:
        assert target in text
    assert "封在武汉的父母们" not in text  # the article's Chinese is gone
    assert "English sentence 1." in root.findtext(".//title")  # the headline in <title> too
    # what was dropped (navigation, footer) is still there, untouched
    original = " ".join(b.text for b in page_blocks(PAGE.read_text("utf-8", errors="replace")))
    assert "新华网" in original and "新华网" in text
    assert len(root.findall(".//script")) == len(
        lxml.html.document_fromstring(PAGE.read_bytes()).findall(".//script")
    )


def test_untranslated_blocks_stay_chinese_or_are_marked(tmp_path: Path) -> None:
    out, _ = _export(tmp_path / "plain", leave=1)
    assert "萧海川" in out.read_text("utf-8") and "<mark" not in out.read_text("utf-8")
    out, _ = _export(tmp_path / "flag", leave=1, mode="flag")
    marks = lxml.html.document_fromstring(out.read_text("utf-8")).findall(".//mark")
    assert len(marks) == 1 and "萧海川" in marks[0].text_content()


def test_a_project_not_made_from_a_page_cannot_be_delivered_as_one(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("알리페이가 호주에 지사를 세운다. 여섯 번째 해외 지사다.\n", "utf-8")
    with Project.open(new_project(text, tmp_path / "a.hanbit")) as project:
        with pytest.raises(ExportError, match="not made from a web page"):
            export_project(project, tmp_path / "a.html", "html-target")
    assert not (tmp_path / "a.html").exists()


@pytest.fixture(autouse=True)
def _fresh_folder(tmp_path: Path) -> None:
    for sub in ("plain", "flag"):
        (tmp_path / sub).mkdir()


def test_wrapped_lines_come_back_as_one_translated_paragraph(tmp_path: Path) -> None:
    lines = [
        "정부는 추석을 앞두고 성수품 가격 안정을 위해 사과와 배, 소고기 등 10대",
        "성수품의 공급을 평소의 1.5배로 늘리기로 했다고 4일 밝혔다. 기획재정부는",
        "할인 행사와 함께 비축 물량도 풀 계획이다.",
    ]
    page = tmp_path / "release.html"
    page.write_text(
        "<html lang='ko'><head><meta charset='euc-kr'><title>추석 성수품 공급 확대 | 정책브리핑"
        "</title></head><body><nav><a href='/'>홈</a></nav><article><h1>추석 성수품 공급 확대</h1>"
        "<p>" + "<br>\n".join(lines) + "</p><p>농림축산식품부도 비축 물량을 푸는 방안을 검토하고"
        " 있다고 덧붙였다.</p></article></body></html>",
        "utf-8",
    )
    with Project.open(new_project(page, tmp_path / "r.hanbit", target_lang="en")) as project:
        for number, segment in enumerate(project.segments(), start=1):
            project.set_target(segment.id, f"Sentence {number}.")
        export_project(project, tmp_path / "r.en.html", "html-target")
    out = (tmp_path / "r.en.html").read_text("utf-8")
    root = lxml.html.document_fromstring(out)
    assert root.get("lang") == "en"
    assert root.findtext(".//title") == "Sentence 1. | 정책브리핑"
    assert root.find(".//meta").get("charset") == "utf-8"
    paragraph = root.find(".//article/p").text_content()
    assert "Sentence 2. Sentence 3." in paragraph
    assert not any(line[:6] in out for line in lines)
