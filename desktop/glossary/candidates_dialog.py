"""Term candidates of the current document: pre-filled forms to complete, accept or dismiss."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.glossary.concept_editor import may_decide
from desktop.tasks import run_task
from glossary.candidates import TermCandidate, find_candidates
from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind, term_key

LANGUAGES = ("ko", "zh-Hans", "zh-Hant", "en")
META_DISMISSED = "candidates_dismissed"  # termbase meta: JSON list of dismissed form keys
CANDIDATE_ROLE = Qt.ItemDataRole.UserRole + 1
_KINDS = {
    "gloss": QT_TRANSLATE_NOOP("CandidatesDialog", "hanja gloss"),
    "quoted": QT_TRANSLATE_NOOP("CandidatesDialog", "in quotes"),
    "latin": QT_TRANSLATE_NOOP("CandidatesDialog", "Latin script"),
    "named": QT_TRANSLATE_NOOP("CandidatesDialog", "with its original"),
}


def candidate_key(candidate: TermCandidate) -> str:
    """What a dismissal remembers: the candidate's first form, compared like glossary forms."""
    return term_key(next(iter(candidate.forms.values()), ""))


class CandidatesDialog(QDialog):
    """Lists names of the document the glossary lacks; forms are editable in the table.

    Accepting adds a concept (proposed or approved) and removes the row; dismissing removes
    it for good (remembered in the termbase).
    """

    sig_glossary_changed = Signal()

    def __init__(
        self,
        termbase: Termbase,
        segments: Sequence[str],
        source_lang: str = "ko",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.may_decide = may_decide(termbase)  # a team translator adds proposals only
        self.setWindowTitle(self.tr("Term candidates"))
        self.termbase = termbase
        self.source_lang = source_lang
        self.languages = tuple(dict.fromkeys((source_lang, *LANGUAGES)))
        self._columns = (*self.languages, "found", "count", "example")
        self._dismissed: set[str] = set(json.loads(termbase.meta(META_DISMISSED) or "[]"))

        self.table = QTableWidget(0, len(self._columns), self)
        self.table.setHorizontalHeaderLabels(
            [*self.languages, self.tr("Found as"), self.tr("Count"), self.tr("First seen in")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column in range(len(self.languages)):
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Interactive
            )
            self.table.setColumnWidth(column, 130)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.status = QLabel(self.tr("Looking for names the glossary does not have yet…"), self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.proposed_button = QPushButton(self.tr("Add as proposed"), self)
        self.approved_button = QPushButton(self.tr("Add as approved"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        for button in (self.proposed_button, self.approved_button, self.dismiss_button):
            button.setAutoDefault(False)  # Enter finishes a cell edit, it adds nothing
        self.proposed_button.clicked.connect(lambda: self.accept_selected("proposed"))
        self.approved_button.clicked.connect(lambda: self.accept_selected("approved"))
        if not self.may_decide:
            self.approved_button.setToolTip(self.tr("Only a terminologist may approve a term."))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        buttons = QHBoxLayout()
        for button in (self.proposed_button, self.approved_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(980, 480)
        self._update_buttons()

        known = termbase.concepts()  # plain data: the worker never touches the termbase
        texts = list(segments)
        run_task(
            lambda: find_candidates(texts, known, source_lang),
            self._show,
            lambda error: self.status.setText(
                self.tr("Could not look for candidates: {error}").format(error=error)
            ),
            context=self,
        )

    # ---- the list --------------------------------------------------------------------------

    def _show(self, candidates: list[TermCandidate]) -> None:
        shown = [c for c in candidates if candidate_key(c) not in self._dismissed]
        self.table.setRowCount(len(shown))
        for row, candidate in enumerate(shown):
            for column, lang in enumerate(self.languages):
                item = QTableWidgetItem(candidate.forms.get(lang, ""))
                variants = candidate.variants.get(lang)
                if variants:
                    item.setToolTip(self.tr("also: ") + ", ".join(variants))
                self.table.setItem(row, column, item)
            fixed = [
                self.tr(_KINDS[candidate.kind]) if candidate.kind in _KINDS else candidate.kind,
                str(candidate.frequency),
                candidate.example,
            ]
            for offset, text in enumerate(fixed):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(text)
                self.table.setItem(row, len(self.languages) + offset, item)
            self.table.item(row, 0).setData(CANDIDATE_ROLE, candidate)
        self._show_count(len(shown))

    def _show_count(self, count: int) -> None:
        """The status line's figure, said again after every add or dismiss (never stale)."""
        if count:
            found = (
                self.tr("1 candidate.")
                if count == 1
                else self.tr("{count} candidates.").format(count=count)
            )
            self.status.setText(
                found
                + " "
                + self.tr("Complete the forms (double-click a cell), then add or dismiss.")
            )
        else:
            self.status.setText(self.tr("No new names: the glossary already covers this document."))
        self._update_buttons()

    def candidates(self) -> list[TermCandidate]:
        return [
            self.table.item(row, 0).data(CANDIDATE_ROLE) for row in range(self.table.rowCount())
        ]

    def concept_at(self, row: int, status: str) -> Concept:
        """The concept a row describes, with the forms as edited in the table."""
        candidate: TermCandidate = self.table.item(row, 0).data(CANDIDATE_ROLE)
        terms = []
        for column, lang in enumerate(self.languages):
            text = self.table.item(row, column).text().strip()
            if text:
                terms.append(Term(lang, text))
        for lang, variants in candidate.variants.items():
            terms += [Term(lang, v, TermKind.VARIANT) for v in variants]
        return replace(candidate.concept(), terms=terms, status=status)

    # ---- accept / dismiss ------------------------------------------------------------------

    def _selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def accept_selected(self, status: str = "proposed") -> int:
        """Add the selected candidates; a row the glossary refuses stays, with the reason."""
        self.error.hide()
        added, problems = [], []
        for row in self._selected_rows():
            try:
                self.termbase.add_concept(self.concept_at(row, status))
            except GlossaryError as error:
                problems.append(f"{self.table.item(row, 0).text() or 'row'}: {error}")
            else:
                added.append(row)
        for row in reversed(added):
            self.table.removeRow(row)
        if added:
            self._show_count(self.table.rowCount())
        if problems:
            self.error.setText("\n".join(problems))
            self.error.show()
        if added:
            self.sig_glossary_changed.emit()
        self._update_buttons()
        return len(added)

    def dismiss_selected(self) -> None:
        rows = self._selected_rows()
        for row in rows:
            self._dismissed.add(candidate_key(self.table.item(row, 0).data(CANDIDATE_ROLE)))
        self.termbase.set_meta(META_DISMISSED, json.dumps(sorted(self._dismissed)))
        for row in reversed(rows):
            self.table.removeRow(row)
        self._show_count(self.table.rowCount())
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        for button in (self.proposed_button, self.approved_button, self.dismiss_button):
            button.setEnabled(selected)
        self.approved_button.setEnabled(selected and self.may_decide)
