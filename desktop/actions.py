"""Every command of the desk under a stable id ("segment.confirm", "qa.check"): menus, toolbar
and the Keyboard Shortcuts dialog find actions here, and a translator's own keys are saved by id.

An id names what the command does, not where its code lives: renaming a Python attribute or
moving a feature to another menu keeps the translator's keys. Ids are never reused for another
command; one retired for good goes into desktop.settings.LEGACY_SHORTCUTS if it had a key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.settings import Settings

KeySpec = QKeySequence | QKeySequence.StandardKey | str


def keys_text(sequences: list[QKeySequence]) -> str:
    """Keys as QSettings keeps them (portable text: "Ctrl+Return; Ctrl+Enter")."""
    return QKeySequence.listToString(sequences, QKeySequence.SequenceFormat.PortableText)


def parse_keys(text: str) -> list[QKeySequence]:
    sequences = QKeySequence.listFromString(text, QKeySequence.SequenceFormat.PortableText)
    return [s for s in sequences if not s.isEmpty()]  # "" reads as one empty sequence


def _sequences(keys: KeySpec | list[KeySpec] | None) -> list[QKeySequence]:
    if keys is None:
        return []
    items = keys if isinstance(keys, list) else [keys]
    result: list[QKeySequence] = []
    for key in items:
        if isinstance(key, QKeySequence.StandardKey):
            result.extend(QKeySequence.keyBindings(key))
        else:
            result.append(QKeySequence(key))
    return [s for s in result if not s.isEmpty()]


class ActionRegistry(QObject):
    """The window's commands by id, each with its built-in keys and the translator's own."""

    def __init__(self, owner: QWidget, settings: Settings) -> None:
        super().__init__(owner)
        self._owner = owner
        self._settings = settings
        self._actions: dict[str, QAction] = {}
        self._defaults: dict[str, list[QKeySequence]] = {}

    def add(
        self,
        action_id: str,
        text: str,
        menu: QMenu | None = None,
        keys: KeySpec | list[KeySpec] | None = None,
        slot: Callable[[], object] | None = None,
        *,
        context: str = "MainWindow",
        checkable: bool = False,
    ) -> QAction:
        """A new action (text: marked with QT_TRANSLATE_NOOP(context, ...) for lupdate), added to
        menu, with keys as its default shortcut and the translator's saved keys applied."""
        action = QAction(QCoreApplication.translate(context, text), self._owner)
        action.setCheckable(checkable)
        action.setShortcuts(_sequences(keys))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        return self.register(action_id, action)

    def register(self, action_id: str, action: QAction) -> QAction:
        """List an action made elsewhere (a panel's own); its current keys are its defaults."""
        if action_id in self._actions:
            raise ValueError(f"two actions share the id {action_id!r}")
        self._actions[action_id] = action
        self._defaults[action_id] = list(action.shortcuts())
        saved = self._settings.shortcut(action_id)
        if saved is not None:
            action.setShortcuts(parse_keys(saved))
        return action

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __contains__(self, action_id: object) -> bool:
        return action_id in self._actions

    def __iter__(self) -> Iterator[str]:
        return iter(self._actions)

    def by_title(self) -> list[tuple[str, QAction]]:
        """(id, action) in the order of their titles, as the shortcuts dialog lists them."""
        return sorted(self._actions.items(), key=lambda item: item[1].text().replace("&", ""))

    def defaults(self, action_id: str) -> list[QKeySequence]:
        return list(self._defaults[action_id])

    def set_keys(self, action_id: str, sequences: list[QKeySequence]) -> None:
        """Use these keys from now on and in later sessions (the default ones are not stored)."""
        action = self._actions[action_id]
        if keys_text(sequences) == keys_text(self._defaults[action_id]):
            self._settings.set_shortcut(action_id, None)
        else:
            self._settings.set_shortcut(action_id, keys_text(sequences))
        action.setShortcuts(sequences)
