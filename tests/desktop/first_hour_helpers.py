"""Open the desk as main.py does: panels installed before the first event is processed, so the
glossary-ready signal (the curated glossary merged on a worker) always reaches them."""

from __future__ import annotations

from pathlib import Path

from desktop.settings import Settings
from desktop.window.main_window import MainWindow


def open_with_panels(qtbot, project: Path, packages: Path, data: Path, **kwargs):
    window = MainWindow(
        project, data_dir=data, packages_dir=packages, settings=Settings(), **kwargs
    )
    panels = window.features
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # shortcuts fire in the active window only
    qtbot.waitUntil(window.isActiveWindow)
    return window, panels
