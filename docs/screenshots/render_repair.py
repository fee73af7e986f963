"""Renders term-repaired.png: the sample article translated by a tiny package that garbles names
(Australia -> "Auraralia", Alipay -> "Ali", Baidu -> "Bedu"), with the grid's tooltip on a
segment whose terms enforcement repaired, saying what the model wrote.

    xvfb-run -a -s "-screen 0 1500x950x24" .venv/bin/python docs/screenshots/render_repair.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def render(out: Path) -> None:
    from PySide6.QtCore import QEventLoop, QPoint, QSettings, QTimer  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from PySide6.QtWidgets import QToolTip  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.app import make_application  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.grid.segment_model import COL_TARGET, enforcement_tooltip  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from support.tiny_package import GARBLING, build_copy_package, train_sentencepiece  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from workflows.new_project import sample_project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    tmp = Path(tempfile.mkdtemp())
    os.environ["HANBIT_DATA_DIR"] = str(tmp / "data")
    packages = tmp / "packages"
    packages.mkdir()
    model = train_sentencepiece(tmp / "sentencepiece.model")
    build_copy_package(packages, "ko", "en", sentencepiece_model=model, garble=GARBLING)
    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    data = paths.data_dir()
    window = MainWindow(sample_project(data), data_dir=data, packages_dir=packages)
    window.setGeometry(0, 0, 1480, 930)  # MainWindow.move is the segment move action
    window.show()
    loop = QEventLoop()
    window.sig_translation_finished.connect(lambda completed: loop.quit())
    if window.translate_all():
        loop.exec()
    ids = window.model.segment_ids()
    row = next(
        i
        for i, segment_id in enumerate(ids)
        if "Australia에 6번째 글로벌" in (window.model.segment(segment_id).target or "")
    )
    window.view.go_to_row(row)
    segment = window.model.segment(ids[row])
    text = enforcement_tooltip(segment)
    print(text)

    def show_tip() -> None:
        index = window.view.model().index(row, COL_TARGET)
        rect = window.view.visualRect(index)
        at = window.view.viewport().mapToGlobal(rect.center())
        QToolTip.showText(at, text, window.view.viewport())

    def grab() -> None:
        # The tooltip is a window of its own: paint it onto the main window's picture where
        # it stands (Xvfb has no compositor to grab the screen from).
        from PySide6.QtGui import QPainter  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

        picture = window.grab()
        painter = QPainter(picture)
        for widget in app.topLevelWidgets():
            if widget.inherits("QTipLabel") and widget.isVisible():
                # Where Qt puts it below the pointer on a real screen: under the hovered cell
                rect = window.view.visualRect(window.view.model().index(row, COL_TARGET))
                at = window.view.viewport().mapTo(window, rect.center()) + QPoint(-40, 14)
                painter.drawPixmap(at, widget.grab())
        painter.end()
        picture.save(str(out))
        app.quit()

    QTimer.singleShot(400, show_tip)
    QTimer.singleShot(1200, grab)
    app.exec()
    window.close()
    print(out)


if __name__ == "__main__":
    render(Path(__file__).resolve().parent / "term-repaired.png")
