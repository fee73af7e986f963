"""`main.py open [FILE]`: the desk's window on a project, a new article, or the bundled sample."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

import paths
from workflows.suffixes import PROJECT_SUFFIX, XLIFF_SUFFIXES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "open",
        help="open the translation window (the default command)",
        description=(
            "Open the window. No FILE: the project worked on last (the bundled sample article on "
            "a first start). A .hanbit FILE: that project. "
            "A .txt/.md/.html/.docx FILE: a new project from it, saved in the data folder. "
            "A .xlf/.xliff FILE: a new project with its segments, targets and languages."
        ),
    )
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE")
    parser.add_argument("--packages", type=Path, metavar="DIR", help="Argos packages folder")
    parser.add_argument("--data-dir", type=Path, metavar="DIR", help="the desk's data folder")
    parser.add_argument(
        "--source", metavar="LANG", help="source language of a new project (default: detected)"
    )
    parser.add_argument(
        "--target",
        metavar="LANG",
        help="target language of a new project (default: en, or ko for an English source)",
    )
    parser.set_defaults(func=run)


def last_project() -> Path | None:
    """The project the translator worked on last (then the other recent ones), if still there;
    None on a first start, when the sample is opened instead."""
    from desktop.settings import Settings  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    settings = Settings()
    candidates = [settings.last_project(), *settings.recent_projects()]
    return next((path for path in candidates if path is not None and path.is_file()), None)


def resolve_project(args: argparse.Namespace, data: Path) -> Path:
    """The project file to open, creating it first for an article or the sample."""
    # The readers (trafilatura, lxml, the detectors) load only to make a project: reopening
    # one, the everyday start, does not need them.
    file: Path | None = args.file
    if file is None:
        if (last := last_project()) is not None:
            return last
        from workflows.new_project import sample_project  # noqa: PLC0415 - start-up: the readers (trafilatura, lxml) load only to make a project

        return sample_project(data, target_lang=args.target or "en")
    if file.suffix.lower() == PROJECT_SUFFIX:
        return file
    if file.suffix.lower() in XLIFF_SUFFIXES:  # the languages come from the file
        from documents.xliff_import import XliffImportError  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file
        from workflows.new_project import project_from_xliff  # noqa: PLC0415 - start-up: the readers (trafilatura, lxml) load only to make a project

        try:
            return project_from_xliff(file, data)
        except XliffImportError as error:  # said as the other bad inputs are
            raise ValueError(str(error)) from None
    # The same reading as New Project and `main.py new`: a page's article, not its menus; the
    # language detected from the text unless given. (Imported here: trafilatura and the
    # detectors are not needed to reopen a project.)
    from workflows.new_project import create_project, default_target, free_path, prepare  # noqa: PLC0415 - start-up: the readers (trafilatura, lxml) load only to make a project

    prepared = prepare(file)
    source = args.source or prepared.language.code or "ko"
    target = args.target or default_target(source)
    out = free_path(paths.projects_dir(data), file, source, target)
    return create_project(prepared, out, source_lang=source, target_lang=target)


def packages_folder(given: Path | None, settings) -> Path:
    """--packages, then ARGOS_PACKAGES_DIR, then the folder chosen in the package manager
    (Settings.packages_dir), then Argos's own."""
    chosen = given or os.environ.get("ARGOS_PACKAGES_DIR") or settings.packages_dir()
    return Path(chosen) if chosen else paths.packages_dir()


def run(args: argparse.Namespace) -> int:
    from desktop.app import make_application  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from desktop.settings import Settings  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from desktop.window.main_window import MainWindow  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help
    from documents.project import ProjectError  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    data = paths.data_dir(args.data_dir)
    app = make_application()  # first: the last project is read from the application's settings
    try:
        project_path = resolve_project(args, data)
    except (ProjectError, OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    settings = Settings()
    from desktop.team.sync import apply_team_settings  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    apply_team_settings(settings, data)  # a team's server URLs, saved in Team ▸ Team Servers
    packages = packages_folder(args.packages, settings)
    try:
        window = MainWindow(project_path, data_dir=data, packages_dir=packages, settings=settings)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    window.show()
    if os.environ.get("HANBIT_EXIT_WHEN_SHOWN"):
        _exit_when_painted(app, window)
    # Ctrl+C in the terminal quits (Qt's event loop would otherwise swallow SIGINT).
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    return app.exec()


def _exit_when_painted(app, window) -> None:
    """Start-up benchmark hook: print a marker and quit once the grid has painted its rows."""
    from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: PLC0415 - headless: loads when the command runs, not on main.py --help

    class PaintWatch(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint and window.view.model().rowCount() > 0:
                watched.removeEventFilter(self)
                # After this paint has finished: the rows are on screen.
                QTimer.singleShot(0, done)
            return False

    def done() -> None:
        print(f"HANBIT_SHOWN rows={window.view.model().rowCount()}", flush=True)
        window.close()
        app.quit()

    watch = PaintWatch(window)  # a child of the window: it lives as long as the window
    window.view.viewport().installEventFilter(watch)
