"""Renders export-dialog.png (File ▸ Export…) and review-import.png (a reviewed table checked):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/render_export.py \
        docs/screenshots
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TARGETS = [
    "'10 trillion won in a day' Alibaba's sixth Alipay office is in Australia... 'Go global'",
    "Aju Business Daily, Kim Geun-jeong | Posted 2014-11-19 11:00",
    "Alibaba affiliate Ant Financial announces an Alipay office in Australia, its sixth after "
    "the US, Korea and others",
    "Alibaba's Alipay draws attention with its recent Apple Pay partnership",
]
# What the reviewer did in Word: (table row, column, text); columns 2 target, 3 status, 4 comment.
REVIEW = [
    (3, 2, "Alipay's parent announces an Australian office, its sixth after the US and Korea"),
    (3, 4, "'Ant Financial' is the 2014 name; the article says 마이미소금융."),
    (4, 2, "Alibaba's Alipay in the spotlight after its Apple Pay partnership"),
    (2, 3, "Reviewed"),
]


def main(folder: str) -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["HANBIT_DATA_DIR"] = str(tmp / "data")
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "no-packages")
    os.environ.setdefault("HANBIT_UI_LANG", "en")
    (tmp / "no-packages").mkdir()
    from PySide6.QtCore import QSettings, QTimer  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    from desktop.app import make_application  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    app = make_application(["render_export"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    import docx  # noqa: PLC0415 - heavy: python-docx only for the review table

    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.project.export_dialog import ExportDialog  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.project.review_dialog import ReviewDialog  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.settings import Settings  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.export import export_project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.project import Project, Status  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.review_import import plan_review_import  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from workflows.new_project import sample_project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    data = paths.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    project_path = sample_project(data)
    review = tmp / "alipay-review.docx"
    with Project.open(project_path) as project:
        for segment, text in zip(project.segments(), TARGETS, strict=False):
            project.set_target(segment.id, text, status=Status.TRANSLATED)
        export_project(project, review)
    document = docx.Document(str(review))
    for row, column, text in REVIEW:
        document.tables[0].rows[row].cells[column].text = text
    document.save(str(review))
    window = MainWindow(
        project_path, data_dir=data, packages_dir=tmp / "no-packages", settings=Settings()
    )
    window.resize(1300, 800)
    window.show()
    with Project.open(project_path, read_only=True) as reader:
        plan = plan_review_import(reader, review)
    export = ExportDialog("docx", window)
    check = ReviewDialog(plan, parent=window)
    out = Path(folder)

    def shoot_export() -> None:
        export.grab().save(str(out / "export-dialog.png"))
        export.close()
        check.show()
        QTimer.singleShot(600, shoot_review)

    def shoot_review() -> None:
        check.grab().save(str(out / "review-import.png"))
        print("saved", out / "export-dialog.png", out / "review-import.png", plan.summary())
        app.quit()

    export.show()
    QTimer.singleShot(800, shoot_export)
    QTimer.singleShot(15000, app.quit)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
