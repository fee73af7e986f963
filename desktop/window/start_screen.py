"""File ▸ Start Screen…: recent projects with their progress, and new or other projects."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from documents.project import Project, ProjectError, Status

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(path: Path) -> str | None:
    """ "Name — 12/38 segments confirmed" for a project file; None when it cannot be read."""
    try:
        project = Project.open(path, read_only=True)
    except (ProjectError, OSError):
        return None
    try:
        counts = project.counts()
        total = sum(c.segments for c in counts.values())
        done = counts[Status.TRANSLATED].segments + counts[Status.REVIEWED].segments
        return f"{project.name or path.stem} — {done}/{total}"
    finally:
        project.close()


class StartScreen(QDialog):
    """Lists settings' recent projects; sig_open(path) on a double-click or Open."""

    sig_open = Signal(object)  # Path

    def __init__(self, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hanbit Desk — Start"))
        self.resize(640, 420)
        self.list = QListWidget(self)
        for path in recent:
            summary = describe(path)
            modified = ""
            if summary is not None:
                stamp = datetime.fromtimestamp(path.stat().st_mtime)
                modified = stamp.strftime("%Y-%m-%d %H:%M")
                text = f"{summary}\n{path} · {modified}"
            else:
                text = self.tr("{path} (missing or unreadable)").format(path=path)
            item = QListWidgetItem(text, self.list)
            item.setData(PATH_ROLE, path)
            if summary is None:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.list.itemActivated.connect(lambda item: self._open(item))
        self.empty = QLabel(self.tr("No recent projects yet."), self)
        self.empty.setVisible(self.list.count() == 0)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        self.new_button = QPushButton(self.tr("&New Project from File…"), self)
        self.other_button = QPushButton(self.tr("Open &Other Project…"), self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.other_button):
            button.clicked.connect(self.accept)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Recent projects"), self))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.sig_open.emit(item.data(PATH_ROLE))
            self.accept()


def show_start_screen(window) -> StartScreen:
    """Open the start screen over the window; its buttons use the window's own actions."""
    screen = StartScreen(window.settings.recent_projects(), window)
    screen.sig_open.connect(window._open_checked)
    screen.new_button.clicked.connect(window._new_from_file)
    screen.other_button.clicked.connect(window._open_dialog)
    screen.finished.connect(screen.deleteLater)
    screen.open()
    return screen
