"""`main.py open`: the sample project made once, new projects from articles, clear refusals."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

import paths
from cli.open import resolve_project, run
from documents.project import Project, ProjectError

ROOT = Path(__file__).resolve().parents[2]


def args(file: Path | None = None, **extra) -> argparse.Namespace:
    values = {"file": file, "packages": None, "data_dir": None, "source": "ko", "target": "en"}
    return argparse.Namespace(**(values | extra))


def test_sample_project_is_made_once_and_then_reopened(data_dir):
    path = resolve_project(args(), data_dir)
    assert path.parent == paths.projects_dir(data_dir)
    with Project.open(path) as project:
        assert (project.source_lang, project.target_lang) == ("ko", "en")
        sources = " ".join(s.source for s in project.segments())
        first = project.segments()[0]
        project.set_target(first.id, "kept across starts")
    assert "알리페이" in sources
    assert resolve_project(args(), data_dir) == path
    with Project.open(path) as project:
        assert project.segment(first.id).target == "kept across starts"


def test_an_article_file_makes_a_new_project_each_time(data_dir, tmp_path):
    article = tmp_path / "news.txt"
    article.write_text("첫 문장입니다. 둘째 문장입니다.\n\n새 단락입니다.\n", encoding="utf-8")
    first = resolve_project(args(article, target="zh-Hans"), data_dir)
    second = resolve_project(args(article, target="zh-Hans"), data_dir)
    assert first != second and first.exists() and second.exists()
    with Project.open(first) as project:
        assert project.target_lang == "zh-Hans"
        assert [s.source for s in project.segments()] == [
            "첫 문장입니다.",
            "둘째 문장입니다.",
            "새 단락입니다.",
        ]


def test_a_project_file_is_opened_as_it_is(data_dir, article_project):
    assert resolve_project(args(article_project), data_dir) == article_project


def test_a_file_that_is_no_article_is_refused_with_the_reason(data_dir, tmp_path, capsys):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4")
    with pytest.raises((ProjectError, ValueError), match="scan.pdf"):
        resolve_project(args(scan), data_dir)
    assert run(args(scan)) == 1
    assert "Cannot make a project from scan.pdf" in capsys.readouterr().err
    assert list(paths.projects_dir(data_dir).iterdir()) == []


def test_main_py_without_arguments_opens_the_sample_window(tmp_path, empty_packages_dir):
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "HANBIT_DATA_DIR": str(tmp_path / "fresh"),
        "ARGOS_PACKAGES_DIR": str(empty_packages_dir),
        "HANBIT_EXIT_WHEN_SHOWN": "1",  # quit once the grid has painted
        "XDG_CONFIG_HOME": str(tmp_path / "config"),  # QSettings of this run stay in tmp_path
    }
    done = subprocess.run(
        [sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    with Project.open(next((tmp_path / "fresh" / "projects").glob("*.hanbit"))) as project:
        rows = len(project.segments())
    assert f"HANBIT_SHOWN rows={rows}" in done.stdout
