"""Helps while typing in the grid: right-click menus and the concordance, spelling, and
suggestions from the glossary and memory."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTimer

from desktop.desk import Desk
from desktop.glossary.feature import GlossaryFeature
from desktop.grid.grid_menu import GridMenus
from desktop.grid.spelling import PRELOAD_DELAY_MS, SpellingSupport
from desktop.grid.suggestions import TypingSuggestions
from desktop.memory.feature import MemoryFeature
from desktop.qa.feature import QAFeature


class EditingFeature(QObject):
    def __init__(
        self, desk: Desk, glossary: GlossaryFeature, memory: MemoryFeature, qa: QAFeature
    ) -> None:
        super().__init__(desk.widget())
        self.menus = GridMenus(desk, glossary, memory)
        self.spelling = SpellingSupport(desk, glossary, qa)
        self.suggestions = TypingSuggestions(desk, glossary, memory)
        desk.actions.add(
            "memory.concordance",
            QT_TRANSLATE_NOOP("GridMenus", "&Concordance…"),
            desk.menu("edit"),
            "Ctrl+K",
            lambda: self.menus.concordance(),
            context="GridMenus",
        )
        # Read the dictionary on a worker soon, not on the first keystroke, but after the window
        # has painted: spylls reads it in pure Python, holding the GIL for about 0.7 s, which
        # would otherwise delay the first paint of the grid by as much.
        QTimer.singleShot(
            PRELOAD_DELAY_MS,
            self,
            lambda: desk.runner.run_task(self.spelling.checker, context=self.spelling),
        )
