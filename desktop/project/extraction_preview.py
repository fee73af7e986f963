"""New Project ▸ the extraction preview: what of a page, text or Word file becomes source text."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.language_names import display_name
from desktop.tasks import run_task
from desktop.translate.pair_selector import PairSelector
from documents.project import ProjectError
from documents.segmentation import segment_document
from documents.web_article import DROPPED_JOINED
from translation.engine import Route
from workflows.new_project import (
    NewProjectError,
    Prepared,
    create_project,
    default_target,
    free_path,
    prepare,
)

KEEP, TEXT, WHY = range(3)
_DROPPED = QColor("#8a8a8a")

# The reasons documents.web_article and documents.news_rules give, for lupdate to find.
_REASONS = {
    "title": QCoreApplication.translate("ExtractionPreview", "title"),
    "article text": QCoreApplication.translate("ExtractionPreview", "article text"),
    "whole text (no article was detected)": QCoreApplication.translate(
        "ExtractionPreview", "whole text (no article was detected)"
    ),
    "page furniture (menus, links, lists around the article)": QCoreApplication.translate(
        "ExtractionPreview", "page furniture (menus, links, lists around the article)"
    ),
    "after the end of the article": QCoreApplication.translate(
        "ExtractionPreview", "after the end of the article"
    ),
    "repeats the title": QCoreApplication.translate("ExtractionPreview", "repeats the title"),
    "copyright line": QCoreApplication.translate("ExtractionPreview", "copyright line"),
    "byline": QCoreApplication.translate("ExtractionPreview", "byline"),
    "date line": QCoreApplication.translate("ExtractionPreview", "date line"),
    "photo credit": QCoreApplication.translate("ExtractionPreview", "photo credit"),
    "related articles": QCoreApplication.translate("ExtractionPreview", "related articles"),
    DROPPED_JOINED: QCoreApplication.translate(
        "ExtractionPreview", "joined to the line before (a paragraph wrapped over lines)"
    ),
}


class ExtractionPreview(QDialog):
    """Reads the file in the background, then lists every block: kept ones ticked, dropped
    ones grey with the reason; the translator ticks and unticks, checks the detected
    language, and makes the project."""

    def __init__(
        self,
        path: Path,
        routes: Sequence[Route],
        *,
        encoding: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.prepared: Prepared | None = None
        self.setWindowTitle(self.tr("New project from %1").replace("%1", self.path.name))
        self.resize(980, 680)
        self.status = QLabel(self.tr("Reading %1…").replace("%1", self.path.name), self)
        self.status.setWordWrap(True)
        self.meta = QFormLayout()
        self.pair = PairSelector(self)
        self.pair.set_routes(routes, include_uninstalled=True)
        self.detected = QLabel(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keep"), self.tr("Text"), self.tr("Why")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(KEEP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHY, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._toggled)
        self.summary = QLabel(self)
        self.keep_all = QPushButton(self.tr("Keep Everything"), self)
        self.keep_all.setToolTip(self.tr("Translate the whole text, page furniture included"))
        self.keep_all.clicked.connect(lambda: self._keep_all(True))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make Project"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        languages = QHBoxLayout()
        languages.addWidget(QLabel(self.tr("Languages:"), self))
        languages.addWidget(self.pair, 1)
        languages.addWidget(self.detected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.keep_all)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(self.meta)
        layout.addLayout(languages)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._filling = False
        self.keep_all.setEnabled(False)
        run_task(
            lambda: _prepare(self.path, encoding), self.show_prepared, self._failed, context=self
        )

    # --- filling ----------------------------------------------------------------------------

    def show_prepared(self, prepared: Prepared) -> None:
        self.prepared = prepared
        guess = prepared.language
        if prepared.kind != "xliff":
            source = guess.code or "ko"
            self.pair.select(source, default_target(source))
            self.detected.setText(
                self.tr("detected: %1 (%2)").replace("%1", display_name(source))
                .replace("%2", guess.reason)
            )  # fmt: skip
        article = prepared.article
        if article is not None:
            self.status.setText(
                self.tr("The article of %1: ticked blocks become the source text.")
                .replace("%1", self.path.name)
                if article.found
                else self.tr("No article was found in %1: the whole text is offered. Untick "
                             "what is not to be translated.").replace("%1", self.path.name)
            )  # fmt: skip
            for label, value in (
                (self.tr("Title"), article.title), (self.tr("Byline"), article.byline),
                (self.tr("Date"), article.date), (self.tr("Site"), article.site),
                (self.tr("Address"), article.url),
                (self.tr("Photo credits"), "; ".join(article.credits)),
            ):  # fmt: skip
                if value:
                    field = QLabel(value, self)
                    field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                    self.meta.addRow(label, field)
            self._fill(
                [(b.keep, b.text, _REASONS.get(b.reason, b.reason)) for b in article.blocks],
                fixed={i for i, b in enumerate(article.blocks) if b.reason == DROPPED_JOINED},
            )
            self.keep_all.setEnabled(True)
        else:
            self.status.setText(
                self.tr("%1: every paragraph, with where it comes from.").replace(
                    "%1", self.path.name
                )
            )
            rows = [(True, text, where) for text, where in _paragraphs(prepared)]
            self._fill(rows, checkable=False)
        for warning in prepared.warnings:
            self.status.setText(self.status.text() + "\n" + warning)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self._update_summary()

    def _fill(
        self,
        rows: list[tuple[bool, str, str]],
        *,
        checkable: bool = True,
        fixed: set[int] = frozenset(),
    ) -> None:
        """fixed: rows the translator cannot tick (a wrapped line already in its paragraph)."""
        self._filling = True
        self.table.setRowCount(len(rows))
        for row, (keep, text, why) in enumerate(rows):
            box = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if checkable and row not in fixed:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            box.setFlags(flags)
            box.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
            self.table.setItem(row, KEEP, box)
            self.table.setItem(row, TEXT, QTableWidgetItem(text))
            self.table.setItem(row, WHY, QTableWidgetItem(why))
            self._paint(row, keep)
        self.table.resizeRowsToContents()
        self._filling = False

    def _paint(self, row: int, keep: bool) -> None:
        brush = QBrush() if keep else QBrush(_DROPPED)
        for column in (TEXT, WHY):
            item = self.table.item(row, column)
            if item is not None:
                item.setForeground(brush)

    def _failed(self, error: BaseException) -> None:
        message = str(error) if isinstance(error, (NewProjectError, OSError)) else repr(error)
        self.status.setText(self.tr("Cannot make a project: %1").replace("%1", message))
        self.keep_all.setEnabled(False)

    # --- the translator's choices -----------------------------------------------------------

    def _toggled(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != KEEP or self.prepared is None:
            return
        article = self.prepared.article
        if article is None:
            return
        keep = item.checkState() == Qt.CheckState.Checked
        article.set_keep(article.blocks[item.row()].index, keep)
        self._paint(item.row(), keep)
        self._update_summary()

    def set_kept(self, row: int, keep: bool) -> None:
        """Tick or untick a row as a click on its box does."""
        item = self.table.item(row, KEEP)
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)

    def _keep_all(self, keep: bool) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, KEEP).flags() & Qt.ItemFlag.ItemIsUserCheckable:
                self.set_kept(row, keep)

    def _update_summary(self) -> None:
        if self.prepared is None:
            return
        text = self.prepared.source_text()
        pair = self.pair.current_pair()
        segments = len(segment_document(text, pair[0] if pair else "ko")) if text.strip() else 0
        kept = sum(
            1 for r in range(self.table.rowCount())
            if self.table.item(r, KEEP).checkState() == Qt.CheckState.Checked
        )  # fmt: skip
        self.summary.setText(
            self.tr("%1 of %2 blocks kept · %3 segments")
            .replace("%1", str(kept)).replace("%2", str(self.table.rowCount()))
            .replace("%3", str(segments))
        )  # fmt: skip
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(segments > 0)

    def languages(self) -> tuple[str, str] | None:
        return self.pair.current_pair()


def _prepare(path: Path, encoding: str | None) -> Prepared:
    return prepare(path, encoding=encoding)


def _paragraphs(prepared: Prepared) -> list[tuple[str, str]]:
    from documents.inline import strip_tags  # noqa: PLC0415 - start-up: the window opens without the inline-code tokens

    lines = [line for line in prepared.source_text().split("\n") if line.strip()]
    where = prepared.where or [""] * len(lines)
    return [(strip_tags(t), w) for t, w in zip(lines, where, strict=False)]


def ask_extraction(
    parent: QWidget,
    path: Path,
    routes: Sequence[Route],
    folder: Path,
    *,
    encoding: str | None = None,
) -> Path | None:
    """Show the preview of path; on OK make the project in folder and return its path."""
    dialog = ExtractionPreview(path, routes, encoding=encoding, parent=parent)
    if not dialog.exec() or dialog.prepared is None or not (pair := dialog.languages()):
        return None

    try:
        return create_project(
            dialog.prepared, free_path(folder, path, *pair), source_lang=pair[0],
            target_lang=pair[1],
        )  # fmt: skip
    except (NewProjectError, ProjectError, OSError, ValueError) as error:
        QMessageBox.warning(parent, dialog.tr("Cannot make a project"), str(error))
        return None
