"""Language names follow the UI language in the pair selector, the banner and the status bar."""

from __future__ import annotations

from desk_helpers import open_window
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.app import install_translator
from desktop.language_names import display_name
from documents.project import Project


def _korean(qapp):
    translator = install_translator(qapp, QLocale("ko_KR"))
    assert translator is not None
    return translator


def _remove(translator) -> None:
    QCoreApplication.removeTranslator(translator)
    QCoreApplication.removeTranslator(translator.property("qt_strings"))


def test_korean_ui_names_languages_in_korean(
    qtbot, qapp, tmp_path, article_project, empty_packages_dir, tiny_packages_dir, data_dir
):
    translator = _korean(qapp)
    try:
        assert [display_name(c) for c in ("ko", "zh-Hans", "zh-Hant", "en")] == [
            "한국어",
            "중국어(간체)",
            "중국어(번체)",
            "영어",
        ]
        bare = open_window(qtbot, article_project, empty_packages_dir, data_dir)
        assert "한국어 → 영어" in bare.banner.text() and "Korean" not in bare.banner.text()
        project = tmp_path / "zh.hanbit"
        Project.create(project, source_text="알리페이.", source_lang="ko", target_lang="zh-Hans")
        window = open_window(qtbot, project, tiny_packages_dir, data_dir)
        assert window.pair_selector.combo.currentText().startswith("한국어 → 중국어(간체)")
        assert "한국어 → 영어" in window.pair_selector.labels()
        assert "한국어 → 영어" in window.summary.route.text()
        assert not any("Korean" in label for label in window.pair_selector.labels())
    finally:
        _remove(translator)
    assert display_name("ko") == "Korean"
