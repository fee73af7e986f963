"""Renders qa-panel-ko.png: the real desk window in the Korean interface on the wind-power article
(tests/qa/fixtures/wind-power-2008.ko-en.tsv: a real published CNN story and its Korean
version), its human English translation in the targets, with the QA dock listing what the
check finds: the 와트/gigawatts unit errors, the added "4 million homes", and the weekdays
accepted for 28일 and 25일 (for information).

    xvfb-run -a -s "-screen 0 1700x1100x24" .venv/bin/python docs/screenshots/render_qa.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
ARTICLE = ROOT / "tests" / "qa" / "fixtures" / "wind-power-2008.ko-en.tsv"


def render(out: Path) -> None:
    os.environ["HANBIT_UI_LANG"] = "ko"
    tmp = Path(tempfile.mkdtemp(prefix="hanbit-qa-shot-"))
    os.environ["HANBIT_DATA_DIR"] = str(tmp / "data")
    from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from PySide6.QtWidgets import QDockWidget  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.app import make_application  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.project import Project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    pairs = [line.split("\t", 1) for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    path = tmp / "wind-power.hanbit"
    project = Project.create(
        path,
        source_text="\n\n".join(source for source, _ in pairs),
        source_lang="ko",
        target_lang="en",
        name="wind-power-2008",
    )
    segments = project.segments()
    assert len(segments) == len(pairs), (len(segments), len(pairs))
    for segment, (_source, target) in zip(segments, pairs, strict=True):
        project.set_target(segment.id, target)
    project.close()
    packages = tmp / "packages"
    packages.mkdir()
    data = paths.data_dir()
    window = MainWindow(path, data_dir=data, packages_dir=packages)
    panels = window.features
    window.resize(1600, 1080)
    window.show()
    qa_dock = next(d for d in window.findChildren(QDockWidget) if d.objectName() == "qa-dock")
    window.resizeDocks([qa_dock], [390], Qt.Orientation.Vertical)
    window.view.go_to_row(9)  # 5와트 -> 5 gigawatts

    def select_first_issue() -> None:
        # the first CRITICAL issue: 5와트 against 5 gigawatts
        rows = panels.qa.panel.model.issues()
        first = next(i for i, issue in enumerate(rows) if issue.severity == "critical")
        panels.qa.panel.table.selectRow(first)

    def grab() -> None:
        # before quitting: on quit the window closes its project and the dock empties
        window.grab().save(str(out))
        print(out, panels.qa.panel.status.text(), panels.qa.panel.model.rowCount())
        app.quit()

    QTimer.singleShot(1500, select_first_issue)
    QTimer.singleShot(2500, grab)  # QA runs off the UI thread; let it finish
    app.exec()
    window.close()


if __name__ == "__main__":
    render(Path(__file__).resolve().parent / "qa-panel-ko.png")
