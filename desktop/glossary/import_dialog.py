"""Glossary import preview (plan, warnings to resolve, encoding picker) and glossary export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import run_task
from glossary.formats import ImportPlan, apply_import, changes, plan_import
from glossary.formats import export_glossary as write_glossary
from glossary.store import Concept, GlossaryError, Termbase

FILE_FILTER = "Glossaries (*.tbx *.csv *.tsv *.txt);;TBX (*.tbx);;CSV (*.csv);;TSV (*.tsv *.txt)"
LANGUAGES = ("ko", "zh-Hans", "zh-Hant", "en")
# Offered besides a table's guessed encoding and its alternatives (as for source documents).
ENCODINGS = ("utf-8", "cp949", "gb18030", "big5", "utf-16")
# The sections of the import preview, translated where shown.
_SECTIONS = (
    QT_TRANSLATE_NOOP("ImportDialog", "Rejected"),
    QT_TRANSLATE_NOOP("ImportDialog", "To check"),
    QT_TRANSLATE_NOOP("ImportDialog", "New"),
    QT_TRANSLATE_NOOP("ImportDialog", "Changed"),
    QT_TRANSLATE_NOOP("ImportDialog", "Skipped"),
)
WARNING_KEY = Qt.ItemDataRole.UserRole + 1  # a "To check" row's warning key


def _forms(concept: Concept) -> str:
    shown = [concept.preferred(lang) for lang in LANGUAGES]
    return " · ".join(form for form in shown if form) or concept.label()


class ImportDialog(QDialog):
    """Shows what importing a file would add, change and reject, and each entry the translator
    must decide on (a choice per warning re-plans at once); writes only on "Import"."""

    def __init__(
        self,
        termbase: Termbase,
        path: Path,
        parent: QWidget | None = None,
        *,
        background: bool = False,
    ) -> None:
        """background: read and plan the file on a worker (its own termbase connection) while
        the dialog shows a busy bar; otherwise plan now (GlossaryError if unreadable)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import {name}").format(name=Path(path).name))
        self.termbase = termbase
        self.path = Path(path)
        self.choices: dict[str, str] = {}
        self.encoding: str | None = None
        # Only an SQLite termbase file can be opened a second time by a worker thread.
        self.background = background and isinstance(termbase, Termbase) and termbase.path.is_file()
        self._generation = 0  # a newer plan request makes older answers stale
        self.plan: ImportPlan | None = None
        if not self.background:
            self.plan = plan_import(termbase, self.path)  # GlossaryError if unreadable

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        # A table whose encoding was guessed: the guess, what else it could be, and a check.
        self.encoding_row = QWidget(self)
        row = QHBoxLayout(self.encoding_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.encoding_note = QLabel(self.encoding_row)
        self.encoding_note.setWordWrap(True)
        self.encoding_note.setStyleSheet(
            "background: #ffe3e3; border: 1px solid #d08080; padding: 4px; color: #5a0000;"
        )
        self.encodings = QComboBox(self.encoding_row)
        self.encodings.currentIndexChanged.connect(self._reencode)
        self.encoding_ok = QCheckBox(self.tr("The terms read correctly"), self.encoding_row)
        self.encoding_ok.toggled.connect(self._enable_import)
        row.addWidget(self.encoding_note, 1)
        row.addWidget(self.encodings)
        row.addWidget(self.encoding_ok)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Line / concept"), self.tr("Details")])
        self.tree.setColumnWidth(0, 260)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        # All or nothing (issue #3): rejected lines stop the import unless the user says so.
        self.skip_rejected = QCheckBox(self.tr("Skip the rejected lines and import the rest"), self)
        self.skip_rejected.toggled.connect(self._enable_import)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)  # the plan is one step: a busy bar, not a percentage
        self.busy.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy)
        layout.addWidget(self.encoding_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.skip_rejected)
        layout.addWidget(self.buttons)
        self.resize(860, 520)
        if self.plan is None:
            self.import_button.setEnabled(False)
            self._plan_in_background()
        else:
            self._fill_encodings()
            self._fill()

    # ---- planning --------------------------------------------------------------------------

    def _plan_in_background(self) -> None:
        self._generation += 1
        generation = self._generation
        database, path = self.termbase.path, self.path
        choices, encoding = dict(self.choices), self.encoding

        def work() -> ImportPlan:
            # The worker's own connection: an SQLite connection stays on its thread.
            with Termbase(database) as own:
                return plan_import(own, path, choices=choices, encoding=encoding)

        self.summary.setText(self.tr("Reading {name}…").format(name=self.path.name))
        self.busy.show()
        self.import_button.setEnabled(False)
        run_task(
            work,
            lambda plan: self._planned(plan, generation),
            lambda error: self._plan_failed(error, generation),
            context=self,
        )

    def _planned(self, plan: ImportPlan, generation: int) -> None:
        if generation != self._generation:
            return  # the translator changed a choice meanwhile; a newer plan is coming
        first = self.plan is None
        self.plan = plan
        self.busy.hide()
        self.error.hide()
        if first:
            self._fill_encodings()
        self._fill()

    def _plan_failed(self, error: BaseException, generation: int) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.summary.setText(self.tr("{name} cannot be imported.").format(name=self.path.name))
        self.error.setText(str(error) if isinstance(error, GlossaryError) else repr(error))
        self.error.show()
        self.import_button.setEnabled(False)

    def _replan(self) -> None:
        if self.background:
            self._plan_in_background()
            return
        try:
            self.plan = plan_import(
                self.termbase, self.path, choices=self.choices, encoding=self.encoding
            )
        except GlossaryError as error:
            self.error.setText(str(error))
            self.error.show()
            self.import_button.setEnabled(False)
            return
        self.error.hide()
        self._fill()

    def choose(self, key: str, option: str) -> None:
        """Resolve one warning ("12/preferred/en" -> "Alipay") and plan again."""
        self.choices[key] = option
        self._replan()

    def _fill_encodings(self) -> None:
        decoding = self.plan.decoding
        self.encoding_row.setVisible(bool(decoding and decoding.guessed))
        if not decoding or not decoding.guessed:
            return
        self.encoding_note.setText(
            self.tr(
                "The encoding of this file was guessed ({encoding}, {percent}% sure): a short "
                "file says little about its encoding. Check that the terms below read "
                "correctly, or pick another encoding."
            ).format(encoding=decoding.encoding.upper(), percent=round(decoding.confidence * 100))
        )
        self.encodings.blockSignals(True)
        for name in dict.fromkeys((decoding.encoding, *decoding.alternatives, *ENCODINGS)):
            self.encodings.addItem(name.upper(), name)
        self.encodings.blockSignals(False)

    def _reencode(self) -> None:
        self.encoding = self.encodings.currentData()
        self.encoding_ok.setChecked(False)
        self._replan()

    # ---- showing ---------------------------------------------------------------------------

    def _fill(self) -> None:
        plan = self.plan
        self.tree.clear()
        writes = len(plan.added) + len(plan.changed)
        text = f"{self.path.name}: {plan.summary()}."
        if plan.warnings:
            text += " " + self.tr(
                "Each entry under \u201cTo check\u201d is imported as its choice says; change "
                "a choice to import it otherwise."
            )
        if plan.rejected:
            text += " " + self.tr(
                "Nothing is imported while lines are rejected: fix them in the file and import "
                "again, or skip them."
            )
        self.summary.setText(text)
        self.skip_rejected.setVisible(bool(plan.rejected))
        self.import_button.setText(
            self.tr("Import 1 concept")
            if writes == 1
            else self.tr("Import {count} concepts").format(count=writes)
        )
        self._enable_import()
        line = self.tr("line {line}")
        sections = (
            ("Rejected", [(line.format(line=n), reason) for n, reason in plan.rejected]),
            ("To check", [(line.format(line=w.line), w.message) for w in plan.warnings]),
            ("New", [(_forms(c), c.domain) for c in plan.added]),
            ("Changed", [(_forms(c), self._change(c)) for c in plan.changed]),
            ("Skipped", [(line.format(line=n), why) for n, why in plan.skipped]),
        )
        for title, rows in sections:
            if not rows:
                continue
            section = QTreeWidgetItem([f"{self.tr(title)} ({len(rows)})"])
            section.setData(0, Qt.ItemDataRole.UserRole, title)  # found by section_rows()
            if title in ("Rejected", "To check"):
                section.setForeground(
                    0, Qt.GlobalColor.darkRed if title == "Rejected" else Qt.GlobalColor.darkYellow
                )
            self.tree.addTopLevelItem(section)
            for number, (first, second) in enumerate(rows):
                item = QTreeWidgetItem([first, second])
                item.setToolTip(1, second)
                section.addChild(item)
                if title == "To check":
                    self._choice_row(section, item, plan.warnings[number])
            section.setExpanded(True)

    def _choice_row(self, section: QTreeWidgetItem, item: QTreeWidgetItem, warning) -> None:
        """A combo box under the warning: its options, the one in effect selected."""
        item.setData(0, WARNING_KEY, warning.key)
        holder = QTreeWidgetItem(["", ""])
        holder.setData(0, WARNING_KEY, warning.key)
        section.addChild(holder)
        combo = QComboBox(self.tree)
        combo.setObjectName(f"choice:{warning.key}")
        for option, label in warning.options:
            combo.addItem(label, option)
        combo.setCurrentIndex(max(0, combo.findData(warning.choice)))
        # Planning again rebuilds the tree, and with it this combo box: not inside its signal.
        combo.currentIndexChanged.connect(
            lambda _index, key=warning.key, box=combo: self._choose_later(key, box.currentData())
        )
        self.tree.setItemWidget(holder, 1, combo)

    def _choose_later(self, key: str, option: str) -> None:
        QTimer.singleShot(0, lambda: self.choose(key, option))

    def choice_box(self, key: str) -> QComboBox | None:
        return self.tree.findChild(QComboBox, f"choice:{key}")

    def _enable_import(self) -> None:
        if self.plan is None:
            self.import_button.setEnabled(False)
            return
        writes = len(self.plan.added) + len(self.plan.changed)
        allowed = not self.plan.rejected or self.skip_rejected.isChecked()
        decoding = self.plan.decoding
        if decoding and decoding.guessed and self.encoding is None:
            allowed = allowed and self.encoding_ok.isChecked()
        self.import_button.setEnabled(writes > 0 and allowed)

    def _change(self, concept: Concept) -> str:
        """concept #12: en + 'Yuebao' (variant); domain: '' -> 'payments'"""
        text = self.tr("concept #{id}").format(id=concept.id)
        before = self.plan.before.get(concept.id or 0)
        return f"{text}: {'; '.join(changes(before, concept))}" if before else text

    def section_rows(self, title: str) -> list[tuple[str, str]]:
        """The rows listed under a section ("Rejected", "To check", "New", "Changed")."""
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            if section.data(0, Qt.ItemDataRole.UserRole) == title:
                return [
                    (section.child(j).text(0), section.child(j).text(1))
                    for j in range(section.childCount())
                    if section.child(j).text(0) or section.child(j).text(1)
                ]
        return []

    def accept(self) -> None:
        if self.plan is None or not self.import_button.isEnabled():
            return  # Enter must not import half a file or an unchecked encoding guess either
        try:
            self.plan = apply_import(self.termbase, self.plan)
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
            return cls(termbase, Path(name), parent, background=True)
        except GlossaryError as error:
            QMessageBox.warning(
                parent, QCoreApplication.translate("ImportDialog", "Cannot import"), str(error)
            )
            return None


def export_glossary(termbase: Termbase, parent: QWidget, path: Path | None = None) -> int | None:
    """Write the termbase to a file the user picks (format from its suffix); the count written.

    TBX is written as TBX-Basic (martif), which OmegaT, translate-toolkit and Weblate read.
    """
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
