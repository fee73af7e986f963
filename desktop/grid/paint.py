"""Painting a cell's rich text (terms underlined, tags as chips) the way the item view would."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem


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
