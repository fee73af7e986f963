"""A table model over the termbase: concept ids plus a lazy, bounded cache of concepts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from glossary.store import Concept, Termbase, TermKind
from translation.languages import language_name

LANGUAGES = ("ko", "zh-Hans", "zh-Hant", "en")
CONCEPT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200  # concepts fetched per round trip: a screenful and then some
MAX_CACHED = 5000  # bounded so that scrolling through 100,000 concepts stays small
_FIELDS = ("domain", "status", "note")
_HEADERS = {
    "domain": QT_TRANSLATE_NOOP("ConceptTableModel", "Domain"),
    "status": QT_TRANSLATE_NOOP("ConceptTableModel", "Status"),
    "note": QT_TRANSLATE_NOOP("ConceptTableModel", "Note"),
    # short enough for a column header
    "zh-Hans": QT_TRANSLATE_NOOP("ConceptTableModel", "Simplified Chinese"),
    "zh-Hant": QT_TRANSLATE_NOOP("ConceptTableModel", "Traditional Chinese"),
}

_Index = QModelIndex | QPersistentModelIndex


class ConceptTableModel(QAbstractTableModel):
    """Rows are concept ids from Termbase.concept_ids(query); concepts load a page at a time."""

    def __init__(
        self,
        termbase: Termbase,
        languages: Sequence[str] = LANGUAGES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._termbase = termbase
        self.languages = tuple(languages)
        self._columns = (*self.languages, *_FIELDS)
        self._query = ""
        self._ids: list[int] = []
        self._cache: dict[int, Concept] = {}
        self._rows: dict[int, int] = {}
        self._italic = QFont()
        self._italic.setItalic(True)
        self.reload()

    # ---- what the dialog calls -------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    def set_query(self, query: str) -> None:
        """Show the concepts matching a full-text query ("" shows them all)."""
        self._query = query.strip()
        self.reload()

    def reload(self) -> None:
        """Re-read ids and drop cached concepts (after any change to the termbase)."""
        self.beginResetModel()
        self._ids = list(self._termbase.concept_ids(self._query))
        self._rows = {}
        self._cache.clear()
        self.endResetModel()

    def concept_id(self, row: int) -> int:
        return self._ids[row]

    def concept_at(self, row: int) -> Concept:
        concept_id = self._ids[row]
        concept = self._cache.get(concept_id)
        if concept is None:
            self._fetch_around(row)
            concept = self._cache[concept_id]
        return concept

    def row_of(self, concept_id: int) -> int:
        """The row showing a concept, -1 when the current query hides it."""
        if not self._rows and self._ids:
            self._rows = {cid: row for row, cid in enumerate(self._ids)}
        return self._rows.get(concept_id, -1)

    def column_of(self, key: str) -> int:
        return self._columns.index(key)

    # ---- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        key = self._columns[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return key if key in self.languages else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.tr(_HEADERS[key]) if key in _HEADERS else language_name(key)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == CONCEPT_ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
        ):
            return None
        concept = self.concept_at(index.row())
        key = self._columns[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#6b6b6b") if concept.status == "proposed" else None
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if concept.status == "proposed" else None
        if key in _FIELDS:
            return getattr(concept, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _forms_tooltip(concept, key)
        return _forms_cell(concept, key)

    # ---- internals -------------------------------------------------------------------------

    def _fetch_around(self, row: int) -> None:
        start = max(0, row - PAGE // 4)  # a little above too: scrolling goes both ways
        wanted = [cid for cid in self._ids[start : start + PAGE] if cid not in self._cache]
        if len(self._cache) + len(wanted) > MAX_CACHED:
            self._cache.clear()
        found = self._termbase.concepts_by_ids(wanted)
        concepts = found.values() if isinstance(found, dict) else found
        for concept in concepts:
            self._cache[concept.id] = concept
        for cid in wanted:  # deleted behind our back: show an empty row, never crash
            self._cache.setdefault(cid, Concept(id=cid, note="(deleted)"))


def _forms_cell(concept: Concept, lang: str) -> str:
    preferred = concept.forms(lang, TermKind.PREFERRED)
    variants = concept.forms(lang, TermKind.VARIANT)
    text = "; ".join(preferred or variants[:1])
    extra = len(variants) - (0 if preferred else min(1, len(variants)))
    return f"{text} (+{extra})" if extra > 0 else text


def _forms_tooltip(concept: Concept, lang: str) -> str | None:
    lines = []
    for kind, label in (
        (TermKind.PREFERRED, QT_TRANSLATE_NOOP("ConceptTableModel", "preferred")),
        (TermKind.VARIANT, QT_TRANSLATE_NOOP("ConceptTableModel", "variant")),
        (TermKind.FORBIDDEN, QT_TRANSLATE_NOOP("ConceptTableModel", "never use")),
    ):
        label = QCoreApplication.translate("ConceptTableModel", label)
        lines += [f"{label}: {term}" for term in concept.forms(lang, kind)]
    return "\n".join(lines) or None
