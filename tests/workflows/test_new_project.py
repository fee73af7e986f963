"""`main.py new FILE`: the project a page, a Word file, a text or an XLIFF gives, and its errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from documents.client_file import paragraph_origins, segment_origins, stored_original
from documents.project import Project
from workflows.new_project import NewProjectError, create_project, new_project, prepare

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "documents" / "fixtures"
SEED = FIXTURES / "web_text" / "alipay-australia-2014.ko.txt"


def _main(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, timeout=120, cwd=ROOT, check=False,
    )  # fmt: skip


def test_cli_makes_a_chinese_project_from_a_chinese_page_and_prints_its_path(
    tmp_path: Path,
) -> None:
    page = tmp_path / "xinhua.html"
    shutil.copy(FIXTURES / "web" / "xinhuanet.com.c_1125597921.html", page)
    result = _main("new", str(page))
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path == tmp_path / "xinhua.zh-Hans-en.hanbit" and path.is_file()
    assert "source language: zh-Hans (detected" in result.stderr
    with Project.open(path, read_only=True) as project:
        assert (project.source_lang, project.target_lang) == ("zh-Hans", "en")
        assert project.get_meta("source_date") == "2020-02-19"
        assert project.get_meta("source_title") == "武汉的声音：有英勇的你，才有英雄的城！"
        assert project.get_meta("source_format") == "web"
        assert stored_original(project)[1] == "html"
        sources = " ".join(s.source for s in project.segments())
        assert "纠错" not in sources and "关注新华网" not in sources
        assert len(project.segments()) < 40


def test_cli_from_to_and_out(tmp_path: Path) -> None:
    out = tmp_path / "chosen.hanbit"
    result = _main("new", str(SEED), "--from", "ko", "--to", "zh-Hans", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    with Project.open(out, read_only=True) as project:
        assert (project.source_lang, project.target_lang) == ("ko", "zh-Hans")
        assert project.get_meta("source_byline") == "아주경제 김근정 기자"
        assert project.get_meta("source_date") == "2014-11-19 11:00"
        assert not any("댓글" in s.source or "닫기" in s.source for s in project.segments())
    again = _main("new", str(SEED), "--out", str(out))
    assert again.returncode == 1 and "already exists" in again.stderr


def test_cli_show_lists_kept_and_dropped_blocks(tmp_path: Path) -> None:
    result = _main("new", str(SEED), "--show", "--out", str(tmp_path / "s.hanbit"))
    assert result.returncode == 0
    assert "dropped    4  [page furniture" in result.stderr
    assert "[copyright line] ©'5개국어 글로벌 경제신문' 아주경제" in result.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("msoffcrypto-example_password.docx", "password-protected"),
        ("msoffcrypto-plain.doc", "cannot make a project|Cannot make a project"),
    ],
)
def test_cli_refuses_protected_and_old_word_files(tmp_path: Path, name: str, message: str) -> None:
    source = tmp_path / name
    shutil.copy(FIXTURES / "docx" / name, source)
    result = _main("new", str(source))
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert any(m in result.stderr for m in message.split("|"))
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.glob("*.hanbit"))


def test_word_project_keeps_the_original_and_each_paragraph_origin(tmp_path: Path) -> None:
    source = FIXTURES / "docx" / "alipay-kitchen-sink.libreoffice.docx"
    path = new_project(source, tmp_path / "k.hanbit")
    with Project.open(path, read_only=True) as project:
        assert project.source_lang == "ko"
        assert stored_original(project) == (source.read_bytes(), "docx")
        origins = paragraph_origins(project)
        assert origins[0] == "Header 1" and origins[-1] == "Footer 1"
        assert "Footnote 2" in origins and "Text box" in origins
        by_segment = segment_origins(project)
        first = project.segments()[0]
        assert by_segment[first.id] == "Header 1"


def test_the_translator_changes_what_is_kept_and_the_language_before_the_project_is_made(
    tmp_path: Path,
) -> None:
    prepared = prepare(SEED)
    article = prepared.article
    assert prepared.kind == "text" and prepared.language.code == "ko"
    comment_count = next(b for b in article.blocks if b.original == "0개의 댓글")
    article.set_keep(comment_count.index, True)  # keep a dropped block
    article.set_keep(article.kept[1].index, False)  # drop a kept one
    path = create_project(prepared, tmp_path / "p.hanbit", source_lang="ko", target_lang="en")
    with Project.open(path, read_only=True) as project:
        sources = [s.source for s in project.segments()]
    assert "0개의 댓글" in sources
    assert not any(s.startswith("알리바바 관계사 마이미소금융") for s in sources)


def test_nothing_kept_is_refused_and_no_file_is_written(tmp_path: Path) -> None:
    prepared = prepare(SEED)
    for block in prepared.article.blocks:
        block.keep = False
    with pytest.raises(NewProjectError, match="keep at least one block"):
        create_project(prepared, tmp_path / "none.hanbit")
    assert not (tmp_path / "none.hanbit").exists()


def test_unknown_files_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(NewProjectError, match="Cannot make a project from notes.pdf"):
        prepare(tmp_path / "notes.pdf")
    (tmp_path / "folder.html").mkdir()
    with pytest.raises(NewProjectError, match="folder"):
        prepare(tmp_path / "folder.html")


def test_xliff_goes_through_the_xliff_import(tmp_path: Path) -> None:
    xliffs = sorted((FIXTURES / "xliff").rglob("*.xlf"))
    if not xliffs:
        pytest.skip("no XLIFF fixtures")
    for source in xliffs:
        try:
            path = new_project(source, tmp_path / f"{source.stem}.hanbit")
        except NewProjectError:
            continue  # a file the XLIFF import refuses says why; another one will do
        with Project.open(path, read_only=True) as project:
            assert project.segments()
        return
    pytest.fail("no XLIFF fixture could be imported")


def test_headless_word_round_trip_with_flagged_untranslated_segments(tmp_path: Path) -> None:
    source = tmp_path / "kitchen.docx"
    shutil.copy(FIXTURES / "docx" / "alipay-kitchen-sink.libreoffice.docx", source)
    made = _main("new", str(source), "--to", "en")
    assert made.returncode == 0, made.stderr
    project_path = Path(made.stdout.strip())
    with Project.open(project_path) as project:
        first = project.segments()[0]
        project.set_target(first.id, "Aju Business Daily ⟨1⟩World⟨/1⟩ 19 November 2014")
    out = tmp_path / "kitchen.en.docx"
    exported = _main(
        "export", str(project_path), str(out), "--format", "docx-target", "--untranslated", "flag",
        "--no-glossary",
    )  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    import docx

    document = docx.Document(str(out))
    header = document.sections[0].header.paragraphs[0]
    assert header.text == "Aju Business Daily World 19 November 2014"
    assert [r.bold for r in header.runs if r.text == "World"] == [True]
    untranslated = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    assert untranslated and all(r.font.highlight_color is not None for r in untranslated)
