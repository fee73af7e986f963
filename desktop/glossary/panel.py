"""The glossary dock: the current segment's terms; a click or Ctrl+1..9 inserts a target form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.glossary.term_lookup import TermLookup
from glossary.matching import TermMatch
from glossary.store import TermKind

COL_KEY, COL_SOURCE, COL_TARGET, COL_FORBIDDEN, COL_NOTE = range(5)
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # the exact text a click inserts
MAX_SHORTCUTS = 9


class GlossaryPanel(QWidget):
    """Lists the terms of one segment in order of appearance (one row per concept).

    The desk connects sig_insert_text to the target editor and calls segment_changed()
    (or set_source()) when the current segment changes.
    """

    sig_insert_text = Signal(str)

    def __init__(self, lookup: TermLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._source = ""
        self._terms: list[TermMatch] = []

        self._tree = QTreeWidget(self)
        self._tree.setColumnCount(5)
        self._tree.setHeaderLabels(
            ["", self.tr("Source"), self.tr("Target"), self.tr("Never use"), self.tr("Note")]
        )
        self._tree.setRootIsDecorated(False)
        self._tree.setUniformRowHeights(True)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setToolTip(
            self.tr("Click a term, or press Ctrl+1…Ctrl+9, to insert its target form")
        )
        header = self._tree.header()
        header.setSectionResizeMode(COL_KEY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self._tree.itemClicked.connect(self._on_item_clicked)
        # Right-click offers every target form, variants included.
        self._tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._tree.customContextMenuRequested.connect(self._context_menu)

        self._empty = QLabel(self.tr("No glossary terms in this segment."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._tree)
        layout.addWidget(self._empty)

        self._shortcuts = []
        for n in range(1, MAX_SHORTCUTS + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            # The panel lives in a dock; the translator's focus is in the target editor.
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=n: self.insert_term(n))
            self._shortcuts.append(shortcut)

        lookup.sig_changed.connect(self._rebuild)
        self._rebuild()

    # ---- what the desk calls -------------------------------------------------------------

    def segment_changed(self, segment) -> None:
        """Show the terms of a documents.project.Segment (None clears the panel)."""
        self.set_source(segment.source if segment is not None else "")

    def set_source(self, text: str) -> None:
        self._source = text
        self._rebuild()

    def terms(self) -> list[TermMatch]:
        """The listed matches, one per concept, in order of first appearance."""
        return list(self._terms)

    def insert_term(self, n: int) -> bool:
        """Emit the n-th (1-based) term's target form; False when there is no such term."""
        if not 1 <= n <= len(self._terms) or not self._terms[n - 1].target:
            return False
        self.sig_insert_text.emit(self._terms[n - 1].target)
        return True

    # ---- internals -------------------------------------------------------------------------

    def _rebuild(self) -> None:
        seen: set[int] = set()
        self._terms = []
        for match in self._lookup.matches(self._source):
            if match.concept_id not in seen:
                seen.add(match.concept_id)
                self._terms.append(match)

        self._tree.clear()
        target_lang = self._lookup.target_lang
        struck = QFont(self._tree.font())
        struck.setStrikeOut(True)
        for n, match in enumerate(self._terms, start=1):
            concept = self._lookup.concept(match.concept_id)
            forbidden = concept.forms(target_lang, TermKind.FORBIDDEN) if concept else []
            notes = [concept.note] + [t.note for t in concept.terms] if concept else []
            note = " · ".join(dict.fromkeys(filter(None, notes)))
            key = f"Ctrl+{n}" if n <= MAX_SHORTCUTS else ""
            source = match.text + (f" (+{match.particle})" if match.particle else "")
            item = QTreeWidgetItem(
                [key, source, " · ".join(match.targets), ", ".join(forbidden), note]
            )
            item.setData(COL_TARGET, TARGET_ROLE, match.target)
            item.setFont(COL_FORBIDDEN, struck)
            item.setForeground(COL_FORBIDDEN, Qt.GlobalColor.darkRed)
            bold = QFont(self._tree.font())
            bold.setBold(True)
            item.setFont(COL_TARGET, bold)
            item.setToolTip(COL_SOURCE, self._lookup.tooltip(match))
            item.setToolTip(COL_TARGET, self._lookup.tooltip(match))
            if forbidden:
                item.setToolTip(COL_FORBIDDEN, self.tr("Never use in the translation"))
            if not match.target:
                item.setToolTip(
                    COL_TARGET,
                    self.tr("No {language} form in the glossary").format(language=target_lang),
                )
            self._tree.addTopLevelItem(item)
        self._tree.setVisible(bool(self._terms))
        self._empty.setVisible(not self._terms)

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(COL_TARGET, TARGET_ROLE)
        if target:
            self.sig_insert_text.emit(target)

    def _context_menu(self, pos) -> None:
        item = self._tree.itemAt(pos)
        if item is None:
            return
        match = self._terms[self._tree.indexOfTopLevelItem(item)]
        menu = QMenu(self)
        for form in match.targets:
            menu.addAction(
                self.tr("Insert “{form}”").format(form=form),
                lambda form=form: self.sig_insert_text.emit(form),
            )
        if not menu.isEmpty():
            menu.exec(self._tree.viewport().mapToGlobal(pos))

    def row_count(self) -> int:
        return self._tree.topLevelItemCount()

    def row_texts(self, row: int) -> list[str]:
        """The texts shown in a row (for tests and accessibility)."""
        item = self._tree.topLevelItem(row)
        return [item.text(c) for c in range(self._tree.columnCount())]

    @property
    def tree(self) -> QTreeWidget:
        return self._tree
