"""File ▸ Import Review (DOCX)…: the plan on a worker, what will change, apply, what changed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.grid.segment_model import STATUS_LABELS
from documents.project import Project, Status
from documents.review_import import (
    ReviewImportError,
    ReviewPlan,
    apply_review_import,
    plan_review_import,
)

SEGMENT_ID = Qt.ItemDataRole.UserRole  # the segment a row of the changes table is about
_WARNING = QColor("#a61b1b")


def _status(status: Status) -> str:
    return QCoreApplication.translate("SegmentModel", STATUS_LABELS[Status(status)])


def plan_rows(plan: ReviewPlan) -> list[tuple[int, int, str, str, str]]:
    """(segment id, number, what, before, after) per change, in segment order."""
    rows = []
    for change in plan.targets:
        what = QCoreApplication.translate("ReviewDialog", "Target → {status}").format(
            status=_status(change.status)
        )
        rows.append((change.segment_id, change.number, what, change.old, change.new))
    for change in plan.statuses:
        what = QCoreApplication.translate("ReviewDialog", "Status")
        rows.append(
            (change.segment_id, change.number, what, _status(change.old), _status(change.new))
        )
    for change in plan.comments:
        what = QCoreApplication.translate("ReviewDialog", "Comment")
        rows.append((change.segment_id, change.number, what, change.old, change.new))
    return sorted(rows, key=lambda row: row[1])


def _table(parent: QWidget, headers: list[str], stretch: tuple[int, ...]) -> QTableWidget:
    """A read-only table whose long sentences wrap, rows as tall as their text."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column in stretch
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(column, mode)
    return table


def _fill(table: QTableWidget, rows) -> None:
    table.setRowCount(0)
    for segment_id, number, what, before, after in rows:
        row = table.rowCount()
        table.insertRow(row)
        for column, text in enumerate((str(number), what, before, after)):
            item = QTableWidgetItem(text)
            item.setData(SEGMENT_ID, segment_id)
            table.setItem(row, column, item)


def _changes_table(parent: QWidget, rows) -> QTableWidget:
    headers = [
        QCoreApplication.translate("ReviewDialog", "#"),
        QCoreApplication.translate("ReviewDialog", "Change"),
        QCoreApplication.translate("ReviewDialog", "Before"),
        QCoreApplication.translate("ReviewDialog", "After"),
    ]
    table = _table(parent, headers, (2, 3))
    _fill(table, rows)
    return table


class ReviewDialog(QDialog):
    """What a reviewed DOCX would change, or why it cannot be applied (then nothing is)."""

    def __init__(self, plan: ReviewPlan, read_only: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Import Review — %s") % plan.path.name)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(self)
        if plan.problems:
            self.summary.setText(
                self.tr(
                    "The review table in {file} was damaged ({count} problems). "
                    "Nothing will be applied; correct the file or export a new review."
                ).format(file=plan.path.name, count=len(plan.problems))
            )
            self.summary.setStyleSheet(f"color: {_WARNING.name()}; font-weight: bold")
            self.problems = _table(self, [self.tr("Row"), self.tr("Problem")], (1,))
            for problem in plan.problems:
                row = self.problems.rowCount()
                self.problems.insertRow(row)
                number = "" if problem.row is None else str(problem.row)
                self.problems.setItem(row, 0, QTableWidgetItem(number))
                self.problems.setItem(row, 1, QTableWidgetItem(problem.message))
            layout.addWidget(self.problems, 1)
            self.changes = None
            self.apply_button = None
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            rows = plan_rows(plan)
            self.summary.setText(
                self.tr(
                    "{file} changes {segments} segments: targets {targets}, comments "
                    "{comments}, statuses {statuses}."
                ).format(
                    file=plan.path.name,
                    targets=len(plan.targets),
                    comments=len(plan.comments),
                    statuses=len(plan.statuses),
                    segments=len({row[0] for row in rows}),
                )
            )
            self.problems = None
            self.changes = _changes_table(self, rows)
            layout.addWidget(self.changes, 1)
            self.apply_button = buttons.addButton(
                self.tr("&Apply Review"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            if read_only or not rows:
                self.apply_button.setEnabled(False)
                note = QLabel(
                    self.tr("The project is open read-only: the review cannot be applied.")
                    if read_only
                    else self.tr("The review changes nothing."),
                    self,
                )
                layout.addWidget(note)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 480)


class ReviewChanges(QWidget):
    """The segments the last review changed; activating one goes to it in the grid."""

    sig_go_to_segment = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.table = _changes_table(self, [])
        self.table.itemActivated.connect(self._activated)
        self.table.itemClicked.connect(self._activated)
        layout.addWidget(self.table, 1)

    def show_plan(self, plan: ReviewPlan) -> None:
        rows = plan_rows(plan)
        _fill(self.table, rows)
        self.title.setText(
            self.tr(
                "Changed by the review {file}: {count} segments (click one to go to it)"
            ).format(file=plan.path.name, count=len({row[0] for row in rows}))
        )

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.title.clear()

    def segment_ids(self) -> list[int]:
        items = (self.table.item(row, 0) for row in range(self.table.rowCount()))
        return list(dict.fromkeys(item.data(SEGMENT_ID) for item in items))

    def _activated(self, item: QTableWidgetItem) -> None:
        self.sig_go_to_segment.emit(int(item.data(SEGMENT_ID)))


def _plan_on_worker(project_path: Path, docx: Path) -> ReviewPlan:
    """Its own read-only connection: SQLite connections stay on the thread that made them."""
    project = Project.open(project_path, read_only=True)
    try:
        return plan_review_import(project, docx)
    finally:
        project.close()


class ReviewImport(QObject):
    """One per window: plans a review on a worker, shows it, applies it, lists what changed."""

    sig_planned = Signal(object)  # the ReviewPlan (the dialog is open by then), or the error
    sig_applied = Signal(list)  # the ids of the segments the review changed

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ReviewDialog | None = None
        self.dock: QDockWidget | None = None
        self.changes: ReviewChanges | None = None
        self.busy = False

    def ask(self) -> None:
        window = self.window
        if window.project is None or self.busy:
            return
        name, _ = QFileDialog.getOpenFileName(
            window,
            self.tr("Import a reviewed table"),
            str(window.project.path.parent),
            self.tr("Bilingual review table (Word)") + " (*.docx)",
        )
        if name:
            self.start(Path(name))

    def start(self, docx: Path) -> bool:
        """Check docx against the project in the background, then show the plan."""
        window = self.window
        if window.project is None or self.busy:
            return False
        if window.translator.running():  # drafts landing meanwhile would make the plan stale
            window.statusBar().showMessage(
                self.tr(
                    "Wait for Translate all to finish, or cancel it, before importing a review."
                ),
                8000,
            )
            return False
        window.view.commit_editor()  # the plan compares with what the translator last typed
        project_path = Path(window.project.path)
        self.busy = True
        window.statusBar().showMessage(self.tr("Checking the review %s…") % docx.name)
        window.runner.run_task(
            lambda: _plan_on_worker(project_path, docx), self._planned, self._failed, window
        )
        return True

    def _planned(self, plan: ReviewPlan) -> None:
        self.busy = False
        self.window.statusBar().clearMessage()
        read_only = self.window.project is None or self.window.project.read_only
        self.dialog = ReviewDialog(plan, read_only=read_only, parent=self.window)
        self.dialog.accepted.connect(lambda: self.apply(plan))
        self.dialog.open()  # window-modal, without a nested event loop
        self.sig_planned.emit(plan)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.window.statusBar().clearMessage()
        self.sig_planned.emit(error)
        QMessageBox.warning(self.window, self.tr("Cannot read the review"), str(error))

    def apply(self, plan: ReviewPlan) -> int:
        """Apply on the main thread, through the window's own (writing) connection: one short
        transaction for an article's worth of changes. Returns the segments changed."""
        window = self.window
        if window.project is None:
            return 0
        window.view.commit_editor()
        try:
            count = apply_review_import(window.project, plan)
        except ReviewImportError as error:
            QMessageBox.warning(window, self.tr("Review not applied"), str(error))
            return 0
        current = window.current_segment_id()
        window.model.reload()
        window._update_summary()
        self._show_changes(plan)
        window.statusBar().showMessage(
            self.tr("Review applied: {count} segments changed").format(count=count), 15000
        )
        ids = self.changes.segment_ids()
        row = window.model.row_of(ids[0] if ids else current)
        window.go_to_source_row(max(row, 0))
        self.sig_applied.emit(ids)
        return count

    def _show_changes(self, plan: ReviewPlan) -> None:
        window = self.window
        if self.dock is None:
            self.changes = ReviewChanges(window)
            self.changes.sig_go_to_segment.connect(
                lambda segment_id: window.go_to_source_row(window.model.row_of(segment_id))
            )
            self.dock = QDockWidget(self.tr("Changed by Review"), window)
            self.dock.setObjectName("review-dock")
            self.dock.setWidget(self.changes)
            window.add_dock(self.dock, Qt.DockWidgetArea.BottomDockWidgetArea)
            window.sig_project_opened.connect(self._project_opened)
        self.changes.show_plan(plan)
        self.dock.show()
        self.dock.raise_()

    def _project_opened(self, _project) -> None:
        """The list is about the project it was applied to; another one starts without it."""
        self.changes.clear()
        self.dock.hide()


def review_import_of(desk) -> ReviewImport:
    """The window's review importer, made on first use."""
    return desk.features.project.review_import()
