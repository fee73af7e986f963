"""The QA dock: the document's issues by segment, filter by severity, jump, mark false alarms."""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.qa_worker import CheckFn, FoundIssue, QARunner
from documents.project import ProjectError, Segment

EMPTY_CHECK = "empty"  # qa.checks's check name for a segment not translated yet
META_DISMISSED = "qa_dismissed"  # project meta: JSON list of dismissed issue keys
COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("QAIssueModel", "Severity"),
    QT_TRANSLATE_NOOP("QAIssueModel", "Check"),
    QT_TRANSLATE_NOOP("QAIssueModel", "Message"),
)
COL_NUMBER, COL_SEVERITY, COL_CHECK, COL_MESSAGE = range(4)
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 2
# Most severe first; names follow translate-toolkit's check severities.
SEVERITIES = ("critical", "functional", "cosmetic")
# The severity filter shows them capitalized, translated in the QAPanel context.
_SEVERITY_LABELS = (
    QT_TRANSLATE_NOOP("QAPanel", "Critical"),
    QT_TRANSLATE_NOOP("QAPanel", "Functional"),
    QT_TRANSLATE_NOOP("QAPanel", "Cosmetic"),
)
_ICONS = {
    "critical": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "functional": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "cosmetic": QStyle.StandardPixmap.SP_MessageBoxInformation,
}

_Index = QModelIndex | QPersistentModelIndex


def severity_name(issue: FoundIssue) -> str:
    value = getattr(issue.issue, "severity", "")
    return str(getattr(value, "value", value) or getattr(value, "name", "")).lower()


class QAIssueModel(QAbstractTableModel):
    """Issues in document order; the live check replaces one segment's rows at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues: list[FoundIssue] = []

    def set_issues(self, issues: list[FoundIssue]) -> None:
        self.beginResetModel()
        self._issues = sorted(issues, key=lambda i: i.number)
        self.endResetModel()

    def replace_segment(self, segment_id: int, issues: list[FoundIssue]) -> None:
        kept = [i for i in self._issues if i.segment_id != segment_id]
        self.set_issues(kept + issues)

    def issues(self) -> list[FoundIssue]:
        return list(self._issues)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._issues)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        issue = self._issues[index.row()]
        column = index.column()
        if role == ISSUE_ROLE:
            return issue
        if role == SEVERITY_ROLE:
            return severity_name(issue)
        if role == Qt.ItemDataRole.DisplayRole:
            return (issue.number, severity_name(issue), issue.check, issue.message)[column]
        if role == Qt.ItemDataRole.DecorationRole and column == COL_SEVERITY:
            pixmap = _ICONS.get(severity_name(issue))
            return QApplication.style().standardIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MESSAGE:
            return issue.message
        return None


class _SeverityFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.severity = ""  # "" shows every severity

    def set_severity(self, severity: str) -> None:
        self.beginFilterChange()  # Qt 6.10's replacement for invalidateFilter()
        self.severity = severity
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:  # noqa: N802 - Qt's name
        if not self.severity:
            return True
        index = self.sourceModel().index(row, 0, parent)
        return self.sourceModel().data(index, SEVERITY_ROLE) == self.severity


class QAPanel(QWidget):
    """Checks a project's segments; the desk wires sig_goto_segment to the grid and calls
    segment_changed(segment) while the translator edits a target."""

    sig_goto_segment = Signal(int)  # segment row id
    sig_updated = Signal()  # the list on screen changed (after a run or a live check)

    def __init__(self, check: CheckFn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = None
        self._dismissed: set[str] = set()
        self._found: list[FoundIssue] = []
        self.runner = QARunner(check, self)
        self.runner.sig_document_checked.connect(self._document_checked)
        self.runner.sig_segment_checked.connect(self._segment_checked)
        self.runner.sig_failed.connect(lambda message: self._set_status(f"QA failed: {message}"))

        self.model = QAIssueModel(self)
        self.proxy = _SeverityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (COL_NUMBER, COL_SEVERITY, COL_CHECK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Qt sizes those columns from the first 1,000 rows by default: with thousands of issues
        # that froze the window for 0.1-0.2 s after each document check (bench.responsiveness).
        header.setResizeContentsPrecision(100)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)

        self.severity = QComboBox(self)
        self.severity.addItem(self.tr("All severities"), "")
        for name in SEVERITIES:
            self.severity.addItem(self.tr(name.capitalize()), name)
        self.severity.currentIndexChanged.connect(
            lambda _i: self.proxy.set_severity(self.severity.currentData())
        )
        self.run_button = QPushButton(self.tr("Check document"), self)
        self.run_button.clicked.connect(self.run_all)
        self.dismiss_button = QPushButton(self.tr("Mark as false alarm"), self)
        self.dismiss_button.setToolTip(self.tr("Hide this issue for good in this project"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        restore = QAction(self.tr("Show false alarms again"), self)
        restore.triggered.connect(self.restore_false_alarms)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        dismiss = QAction(self.tr("Mark as false alarm"), self)
        dismiss.triggered.connect(self.dismiss_selected)
        self.table.addActions([dismiss, restore])
        self.show_empty = QCheckBox(self.tr("Empty targets"), self)
        # While a document is being translated, one "empty" row per untouched segment
        # would bury the issues that matter; they are one click away.
        self.show_empty.setToolTip(self.tr("Also list segments whose target is still empty"))
        self.show_empty.toggled.connect(lambda _on: self._show())
        self.status = QLabel(self)

        bar = QHBoxLayout()
        bar.addWidget(self.severity)
        bar.addWidget(self.show_empty)
        bar.addWidget(self.run_button)
        bar.addWidget(self.dismiss_button)
        bar.addStretch(1)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    # ---- what the desk calls ---------------------------------------------------------------

    def set_project(self, project) -> None:
        """Show a documents.project.Project (its dismissed issues come with it) and check it."""
        self.runner.cancel()
        self.project = project
        self._dismissed = set()
        if project is not None:
            stored = project.get_meta(META_DISMISSED)
            self._dismissed = set(json.loads(stored)) if stored else set()
        self._found = []
        self.model.set_issues([])
        if project is not None:
            self.run_all()

    def set_check(self, check: CheckFn) -> None:
        """A new check function (the glossary or the pair changed); re-runs the document."""
        self.runner.check = check
        if self.project is not None:
            self.run_all()

    def run_all(self) -> None:
        if self.project is None:
            return
        try:
            segments = self.project.segments()
        except ProjectError:  # closed with its window; a late glossary signal finds it so
            self.set_project(None)
            return
        self._set_status(self.tr("Checking…"))
        self.runner.check_document(segments)

    def segment_changed(self, segment: Segment) -> None:
        """The translator changed a target: re-check that segment after a pause in typing."""
        self.runner.schedule_segment(segment)

    def issues(self) -> list[FoundIssue]:
        """The issues listed (false alarms excluded), before the severity filter."""
        return self.model.issues()

    def visible_issues(self) -> list[FoundIssue]:
        return [self.proxy.index(row, 0).data(ISSUE_ROLE) for row in range(self.proxy.rowCount())]

    def dismiss_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        for issue in [index.data(ISSUE_ROLE) for index in rows]:
            self.dismiss(issue)

    def dismiss(self, issue: FoundIssue) -> None:
        """Mark an issue as a false alarm: hidden now, after a re-run and after reopening."""
        self._dismissed.add(issue.key)
        self._save_dismissed()

    def restore_false_alarms(self) -> None:
        """List every issue marked as a false alarm in this project again."""
        self._dismissed.clear()
        self._save_dismissed()

    def _save_dismissed(self) -> None:
        if self.project is not None and not getattr(self.project, "read_only", False):
            self.project.set_meta(META_DISMISSED, json.dumps(sorted(self._dismissed)))
        self._show()

    # ---- internals -------------------------------------------------------------------------

    def _document_checked(self, found: list[FoundIssue]) -> None:
        self._found = found
        self._show()

    def _segment_checked(self, segment_id: int, found: list[FoundIssue]) -> None:
        self._found = [i for i in self._found if i.segment_id != segment_id] + found
        self._show()

    def _show(self) -> None:
        real = [i for i in self._found if i.key not in self._dismissed]
        hidden = len(self._found) - len(real)
        empty = [i for i in real if i.check == EMPTY_CHECK]
        # By check, not `i not in empty`: list membership compared every issue with every
        # empty one, 2.6 s of frozen window on a new 5,000-segment project.
        shown = real if self.show_empty.isChecked() else [i for i in real if i.check != EMPTY_CHECK]
        self.model.set_issues(shown)
        count = len(shown)
        text = self.tr("1 issue") if count == 1 else self.tr("{count} issues").format(count=count)
        notes = []
        if hidden == 1:
            notes.append(self.tr("1 false alarm hidden"))
        elif hidden:
            notes.append(self.tr("{count} false alarms hidden").format(count=hidden))
        if empty and not self.show_empty.isChecked():
            notes.append(self.tr("{count} empty").format(count=len(empty)))
        if notes:
            text += f" ({', '.join(notes)})"
        self._set_status(text)
        self.sig_updated.emit()

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def _clicked(self, index: QModelIndex) -> None:
        issue = index.data(ISSUE_ROLE)
        if issue is not None:
            self.sig_goto_segment.emit(issue.segment_id)
