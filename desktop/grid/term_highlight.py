"""Glossary terms in the source: marked in the grid (with a tooltip) and in a source editor."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from desktop.glossary.term_lookup import TermLookup
from desktop.grid.paint import cell_document, draw_document
from glossary.matching import TermMatch

__all__ = ["TermHighlightDelegate", "TermHighlighter", "TermLookup", "utf16_offset"]

TERM_BACKGROUND = QColor("#fff2c6")  # pale amber: visible on white, readable under dark text
TERM_UNDERLINE = QColor("#c98a00")


def utf16_offset(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; a Python index past a non-BMP hanja must be shifted."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def python_index(text: str, offset: int) -> int:
    """The inverse of utf16_offset: the Python index of a Qt text position."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _term_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(TERM_BACKGROUND)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(TERM_UNDERLINE)
    return fmt


class TermHighlightDelegate(QStyledItemDelegate):
    """Paints the source column with its term spans marked; the tooltip shows the entry."""

    def __init__(self, lookup: TermLookup, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lookup = lookup
        self._format = _term_format()
        # On the selection colour the pale background would wash out white text: underline only.
        self._selected_format = QTextCharFormat()
        self._selected_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)

    def _document(
        self, option: QStyleOptionViewItem, text: str, width: float, selected: bool = False
    ) -> QTextDocument:
        doc = cell_document(option.font, text, width)
        cursor = QTextCursor(doc)
        for match in self._lookup.matches(text):
            cursor.setPosition(utf16_offset(text, match.start))
            cursor.setPosition(utf16_offset(text, match.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._selected_format if selected else self._format)
        from desktop.grid.tag_editor import mark_tags  # noqa: PLC0415 - start-up: tag chips load with the first tagged segment (XLIFF inline-code tags drawn as chips)

        mark_tags(doc, text)
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        draw_document(painter, opt, self._document(opt, text, opt.rect.width(), selected), selected)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = opt.rect.width() if opt.rect.width() > 0 else 400
        doc = self._document(opt, opt.text, width)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))

    def helpEvent(self, event, view, option: QStyleOptionViewItem, index: QModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            opt = QStyleOptionViewItem(option)
            self.initStyleOption(opt, index)
            doc = self._document(opt, opt.text, opt.rect.width())
            local = QPointF(event.pos() - opt.rect.topLeft())
            position = doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.ExactHit)
            match = None
            if position >= 0:
                match = self._lookup.match_at(opt.text, python_index(opt.text, position))
            if match is not None:
                QToolTip.showText(event.globalPos(), self._lookup.tooltip(match), view)
                return True
            from desktop.grid.tag_editor import tag_tooltip  # noqa: PLC0415 - start-up: tag chips load with the first tagged segment (what an XLIFF tag stands for)

            at = python_index(opt.text, position) if position >= 0 else -1
            if tip := tag_tooltip(view, index.row(), opt.text, at):
                QToolTip.showText(event.globalPos(), tip, view)
                return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().helpEvent(event, view, option, index)


class TermHighlighter(QSyntaxHighlighter):
    """Marks term spans in a source editor (QTextEdit / QPlainTextEdit document)."""

    def __init__(self, document: QTextDocument, lookup: TermLookup) -> None:
        super().__init__(document)
        self._lookup = lookup
        self._format = _term_format()
        lookup.sig_changed.connect(self.rehighlight)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        for match in self._lookup.matches(text):
            start = utf16_offset(text, match.start)
            self.setFormat(start, utf16_offset(text, match.end) - start, self._format)

    def match_at_position(self, text: str, position: int) -> TermMatch | None:
        """The match under a Qt cursor position of a block's text (for the editor's tooltip)."""
        return self._lookup.match_at(text, python_index(text, position))
