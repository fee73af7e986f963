"""Keyboard shortcuts as settings: a dialog to change them, kept in QSettings, applied at start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

KEY = "shortcuts/{name}"
_DEFAULT = "hanbit_default_shortcuts"  # the action property that keeps the built-in keys


def named_actions(window) -> dict[str, QAction]:
    """The window's (and its panels') actions by a stable name: "confirm" for act_confirm."""
    actions: dict[str, QAction] = {}
    owners = [window] + ([window.panels] if getattr(window, "panels", None) else [])
    for owner in owners:
        for attr, value in vars(owner).items():
            if attr.startswith("act_") and isinstance(value, QAction):
                actions[attr[4:]] = value
    return dict(sorted(actions.items(), key=lambda item: item[1].text().replace("&", "")))


def _text(sequences: list[QKeySequence]) -> str:
    return QKeySequence.listToString(sequences, QKeySequence.SequenceFormat.PortableText)


def _parse(text: str) -> list[QKeySequence]:
    sequences = QKeySequence.listFromString(text, QKeySequence.SequenceFormat.PortableText)
    return [s for s in sequences if not s.isEmpty()]  # "" reads as one empty sequence


def defaults(action: QAction) -> list[QKeySequence]:
    value = action.property(_DEFAULT)
    if value is None:  # first look: what the menus gave it is the default
        value = _text(action.shortcuts())
        action.setProperty(_DEFAULT, value)
    return _parse(value)


def apply_saved(window) -> None:
    """Give each named action the keys saved in QSettings (its built-in keys where none)."""
    q = window.settings.q
    for name, action in named_actions(window).items():
        default = defaults(action)
        saved = q.value(KEY.format(name=name))
        if saved is None:
            action.setShortcuts(default)
        else:
            action.setShortcuts(_parse(str(saved)))


def conflicts(assignment: dict[str, list[QKeySequence]]) -> dict[str, list[str]]:
    """Keys that more than one action would own (Qt would then fire neither)."""
    owners: dict[str, list[str]] = {}
    for name, sequences in assignment.items():
        for sequence in sequences:
            if not sequence.isEmpty():
                owners.setdefault(sequence.toString(), []).append(name)
    return {keys: names for keys, names in owners.items() if len(names) > 1}


class ShortcutsDialog(QDialog):
    """Every named action with a key editor; OK refuses shared keys, saves and applies."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.actions_ = named_actions(window)
        self.table = QTableWidget(len(self.actions_), 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.edits: dict[str, QKeySequenceEdit] = {}
        for row, (name, action) in enumerate(self.actions_.items()):
            item = QTableWidgetItem(action.text().replace("&", ""))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(row, 0, item)
            edit = QKeySequenceEdit(action.shortcut(), self)
            edit.setClearButtonEnabled(True)
            self.table.setCellWidget(row, 1, edit)
            self.edits[name] = edit
        self.table.resizeColumnToContents(0)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #a00000")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            parent=self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        reset = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        reset.setText(self.tr("Reset to Defaults"))
        reset.clicked.connect(self.reset_to_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def assignment(self) -> dict[str, list[QKeySequence]]:
        """The keys each action would get; the editor shows one key, so an unchanged (or default)
        first key keeps the others that go with it (Confirm's Ctrl+Enter)."""
        result = {}
        for name, edit in self.edits.items():
            action, sequence = self.actions_[name], edit.keySequence()
            result[name] = [] if sequence.isEmpty() else [sequence]
            for keys in (action.shortcuts(), defaults(action)):
                if keys and sequence == keys[0]:
                    result[name] = keys
                    break
        return result

    def reset_to_defaults(self) -> None:
        for name, edit in self.edits.items():
            default = defaults(self.actions_[name])
            edit.setKeySequence(default[0] if default else QKeySequence())

    def apply(self) -> bool:
        """Save and apply the keys; False (nothing changed, the clash shown) on a shared key."""
        assignment = self.assignment()
        clashes = conflicts(assignment)
        if clashes:
            keys, names = next(iter(clashes.items()))
            titles = [self.actions_[n].text().replace("&", "") for n in names]
            self.error.setText(
                self.tr("{keys} is already used by: {actions}. Choose another key.").format(
                    keys=QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText),
                    actions=", ".join(titles),
                )
            )
            return False
        q = self.window_.settings.q
        for name, sequences in assignment.items():
            action = self.actions_[name]
            if _text(sequences) == _text(defaults(action)):
                q.remove(KEY.format(name=name))
            else:
                q.setValue(KEY.format(name=name), _text(sequences))
            action.setShortcuts(sequences)
        self.error.clear()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()


def show_shortcuts_dialog(window) -> None:
    ShortcutsDialog(window).exec()
