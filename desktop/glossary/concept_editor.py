"""The add / edit form for one concept: one row of forms per language, errors shown inline."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from glossary.protocol import TermbaseStore
from glossary.store import Concept, GlossaryError, Term, TermKind
from translation.languages import language_name

STATUSES = ("approved", "proposed")


def may_decide(termbase: TermbaseStore) -> bool:
    """Whether this desk's user may approve concepts and forbid forms in termbase: asked of a
    team server once (a translator's login may only propose); a local file always may. A
    server out of reach answers no: the editor then offers what any login may save."""
    try:
        return bool(termbase.may_decide())
    except (GlossaryError, OSError):
        return False


_SPLIT = re.compile(r"\s*[;\n]\s*")  # not the comma: company names carry commas


def split_forms(text: str) -> list[str]:
    return [part for part in _SPLIT.split(text.strip()) if part]


class ConceptEditor(QDialog):
    """Edits a copy of a concept; save(concept) is called on OK and may raise GlossaryError.

    When save raises, its message is shown under the form and the dialog stays open, so
    nothing is lost and nothing half-written reaches the termbase.
    """

    def __init__(
        self,
        languages: Sequence[str],
        save: Callable[[Concept], object],
        concept: Concept | None = None,
        parent: QWidget | None = None,
        *,
        may_decide: bool = True,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.may_decide = may_decide
        self._original = concept
        self.languages = tuple(languages)
        self.saved: Concept | None = None
        self.setWindowTitle(
            self.tr("Edit concept") if concept and concept.id else self.tr("Add concept")
        )

        forms = QGroupBox(self.tr("Forms (separate several with ;)"), self)
        grid = QGridLayout(forms)
        titles = (
            "",
            self.tr("Preferred"),
            self.tr("Variants"),
            self.tr("Never use"),
            self.tr("Note"),
        )
        for column, title in enumerate(titles, 0):
            header = QLabel(f"<b>{title}</b>")
            grid.addWidget(header, 0, column)
        self._rows: dict[str, tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]] = {}
        for row, lang in enumerate(self.languages, start=1):
            grid.addWidget(QLabel(f"{language_name(lang)} ({lang})"), row, 0)
            edits = tuple(QLineEdit(forms) for _ in range(4))
            for column, edit in enumerate(edits, start=1):
                edit.setObjectName(
                    f"{lang}:{('preferred', 'variants', 'forbidden', 'note')[column - 1]}"
                )
                edit.textEdited.connect(self._clear_error)
                grid.addWidget(edit, row, column)
            for edit in edits:
                edit.setMinimumWidth(140)
            self._rows[lang] = edits  # type: ignore[assignment]

        for column in range(1, 5):
            grid.setColumnStretch(column, 1)

        self.domain = QLineEdit(self)
        self.status = QComboBox(self)
        self.status.addItems(STATUSES)
        self.note = QLineEdit(self)
        details = QFormLayout()
        details.addRow(self.tr("Domain"), self.domain)
        details.addRow(self.tr("Status"), self.status)
        details.addRow(self.tr("Note"), self.note)

        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(forms)
        layout.addLayout(details)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if concept is not None:
            self._load(concept)
        if not may_decide:
            self._limit_to_proposals(concept)

    def _limit_to_proposals(self, concept: Concept | None) -> None:
        """A team translator's editor: a new concept is proposed, "approved" stays only on a
        concept that already is, and forbidden forms are the terminologist's to change (the
        server refuses otherwise; here the translator sees it before typing)."""
        approved = concept is not None and concept.status == "approved"
        item = self.status.model().item(self.status.findText("approved"))  # type: ignore[attr-defined]
        if item is not None and not approved:
            item.setEnabled(False)
            self.status.setCurrentIndex(self.status.findText("proposed"))
        why = self.tr(
            "Only a terminologist may forbid a form or lift a ban: propose it in the note."
        )
        for _preferred, _variants, forbidden, _note in self._rows.values():
            forbidden.setReadOnly(True)
            forbidden.setToolTip(why)
        self.status.setToolTip(self.tr("Only a terminologist may approve a concept."))

    # ---- filling and reading the form ------------------------------------------------------

    def field(self, lang: str, part: str) -> QLineEdit:
        """The editor of one cell: part is preferred, variants, forbidden or note."""
        return self._rows[lang][("preferred", "variants", "forbidden", "note").index(part)]

    def set_form(self, lang: str, text: str) -> None:
        """Pre-fill the preferred form of lang (from a selection); unknown languages are ignored."""
        if lang in self._rows:
            self._rows[lang][0].setText(text.strip())

    def _load(self, concept: Concept) -> None:
        for lang, (preferred, variants, forbidden, note) in self._rows.items():
            preferred.setText("; ".join(concept.forms(lang, TermKind.PREFERRED)))
            variants.setText("; ".join(concept.forms(lang, TermKind.VARIANT)))
            forbidden.setText("; ".join(concept.forms(lang, TermKind.FORBIDDEN)))
            first = next((t for t in concept.terms if t.lang == lang), None)
            note.setText(first.note if first else "")
        self.domain.setText(concept.domain)
        index = self.status.findText(concept.status)
        if index < 0:
            self.status.addItem(concept.status)
            index = self.status.count() - 1
        self.status.setCurrentIndex(index)
        self.note.setText(concept.note)

    def concept(self) -> Concept:
        """The concept as the form describes it (id and dates kept from the original)."""
        # Notes of forms the form does not show (a forbidden form's "why") are kept by form;
        # the Note field is the note of the language's first form.
        kept = {(t.lang, t.text): t.note for t in (self._original.terms if self._original else [])}
        old_details = {
            (t.lang, t.text): t.details for t in (self._original.terms if self._original else [])
        }
        terms: list[Term] = []
        for lang, (preferred, variants, forbidden, note) in self._rows.items():
            first = True
            for edit, kind in (
                (preferred, TermKind.PREFERRED),
                (variants, TermKind.VARIANT),
                (forbidden, TermKind.FORBIDDEN),
            ):
                for text in split_forms(edit.text()):
                    text_note = note.text().strip() if first else kept.get((lang, text), "")
                    # What the form does not show (part of speech, context from a TBX) stays.
                    details = dict(old_details.get((lang, text), {}))
                    terms.append(Term(lang, text, kind, text_note, details))
                    first = False
        # Keep what the form does not show: other languages' terms, id, dates, curated origin.
        if self._original is not None:
            terms += [t for t in self._original.terms if t.lang not in self._rows]
        return replace(
            self._original or Concept(),
            terms=terms,
            domain=self.domain.text().strip(),
            note=self.note.text().strip(),
            status=self.status.currentText(),
        )

    # ---- saving ----------------------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _clear_error(self) -> None:
        self.error.hide()

    def accept(self) -> None:
        concept = self.concept()
        if not any(t.kind != TermKind.FORBIDDEN for t in concept.terms):
            self.show_error(self.tr("Give at least one preferred form or variant."))
            return
        # A language named only by variants or forbidden forms leaves MT and QA without the
        # form to use: the concept saved with no preferred English form is refused here.
        named = {t.lang for t in concept.terms}
        missing = sorted(lang for lang in named if not concept.forms(lang, TermKind.PREFERRED))
        if missing:
            self.show_error(
                self.tr("Give a preferred form for every language the concept names: %s.")
                % ", ".join(missing)
            )
            field = self._rows.get(missing[0])
            if field is not None:
                field[0].setFocus()
            return
        try:
            self._save(concept)
        except GlossaryError as error:
            self.show_error(str(error))
            return
        self.saved = concept
        super().accept()
