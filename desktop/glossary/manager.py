"""The glossary manager: search, add, edit, delete (undoable), import and export concepts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.glossary.concept_editor import ConceptEditor, may_decide
from desktop.glossary.model import LANGUAGES, ConceptTableModel
from glossary.store import Concept, GlossaryError, Termbase

SEARCH_DELAY_MS = 250  # long enough to skip keystrokes, short enough to feel immediate


class _DeleteConcepts(QUndoCommand):
    def __init__(self, manager: GlossaryManager, concept_ids: list[int]) -> None:
        count = len(concept_ids)
        super().__init__(
            QCoreApplication.translate("GlossaryManager", "Delete 1 concept")
            if count == 1
            else QCoreApplication.translate("GlossaryManager", "Delete {count} concepts").format(
                count=count
            )
        )
        self._manager = manager
        self._ids = concept_ids
        self._deleted: list[Concept] = []

    def redo(self) -> None:
        termbase = self._manager.termbase
        self._deleted = [termbase.delete_concept(cid) for cid in self._ids]
        self._manager.glossary_changed()

    def undo(self) -> None:
        termbase = self._manager.termbase
        # restore_concept may hand back a new id; later redo() must delete that one.
        self._ids = [termbase.restore_concept(c) for c in reversed(self._deleted)][::-1]
        self._manager.glossary_changed(select=self._ids)


class GlossaryManager(QDialog):
    """A window over one termbase; sig_glossary_changed tells the desk to refresh its matches."""

    sig_glossary_changed = Signal()

    def __init__(
        self,
        termbase: Termbase,
        source_lang: str = "ko",
        target_lang: str = "en",
        languages: Sequence[str] = LANGUAGES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Glossary"))
        self.termbase = termbase
        self.may_decide = may_decide(termbase)  # a team translator proposes, never approves
        self.source_lang, self.target_lang = source_lang, target_lang
        extra = [lang for lang in (source_lang, target_lang) if lang not in languages]
        self.model = ConceptTableModel(termbase, (*languages, *extra), self)
        self.undo_stack = QUndoStack(self)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search forms, notes and domains…"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self.apply_search)
        self.count = QLabel(self)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, 150)
        self.table.setColumnWidth(self.model.column_of("status"), 80)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.add_button = QPushButton(self.tr("Add…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.export_button = QPushButton(self.tr("Export…"), self)
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.undo_button,
            self.import_button,
            self.export_button,
        ):
            button.setAutoDefault(False)  # Enter in the search box must not press "Add…"
        edit_key = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        edit_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        edit_key.activated.connect(self.edit_selected)
        self.add_button.clicked.connect(lambda: self.open_add_dialog())
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self.undo_button.setText(
                self.tr("Undo {action}").format(action=text.lower()) if text else self.tr("Undo")
            )
        )
        self.undo_button.setEnabled(False)
        undo = self.undo_stack.createUndoAction(self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self)
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([undo, redo])
        self.delete_button.setShortcut(QKeySequence.StandardKey.Delete)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.resize(980, 560)
        self._update_buttons()

    # ---- search ----------------------------------------------------------------------------

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.search.text())

    # ---- add / edit / delete ---------------------------------------------------------------

    def open_add_dialog(self, source_text: str = "", target_text: str = "") -> ConceptEditor:
        """Open the add form pre-filled with a selection; the desk's "Add term" calls this."""
        editor = ConceptEditor(
            self.model.languages, self._add, None, self, may_decide=self.may_decide
        )
        editor.set_form(self.source_lang, source_text)
        editor.set_form(self.target_lang, target_text)
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _add(self, concept: Concept) -> None:
        concept_id = self.termbase.add_concept(concept)
        self.glossary_changed(select=[concept_id])

    def edit_selected(self) -> ConceptEditor | None:
        rows = self.selected_rows()
        if not rows:
            return None
        concept = self.termbase.concept(self.model.concept_id(rows[0]))
        editor = ConceptEditor(
            self.model.languages, self._update, concept, self, may_decide=self.may_decide
        )
        editor.finished.connect(editor.deleteLater)
        editor.open()
        return editor

    def _update(self, concept: Concept) -> None:
        self.termbase.update_concept(concept)
        self.glossary_changed(select=[concept.id] if concept.id is not None else [])

    def delete_selected(self) -> None:
        ids = [self.model.concept_id(row) for row in self.selected_rows()]
        if ids:
            self.undo_stack.push(_DeleteConcepts(self, ids))

    def selected_rows(self) -> list[int]:
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def select_concepts(self, concept_ids: Sequence[int]) -> None:
        self.table.clearSelection()
        selection = self.table.selectionModel()
        for concept_id in concept_ids:
            row = self.model.row_of(concept_id)
            if row >= 0:
                index = self.model.index(row, 0)
                selection.select(
                    index,
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)

    def glossary_changed(self, select: Sequence[int] = ()) -> None:
        """Re-read the termbase after a change and tell the desk (matches, highlighting)."""
        self.model.reload()
        self.select_concepts(select)
        self.sig_glossary_changed.emit()

    # ---- import / export -------------------------------------------------------------------

    def import_file(self) -> None:
        from desktop.glossary.import_dialog import ImportDialog  # noqa: PLC0415 - start-up: the import dialog (TBX, CSV, lxml) is built on first use

        dialog = ImportDialog.ask(self.termbase, self)
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self.glossary_changed()

    def export_file(self) -> None:
        from desktop.glossary.import_dialog import export_glossary  # noqa: PLC0415 - start-up: the import dialog (TBX, CSV, lxml) is built on first use

        try:
            count = export_glossary(self.termbase, self)
        except GlossaryError as error:
            QMessageBox.warning(self, self.tr("Export failed"), str(error))
            return
        if count is not None:
            self.count.setText(self.tr("{count:,} concepts exported").format(count=count))

    # ---- internals -------------------------------------------------------------------------

    def _update_buttons(self, *_args) -> None:
        has_selection = bool(self.table.selectionModel().selectedRows())
        self.edit_button.setEnabled(has_selection)
        self.delete_button.setEnabled(has_selection)
        total = self.model.rowCount()
        self.count.setText(
            self.tr("1 concept")
            if total == 1
            else self.tr("{count:,} concepts").format(count=total)
        )
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
