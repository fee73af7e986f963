"""Painting a cell's rich text (terms underlined, tags as chips) the way the item view would."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyleOptionViewItem


def cell_document(font: QFont, text: str, width: float) -> QTextDocument:
    """A cell's text laid out as the grid shows it: wrapped at words (or anywhere in a long
    run without spaces), a 2-pixel margin, width at least 10."""
    document = QTextDocument()
    document.setDocumentMargin(2)
    document.setDefaultFont(font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(wrap)
    document.setPlainText(text)
    document.setTextWidth(max(width, 10.0))
    return document


def draw_document(
    painter: QPainter, opt: QStyleOptionViewItem, document: QTextDocument, selected: bool
) -> None:
    """Draw document in the cell, in the palette's (highlighted) text colour, clipped to it."""
    context = QAbstractTextDocumentLayout.PaintContext()
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
    painter.save()
    painter.translate(opt.rect.topLeft())
    painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
    document.documentLayout().draw(painter, context)
    painter.restore()
