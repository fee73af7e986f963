"""The translation memory dock: matches for the current segment, differences highlighted."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QMetaObject, QObject, QSettings, QSize, Qt, QThread, Signal, Slot
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from memory.diff import DELETE, EQUAL, INSERT, DiffOp
from memory.store import TMMatch, TranslationMemory

EXACT = QColor("#c8e6c9")  # green: the memory holds this very sentence
FUZZY = QColor("#ffe0a3")  # amber: a similar sentence; check what differs
KEY_AUTOFILL = "tm/autofill_exact"
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
COL_SCORE, COL_SOURCE, COL_TARGET, COL_ORIGIN = range(4)
MAX_MATCHES = 5
SHORTCUT_MATCHES = 3


def diff_html(ops: list[DiffOp]) -> str:
    """The memory's source with what the current source lacks struck out in red and what it
    adds marked in green, so the translator sees at a glance what to change in the target."""
    parts = []
    for op, text in ops:
        text = html.escape(text)
        if op == EQUAL:
            parts.append(text)
        elif op == DELETE:
            parts.append(
                f"<span style='background:#ffd6d6;text-decoration:line-through'>{text}</span>"
            )
        elif op == INSERT:
            parts.append(
                f"<span style='background:#d4f5d4;text-decoration:underline'>{text}</span>"
            )
    return "".join(parts)


class _Lookup(QObject):
    """Owns the panel's TranslationMemory on its own thread: one connection, one index."""

    sig_matches = Signal(int, object)  # request number, list[TMMatch]
    sig_error = Signal(int, str)

    def __init__(self, path: Path) -> None:
        super().__init__()
        self._path = path
        self._memory: TranslationMemory | None = None

    @Slot(int, str, str, str)
    def lookup(self, request: int, source: str, source_lang: str, target_lang: str) -> None:
        try:
            if self._memory is None:
                self._memory = TranslationMemory(self._path)
            found = self._memory.lookup(source, source_lang, target_lang, limit=MAX_MATCHES)
        except Exception as error:  # noqa: BLE001 - shown in the panel, never lost
            self.sig_error.emit(request, str(error) or type(error).__name__)
        else:
            self.sig_matches.emit(request, found)

    @Slot(int)
    def record_use(self, unit_id: int) -> None:
        try:
            if self._memory is not None:
                self._memory.record_use(unit_id)
        except LookupError:
            pass  # deleted meanwhile: nothing to count

    @Slot()
    def close(self) -> None:
        if self._memory is not None:
            self._memory.close()
            self._memory = None


class _RichTextDelegate(QStyledItemDelegate):
    """Paints a cell's HTML_ROLE (the highlighted diff)."""

    def _document(self, option: QStyleOptionViewItem, text: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(3)
        doc.setDefaultFont(option.font)
        doc.setHtml(text)
        doc.setTextWidth(max(option.rect.width(), 40))
        return doc

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.widget.style().drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget
        )
        doc = self._document(opt, index.data(HTML_ROLE) or "")
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index.data(HTML_ROLE) or "")
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class TMPanel(QWidget):
    """Looks up each segment the desk passes to segment_changed(); never blocks the UI thread.

    sig_insert_text(target) on double-click or Ctrl+Shift+1..3; sig_fill_target(segment id,
    target) when the segment's target is empty, the best match is 100% and the translator
    left "Fill empty targets with 100% matches" on.
    """

    sig_insert_text = Signal(str)
    sig_fill_target = Signal(int, str)
    sig_lookup = Signal(int, str, str, str)  # to the lookup thread
    sig_record_use = Signal(int)
    sig_matches_shown = Signal()  # after each lookup's result is on screen

    def __init__(
        self,
        memory_path: Path,
        source_lang: str = "ko",
        target_lang: str = "en",
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source_lang, self.target_lang = source_lang, target_lang
        self.settings = settings or QSettings()
        self._request = 0
        self._segment = None
        self._matches: list[TMMatch] = []

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["%", "Memory source", "Translation", "Origin"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegateForColumn(COL_SOURCE, _RichTextDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SOURCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TARGET, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ORIGIN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.insert_match(row + 1))

        self.status = QLabel(self)
        self.status.setEnabled(False)
        self.autofill = QCheckBox("Fill empty targets with 100% matches", self)
        self.autofill.setChecked(self.settings.value(KEY_AUTOFILL, True, type=bool))
        self.autofill.toggled.connect(lambda on: self.settings.setValue(KEY_AUTOFILL, on))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.autofill)

        for n in range(1, SHORTCUT_MATCHES + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+Shift+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=n: self.insert_match(n))

        self._thread = QThread(self)
        self._worker = _Lookup(Path(memory_path))
        self._worker.moveToThread(self._thread)
        self.sig_lookup.connect(self._worker.lookup)
        self.sig_record_use.connect(self._worker.record_use)
        self._worker.sig_matches.connect(self._show)
        self._worker.sig_error.connect(self._show_error)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        self._show_text("No segment selected.")

    # ---- what the desk calls ---------------------------------------------------------------

    def segment_changed(self, segment) -> None:
        """Look up a documents.project.Segment (None clears the panel)."""
        self._segment = segment
        self._request += 1
        self.table.setRowCount(0)
        self._matches = []
        if segment is None or not segment.source.strip():
            self._show_text("No segment selected.")
            return
        self._show_text("Looking up…")
        self.sig_lookup.emit(self._request, segment.source, self.source_lang, self.target_lang)

    def set_pair(self, source_lang: str, target_lang: str) -> None:
        self.source_lang, self.target_lang = source_lang, target_lang
        self.segment_changed(self._segment)

    def matches(self) -> list[TMMatch]:
        return list(self._matches)

    def insert_match(self, n: int) -> bool:
        """Emit the n-th (1-based) match's translation for the target editor."""
        if not 1 <= n <= len(self._matches):
            return False
        match = self._matches[n - 1]
        self.sig_insert_text.emit(match.unit.target)
        self.sig_record_use.emit(match.unit.id)
        return True

    def shutdown(self) -> None:
        """Close the memory and stop the lookup thread (the window calls this on close)."""
        if self._thread.isRunning():
            self._request += 1  # late results are dropped
            # The connection belongs to the lookup thread: close it there, after any lookup.
            QMetaObject.invokeMethod(
                self._worker, "close", Qt.ConnectionType.BlockingQueuedConnection
            )
            self._thread.quit()
            self._thread.wait()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    # ---- internals -------------------------------------------------------------------------

    def _show_text(self, text: str) -> None:
        self.status.setText(text)

    @Slot(int, object)
    def _show(self, request: int, matches: list[TMMatch]) -> None:
        if request != self._request:
            return  # the translator moved on; an older answer must not overwrite this one
        self._matches = list(matches)
        self.table.setRowCount(len(matches))
        for row, match in enumerate(matches):
            unit = match.unit
            score = QTableWidgetItem(f"{match.score}%")
            score.setBackground(EXACT if match.score == 100 else FUZZY)
            score.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            if row < SHORTCUT_MATCHES:
                score.setToolTip(f"Ctrl+Shift+{row + 1} or double-click inserts this translation")
            source = QTableWidgetItem(unit.source)
            source.setData(
                HTML_ROLE, diff_html(match.diff) if match.diff else html.escape(unit.source)
            )
            source.setData(MATCH_ROLE, match)
            target = QTableWidgetItem(unit.target)
            origin = QTableWidgetItem(f"{unit.origin or 'memory'}\n{unit.updated_at[:10]}")
            origin.setToolTip(
                f"created {unit.created_at}, changed {unit.updated_at}, used {unit.usage}×"
            )
            for column, item in enumerate((score, source, target, origin)):
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        if matches:
            self._show_text(f"{len(matches)} match{'es' if len(matches) != 1 else ''}")
        else:
            self._show_text("No match in the translation memory.")
        self._maybe_fill()
        self.sig_matches_shown.emit()

    @Slot(int, str)
    def _show_error(self, request: int, message: str) -> None:
        if request == self._request:
            self._show_text(f"Translation memory: {message}")
            self.sig_matches_shown.emit()

    def _maybe_fill(self) -> None:
        segment = self._segment
        if (
            self.autofill.isChecked()
            and segment is not None
            and not segment.target.strip()
            and self._matches
            and self._matches[0].score == 100
        ):
            self.sig_fill_target.emit(segment.id, self._matches[0].unit.target)
