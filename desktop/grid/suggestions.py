"""Suggestions as you type in the target (memoQ's muses, OmegaT's auto-completer): the current
segment's glossary terms and words of its memory matches, offered for the word being typed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter

_WORD_BEFORE = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]*$")
_MEMORY_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]{3,}")
MIN_PREFIX = 2

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.glossary.feature import GlossaryFeature
    from desktop.memory.feature import MemoryFeature


def suggestions(term_targets: list[str], memory_targets: list[str]) -> list[str]:
    """Terms first (their preferred form before variants), then memory words, each once."""
    seen: dict[str, str] = {}
    for text in term_targets:
        seen.setdefault(text.casefold(), text)
    for target in memory_targets:
        for word in _MEMORY_WORD.findall(target):
            seen.setdefault(word.casefold(), word)
    return list(seen.values())


def completions(prefix: str, offered: list[str]) -> list[str]:
    """The offers that continue prefix (case-insensitive), never prefix itself."""
    folded = prefix.casefold()
    return [o for o in offered if o.casefold().startswith(folded) and o.casefold() != folded]


class TypingSuggestions(QObject):
    """A completer on every target editor the grid opens; Enter or Tab takes the suggestion."""

    def __init__(self, desk: Desk, glossary: GlossaryFeature, memory: MemoryFeature) -> None:
        super().__init__(desk.widget())
        self.desk = desk
        self.glossary, self.memory = glossary, memory
        desk.view.target_delegate.sig_editor_opened.connect(self._editor_opened)

    def offered(self) -> list[str]:
        segment_id = self.desk.current_segment_id()
        if segment_id < 0 or self.desk.model is None:
            return []
        source = self.desk.model.segment(segment_id).source
        terms = [t for m in self.glossary.lookup.matches(source) for t in m.targets]
        memory = [m.unit.target for m in self.memory.panel.matches()]
        return suggestions(terms, memory)

    def _editor_opened(self, editor) -> None:
        completer = QCompleter(editor)
        completer.setWidget(editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setModel(QStringListModel(completer))
        completer.activated.connect(lambda text: self._insert(editor, str(text)))
        editor.completer = completer
        editor.textChanged.connect(lambda: self._update(editor))

    def _prefix(self, editor) -> str:
        cursor = editor.textCursor()
        before = cursor.block().text()[: cursor.positionInBlock()]
        match = _WORD_BEFORE.search(before)
        return match.group() if match else ""

    def _update(self, editor) -> None:
        completer = getattr(editor, "completer", None)
        if completer is None or editor.textCursor().hasSelection():
            return
        prefix = self._prefix(editor)
        found = completions(prefix, self.offered()) if len(prefix) >= MIN_PREFIX else []
        if not found:
            completer.popup().hide()
            return
        completer.model().setStringList(found)
        completer.setCompletionPrefix("")
        rect = editor.cursorRect()
        rect.setWidth(
            max(completer.popup().sizeHintForColumn(0), 120)
            + completer.popup().verticalScrollBar().sizeHint().width()
        )
        completer.complete(rect)
        completer.popup().setCurrentIndex(completer.completionModel().index(0, 0))

    def _insert(self, editor, text: str) -> None:
        prefix = self._prefix(editor)
        cursor = editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.Left, cursor.MoveMode.KeepAnchor, len(prefix))
        cursor.insertText(text)
        editor.setTextCursor(cursor)
        editor.completer.popup().hide()
