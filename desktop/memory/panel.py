"""The translation memory dock: matches for the current segment, differences highlighted."""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThreadPool, Signal
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

from desktop.settings import Settings
from desktop.tasks import TaskRunner
from memory.diff import DELETE, EQUAL, INSERT, DiffOp
from memory.protocol import open_memory
from memory.store import TMMatch, TMUnit, TranslationMemory

EXACT = QColor("#c8e6c9")  # green: the memory holds this very sentence
FUZZY = QColor("#ffe0a3")  # amber: a similar sentence; check what differs
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
COL_SCORE, COL_SOURCE, COL_TARGET, COL_ORIGIN = range(4)
MAX_MATCHES = 5
SHORTCUT_MATCHES = 3
NARROW = 560  # pixels: below this the origin column hides


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


def _open_memory(where):
    """The memory file, or a team server's (with its outbox for units confirmed while away)."""
    from desktop.team.sync import outbox_for  # noqa: PLC0415 - start-up: team sync loads when a memory is opened

    return open_memory(where, outbox_for("memory", where))


class _MemoryOnThread:
    """The panel's TranslationMemory, opened and used only on the panel's one pool thread:
    one connection and one fuzzy index, kept between lookups."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._memory: TranslationMemory | None = None
        # unit id -> the version this desk's last add wrote: taking the add back refuses to
        # overwrite a colleague's later change to the same unit (a shared team memory)
        self._written: dict[int, str] = {}

    def lookup(self, source: str, source_lang: str, target_lang: str) -> list[TMMatch]:
        if self._memory is None:
            self._memory = _open_memory(self._path)
        return self._memory.lookup(source, source_lang, target_lang, limit=MAX_MATCHES)

    def _open(self) -> TranslationMemory:
        if self._memory is None:
            self._memory = _open_memory(self._path)
        return self._memory

    def add(
        self, source: str, target: str, pair: tuple[str, str], origin: str
    ) -> tuple[int, TMUnit | None]:
        """Add; returns the unit's id and the unit as it was before (None: it is new)."""
        memory = self._open()
        before = memory.exact(source, *pair)
        unit = memory.add(source, target, *pair, origin=origin)
        self._written[unit.id] = unit.updated_at
        return unit.id, before

    def restore(self, unit_id: int, before: TMUnit | None) -> None:
        """Take an add back; StaleUnitError (who changed it, when) if the unit changed since."""
        expected = self._written.pop(unit_id, None)
        self._open().restore(unit_id, before, expected_version=expected)

    def search(self, text: str, pair: tuple[str, str]) -> list[TMUnit]:
        return self._open().search(text, *pair)

    def prepare(self, source_lang: str, target_lang: str) -> int:
        return self._open().prepare(source_lang, target_lang)

    def record_use(self, unit_id: int) -> None:
        try:
            if self._memory is not None:
                self._memory.record_use(unit_id)
        except LookupError:
            pass  # deleted meanwhile: nothing to count

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
    sig_matches_shown = Signal()  # after each lookup's result is on screen
    sig_message = Signal(str)  # what the translator must read (an undo the memory refused)

    def __init__(
        self,
        memory_path: Path,
        source_lang: str = "ko",
        target_lang: str = "en",
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.source_lang, self.target_lang = source_lang, target_lang
        self.settings = settings or Settings()
        self._request = 0
        self._segment = None
        self._matches: list[TMMatch] = []

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            ["%", self.tr("Memory source"), self.tr("Translation"), self.tr("Origin")]
        )
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
        self.autofill = QCheckBox(self.tr("Fill empty targets with 100% matches"), self)
        self.autofill.setChecked(self.settings.memory_autofill())
        self.autofill.toggled.connect(self.settings.set_memory_autofill)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.autofill)

        for n in range(1, SHORTCUT_MATCHES + 1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+Shift+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=n: self.insert_match(n))

        # One thread that never expires: SQLite wants the connection on the thread that made it.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._runner = TaskRunner(self._pool, self)
        # A team server's URL stays a string (Path would fold its //).
        path = memory_path if isinstance(memory_path, str) else Path(memory_path)
        self._memory = _MemoryOnThread(path)
        self._show_text(self.tr("No segment selected."))

    # ---- what the desk calls ---------------------------------------------------------------

    def segment_changed(self, segment) -> None:
        """Look up a documents.project.Segment (None clears the panel)."""
        self._segment = segment
        self._request += 1
        self.table.setRowCount(0)
        self._matches = []
        if segment is None or not segment.source.strip():
            self._show_text(self.tr("No segment selected."))
            return
        self._show_text(self.tr("Looking up…"))
        self._look_up(segment.source)

    def refresh(self) -> None:
        """Look the current segment up again (the memory changed) without clearing what is
        shown meanwhile: the matches stay usable until the new ones replace them."""
        segment = self._segment
        if segment is None or not segment.source.strip():
            return
        self._request += 1
        self._look_up(segment.source)

    def _look_up(self, source: str) -> None:
        """Matches for source on the memory's thread; an answer to an older request is void."""
        request, pair = self._request, (self.source_lang, self.target_lang)
        self._runner.run_task(
            lambda: self._memory.lookup(source, *pair),
            partial(self._show, request),
            lambda error: self._show_error(request, str(error) or type(error).__name__),
            context=self,
        )

    def set_pair(self, source_lang: str, target_lang: str) -> None:
        self.source_lang, self.target_lang = source_lang, target_lang
        self.segment_changed(self._segment)

    def remember(self, source: str, target: str, origin: str = "", on_added=None) -> None:
        """Add a confirmed translation to the memory on the panel's thread (queued before any
        later lookup, so the next segment already sees it); a failure shows in the panel.

        on_added(unit_id, unit as it was before or None) lets the caller take the add back."""
        pair = (self.source_lang, self.target_lang)
        self._runner.run_task(
            lambda: self._memory.add(source, target, pair, origin),
            (lambda receipt: on_added(*receipt)) if on_added else None,
            lambda error: self._show_text(
                self.tr("Translation memory: {error}").format(error=error)
            ),
            context=self,
        )

    def take_back(self, unit_id: int, before: TMUnit | None) -> None:
        """Undo one remember(): the memory as it was before it; the matches are looked up again."""

        def refused(error: BaseException) -> None:
            text = self.tr("Translation memory: {error}").format(error=error)
            self._show_text(text)
            self.sig_message.emit(text)  # the desk says it where it stays in sight

        self._runner.run_task(
            lambda: self._memory.restore(unit_id, before),
            lambda _: self.refresh(),
            refused,
            context=self,
        )

    def search(self, text: str, on_found, on_error) -> None:
        """Concordance on the panel's memory thread: on_found(list of TMUnit) on the UI thread."""
        pair = (self.source_lang, self.target_lang)
        self._runner.run_task(
            lambda: self._memory.search(text, pair), on_found, on_error, context=self
        )

    def prepare(self) -> None:
        """Build the pair's fuzzy index now (on the panel's thread), not on the first lookup."""
        pair = (self.source_lang, self.target_lang)
        # A pair the memory does not hold (ja-en) is said in the panel, not a traceback on stderr.
        self._runner.run_task(
            lambda: self._memory.prepare(*pair),
            on_error=lambda error: self._show_text(
                self.tr("Translation memory: {error}").format(error=error)
            ),
            context=self,
        )

    def matches(self) -> list[TMMatch]:
        return list(self._matches)

    def insert_match(self, n: int) -> bool:
        """Emit the n-th (1-based) match's translation for the target editor."""
        if not 1 <= n <= len(self._matches):
            return False
        match = self._matches[n - 1]
        self.sig_insert_text.emit(match.unit.target)
        self._runner.run_task(partial(self._memory.record_use, match.unit.id), context=self)
        return True

    def shutdown(self) -> None:
        """Close the memory on its thread and wait (deleting the pool waits for it too)."""
        self._request += 1  # late results are dropped
        self._runner.run_task(self._memory.close)
        self._pool.waitForDone()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # In a narrow dock the origin column would squeeze the texts; its tooltip stays.
        self.table.setColumnHidden(COL_ORIGIN, event.size().width() < NARROW)
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.shutdown()
        super().closeEvent(event)

    # ---- internals -------------------------------------------------------------------------

    def _show_text(self, text: str) -> None:
        self.status.setText(text)

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
            origin_text = f"{unit.origin or 'memory'}, changed {unit.updated_at[:10]}"
            hint = f"{origin_text}\n"
            if row < SHORTCUT_MATCHES:
                hint += self.tr("Ctrl+Shift+{n} or double-click inserts this translation").format(
                    n=row + 1
                )
            score.setToolTip(hint.strip())
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
            count = len(matches)
            self._show_text(
                self.tr("1 match") if count == 1 else self.tr("{count} matches").format(count=count)
            )
        else:
            self._show_text(self.tr("No match in the translation memory."))
        self._maybe_fill()
        self.sig_matches_shown.emit()

    def _show_error(self, request: int, message: str) -> None:
        if request == self._request:
            self._show_text(self.tr("Translation memory: {error}").format(error=message))
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
