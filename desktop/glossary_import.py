"""Glossary import (the plan shown before anything is written) and export, for the manager."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossary.formats import ImportPlan, apply_import, changes, plan_import
from glossary.formats import export_glossary as write_glossary
from glossary.store import Concept, GlossaryError, Termbase

FILE_FILTER = "Glossaries (*.tbx *.csv *.tsv *.txt);;TBX (*.tbx);;CSV (*.csv);;TSV (*.tsv *.txt)"
LANGUAGES = ("ko", "zh-Hans", "zh-Hant", "en")
# The sections of the import preview, translated where shown.
_SECTIONS = (
    QT_TRANSLATE_NOOP("ImportDialog", "Rejected"),
    QT_TRANSLATE_NOOP("ImportDialog", "New"),
    QT_TRANSLATE_NOOP("ImportDialog", "Changed"),
)


def _forms(concept: Concept) -> str:
    shown = [concept.preferred(lang) for lang in LANGUAGES]
    return " · ".join(form for form in shown if form) or concept.label()


class ImportDialog(QDialog):
    """Shows what importing a file would add, change and reject; writes only on "Import"."""

    def __init__(self, termbase: Termbase, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {name}").format(name=Path(path).name))
        self.termbase = termbase
        self.path = Path(path)
        self.plan: ImportPlan = plan_import(termbase, self.path)  # GlossaryError if unreadable

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Line / concept", "Details"])
        self.tree.setColumnWidth(0, 260)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        # All or nothing (issue #3): rejected lines stop the import unless the user says so.
        self.skip_rejected = QCheckBox(self.tr("Skip the rejected lines and import the rest"), self)
        self.skip_rejected.setVisible(bool(self.plan.rejected))
        self.skip_rejected.toggled.connect(self._enable_import)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.skip_rejected)
        layout.addWidget(self.buttons)
        self.resize(720, 460)
        self._fill()

    def _fill(self) -> None:
        plan = self.plan
        writes = len(plan.added) + len(plan.changed)
        text = f"{self.path.name}: {plan.summary()}."
        if plan.rejected:
            text += " " + self.tr(
                "Nothing is imported while lines are rejected: fix them in the file and import "
                "again, or skip them."
            )
        self.summary.setText(text)
        self.import_button.setText(
            self.tr("Import 1 concept")
            if writes == 1
            else self.tr("Import {count} concepts").format(count=writes)
        )
        self._enable_import()
        sections = (
            (
                "Rejected",
                [
                    (self.tr("line {line}").format(line=line), reason)
                    for line, reason in plan.rejected
                ],
            ),
            ("New", [(_forms(c), c.domain) for c in plan.added]),
            (
                "Changed",
                [(_forms(c), self._change(c)) for c in plan.changed],
            ),
        )
        for title, rows in sections:
            if not rows:
                continue
            section = QTreeWidgetItem([f"{self.tr(title)} ({len(rows)})"])
            section.setData(0, Qt.ItemDataRole.UserRole, title)  # found by section_rows()
            if title == "Rejected":
                section.setForeground(0, Qt.GlobalColor.darkRed)
            for first, second in rows:
                item = QTreeWidgetItem([first, second])
                item.setToolTip(1, second)
                section.addChild(item)
            self.tree.addTopLevelItem(section)
            section.setExpanded(True)

    def _enable_import(self) -> None:
        writes = len(self.plan.added) + len(self.plan.changed)
        allowed = not self.plan.rejected or self.skip_rejected.isChecked()
        self.import_button.setEnabled(writes > 0 and allowed)

    def _change(self, concept: Concept) -> str:
        """concept #12: en + 'Yuebao' (variant); domain: '' -> 'payments'"""
        text = self.tr("concept #{id}").format(id=concept.id)
        before = self.plan.before.get(concept.id or 0)
        return f"{text}: {'; '.join(changes(before, concept))}" if before else text

    def section_rows(self, title: str) -> list[tuple[str, str]]:
        """The rows listed under a section ("Rejected", "New", "Changed")."""
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            if section.data(0, Qt.ItemDataRole.UserRole) == title:
                return [
                    (section.child(j).text(0), section.child(j).text(1))
                    for j in range(section.childCount())
                ]
        return []

    def accept(self) -> None:
        if self.plan.rejected and not self.skip_rejected.isChecked():
            return  # the button is disabled; Enter must not import half a file either
        try:
            apply_import(self.termbase, self.plan)
        except GlossaryError as error:
            self.error.setText(str(error))
            self.error.show()
            return
        super().accept()

    @classmethod
    def ask(cls, termbase: Termbase, parent: QWidget) -> ImportDialog | None:
        """Pick a file and plan its import; None when cancelled or the file is unreadable."""
        name, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ImportDialog", "Import a glossary"), "", FILE_FILTER
        )
        if not name:
            return None
        try:
            return cls(termbase, Path(name), parent)
        except GlossaryError as error:
            QMessageBox.warning(
                parent, QCoreApplication.translate("ImportDialog", "Cannot import"), str(error)
            )
            return None


def export_glossary(termbase: Termbase, parent: QWidget, path: Path | None = None) -> int | None:
    """Write the termbase to a file the user picks (format from its suffix); the count written."""
    if path is None:
        name, chosen = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ImportDialog", "Export the glossary"),
            "glossary.tbx",
            FILE_FILTER,
        )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:  # the filter says which format the user meant
            path = path.with_suffix(".csv" if "CSV" in chosen else ".tbx")
    return write_glossary(termbase, path)
