"""Renders tm-fuzzy.png (the sample with an 88% memory match, differences highlighted) or
window-ko.png (the same window in the Korean UI):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/render_workflow.py \
        en docs/screenshots/tm-fuzzy.png
    ... render_workflow.py ko docs/screenshots/window-ko.png
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
    "Alibaba's Alipay draws attention with its recent Apple Pay partnership... a strategy for a "
    "leap into global markets",
    "Alibaba's Alipay will set up its sixth global office in Australia. [Photo = Baidu]",
]
CURRENT = 8  # 이로써 알리바바의 해외지사는 미국·싱가포르·한국·영국·룩셈부르크에 이어 호주까지 …
MEMORY = [
    (
        "이로써 알리바바의 해외지사는 미국·싱가포르·한국·영국에 이어 룩셈부르크까지 총 5개로 "
        "늘어났다고 신문은 소개했다.",
        "Alibaba's overseas offices thus grew to five, with Luxembourg after the US, Singapore, "
        "Korea and Britain, the paper said.",
    ),
    (
        "알리바바 알리페이가 영국에 5번째 글로벌 지사를 설립할 예정이다.",
        "Alibaba's Alipay will set up its fifth global office in Britain.",
    ),
]


def main(language: str, out: str) -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["HANBIT_DATA_DIR"] = str(tmp / "data")
    os.environ["ARGOS_PACKAGES_DIR"] = str(tmp / "no-packages")
    os.environ["HANBIT_UI_LANG"] = language
    (tmp / "no-packages").mkdir()
    from PySide6.QtCore import QSettings, QTimer  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    from desktop.app import make_application  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    app = make_application(["render_workflow"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.settings import Settings  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.project import Project, Status  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from memory.store import TranslationMemory  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from workflows.new_project import sample_project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    data = paths.data_dir()
    data.mkdir(parents=True, exist_ok=True)
    project_path = sample_project(data)
    with Project.open(project_path) as project:
        for segment, text in zip(project.segments(), TARGETS, strict=False):
            status = Status.TRANSLATED if segment.number < len(TARGETS) else Status.DRAFT
            project.set_target(segment.id, text, status=status)
    with TranslationMemory(paths.memory_path(data=data)) as memory:
        for source, target in MEMORY:
            memory.add(source, target, "ko", "en", origin="Alipay Europe 2014")
    window = MainWindow(
        project_path, data_dir=data, packages_dir=tmp / "no-packages", settings=Settings()
    )
    panels = window.features
    window.resize(1500, 900)
    window.show()

    def shoot() -> None:
        window.grab().save(out)
        print("saved", out, [match.score for match in panels.memory.panel.matches()])
        app.quit()

    def go() -> None:
        panels.memory.panel.sig_matches_shown.connect(lambda: QTimer.singleShot(600, shoot))
        window.go_to_source_row(CURRENT)

    QTimer.singleShot(800, go)
    QTimer.singleShot(15000, app.quit)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
