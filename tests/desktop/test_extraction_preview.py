"""The extraction preview: kept and dropped blocks, the translator's ticks, the detected pair."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.project.extraction_preview import KEEP, WHY, ExtractionPreview
from documents.project import Project
from workflows.new_project import create_project

FIXTURES = Path(__file__).resolve().parents[1] / "documents" / "fixtures"
PAGE = FIXTURES / "web" / "xinhuanet.com.c_1125597921.html"
SEED = FIXTURES / "web_text" / "alipay-australia-2014.ko.txt"


def _ready(qtbot, path: Path) -> ExtractionPreview:
    dialog = ExtractionPreview(path, [])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.prepared is not None, timeout=30000)
    return dialog


def _checked(dialog: ExtractionPreview) -> list[bool]:
    return [
        dialog.table.item(r, KEEP).checkState() == Qt.CheckState.Checked
        for r in range(dialog.table.rowCount())
    ]


def test_a_chinese_page_shows_kept_and_dropped_blocks_and_a_chinese_pair(qtbot) -> None:
    dialog = _ready(qtbot, PAGE)
    article = dialog.prepared.article
    assert dialog.table.rowCount() == len(article.blocks)
    assert _checked(dialog) == [b.keep for b in article.blocks]
    assert dialog.languages() == ("zh-Hans", "en")
    assert "Han characters" in dialog.detected.text()
    menu = next(r for r, b in enumerate(article.blocks) if b.original == "关注新华网")
    assert not _checked(dialog)[menu]
    assert dialog.table.item(menu, WHY).text().startswith("page furniture")
    assert "16 of 36 blocks kept" in dialog.summary.text()


def test_ticks_change_what_the_project_gets(qtbot, tmp_path: Path) -> None:
    dialog = _ready(qtbot, SEED)
    article = dialog.prepared.article
    comments = next(r for r, b in enumerate(article.blocks) if b.original == "0개의 댓글")
    first_body = next(r for r, b in enumerate(article.blocks) if b.keep and b.role != "title")
    assert "17 of 47 blocks kept · 26 segments" in dialog.summary.text()
    dialog.set_kept(comments, True)
    assert "18 of 47 blocks kept · 27 segments" in dialog.summary.text()
    dialog.set_kept(first_body, False)
    assert "17 of 47 blocks kept · 26 segments" in dialog.summary.text()
    path = create_project(
        dialog.prepared, tmp_path / "p.hanbit", source_lang="ko", target_lang="en"
    )
    with Project.open(path, read_only=True) as project:
        sources = [s.source for s in project.segments()]
    assert "0개의 댓글" in sources
    assert article.blocks[first_body].text not in sources


def test_keep_everything_and_a_refused_file(qtbot, tmp_path: Path) -> None:
    dialog = _ready(qtbot, SEED)
    dialog.keep_all.click()
    assert all(_checked(dialog))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    dialog = ExtractionPreview(broken, [])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Cannot make a project" in dialog.status.text(), timeout=30000)
    assert "not a zip package" in dialog.status.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
