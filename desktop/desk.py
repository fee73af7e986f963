"""What a feature of the window may use: the typed desk.

A feature (the glossary, the memory, QA, the team servers …) is built by the main window from
its fixed list (desktop.window.features) and given the window as a Desk. It reads the open
project and grid through it, docks its panel, registers its actions under stable ids, and
listens to the desk's signals; it never sets attributes on the window or reaches into its
private members. desktop.window.main_window.MainWindow is the one class that implements it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

if TYPE_CHECKING:
    from desktop.actions import ActionRegistry
    from desktop.grid.segment_model import SegmentModel
    from desktop.grid.segment_view import SegmentView
    from desktop.settings import Settings
    from desktop.tasks import TaskRunner
    from desktop.window.features import Features
    from desktop.window.status_summary import StatusSummary
    from documents.project import Project, Segment
    from translation.engine import Engine

# The window's menus a feature may add to, by id (desk.menu(id)); a feature's own menu is
# added with desk.add_menu(id, title) and found by the same id afterwards.
MENU_IDS = ("file", "edit", "segment", "translate", "packages", "view", "panels")


class Desk(Protocol):
    """The main window as its features see it."""

    # Emitted with the Project each time one is opened (the first one included).
    sig_project_opened: SignalInstance
    # The curated glossary is merged into the termbase; glossary_is_ready stays True after.
    sig_glossary_ready: SignalInstance
    # Translate all ended: True when it completed, False when cancelled or failed.
    sig_translation_finished: SignalInstance
    # The window is closing: stop timers and let go of the project (it is closed right after).
    sig_closing: SignalInstance

    @property
    def project(self) -> Project | None: ...
    @property
    def model(self) -> SegmentModel | None: ...
    @property
    def view(self) -> SegmentView: ...
    @property
    def settings(self) -> Settings: ...
    @property
    def runner(self) -> TaskRunner: ...
    @property
    def engine(self) -> Engine: ...
    @property
    def data_dir(self) -> Path: ...
    @property
    def packages_dir(self) -> Path: ...
    @property
    def actions(self) -> ActionRegistry: ...
    @property
    def features(self) -> Features: ...
    @property
    def summary(self) -> StatusSummary: ...
    @property
    def glossary_is_ready(self) -> bool: ...

    def after_first_paint(self, work: Callable[[], object]) -> None:
        """Run work once the grid has painted its rows (at once if it has): what fills a panel
        at start-up waits, so that the article is on screen first."""
        ...

    def widget(self) -> QMainWindow:
        """The window itself, as the parent of a feature's dialogs."""
        ...

    def pair(self) -> tuple[str, str]:
        """The open project's source and target language (ko → en before any is open)."""
        ...

    def menu(self, menu_id: str) -> QMenu: ...

    def add_menu(self, menu_id: str, title: str) -> QMenu:
        """A menu of the menu bar for a feature, before View (title: already translated)."""
        ...

    def add_dock(
        self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea
    ) -> None:
        """Dock a panel beside the grid and list it in View ▸ Panels."""
        ...

    def show_message(self, text: str, timeout_ms: int = 5000) -> None:
        """A passing message in the status bar."""
        ...

    def current_segment_id(self) -> int: ...

    def go_to_segment(self, segment_id: int) -> None:
        """Select the segment in the grid (showing every status if the filter hides it)."""
        ...

    def insert_into_target(self, text: str) -> None:
        """Insert at the cursor of the current target editor, opening it if needed."""
        ...

    def open_package_manager(self) -> QMainWindow | object: ...

    def retranslate(self, scope: str) -> int: ...


def dock(title: str, name: str, widget: QWidget, desk: Desk) -> QDockWidget:
    """A dock for a feature's panel; saveState()/restoreState() find it by its object name."""
    result = QDockWidget(title, desk.widget())
    result.setObjectName(name)
    result.setWidget(widget)
    return result


def current_segment(desk: Desk, segment_id: int | None = None) -> Segment | None:
    """The segment with this id (the current one when None) in the open grid, if any."""
    model = desk.model
    segment_id = desk.current_segment_id() if segment_id is None else segment_id
    if model is None or segment_id < 0:
        return None
    try:
        return model.segment(segment_id)
    except (KeyError, LookupError):
        return None
