"""Render the panels and dialogs of the desk to docs/screenshots/ (offscreen, real core data).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/render_panels.py
It builds the tiny test packages (so it imports test helpers, which pull in torch).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QFont  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

OUT = Path(__file__).resolve().parent


def wait_for(signal, ms: int = 10000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(OUT / name))
    print("wrote", OUT / name)


def main() -> None:
    app = QApplication(sys.argv)
    app.setFont(QFont("Noto Sans CJK KR", 10))
    import paths  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.glossary.candidates_dialog import CandidatesDialog  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.glossary.import_dialog import ImportDialog  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.glossary.manager import GlossaryManager  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.glossary.panel import GlossaryPanel  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.glossary.term_lookup import TermLookup  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.memory.panel import TMPanel  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.packages.manager import PackageManager  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.qa.panel import QAPanel  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.qa.worker import segment_check  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.settings import Settings  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.tasks import task_runner  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from documents.project import Project, Segment  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from glossary.curated import load_curated  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from glossary.matching import TermMatcher  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from glossary.store import Termbase  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from memory.store import TranslationMemory  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from qa.checks import forbidden_renderings  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from support.tiny_package import build_copy_package, train_sentencepiece  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs

    task_runner().inline = True  # deterministic pictures: checks finish before the grab
    work = Path(tempfile.mkdtemp(prefix="hanbit-shots-"))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    termbase = Termbase(work / "glossary.db")
    load_curated(termbase)

    manager = GlossaryManager(termbase, "ko", "en")
    manager.resize(1100, 520)
    manager.table.selectRow(1)
    save(manager, "glossary-manager.png")

    glossary_file = work / "import.csv"
    glossary_file.write_text(
        "ko,en,domain\n앤트파이낸셜,Ant Financial,company\n알리페이,Alipay,payments\n"
        "마윈,Alipay,person\n,,\n",
        encoding="utf-8",
    )
    plan = ImportDialog(termbase, glossary_file)
    save(plan, "glossary-import.png")
    plan.close()

    lookup = TermLookup(termbase, "ko", "en")
    panel = GlossaryPanel(lookup)
    project = Project.create(
        work / "article.hanbit",
        source_text=paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"),
        source_lang="ko",
        target_lang="en",
    )
    segments = project.segments()
    candidates = CandidatesDialog(termbase, [s.source for s in segments], "ko")
    candidates.resize(1000, 360)
    save(candidates, "term-candidates.png")
    candidates.close()
    panel.set_source(segments[4].source)
    panel.resize(640, 220)
    save(panel, "glossary-panel.png")

    targets = {
        5: "Alibaba's Ali Pay will open its sixth overseas branch in Australia. [Photo=Baidu]",
        9: "Alibaba now has 6 overseas branches: the US, Singapore, Korea, the UK, Luxembourg "
        "and Australia, the paper said.",
        12: "Ant Financial also invested $1.5 million in V-Key, a Singapore mobile security "
        "company, in a Series B round.",
    }
    for segment in segments:
        if segment.number in targets:
            project.set_target(segment.id, targets[segment.number])
    concepts = termbase.concepts()
    matcher = TermMatcher(concepts, "ko", "en")
    qa = QAPanel(segment_check("ko", "en", matcher, forbidden_renderings(concepts, "en")))
    qa.set_project(project)
    qa.resize(760, 300)
    save(qa, "qa-panel.png")

    memory_path = work / "memory.db"
    with TranslationMemory(memory_path) as memory:
        memory.add(
            "알리바바 알리페이가 미국에 5번째 글로벌 지사를 설립할 예정이다.",
            "Alibaba's Alipay will open its fifth global branch in the United States.",
            "ko",
            "en",
            origin="alipay-us-2014",
        )
        memory.add(
            "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립했다.",
            "Alibaba's Alipay has opened its sixth global branch in Australia.",
            "ko",
            "en",
            origin="alipay-au-2014",
        )
    tm = TMPanel(memory_path, "ko", "en", settings=Settings(settings))
    tm.resize(760, 240)
    tm.show()
    source = "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다."
    tm.segment_changed(Segment(99, 5, 0, source))
    wait_for(tm.sig_matches_shown)
    save(tm, "tm-panel.png")
    tm.shutdown()

    packages = work / "packages"
    packages.mkdir()
    model = train_sentencepiece(work / "sentencepiece.model")
    build_copy_package(packages, "ko", "en", sentencepiece_model=model)
    build_copy_package(packages, "en", "zh", sentencepiece_model=model)
    dialog = PackageManager(packages, Settings(settings))
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
    dialog.show_message("Installed Korean → English 1.0.")
    save(dialog, "package-manager.png")
    project.close()
    termbase.close()
    render_window(work, packages, settings)
    app.quit()


def render_window(work: Path, packages: Path, settings: QSettings) -> None:
    """The desk window with its docks, on the article, segment 5 current."""
    from desktop.settings import Settings  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.tasks import task_runner  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - script: the repo and tests/ join sys.path when it runs

    data = work / "data"
    data.mkdir()
    (work / "memory.db").rename(data / "memory.db")
    window = MainWindow(
        work / "article.hanbit", data_dir=data, packages_dir=packages, settings=Settings(settings)
    )
    panels = window.features
    task_runner().wait()
    QApplication.processEvents()
    panels.glossary.glossary_loaded()
    window.resize(1500, 900)
    window.show()
    window.go_to_source_row(4)
    wait_for(panels.memory.panel.sig_matches_shown, 3000)
    save(window, "desk-with-panels.png")
    window.close()


if __name__ == "__main__":
    main()
