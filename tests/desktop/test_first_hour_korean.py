"""Issue 15 item 8: a draft says where it came from (MT, memory with its score, typed), and the
package manager's headers and pair names follow the interface language."""

from __future__ import annotations

from desk_helpers import open_window
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.grid.segment_model import COL_STATUS, tm_origin
from desktop.packages.manager import PackageManager, pair_label
from documents.project import Status

KO = {
    ("LanguageNames", "Korean"): "한국어",
    ("LanguageNames", "English"): "영어",
    ("LanguageNames", "Chinese (Simplified)"): "중국어(간체)",
    ("PackageManager", "Pair"): "언어 쌍",
    ("PackageManager", "Version"): "버전",
    ("SegmentModel", "draft · memory {score}%"): "초안 · 메모리 {score}%",
}


class _Korean(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D102
        return KO.get((context, source), "")


def _status(window, row: int) -> str:
    return window.model.index(row, COL_STATUS).data()


def test_a_draft_shows_where_its_target_came_from(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    model = window.model
    first, second, third = model.segment_ids()[:3]
    model.store_mt(first, "Alipay launched.", {})
    model.change(second, "From the memory.", Status.DRAFT, origin=tm_origin(100))
    model.store_mt(third, "Machine draft.", {})
    model.change(third, "Machine draft, edited.", Status.DRAFT)
    assert [_status(window, row) for row in range(3)] == [
        "draft · MT",
        "draft · memory 100%",
        "draft · typed",
    ]
    model.undo(third)  # back to the MT draft, and so is the label
    assert _status(window, 2) == "draft · MT"
    model.change(first, "Alipay launched.", Status.TRANSLATED)
    assert _status(window, 0) == "translated"
    # A reopened project reads the origin from the stored history.
    window.open_project(article_project)
    assert _status(window, 1) == "draft · memory 100%"


def test_korean_interface_names_the_pairs_and_headers_in_korean(qtbot, qapp, empty_packages_dir):
    translator = _Korean()
    QCoreApplication.installTranslator(translator)
    try:
        assert pair_label("ko", "en") == "한국어 → 영어"
        assert pair_label("en", "zh") == "영어 → 중국어(간체)"  # Argos's zh is zh-Hans
        manager = PackageManager(empty_packages_dir)
        qtbot.addWidget(manager)
        header = manager.tree.headerItem()
        assert [header.text(0), header.text(1)] == ["언어 쌍", "버전"]
        window_label = QCoreApplication.translate("SegmentModel", "draft · memory {score}%")
        assert window_label.replace("{score}", "87") == "초안 · 메모리 87%"
    finally:
        QCoreApplication.removeTranslator(translator)
