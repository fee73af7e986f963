"""Issue 15 item 4: a start without arguments brings the translator back to the last project,
scrolled to the segment being worked on; the sample only on a first start."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from desk_helpers import open_window

from cli.open import resolve_project
from desktop.settings import Settings
from documents.project import Project
from workflows.new_project import SAMPLE_NAME

ROOT = Path(__file__).resolve().parents[2]


def _args() -> argparse.Namespace:
    return argparse.Namespace(file=None, packages=None, data_dir=None, source="ko", target="en")


def _long_project(path: Path, count: int = 120) -> Path:
    # Long enough to wrap: measured rows are taller than the default the first scroll assumed.
    long = "풍력 발전 회사가 텍사스 송전망에 새 변전소를 짓기로 했다고 밝혔다 " * 4
    text = "\n\n".join(f"{n}번째 문장: {long}." for n in range(count))
    Project.create(path, source_text=text, source_lang="ko", target_lang="en", name="long").close()
    return path


def test_no_arguments_reopen_the_last_project_and_the_sample_only_on_a_first_start(
    data_dir, tmp_path
):
    first_start = resolve_project(_args(), data_dir)
    assert first_start.name.startswith(SAMPLE_NAME)
    mine = _long_project(tmp_path / "wind.hanbit", 3)
    Settings().add_recent_project(mine)
    assert resolve_project(_args(), data_dir) == mine.resolve()
    mine.unlink()  # moved away: the next recent one, here the sample
    Settings().add_recent_project(first_start)
    assert resolve_project(_args(), data_dir) == first_start.resolve()


def test_the_reopened_project_is_scrolled_to_its_segment(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    path = _long_project(tmp_path / "long.hanbit")
    with Project.open(path) as project:
        target = project.segments()[95]
        project.set_meta("current_segment", str(target.id))
    window = open_window(qtbot, path, empty_packages_dir, data_dir)

    def in_view() -> bool:
        index = window.view.currentIndex()
        rect = window.view.visualRect(index)
        height = window.view.viewport().height()
        # In the middle of the grid, with the segments before and after it in sight.
        return index.row() == 95 and height / 4 < rect.center().y() < height * 3 / 4

    qtbot.wait(300)  # the rows are measured after the window shows; the view must follow
    assert in_view()
    # From File ▸ Open Recent as well: another project, then back.
    window.open_project(_long_project(tmp_path / "other.hanbit", 5))
    window.open_project(path)
    qtbot.wait(300)
    assert in_view()


def test_main_py_without_arguments_reopens_the_last_project(tmp_path, empty_packages_dir):
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "HANBIT_DATA_DIR": str(tmp_path / "fresh"),
        "ARGOS_PACKAGES_DIR": str(empty_packages_dir),
        "HANBIT_EXIT_WHEN_SHOWN": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    article = tmp_path / "wind.txt"
    article.write_text("첫 문장입니다.\n\n둘째 문장입니다.\n", encoding="utf-8")
    run = [sys.executable, "main.py"]
    opened = subprocess.run(
        [*run, "open", str(article)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert "HANBIT_SHOWN rows=2" in opened.stdout, opened.stderr
    again = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "HANBIT_SHOWN rows=2" in again.stdout  # the article's project, not the sample
