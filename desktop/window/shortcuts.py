"""Keyboard shortcuts: a dialog to change them; desktop.actions keeps them by action id."""

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


def named_actions(window) -> dict[str, QAction]:
    """Every registered action by its id, in the order of their titles."""
    return dict(window.actions.by_title())


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
            for keys in (action.shortcuts(), self.window_.actions.defaults(name)):
                if keys and sequence == keys[0]:
                    result[name] = keys
                    break
        return result

    def reset_to_defaults(self) -> None:
        for name, edit in self.edits.items():
            default = self.window_.actions.defaults(name)
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
        for name, sequences in assignment.items():
            self.window_.actions.set_keys(name, sequences)
        self.error.clear()
        return True

    def accept(self) -> None:
        if self.apply():
            super().accept()


def show_shortcuts_dialog(window) -> None:
    ShortcutsDialog(window).exec()
