"""The interface language: HANBIT_UI_LANG, then View ▸ Interface Language, then the system."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtGui import QAction, QActionGroup

KEY = "ui/language"  # "" follows the system
# Each language in its own name: a translator lost in a foreign UI still finds theirs.
LANGUAGES = (("", None), ("en", "English"), ("ko", "한국어"))


def ui_locale(settings: QSettings | None = None) -> QLocale:
    """The locale whose translation the desk loads at start-up."""
    chosen = os.environ.get("HANBIT_UI_LANG") or str((settings or QSettings()).value(KEY, ""))
    return QLocale(chosen) if chosen else QLocale.system()


def add_language_menu(window) -> None:
    """View ▸ Interface Language: System / English / 한국어, applied at the next start."""
    menu = window.view_menu.addMenu(QCoreApplication.translate("MainWindow", "Interface &Language"))
    group = QActionGroup(menu)
    current = str(window.settings.q.value(KEY, ""))
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
    window.settings.q.setValue(KEY, code)
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "MainWindow", "The interface language changes when Hanbit Desk starts again."
        ),
        8000,
    )
