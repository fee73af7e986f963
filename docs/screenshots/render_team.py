"""Render docs/screenshots/team-two-desks.png: two desks on one team termbase, side by side.

Run: xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
     .venv/bin/python docs/screenshots/render_team.py
A real PostgreSQL starts on 127.0.0.1 (tests/support/team_servers.py). Kim (terminologist, left)
adds 위어바오 → Yu'e Bao; Lee's desk (right) hears it through LISTEN/NOTIFY and highlights the
term in its grid, with "kim added Yu'e Bao" in its status bar (Kim's says the save reached
the server). Both windows live in one process, each with its own connections and listener, so
the change travels through the server exactly as between two machines. The screen is grabbed
whole (no window manager: no title bars).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QFont, QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

OUT = Path(__file__).resolve().parent / "team-two-desks.png"


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    import psycopg  # noqa: PLC0415 - optional: psycopg only for the team shot

    from support.team_servers import PostgresServer, ensure_installed  # noqa: PLC0415 - script: tests/ joins sys.path when it runs

    ensure_installed()
    server = PostgresServer()
    server.start()
    work = Path(tempfile.mkdtemp(prefix="hanbit-team-shot-"))
    try:
        run(server, work, psycopg)
    finally:
        server.close()


def run(server, work: Path, psycopg) -> None:
    import paths  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from glossary.curated import load_curated  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from glossary.model import Concept, Term  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from glossary.pg_store import ServerTermbase  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from glossary.store import Termbase  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from glossary.transfer import copy_termbase  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    url = server.create_database("hanbit")
    with psycopg.connect(server.url(), autocommit=True) as conn:
        ServerTermbase(url).close()  # the owner creates the schema and the roles
        conn.execute("CREATE ROLE kim LOGIN PASSWORD 'kim' IN ROLE hanbit_terminologist")
        conn.execute("CREATE ROLE lee LOGIN PASSWORD 'lee' IN ROLE hanbit_translator")
    # The team's termbase: the curated glossary without Yu'e Bao, which Kim adds live.
    with Termbase(work / "local.db") as local:
        load_curated(local)
        for concept in local.concepts():
            if "위어바오" in concept.forms("ko"):
                local.delete_concept(concept.id)
        with ServerTermbase(url) as team:
            copy_termbase(local, team)

    app = QApplication(sys.argv)
    app.setFont(QFont("Noto Sans CJK KR", 9))
    QCoreApplication.setOrganizationName("HanbitShots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "ini"))
    from desktop.settings import Settings  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.team.sync import apply_team_settings  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path
    from documents.project import Project  # noqa: PLC0415 - script: after the render sets its data folder and the repo on sys.path

    empty = work / "no-packages"
    empty.mkdir()
    os.environ["ARGOS_PACKAGES_DIR"] = str(empty)
    screen = QGuiApplication.primaryScreen().geometry()
    half = screen.width() // 2
    desks = []
    for number, name in enumerate(("kim", "lee")):
        os.environ["HANBIT_GLOSSARY"] = server.url(name, name, database="hanbit")
        data = work / f"data-{name}"
        data.mkdir()
        apply_team_settings(Settings(), data)
        project = work / f"{name}.hanbit"
        text = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
        Project.create(project, source_text=text, source_lang="ko", target_lang="en",
                       name=f"alipay ({name})").close()  # fmt: skip
        window = MainWindow(project, data_dir=data, packages_dir=empty, settings=Settings())
        panels = window.features
        panels.glossary.glossary_loaded()
        role = "terminologist" if number == 0 else "translator"
        window.setWindowTitle(f"Hanbit Desk — {name} ({role}) — alipay.hanbit")
        window.setGeometry(number * half, 0, half, screen.height() - 40)
        window.show()
        desks.append((window, panels))
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not all(p.team.online for _, p in desks):
        pump(100)
    for window, _ in desks:
        row = next(i for i, s in enumerate(window.model.segments()) if "위어바오" in s.source)
        window.go_to_source_row(row, center=True)
    pump(1500)

    (window_a, panels_a), (window_b, panels_b) = desks
    panels_a.termbase.add_concept(
        Concept(
            terms=[Term("ko", "위어바오"), Term("zh-Hans", "余额宝"), Term("zh-Hant", "餘額寶"),
                   Term("en", "Yu'e Bao")],
            domain="finance", note="Alibaba's online money-market fund",
        )
    )  # fmt: skip
    panels_a.lookup.refresh()
    started = time.monotonic()
    while time.monotonic() - started < 5 and not panels_b.team.last_change:
        pump(20)
    print(f"desk B heard the change after {time.monotonic() - started:.3f} s")
    for window, _ in desks:
        row = next(i for i, s in enumerate(window.model.segments()) if "위어바오" in s.source)
        window.go_to_source_row(row, center=True)
    pump(1500)
    shot = QGuiApplication.primaryScreen().grabWindow(0)
    shot.save(str(OUT))
    print("wrote", OUT, "status B:", window_b.statusBar().currentMessage())
    for window, _ in desks:
        window.close()


if __name__ == "__main__":
    main()
