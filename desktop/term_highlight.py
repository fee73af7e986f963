"""Glossary terms in the source: a cached lookup, a grid delegate and an editor highlighter."""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from glossary.matching import TermMatch, TermMatcher
from glossary.store import Concept, GlossaryError, Termbase, TermKind

TERM_BACKGROUND = QColor("#fff2c6")  # pale amber: visible on white, readable under dark text
TERM_UNDERLINE = QColor("#c98a00")
_CACHE_SIZE = 2048  # segments; a long article has a few hundred


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


class TermLookup(QObject):
    """Term matches per segment text, cached, rebuilt when the glossary revision changes.

    Shared by the glossary panel, the grid delegate and the editor highlighter so that a
    segment is matched once, whatever the number of views showing it.
    """

    sig_changed = Signal()  # the termbase, the pair or the glossary revision changed

    def __init__(
        self,
        termbase: Termbase | None = None,
        source_lang: str = "ko",
        target_lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._termbase = termbase
        self.source_lang = source_lang
        self.target_lang = target_lang
        self._matcher: TermMatcher | None = None
        self._all: list[Concept] = []
        self._revision: int | None = None
        self._matches: OrderedDict[str, list[TermMatch]] = OrderedDict()
        self._concepts: dict[int, Concept] = {}

    @property
    def termbase(self) -> Termbase | None:
        return self._termbase

    def set_termbase(self, termbase: Termbase | None, source_lang: str, target_lang: str) -> None:
        self._termbase = termbase
        self.source_lang, self.target_lang = source_lang, target_lang
        self._drop()
        self.sig_changed.emit()

    def refresh(self) -> bool:
        """Re-read the glossary revision; True (and sig_changed) when the glossary changed."""
        if self._termbase is None or self._termbase.revision == self._revision:
            return False
        self._drop()
        self.sig_changed.emit()
        return True

    def matches(self, text: str) -> list[TermMatch]:
        """Leftmost-longest term matches in text (cached per text and glossary revision)."""
        if self._termbase is None or not text:
            return []
        if self._termbase.revision != self._revision:
            self._drop()
        found = self._matches.get(text)
        if found is not None:
            self._matches.move_to_end(text)
            return found
        found = self.matcher().find(text)
        self._matches[text] = found
        if len(self._matches) > _CACHE_SIZE:
            self._matches.popitem(last=False)
        return found

    def matcher(self) -> TermMatcher | None:
        """The matcher for the current glossary revision (built on first use); None without
        a termbase. Read-only once built, so QA on a worker thread may share it."""
        if self._termbase is None:
            return None
        if self._termbase.revision != self._revision:
            self._drop()
        if self._matcher is None:
            # Read the revision before the concepts: a change in between only costs a rebuild.
            self._revision = self._termbase.revision
            self._all = self._termbase.concepts()
            self._matcher = TermMatcher(self._all, self.source_lang, self.target_lang)
        return self._matcher

    def concepts(self) -> list[Concept]:
        """Every concept the current matcher was built from (read once per revision)."""
        return self._all if self.matcher() is not None else []

    def concept(self, concept_id: int) -> Concept | None:
        """The concept behind a match (cached until the glossary changes); None if deleted."""
        if self._termbase is None:
            return None
        if concept_id not in self._concepts:
            try:
                self._concepts[concept_id] = self._termbase.concept(concept_id)
            except (LookupError, GlossaryError):
                return None  # deleted since the match was cached
        return self._concepts[concept_id]

    def match_at(self, text: str, index: int) -> TermMatch | None:
        for match in self.matches(text):
            if match.start <= index < match.end:
                return match
        return None

    def tooltip(self, match: TermMatch) -> str:
        """Rich-text tooltip for a match: the entry as the glossary holds it."""
        return term_tooltip(match, self.concept(match.concept_id), self.target_lang)

    def _drop(self) -> None:
        self._matcher = None
        self._all = []
        self._revision = None
        self._matches.clear()
        self._concepts.clear()


def term_tooltip(match: TermMatch, concept: Concept | None, target_lang: str) -> str:
    esc = html.escape
    lines = [f"<b>{esc(match.term)}</b>"]
    if match.particle:
        lines[0] += f" <span style='color:#777'>+{esc(match.particle)}</span>"
    if match.targets:
        first, *rest = match.targets
        line = f"→ <b>{esc(first)}</b>"
        if rest:
            line += (
                " <span style='color:#555'>(also " + ", ".join(esc(t) for t in rest) + ")</span>"
            )
        lines.append(line)
    else:
        lines.append(f"<i>no {esc(target_lang)} form in the glossary</i>")
    if concept is not None:
        forbidden = concept.forms(target_lang, TermKind.FORBIDDEN)
        if forbidden:
            lines.append("never: " + ", ".join(f"<s>{esc(f)}</s>" for f in forbidden))
        notes = [concept.note] + [t.note for t in concept.terms if t.note]
        for note in dict.fromkeys(filter(None, notes)):
            lines.append(f"<i>{esc(note)}</i>")
        extra = " · ".join(filter(None, [concept.domain, concept.status]))
        if extra:
            lines.append(f"<span style='color:#777'>{esc(extra)}</span>")
    return "<br>".join(lines)


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
        doc = QTextDocument()
        doc.setDocumentMargin(2)
        doc.setDefaultFont(option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(text_option)
        doc.setPlainText(text)
        doc.setTextWidth(max(width, 10.0))
        cursor = QTextCursor(doc)
        for match in self._lookup.matches(text):
            cursor.setPosition(utf16_offset(text, match.start))
            cursor.setPosition(utf16_offset(text, match.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(self._selected_format if selected else self._format)
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
        doc = self._document(opt, text, opt.rect.width(), selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

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
