"""Issue 15 item 9 and issue 18 item 15: dialogs start in the user's folders, exports and
projects get the article's name, counts never go stale, no traceback on a quick close or for
a pair the memory does not hold."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desk_helpers import open_window
from PySide6.QtWidgets import QFileDialog

from desktop.glossary.candidates_dialog import CandidatesDialog
from desktop.memory.panel import TMPanel
from desktop.project.dialogs import ask_new_project
from desktop.project.files import export_name
from desktop.settings import Settings
from documents.project import Project, Status
from glossary.store import Termbase
from memory.store import TranslationMemory
from paths import memory_path
from workflows.new_project import project_from_source

ROOT = Path(__file__).resolve().parents[2]
WIND = "온코어(Oncor)와 일렉스틸 트랜스미션 텍사스(ETT)가 송전선을 짓는다.\n\n풍력 발전이 늘었다."


def test_an_article_named_with_its_language_makes_wind_article_ko_en(data_dir, tmp_path):
    article = tmp_path / "wind_article.ko.txt"
    article.write_text(WIND, encoding="utf-8")
    path = project_from_source(article, data_dir, source_lang="ko", target_lang="en")
    assert path.name == "wind_article.ko-en.hanbit"  # not wind_article.ko.ko-en
    with Project.open(path) as project:
        assert project.name == "wind_article"
        assert export_name(project) == "wind_article.en"


def test_new_project_dialog_starts_in_documents_then_in_the_last_folder(
    qtbot, data_dir, tmp_path, monkeypatch
):
    asked: list[str] = []
    chosen = tmp_path / "articles" / "wind.txt"
    chosen.parent.mkdir()

    def fake_open(parent, title, folder, patterns):
        asked.append(folder)
        return "", ""  # cancelled

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_open)
    assert ask_new_project(None, [], data_dir) is None
    assert asked[0] != os.getcwd() and asked[0] != "" and str(data_dir) not in asked[0]
    Settings().set_last_folder("article", chosen.parent)
    ask_new_project(None, [], data_dir)
    assert asked[1] == str(chosen.parent)


def test_the_candidate_count_follows_adds_and_dismissals(qtbot, tmp_path):
    termbase = Termbase(tmp_path / "g.db")
    sources = [
        "알리페이(Alipay)는 호주에서 시작했다.",
        "위어바오(余額寶)는 인기다.",
        "앤트파이낸셜(Ant Financial)이 투자했다.",
    ]
    dialog = CandidatesDialog(termbase, sources, "ko")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 1, timeout=10_000)
    total = dialog.table.rowCount()
    assert dialog.status.text().startswith(f"{total} candidates.")
    dialog.table.selectRow(0)
    assert dialog.accept_selected() == 1
    assert dialog.status.text().startswith(
        f"{total - 1} candidates." if total > 2 else "1 candidate."
    )
    dialog.table.selectRow(0)
    dialog.dismiss_selected()
    left = dialog.table.rowCount()
    assert str(left) in dialog.status.text() or "No new names" in dialog.status.text()
    termbase.close()


def test_replace_all_updates_the_find_count_and_the_memory_panel(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    path = tmp_path / "p.hanbit"
    Project.create(path, source_text=WIND, source_lang="ko", target_lang="en", name="p").close()
    window = open_window(qtbot, path, empty_packages_dir, data_dir)
    panels = window.features
    panels.memory.panel.autofill.setChecked(False)
    ids = window.model.segment_ids()
    window.model.change(ids[0], "Oncor and ETT build lines.", Status.TRANSLATED)
    window.model.change(ids[1], "Wind power grew for Oncor.", Status.TRANSLATED)
    window.go_to_source_row(0)
    bar = window.find_bar
    bar.open(True)
    bar.find_edit.setText("Oncor")
    bar.replace_edit.setText("Oncor Electric")
    bar.find_next()
    assert bar.result.text() == "2 match(es)"
    bar.find_edit.setText("Oncor and")
    with qtbot.waitSignal(panels.memory.panel.sig_matches_shown, timeout=10_000):
        window.go_to_source_row(0)  # the memory panel shows this segment's own unit
    assert [m.unit.target for m in panels.memory.panel.matches()] == ["Oncor and ETT build lines."]
    with qtbot.waitSignal(panels.memory.panel.sig_matches_shown, timeout=10_000):
        assert bar.replace_all() == 1
    assert bar.result.text() == "not found"  # not the count from before the replace

    def shown() -> list[str]:
        return [m.unit.target for m in panels.memory.panel.matches()]

    qtbot.waitUntil(lambda: shown() == ["Oncor Electric ETT build lines."], timeout=10_000)


def test_the_memory_panel_says_it_does_not_hold_a_pair_without_a_traceback(qtbot, data_dir, caplog):
    TranslationMemory(memory_path(data=data_dir)).close()
    panel = TMPanel(memory_path(data=data_dir), "ja", "en")
    qtbot.addWidget(panel)
    panel.prepare()
    qtbot.waitUntil(lambda: "not one the memory holds" in panel.status.text(), timeout=10_000)
    assert "Traceback" not in caplog.text and "background task failed" not in caplog.text
    panel.shutdown()


def test_closing_right_after_opening_leaves_no_traceback(tmp_path, empty_packages_dir):
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "HANBIT_DATA_DIR": str(tmp_path / "fresh"),  # a first start: the glossary is merged
        "ARGOS_PACKAGES_DIR": str(empty_packages_dir),
        "HANBIT_EXIT_WHEN_SHOWN": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "main.py"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert "HANBIT_SHOWN rows=" in done.stdout
    assert "Traceback" not in done.stderr and "Signal source has been deleted" not in done.stderr


def test_panels_installed_after_the_glossary_merge_still_open_the_termbase(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    qtbot.waitUntil(lambda: window.glossary_is_ready, timeout=30_000)
    panels = window.features  # late: the glossary_ready signal has gone by
    assert panels.glossary.termbase is not None
    qtbot.waitUntil(lambda: panels.glossary.lookup.matcher() is not None, timeout=10_000)
