"""The QA dock: the document's issues by segment, filter by severity, jump, mark false alarms
(remembered in every project through the never-flag list), and the question asked before a
segment with an open CRITICAL issue is confirmed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

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
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.qa.worker import CheckFn, FoundIssue, QARunner, issue_key
from documents.project import ProjectError, Segment
from qa.messages import check_name, render
from qa.messages import severity_name as severity_label
from qa.never_flag import Entry, NeverFlag, NeverFlagError
from workflows.check_project import line_calendars, story_date

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
SEVERITIES = ("critical", "functional", "cosmetic", "info")
# The severity filter shows them capitalized, translated in the QAPanel context.
_SEVERITY_LABELS = (
    QT_TRANSLATE_NOOP("QAPanel", "Critical"),
    QT_TRANSLATE_NOOP("QAPanel", "Functional"),
    QT_TRANSLATE_NOOP("QAPanel", "Cosmetic"),
    QT_TRANSLATE_NOOP("QAPanel", "Info"),
)
_ICONS = {
    "critical": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "functional": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "cosmetic": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "info": QStyle.StandardPixmap.SP_FileDialogInfoView,
}

_Index = QModelIndex | QPersistentModelIndex

if TYPE_CHECKING:
    from desktop.desk import Desk
    from qa.checks import QAIssue


def severity_name(issue: FoundIssue) -> str:
    value = getattr(issue.issue, "severity", "")
    return str(getattr(value, "value", value) or getattr(value, "name", "")).lower()


def interface_language() -> str:
    """The interface language's code (ko, en): QA messages are shown in it."""
    from desktop.window.ui_language import ui_locale  # noqa: PLC0415 - start-up: the interface language loads when a message is rendered

    return ui_locale().name().split("_")[0]


def issue_text(issue: FoundIssue, lang: str) -> str:
    """The issue's message in lang (qa.messages), from the structured issue the core returns."""
    params = dict(getattr(issue.issue, "params", ()) or ())
    return render(issue.check, issue.message, params, lang)


class QAIssueModel(QAbstractTableModel):
    """Issues in document order; the live check replaces one segment's rows at a time."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._issues: list[FoundIssue] = []
        self.language = interface_language()  # messages, checks and severities are shown in it

    def set_issues(self, issues: list[FoundIssue]) -> None:
        self.beginResetModel()
        self._issues = sorted(issues, key=lambda i: i.number)
        self.endResetModel()

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
            if column == COL_NUMBER:
                return issue.number
            if column == COL_SEVERITY:
                return severity_label(severity_name(issue), self.language)
            if column == COL_CHECK:
                return check_name(issue.check, self.language)
            return issue_text(issue, self.language)
        if role == Qt.ItemDataRole.DecorationRole and column == COL_SEVERITY:
            pixmap = _ICONS.get(severity_name(issue))
            return QApplication.style().standardIcon(pixmap) if pixmap is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MESSAGE:
            return issue_text(issue, self.language)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_CHECK:
            return issue.check  # the stable name, as main.py qa prints it
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

    def __init__(
        self, check: CheckFn, parent: QWidget | None = None, never_flag: NeverFlag | None = None
    ) -> None:
        super().__init__(parent)
        self.project = None
        self.never_flag = never_flag  # dismissals remembered across projects (rule + text)
        self._dismissed: set[str] = set()
        self._found: list[FoundIssue] = []
        self.article_date = None  # the story's date (its dateline): weekdays are checked
        # without a dateline: segment id -> the calendar its neighbours' weekdays agree on,
        # from the last whole-document run
        self._calendars: dict[int, date] = {}
        self.runner = QARunner(check, self)
        self.runner.bind = self._with_date
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
            label = severity_label(name, self.model.language)
            self.severity.addItem(label if label != name else self.tr(name.capitalize()), name)
        self.severity.currentIndexChanged.connect(
            lambda _i: self.proxy.set_severity(self.severity.currentData())
        )
        self.run_button = QPushButton(self.tr("Check document"), self)
        self.run_button.clicked.connect(self.run_all)
        self.dismiss_button = QPushButton(self.tr("Mark as false alarm"), self)
        self.dismiss_button.setToolTip(
            self.tr("Hide this issue for good, in this project and every other one")
        )
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        restore = QAction(self.tr("Show false alarms again"), self)
        restore.triggered.connect(self.restore_false_alarms)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        dismiss = QAction(self.tr("Mark as false alarm"), self)
        dismiss.triggered.connect(self.dismiss_selected)
        self.never_flag_action = QAction(self.tr("Never-flag list…"), self)
        self.never_flag_action.triggered.connect(self.edit_never_flag)
        self.table.addActions([dismiss, restore, self.never_flag_action])
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
        if self.never_flag is None:
            # docked in a desk window: the list lives in that desk's data folder
            data_dir = getattr(self.window(), "data_dir", None)
            if data_dir is not None:
                self.never_flag = NeverFlag.in_data_dir(data_dir)
        self._dismissed = set()
        if project is not None:
            stored = project.get_meta(META_DISMISSED)
            self._dismissed = set(json.loads(stored)) if stored else set()
        self._found = []
        self.model.set_issues([])
        self.article_date = None
        if project is not None:
            try:
                self.article_date = story_date(s.source for s in project.segments())
            except ProjectError:
                self.article_date = None
        self.runner.check = self.runner.given_check  # bound again with this project's date
        if project is not None:
            self.run_all()

    def _with_date(self, check: CheckFn) -> CheckFn:
        """The check told the article's date, when it takes one (desktop.qa.worker's does):
        the dateline's, else the calendar the segment's neighbours agree on."""
        if not getattr(check, "takes_article_date", False):
            return check

        def dated(segment: Segment) -> Sequence[QAIssue]:
            when = self.article_date or self._calendars.get(segment.id)
            return check(segment, article_date=when)  # type: ignore[call-arg]

        return dated

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
        self._calendars = line_calendars(segments) if self.article_date is None else {}
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
        """Mark an issue as a false alarm: hidden now, after a re-run, after reopening, and in
        every other project (the never-flag list remembers its rule and text)."""
        self._dismissed.add(issue.key)
        if self.never_flag is not None:
            try:
                self.never_flag.add(issue.check, _own_key(issue))
            except NeverFlagError as error:
                self._set_status(str(error))
        self._save_dismissed()

    def edit_never_flag(self) -> None:
        """Show the never-flag list; entries removed there are flagged again."""
        if self.never_flag is None:
            return
        dialog = NeverFlagDialog(self.never_flag, self.model.language, self)
        dialog.exec()
        self._show()

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
        real = [i for i in self._found if i.key not in self._dismissed and not self._never(i)]
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

    def _never(self, issue: FoundIssue) -> bool:
        return self.never_flag is not None and self.never_flag.covers(issue.check, _own_key(issue))

    def open_criticals(self, segment: Segment) -> list[FoundIssue]:
        """The CRITICAL issues the check finds in segment now, false alarms excluded."""
        found = []
        for issue in self.runner.check(segment):
            item = FoundIssue(segment.id, 0, issue, issue_key(segment.id, issue))
            if severity_name(item) == "critical" and item.key not in self._dismissed:
                if not self._never(item):
                    found.append(item)
        return found

    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def _clicked(self, index: QModelIndex) -> None:
        issue = index.data(ISSUE_ROLE)
        if issue is not None:
            self.sig_goto_segment.emit(issue.segment_id)


def _own_key(issue: FoundIssue) -> str:
    """The issue's own stable key (check and text), without the segment's id."""
    own = getattr(issue.issue, "key", "")
    return own or f"{issue.check}:{issue.message}"


class NeverFlagDialog(QDialog):
    """The never-flag list: every false alarm dismissed in any project, by rule and text."""

    def __init__(self, never_flag: NeverFlag, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.never_flag, self.language = never_flag, language
        self.setWindowTitle(self.tr("Never flag"))
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        explain = QLabel(
            self.tr(
                "QA never reports these again, in any project. Remove an entry to have it "
                "checked again."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        if never_flag.problem:
            layout.addWidget(QLabel(never_flag.problem, self))
        self._fill()

    def _fill(self) -> None:
        self.list.clear()
        for entry in sorted(self.never_flag.entries):
            item = QListWidgetItem(f"{check_name(entry.check, self.language)}: {entry.text}")
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self.never_flag.entries))

    def remove_selected(self) -> None:
        entries: list[Entry] = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        try:
            for entry in entries:
                self.never_flag.remove(entry)
        except NeverFlagError as error:
            QMessageBox.warning(self, self.tr("Never flag"), str(error))
        self._fill()


def confirm_despite_critical(desk: Desk, segment: Segment, text: str) -> bool:
    """The confirm path's question (memoQ and Trados ask too): True to go on confirming.

    Asks when the target about to be confirmed has an open CRITICAL QA issue (false alarms
    excluded), unless the translator turned the question off (Settings.ask_on_critical, or
    "Do not ask again" in the question itself).
    """
    if not desk.settings.ask_on_critical():
        return True
    panel = desk.features.qa.panel
    criticals = panel.open_criticals(replace(segment, target=text))
    if not criticals:
        return True
    lang = panel.model.language
    lines = "\n".join(f"• {issue_text(issue, lang)}" for issue in criticals)
    box = QMessageBox(desk.widget())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QApplication.translate("QAPanel", "Critical QA issue"))
    box.setText(
        QApplication.translate("QAPanel", "This target has a critical QA issue:")
        + f"\n\n{lines}\n\n"
        + QApplication.translate("QAPanel", "Confirm it anyway?")
    )
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    never = QCheckBox(QApplication.translate("QAPanel", "Do not ask again"), box)
    box.setCheckBox(never)
    answer = box.exec()
    if never.isChecked():
        desk.settings.set_ask_on_critical(False)
    return answer == QMessageBox.StandardButton.Yes
