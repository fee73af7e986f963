"""The segment grid: wrapped source and target, in-place target editor, status icons."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.grid.segment_model import (
    COL_NUMBER,
    COL_SOURCE,
    COL_STATUS,
    COL_TARGET,
    SEGMENT_ID_ROLE,
    STATUS_COLORS,
    STATUS_ROLE,
    TERM_FAILED_ROLE,
)

# The longest status labels (English; a translation is measured as it is shown).
_STATUS_WIDTHS = ("draft · memory 100%", "translated", "reviewed")

# Keys the window's actions own even while a target is being edited (confirm, navigate, copy).
WINDOW_KEYS = {
    (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
}


# The open editor must never look like a selected row: an opaque light field with a strong
# frame in the accent colour, whatever the style and the row's selection colour.
EDITOR_BACKGROUND = "#fffdf2"
EDITOR_STYLE = (
    "TargetEditor { background: #fffdf2; color: #1a1a1a; border: 2px solid #2f6fd0;"
    " selection-background-color: #9cc3ff; selection-color: #000000; }"
)


class TargetEditor(QPlainTextEdit):
    """Multi-line target editor: Enter commits, Shift+Enter inserts a line break, Esc cancels."""

    sig_commit_requested = Signal()
    # (menu, the position in the editor): listeners add their actions (spelling, Add term)
    # to the standard Cut/Copy/Paste menu before it shows.
    sig_menu_requested = Signal(object, object)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        self.sig_menu_requested.emit(menu, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target-editor")
        self.setTabChangesFocus(True)
        self.setStyleSheet(EDITOR_STYLE)
        palette = self.palette()  # the text area itself (the viewport) paints with Base
        palette.setColor(QPalette.ColorRole.Base, QColor(EDITOR_BACKGROUND))
        palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        self.setPalette(palette)
        self.viewport().setPalette(palette)
        self.viewport().setAutoFillBackground(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def content_height(self) -> int:
        """Pixels the wrapped text needs (QPlainTextEdit's document counts lines, not pixels)."""
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(layout.lineCount() if layout else 1, 1)
            block = block.next()
        margins = 2 * self.document().documentMargin() + self.contentsMargins().top() * 2
        return int(lines * self.fontMetrics().lineSpacing() + margins + 2)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (Qt.Key(event.key()), modifiers) in WINDOW_KEYS or (
                modifiers & Qt.KeyboardModifier.ControlModifier
                and event.key()
                in (Qt.Key.Key_M, Qt.Key.Key_S, Qt.Key.Key_F, Qt.Key.Key_H, Qt.Key.Key_K)
            ):
                event.ignore()  # not ours: let the window's shortcut fire
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        completer = getattr(self, "completer", None)  # desktop.grid.suggestions, while it offers
        if (
            completer is not None
            and completer.popup().isVisible()
            and event.key()
            in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Escape)
        ):
            event.ignore()  # the suggestion list takes (or dismisses) it; Enter commits nothing
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.sig_commit_requested.emit()
            return
        super().keyPressEvent(event)


class SourceViewer(QPlainTextEdit):
    """The source of the current row, read-only, over its cell: text to select (a term, a
    phrase to search the memory for) with the mouse or Shift+arrows. Esc closes it."""

    sig_menu_requested = Signal(object, object)
    sig_closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("source-viewer")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setStyleSheet("SourceViewer { background: #f4f8ff; border: 2px dashed #7a9cc6; }")
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.segment_id = -1

    def selected_text(self) -> str:
        # QTextCursor writes a paragraph break as U+2029; a term never spans one anyway.
        return self.textCursor().selectedText().replace("\u2029", " ").strip()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_viewer()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt's name
        menu = self.createStandardContextMenu(event.pos())
        self.sig_menu_requested.emit(menu, event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def close_viewer(self) -> None:
        self.hide()
        self.segment_id = -1
        self.sig_closed.emit()


class TargetDelegate(QStyledItemDelegate):
    """Edits targets in place; knows the open editor so that actions can commit it first."""

    sig_editor_opened = Signal(object)  # the new TargetEditor (spelling, suggestions hook in)
    sig_editor_menu = Signal(object, object)  # (menu, editor) as its context menu opens

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editor: TargetEditor | None = None
        self.editor_index = QPersistentModelIndex()
        self.select_all_next = False  # set by SegmentView.edit for typing on a row
        # Closed editors are deleted later; forget one as soon as it closes (Esc, focus out).
        self.closeEditor.connect(lambda editor, hint=None: self._forget(editor))

    def createEditor(self, parent, option, index):
        editor = TargetEditor(parent)
        editor.setFont(option.font)
        from desktop.grid.tag_editor import describer, install_tags  # noqa: PLC0415 - start-up: tag chips load with the first tagged segment (XLIFF tags: chips, F9, tips)

        source = QPersistentModelIndex(index.siblingAtColumn(COL_SOURCE))
        install_tags(
            editor, lambda: str(source.data(Qt.ItemDataRole.EditRole) or ""),
            describer(self.parent(), index.row()),
        )  # fmt: skip
        editor.sig_commit_requested.connect(lambda: self.finish(editor))
        editor.sig_menu_requested.connect(lambda menu, pos: self.sig_editor_menu.emit(menu, editor))
        self.sig_editor_opened.emit(editor)
        editor.destroyed.connect(lambda: self._forget(editor))
        # Layout of the new text happens after textChanged; measure on the next turn.
        editor.textChanged.connect(lambda: QTimer.singleShot(0, self.fit_editor))
        QTimer.singleShot(0, self.fit_editor)  # the frame needs room around the first line too
        self.editor, self.editor_index = editor, QPersistentModelIndex(index)
        return editor

    def fit_editor(self) -> None:
        """Grow the edited row to the editor's text, so no typed line hides under the next row."""
        view, editor, index = self.parent(), self.editor, self.editor_index
        if editor is None or not index.isValid() or not isinstance(view, QTableView):
            return
        row = index.row()  # an index of the view's own model (the status filter)
        needed = editor.content_height()
        if needed > view.rowHeight(row):
            view.setRowHeight(row, needed)

    def _forget(self, editor) -> None:
        if self.editor is editor:
            self.editor = None

    def setEditorData(self, editor: TargetEditor, index) -> None:
        text = index.data(Qt.ItemDataRole.EditRole) or ""
        if editor.toPlainText() != text:
            editor.setPlainText(text)
            editor.moveCursor(editor.textCursor().MoveOperation.End)
        if self.select_all_next:  # a key typed on the row replaces the target
            self.select_all_next = False
            editor.selectAll()

    def setModelData(self, editor: TargetEditor, model, index) -> None:
        model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index) -> None:
        editor.setGeometry(QRect(option.rect))

    def paint(self, painter, option, index) -> None:
        from desktop.grid.tag_editor import paint_tagged  # noqa: PLC0415 - start-up: tag chips load with the first tagged segment (a target with XLIFF tags shows chips)

        if not paint_tagged(self, painter, option, index):
            super().paint(painter, option, index)

    def take_text(self) -> str | None:
        """Close the open editor without storing it and hand back its text (None: no editor),
        so that a confirm stores text and status as one change, one undo step."""
        editor = self.editor
        if editor is None:
            return None
        text = editor.toPlainText()
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.editor = None
        return text

    def finish(self, editor: TargetEditor | None = None) -> bool:
        """Commit and close the open editor; False when none was open."""
        editor = editor or self.editor
        if editor is None:
            return False
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        self.editor = None
        return True


class StatusDelegate(QStyledItemDelegate):
    """A coloured status dot with the status name; a red mark when a glossary term failed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        status = index.data(STATUS_ROLE)
        rect = option.rect.adjusted(6, 0, -4, 0)
        size = 10
        line = option.fontMetrics.height()
        dot = QRect(rect.left(), rect.top() + 1 + (line - size) // 2, size, size)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(STATUS_COLORS.get(status, QColor("gray")))
        painter.drawEllipse(dot)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        text_rect = QRect(dot.right() + 6, rect.top() + 1, rect.width() - size - 6, rect.height())
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text
        )
        if index.data(TERM_FAILED_ROLE):
            painter.setPen(QPen(QColor("#d03030"), 2))
            painter.drawText(
                QRect(rect.left(), dot.bottom() + 4, rect.width(), 18),
                int(Qt.AlignmentFlag.AlignLeft),
                "⚠ " + self.tr("term"),
            )
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 20, hint.height() + (18 if index.data(TERM_FAILED_ROLE) else 0))


class SegmentView(QTableView):
    """The grid. Rows are sized to their wrapped text lazily, only where they are seen."""

    sig_current_segment_changed = Signal(int)  # segment id, -1 when none
    # (menu, the text widget, "source" or "target"): the window adds Add term, Search memory…
    sig_text_menu_requested = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target_delegate = TargetDelegate(self)
        self.target_delegate.sig_editor_menu.connect(
            lambda menu, editor: self.sig_text_menu_requested.emit(menu, editor, "target")
        )
        self.source_viewer = SourceViewer(self.viewport())
        self.source_viewer.hide()
        self.source_viewer.sig_menu_requested.connect(
            lambda menu, pos: self.sig_text_menu_requested.emit(menu, self.source_viewer, "source")
        )
        self.source_viewer.sig_closed.connect(self.setFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setItemDelegateForColumn(COL_TARGET, self.target_delegate)
        self.setItemDelegateForColumn(COL_STATUS, StatusDelegate(self))
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl+click select several segments (Retranslate Selected); one stays current.
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        # Fixed + our own sizing of visible rows: ResizeToContents measures all 5,000 rows.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._sized: set[int] = set()
        self.typing_replaces = True  # Settings.typing_replaces(), set by the window
        # go_to_row(center=True): keep the segment in view while rows are measured and the
        # model settles (a filter, a reset), until the translator scrolls or moves.
        self._center_pending = False
        self._sizing = QTimer(self, singleShot=True, interval=0)
        self._sizing.timeout.connect(self._size_visible_rows)
        # Not connect(self._sizing.start): the scroll value would arrive as start(msec) and
        # delay the sizing (and the scroll to a reopened segment) by that many milliseconds.
        self.verticalScrollBar().valueChanged.connect(lambda _value: self._sizing.start())
        self.verticalScrollBar().actionTriggered.connect(self._stop_centering)
        self.horizontalHeader().sectionResized.connect(self._column_resized)
        self.setStyleSheet(
            "QTableView::item:selected { background: palette(highlight); }"
            "QTableView { selection-color: palette(highlighted-text); }"
        )

    def setModel(self, model) -> None:
        if model is self.model():
            return  # a new project swaps the proxy's source; the wiring below stays valid
        super().setModel(model)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATUS, QHeaderView.ResizeMode.Fixed)
        self._fit_fixed_columns()
        self.selectionModel().currentRowChanged.connect(self._current_row_changed)
        model.dataChanged.connect(self._rows_changed)
        model.modelReset.connect(self._forget_sizes)
        model.layoutChanged.connect(self._forget_sizes)
        model.rowsInserted.connect(self._forget_sizes)
        model.rowsRemoved.connect(self._forget_sizes)
        self._forget_sizes()

    # row sizing ---------------------------------------------------------------------------
    def _forget_sizes(self, *args) -> None:
        self._sized.clear()
        self._sizing.start()

    def use_font(self, font) -> None:
        """Show the segments in font; every row is measured again as it comes into view."""
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self._fit_fixed_columns()
        self._forget_sizes()

    def _fit_fixed_columns(self) -> None:
        metrics = self.fontMetrics()
        self.setColumnWidth(COL_NUMBER, metrics.horizontalAdvance("00000") + 12)
        widest = max(
            metrics.horizontalAdvance(QCoreApplication.translate("SegmentModel", label))
            for label in _STATUS_WIDTHS
        )
        self.setColumnWidth(COL_STATUS, widest + 40)

    def _column_resized(self, *args) -> None:
        self._forget_sizes()

    def _rows_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        for row in range(top.row(), bottom.row() + 1):
            self._sized.discard(row)
        self._sizing.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._sizing.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._sizing.start()

    def size_rows(self, first: int, last: int) -> None:
        for row in range(max(first, 0), min(last, self.model().rowCount() - 1) + 1):
            if row not in self._sized:
                self._sized.add(row)
                self.resizeRowToContents(row)

    def _size_visible_rows(self) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        self._size_visible_once()
        index = self.currentIndex()
        if (
            self._center_pending
            and self.isVisible()
            and index.isValid()
            and not self._in_middle(index)
        ):
            # Rows above were measured only now, or the grid was narrowed (the docks took
            # their width): scroll again, and again while measuring the newly seen rows moves
            # the segment, so that it ends up in the middle of the grid for real.
            for _ in range(6):
                before = self.visualRect(index).top()
                self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
                self._size_visible_once()
                if self.visualRect(index).top() == before:
                    break
        # Re-measuring a row from its stored text must not shrink it under an open editor.
        self.target_delegate.fit_editor()

    def _in_middle(self, index: QModelIndex) -> bool:
        """The row is in sight with the segments before and after it (the middle half)."""
        rect, height = self.visualRect(index), self.viewport().height()
        return (
            self.viewport().rect().contains(rect)
            and height / 4 <= rect.center().y() <= height * 3 / 4
        )

    def _size_visible_once(self) -> None:
        model = self.model()
        # Sizing rows moves the ones below; repeat until the visible range stops changing.
        for _ in range(4):
            first = self.rowAt(0)
            last = self.rowAt(self.viewport().height() - 1)
            first = 0 if first < 0 else first
            last = model.rowCount() - 1 if last < 0 else last
            before = len(self._sized)
            self.size_rows(first - 2, last + 2)
            if len(self._sized) == before:
                break

    def edit(self, index, trigger=None, event=None):  # noqa: D102 - QAbstractItemView.edit
        if trigger is None:
            return super().edit(index)
        if (
            trigger == QAbstractItemView.EditTrigger.AnyKeyPressed
            and self.typing_replaces
            and isinstance(event, QKeyEvent)
            and event.text().strip()
        ):
            self.target_delegate.select_all_next = True
        opened = super().edit(index, trigger, event)
        if not opened:
            self.target_delegate.select_all_next = False
        return opened

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a row opens its target for typing (F2 does too); the editor's Enter commits.
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.state() != QAbstractItemView.State.EditingState
        ):
            self.go_to_row(self.currentIndex().row(), edit=True)
            return
        super().keyPressEvent(event)

    # current segment ----------------------------------------------------------------------
    def _stop_centering(self, *args) -> None:
        self._center_pending = False

    # source text to select ----------------------------------------------------------------
    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt's name
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() == COL_SOURCE:
            self.setCurrentIndex(self.model().index(index.row(), COL_TARGET))
            viewer = self.open_source_viewer(index.row())
            if viewer is not None:  # the word under the pointer, selected as a double-click does
                cursor = viewer.cursorForPosition(
                    viewer.mapFrom(self.viewport(), event.position().toPoint())
                )
                cursor.select(cursor.SelectionType.WordUnderCursor)
                viewer.setTextCursor(cursor)
            return
        super().mouseDoubleClickEvent(event)

    def open_source_viewer(self, row: int) -> SourceViewer | None:
        """Show the row's source as selectable text over its cell (double-click on a source)."""
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return None
        index = model.index(row, COL_SOURCE)
        viewer = self.source_viewer
        viewer.setFont(self.font())
        viewer.setPlainText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        viewer.segment_id = self.segment_id_at(row)
        self._place_source_viewer()
        viewer.show()
        viewer.raise_()
        viewer.setFocus()
        return viewer

    def _place_source_viewer(self) -> None:
        viewer = self.source_viewer
        if viewer.segment_id < 0 or self.model() is None:
            return
        row = next(
            (
                r
                for r in range(self.model().rowCount())
                if self.segment_id_at(r) == viewer.segment_id
            ),
            -1,
        )
        if row < 0:
            viewer.close_viewer()
            return
        rect = self.visualRect(self.model().index(row, COL_SOURCE))
        lines = viewer.document().lineCount() + 1
        height = max(rect.height(), lines * viewer.fontMetrics().lineSpacing() + 8)
        viewer.setGeometry(QRect(rect.left(), rect.top(), rect.width(), height))

    def source_selection(self) -> str:
        """Text selected in the source viewer of the current segment ("" when none)."""
        viewer = self.source_viewer
        if viewer.isVisible() and viewer.segment_id == self.current_segment_id():
            return viewer.selected_text()
        return ""

    def target_selection(self) -> str:
        editor = self.target_delegate.editor
        if editor is None:
            return ""
        return editor.textCursor().selectedText().replace("\u2029", " ").strip()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        if self.source_viewer.isVisible():
            self._place_source_viewer()

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._center_pending = False  # the translator moved (go_to_row sets it again after)
        if self.source_viewer.isVisible() and self.source_viewer.segment_id != self.segment_id_at(
            current.row()
        ):
            self.source_viewer.close_viewer()
        self.sig_current_segment_changed.emit(self.segment_id_at(current.row()))

    def segment_id_at(self, row: int) -> int:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return -1
        return int(model.index(row, 0).data(SEGMENT_ID_ROLE))

    def current_segment_id(self) -> int:
        return self.segment_id_at(self.currentIndex().row())

    def selected_segment_ids(self) -> list[int]:
        """The selected segments in grid order (the current one when nothing is selected)."""
        model, selection = self.model(), self.selectionModel()
        if model is None or selection is None:
            return []
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [self.segment_id_at(row) for row in rows]

    def go_to_row(self, row: int, edit: bool = False, center: bool = False) -> None:
        """Make row current and visible; center: in the middle of the grid once its rows are
        measured (a reopened project shows its segment, not the rows before it)."""
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        index = model.index(row, COL_TARGET)
        self.size_rows(row, row)
        # Going to a segment selects it alone (several rows stay selected only by Shift/Ctrl).
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        if center:
            self._center_pending = True
            self._sizing.start()
        if edit and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def take_editor_text(self) -> str | None:
        return self.target_delegate.take_text()

    def commit_editor(self) -> bool:
        """Store what is being typed (before confirm, navigation or a copy replaces it)."""
        return self.target_delegate.finish()

    def editing(self) -> bool:
        return self.target_delegate.editor is not None
