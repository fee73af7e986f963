"""Renders the desk window: window.png is the sample article after Translate all with the tiny
copy package (so the "translation" is the source with glossary terms injected), window-panels.png
the same with the glossary, TM and QA docks, window-no-package.png the window with no package.

    xvfb-run -a -s "-screen 0 1700x1100x24" .venv/bin/python docs/screenshots/render_window.py \
        [window | panels | no-package]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def render(out: Path, with_package: bool, panels: bool = False) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.app import make_application  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.project import Status  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from support.tiny_package import build_copy_package, train_sentencepiece  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from workflows.new_project import sample_project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    tmp = Path(tempfile.mkdtemp())
    os.environ["HANBIT_DATA_DIR"] = str(tmp / "data")
    packages = tmp / "packages"
    packages.mkdir()
    if with_package:
        model = train_sentencepiece(tmp / "sentencepiece.model")
        build_copy_package(packages, "ko", "en", sentencepiece_model=model)
    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    data = paths.data_dir()
    window = MainWindow(sample_project(data), data_dir=data, packages_dir=packages)
    if not panels:  # the grid alone, as the window looked before its docks
        for feature in (window.features.glossary, window.features.memory, window.features.qa):
            feature.dock.hide()
    window.resize(*((1600, 1000) if panels else (1500, 950)))
    window.show()
    loop = QEventLoop()
    window.sig_translation_finished.connect(lambda completed: loop.quit())
    if window.translate_all():
        loop.exec()
    ids = window.model.segment_ids()
    window.model.set_status(ids[0], Status.TRANSLATED) if window.model.segment(
        ids[0]
    ).target else None
    window.view.go_to_row(3)
    # panels: let QA and TM finish; the picture is taken while the application still runs
    QTimer.singleShot(3000 if panels else 300, lambda: (window.grab().save(str(out)), app.quit()))
    app.exec()
    window.close()
    print(out, window.summary.counts.text())


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    mode = sys.argv[1] if len(sys.argv) > 1 else "window"
    if mode == "no-package":
        render(here / "window-no-package.png", with_package=False)
    elif mode == "panels":
        render(here / "window-panels.png", with_package=True, panels=True)
    else:
        render(here / "window.png", with_package=True)
