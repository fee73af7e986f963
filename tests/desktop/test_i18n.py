"""The Korean UI: every desk string translated, the .qm built from the .ts, menus in Korean."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from desk_helpers import open_window
from lxml import etree
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.app import I18N_DIR, install_translator
from desktop.settings import Settings
from desktop.window.ui_language import KEY, ui_locale

HANGUL = re.compile("[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{[^}]*\}|%\w")  # {count}, %s, %n: not words to translate
REPO = Path(__file__).resolve().parents[2]
BIN = Path(shutil.which("pyside6-lupdate") or REPO / ".venv/bin/pyside6-lupdate").parent
TS = I18N_DIR / "hanbit_ko.ts"


def _messages(ts: Path) -> dict[tuple[str, str], etree._Element]:
    tree = etree.parse(str(ts))
    return {
        (m.getparent().findtext("name"), m.findtext("source")): m.find("translation")
        for m in tree.iter("message")
    }


def test_every_desk_string_has_a_finished_korean_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    # every module of every feature folder, as the .ts is made (docs/window.md)
    sources = sorted(str(p) for p in (REPO / "desktop").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True, capture_output=True
    )
    extracted = set(_messages(fresh))
    shipped = _messages(TS)
    assert extracted - set(shipped) == set(), "strings missing from hanbit_ko.ts: run lupdate"
    for key, translation in shipped.items():
        text = "".join(translation.itertext()).strip()
        assert translation.get("type") is None and text, f"unfinished: {key}"
        words = PLACEHOLDER.sub("", key[1]).replace("QA", "")
        assert HANGUL.search(text) or not any(c.isalpha() for c in words), f"not Korean: {key}"


def test_qm_is_built_from_the_current_ts(tmp_path):
    built = tmp_path / "hanbit_ko.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(built)], check=True, capture_output=True
    )
    assert built.read_bytes() == (I18N_DIR / "hanbit_ko.qm").read_bytes(), "run lrelease"


def test_with_a_korean_locale_the_window_reads_in_korean(
    qtbot, qapp, article_project, empty_packages_dir, data_dir
):
    translator = install_translator(qapp, QLocale("ko_KR"))
    assert translator is not None
    try:
        window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
        panels = window.features
        menus = [action.text() for action in window.menuBar().actions()]
        assert menus[:5] == ["파일(&F)", "편집(&E)", "세그먼트(&S)", "번역(&T)", "패키지(&P)"]
        assert "용어집(&G)" in menus
        assert window.actions["segment.confirm"].text() == "확정 후 다음 미확정 세그먼트로(&C)"
        assert window.model.headerData(2, Qt.Orientation.Horizontal) == "번역문"
        assert "번역 메모리" in [
            d.windowTitle() for d in (panels.glossary.dock, panels.memory.dock, panels.qa.dock)
        ]
        assert "번역 완료" in window.summary.counts.text()
        # Qt's own standard buttons follow: a dialog's Cancel is 취소, not Cancel.
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "취소"
    finally:
        QCoreApplication.removeTranslator(translator)
        QCoreApplication.removeTranslator(translator.property("qt_strings"))
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_interface_language_follows_env_then_setting_then_system(monkeypatch):
    settings = QSettings()
    monkeypatch.delenv("HANBIT_UI_LANG", raising=False)
    settings.setValue(KEY, "")
    assert ui_locale(Settings(settings)).name() == QLocale.system().name()
    settings.setValue(KEY, "ko")
    assert ui_locale(Settings(settings)).language() == QLocale.Language.Korean
    monkeypatch.setenv("HANBIT_UI_LANG", "en")
    assert ui_locale(Settings(settings)).language() == QLocale.Language.English


def test_view_menu_choice_is_kept_for_the_next_start(
    qtbot, monkeypatch, article_project, empty_packages_dir, data_dir
):
    monkeypatch.delenv("HANBIT_UI_LANG", raising=False)
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    assert window.language_actions[""].isChecked()  # a fresh install follows the system
    window.language_actions["ko"].trigger()
    assert "starts again" in window.statusBar().currentMessage()
    assert ui_locale(Settings()).language() == QLocale.Language.Korean


def test_a_string_that_moved_to_another_class_keeps_its_translation(tmp_path, capsys):
    """lupdate marks a moved string unfinished in its new context and leaves the old entry
    vanished; fill_ko carries the translation over and drops what is gone."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("fill_ko", I18N_DIR / "fill_ko.py")
    fill_ko = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill_ko)
    ts = tmp_path / "moved.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context><name>PanelSet</name>
  <message><source>Check document</source>
    <translation type="vanished">문서 검사</translation></message>
</context>
<context><name>QAPanel</name>
  <message><source>Check document</source><translation type="unfinished"></translation></message>
  <message><source>Never flag</source><translation type="unfinished"></translation></message>
</context>
</TS>
""",
        encoding="utf-8",
    )
    assert fill_ko.main(ts) == 1  # one string is new: translate it in the .ts
    assert capsys.readouterr().out == "untranslated: 'Never flag'\n"
    messages = _messages(ts)
    assert set(messages) == {("QAPanel", "Check document"), ("QAPanel", "Never flag")}
    moved = messages[("QAPanel", "Check document")]
    assert (moved.text, moved.get("type")) == ("문서 검사", None)
