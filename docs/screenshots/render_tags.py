"""Renders grid-tags.png: an XLIFF with inline codes in the grid, tags drawn as chips, the
editor open on a target whose tags the translator placed with F9.

    xvfb-run -a -s "-screen 0 1500x900x24" .venv/bin/python docs/screenshots/render_tags.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
XLIFF = ROOT / "tests" / "documents" / "fixtures" / "xliff" / "desk" / "alipay-tags.xlf"


def render(out: Path) -> None:
    from PySide6.QtCore import QSettings, Qt, QTimer  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from PySide6.QtTest import QTest  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.app import make_application  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.project import Project, Status  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from workflows.new_project import project_from_xliff  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    tmp = Path(tempfile.mkdtemp())
    os.environ["HANBIT_DATA_DIR"] = str(tmp / "data")
    app = make_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    data = paths.data_dir()
    path = project_from_xliff(XLIFF, data)
    with Project.open(path) as project:
        first, second, _third = project.segments()
        project.set_target(first.id, "⟨1⟩Alipay⟨/1⟩ enters Australia", status=Status.TRANSLATED)
        project.set_target(second.id, "Alipay, China's largest", status=Status.DRAFT)
    (tmp / "packages").mkdir()
    window = MainWindow(path, data_dir=data, packages_dir=tmp / "packages")
    window.resize(1400, 700)
    window.show()
    window.view.go_to_row(1, edit=True)
    app.processEvents()
    editor = window.view.target_delegate.editor
    assert editor is not None
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    QTest.keyClicks(editor, " online payment company signed with ")
    QTest.keyClick(editor, Qt.Key.Key_F9)  # ⟨1/⟩: the line break
    QTest.keyClicks(editor, "Australian ")
    QTest.keyClick(editor, Qt.Key.Key_F9)  # ⟨2/⟩: the link opens
    QTest.keyClicks(editor, "merchants")
    QTest.keyClick(editor, Qt.Key.Key_F9)  # ⟨3/⟩: the link closes
    QTest.keyClicks(editor, ".")
    typed = editor.toPlainText()
    QTimer.singleShot(1200, app.quit)  # let the QA panel run
    app.exec()
    window.grab().save(str(out))
    print(out, typed)
    window.close()


if __name__ == "__main__":
    render(Path(__file__).resolve().parent / "grid-tags.png")
