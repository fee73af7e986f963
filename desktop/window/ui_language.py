"""The interface language: HANBIT_UI_LANG, then View ▸ Interface Language, then the system."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction, QActionGroup

from desktop.settings import UI_LANGUAGE_KEY as KEY  # noqa: F401 - tests set it directly
from desktop.settings import Settings

# Each language in its own name: a translator lost in a foreign UI still finds theirs.
LANGUAGES = (("", None), ("en", "English"), ("ko", "한국어"))


def ui_locale(settings: Settings | None = None) -> QLocale:
    """The locale whose translation the desk loads at start-up."""
    chosen = os.environ.get("HANBIT_UI_LANG") or (settings or Settings()).interface_language()
    return QLocale(chosen) if chosen else QLocale.system()


def add_language_menu(window) -> None:
    """View ▸ Interface Language: System / English / 한국어, applied at the next start."""
    menu = window.menu("view").addMenu(
        QCoreApplication.translate("MainWindow", "Interface &Language")
    )
    group = QActionGroup(menu)
    current = window.settings.interface_language()
    window.language_actions = {}
    for code, name in LANGUAGES:
        text = name or QCoreApplication.translate("MainWindow", "System Language")
        action = QAction(text, menu, checkable=True)
        action.setChecked(code == current)
        action.triggered.connect(lambda _checked=False, code=code: _choose(window, code))
        group.addAction(action)
        menu.addAction(action)
        window.language_actions[code] = action


def _choose(window, code: str) -> None:
    window.settings.set_interface_language(code)
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "MainWindow", "The interface language changes when Hanbit Desk starts again."
        ),
        8000,
    )
