"""Inline-code tags in the target editor: drawn as chips, never broken by typing, F9 inserts."""

from __future__ import annotations

import json
import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from desktop.grid.paint import cell_document, draw_document
from desktop.grid.term_highlight import python_index, utf16_offset
from documents.inline import has_tags, tag_tokens

# memoQ inserts the next source tag with F9; OmegaT with Ctrl+T. F9 is free in the desk.
INSERT_NEXT_TAG = Qt.Key.Key_F9
TAG_BACKGROUND = QColor("#dbe7f6")  # pale blue chip, distinct from the amber of glossary terms
TAG_FOREGROUND = QColor("#1f4e8c")


_DESCRIPTIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def tag_descriptions(project) -> dict[str, dict[str, str]]:
    """segment id -> tag number -> what the tag is (kept by the XLIFF import), read once."""
    if project is None:
        return {}
    cached = _DESCRIPTIONS.get(project)
    if cached is None:
        from documents.xliff_import import META_TAGS  # noqa: PLC0415 - heavy: the XLIFF importer (lxml) loads for a tagged project

        raw = project.get_meta(META_TAGS)
        try:
            cached = json.loads(raw) if raw else {}
        except ValueError:
            cached = {}  # a damaged setting only costs the tooltips
        cached = cached if isinstance(cached, dict) else {}
        _DESCRIPTIONS[project] = cached
    return cached


def describer(view, row: int) -> Callable[[int], str]:
    """What tag n of the segment in the view's row stands for ("" when unknown)."""
    segment_id = view.segment_id_at(row) if hasattr(view, "segment_id_at") else -1
    project = getattr(view.window(), "project", None)

    def describe(number: int) -> str:
        tags = tag_descriptions(project).get(str(segment_id), {})
        return str(tags.get(str(number), "")) if isinstance(tags, dict) else ""

    return describe


def tag_tooltip(view, row: int, text: str, index: int) -> str | None:
    """The tooltip for the tag at a Python index of a cell's text, None when none is there."""
    found = next((t for t in tag_tokens(text) if t.start <= index < t.end), None)
    if found is None:
        return None
    what = describer(view, row)(found.number)
    return f"{found.text}  {what}" if what else None


def chip_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(TAG_BACKGROUND)
    fmt.setForeground(TAG_FOREGROUND)
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def mark_tags(document: QTextDocument, text: str) -> None:
    """Give the tags of a document holding text (plain) the chip format."""
    cursor = QTextCursor(document)
    fmt = chip_format()
    for found in tag_tokens(text):
        cursor.setPosition(utf16_offset(text, found.start))
        cursor.setPosition(utf16_offset(text, found.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def paint_tagged(
    delegate: QStyledItemDelegate, painter, option: QStyleOptionViewItem, index
) -> bool:
    """Paint a cell whose text holds tags with the tags as chips; False (nothing painted) for
    a cell without tags, which the delegate then paints as it always does."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    text = opt.text
    if not has_tags(text):
        return False
    opt.text = ""
    style = opt.widget.style() if opt.widget else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
    document = cell_document(opt.font, text, opt.rect.width())
    mark_tags(document, text)
    draw_document(painter, opt, document, bool(opt.state & QStyle.StateFlag.State_Selected))
    return True


class TagHighlighter(QSyntaxHighlighter):
    """Draws ⟨1⟩ ⟨/1⟩ ⟨2/⟩ as coloured chips in a text document."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self._format = chip_format()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for found in tag_tokens(text):
            start = utf16_offset(text, found.start)
            self.setFormat(start, utf16_offset(text, found.end) - start, self._format)


def next_missing_tag(source: str, target: str) -> str | None:
    """The first tag of the source (in source order) the target does not hold yet."""
    have: dict[str, int] = {}
    for found in tag_tokens(target):
        have[found.text] = have.get(found.text, 0) + 1
    for found in tag_tokens(source):
        if have.get(found.text, 0) > 0:
            have[found.text] -= 1
        else:
            return found.text
    return None


class TagGuard(QObject):
    """Keeps tag tokens whole in a QPlainTextEdit: Backspace/Delete take a tag as one piece,
    typing inside a tag goes beside it, F9 inserts the source's next missing tag."""

    def __init__(
        self,
        editor: QPlainTextEdit,
        source: Callable[[], str],
        describe: Callable[[int], str] | None = None,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.source = source
        self.describe = describe
        self.highlighter = TagHighlighter(editor.document())
        editor.installEventFilter(self)
        editor.viewport().installEventFilter(self)  # tooltips arrive at the viewport

    def _span_at(self, position: int) -> tuple[int, int] | None:
        """The tag (Python indices) that holds the Qt position strictly inside it."""
        text = self.editor.toPlainText()
        index = python_index(text, position)
        for found in tag_tokens(text):
            if found.start < index < found.end:
                return found.start, found.end
        return None

    def _tag_ending_at(self, index: int, text: str) -> tuple[int, int] | None:
        return next(((t.start, t.end) for t in tag_tokens(text) if t.end == index), None)

    def _tag_starting_at(self, index: int, text: str) -> tuple[int, int] | None:
        return next(((t.start, t.end) for t in tag_tokens(text) if t.start == index), None)

    def _remove(self, span: tuple[int, int], text: str) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(utf16_offset(text, span[0]))
        cursor.setPosition(utf16_offset(text, span[1]), cursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        self.editor.setTextCursor(cursor)

    def insert_next_tag(self) -> bool:
        tag = next_missing_tag(self.source(), self.editor.toPlainText())
        if tag is None:
            return False
        self._leave_tag()
        self.editor.insertPlainText(tag)
        return True

    def _leave_tag(self) -> None:
        """Move a cursor that sits inside a tag to the tag's end."""
        cursor = self.editor.textCursor()
        if cursor.hasSelection():
            return
        span = self._span_at(cursor.position())
        if span is not None:
            cursor.setPosition(utf16_offset(self.editor.toPlainText(), span[1]))
            self.editor.setTextCursor(cursor)

    def _tooltip(self, event) -> bool:
        if self.describe is None:
            return False
        text = self.editor.toPlainText()
        position = self.editor.cursorForPosition(event.pos()).position()
        index = python_index(text, position)
        found = next((t for t in tag_tokens(text) if t.start <= index < t.end), None)
        what = self.describe(found.number) if found is not None else ""
        if not what:
            return False
        QToolTip.showText(event.globalPos(), f"{found.text}  {what}", self.editor)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if "editor" not in self.__dict__:
            # An event reached the filter while Python tears this guard down (its editor is
            # being destroyed at the end of an edit): nothing left to guard.
            return False
        if event.type() == QEvent.Type.ToolTip and watched is self.editor.viewport():
            return self._tooltip(event)
        if watched is not self.editor or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key == INSERT_NEXT_TAG:
            self.insert_next_tag()
            return True
        cursor = self.editor.textCursor()
        text = self.editor.toPlainText()
        if cursor.hasSelection():
            # A selection that cuts a tag grows to take the whole tag (or nothing is broken).
            start = python_index(text, cursor.selectionStart())
            end = python_index(text, cursor.selectionEnd())
            for found in tag_tokens(text):
                if found.start < start < found.end:
                    start = found.start
                if found.start < end < found.end:
                    end = found.end
            if event.text() or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
                cursor.setPosition(utf16_offset(text, start))
                cursor.setPosition(utf16_offset(text, end), cursor.MoveMode.KeepAnchor)
                self.editor.setTextCursor(cursor)
            return False
        index = python_index(text, cursor.position())
        if key == Qt.Key.Key_Backspace:
            span = self._tag_ending_at(index, text) or self._span_at(cursor.position())
            if span is not None:
                self._remove(span, text)
                return True
        elif key == Qt.Key.Key_Delete:
            span = self._tag_starting_at(index, text) or self._span_at(cursor.position())
            if span is not None:
                self._remove(span, text)
                return True
        elif event.text() and event.text().isprintable():
            self._leave_tag()  # typing never lands inside ⟨12⟩
        return False


def install_tags(
    editor: QPlainTextEdit,
    source: Callable[[], str],
    describe: Callable[[int], str] | None = None,
) -> TagGuard:
    """Give a target editor tag chips, tag protection, F9 and tag tooltips; source gives the
    row's source, describe what tag n stands for (see describer)."""
    return TagGuard(editor, source, describe)
