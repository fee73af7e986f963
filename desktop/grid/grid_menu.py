"""Right-click in the grid, the source viewer or the target editor: Add term (both sides
prefilled from what is selected), Search memory (concordance), Copy, Retranslate."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMenu

from desktop.grid.segment_model import COL_SOURCE, COL_TARGET

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.glossary.feature import GlossaryFeature
    from desktop.memory.feature import MemoryFeature


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class GridMenus(QObject):
    """Owns the grid's context menus and the concordance dialog of one window."""

    def __init__(self, desk: Desk, glossary: GlossaryFeature, memory: MemoryFeature) -> None:
        super().__init__(desk.widget())
        self.desk = desk
        self.glossary, self.memory = glossary, memory
        self._concordance = None
        view = desk.view
        view.customContextMenuRequested.connect(self._grid_menu)
        view.sig_text_menu_requested.connect(self._text_menu)

    # ---- what the actions do -----------------------------------------------------------

    def selections(self) -> tuple[str, str]:
        """(source selection, target selection) of the current segment."""
        view = self.desk.view
        return view.source_selection(), view.target_selection()

    def add_term(self) -> None:
        """The glossary's add form, both languages prefilled from the selections."""
        source, target = self.selections()
        manager = self.glossary.open_manager()
        if manager is not None:
            manager.open_add_dialog(source, target)

    def concordance(self, text: str = ""):
        """The concordance dialog (one per window), searching text when given."""
        from desktop.memory.concordance import ConcordanceDialog  # noqa: PLC0415 - start-up: the concordance dialog is built on first use

        if self._concordance is None:
            dialog = ConcordanceDialog(self.memory.panel, self.desk.widget())
            dialog.sig_insert_text.connect(self.desk.insert_into_target)
            self._concordance = dialog
        dialog = self._concordance
        if not text:
            source, target = self.selections()
            text = source or target
        dialog.show()
        dialog.raise_()
        if text:
            dialog.search_for(text)
        else:
            dialog.query.setFocus()
        return dialog

    # ---- menus --------------------------------------------------------------------------

    def _term_actions(self, menu: QMenu, selected: str) -> None:
        add = menu.addAction(self.tr("Add Term…"))
        add.triggered.connect(self.add_term)
        search = menu.addAction(
            self.tr("Search Memory for “%s”") % _short(selected)
            if selected
            else self.tr("Search Memory…")
        )
        search.triggered.connect(lambda: self.concordance(selected))

    def _text_menu(self, menu: QMenu, widget, side: str) -> None:
        """Our actions on top of the standard Cut/Copy/Paste of a source viewer or editor."""
        selected = widget.textCursor().selectedText().replace("\u2029", " ").strip()
        first = menu.actions()[0] if menu.actions() else None
        extra = QMenu(menu)
        self._term_actions(extra, selected)
        for action in extra.actions():
            action.setParent(menu)
            menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)

    def _grid_menu(self, pos) -> None:
        view = self.desk.view
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isRowSelected(index.row()):
            view.go_to_row(index.row())
        menu = QMenu(view)
        source, target = self.selections()
        self._term_actions(menu, source or target)
        menu.addSeparator()
        row = view.currentIndex().row()
        model = view.model()
        copy_source = menu.addAction(self.tr("Copy Source"))
        copy_source.triggered.connect(
            lambda: QApplication.clipboard().setText(str(model.index(row, COL_SOURCE).data() or ""))
        )
        copy_target = menu.addAction(self.tr("Copy Target"))
        copy_target.triggered.connect(
            lambda: QApplication.clipboard().setText(str(model.index(row, COL_TARGET).data() or ""))
        )
        select = menu.addAction(self.tr("Select Text in the Source"))
        select.triggered.connect(lambda: view.open_source_viewer(row))
        menu.addSeparator()
        for action in (
            self.desk.actions["translate.retranslate_selected"],
            self.desk.actions["segment.confirm"],
        ):
            menu.addAction(action)
        self.last_menu = menu  # tests read what it offered
        menu.popup(view.viewport().mapToGlobal(pos))
