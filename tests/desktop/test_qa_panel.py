"""The QA dock: document issues, severity filter, jump to a segment, lasting false alarms."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.qa.panel import QAPanel
from desktop.qa.worker import segment_check
from desktop.tasks import task_runner
from documents.project import Project

SOURCE = "알리페이의 거래액은 3조8729억 위안이었다. 위어바오는 인기가 많다."
WRONG_FIGURE = "Alipay's transactions were 3.8 billion yuan."  # 3조8729억 is 3.87 trillion
RIGHT = "Yu'e Bao is popular."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    opened = Project.create(
        tmp_path / "qa.hanbit", source_text=SOURCE, source_lang="ko", target_lang="en"
    )
    first, second = opened.segments()
    opened.set_target(first.id, WRONG_FIGURE)
    opened.set_target(second.id, RIGHT)
    yield opened
    opened.close()


@pytest.fixture
def panel(qtbot) -> QAPanel:
    widget = QAPanel(segment_check("ko", "en"))
    qtbot.addWidget(widget)
    yield widget
    task_runner().wait()


def _open(qtbot, panel: QAPanel, project: Project) -> None:
    with qtbot.waitSignal(panel.sig_updated, timeout=10000):
        panel.set_project(project)


def _figure_issues(panel: QAPanel) -> list:
    return [i for i in panel.issues() if "figure" in i.check or "number" in i.check]


def test_lists_a_seeded_number_error_on_its_segment(qtbot, panel, project):
    _open(qtbot, panel, project)
    first = project.segments()[0]
    issues = _figure_issues(panel)
    assert issues, [i.message for i in panel.issues()]
    assert {i.number for i in issues} == {first.number}
    row = panel.model.issues().index(issues[0])
    assert panel.model.index(row, 0).data() == first.number
    assert panel.model.index(row, 1).data() == "critical"
    assert panel.model.index(row, 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert not any(i.number == project.segments()[1].number for i in panel.issues())


def test_click_on_an_issue_jumps_to_its_segment(qtbot, panel, project):
    _open(qtbot, panel, project)
    panel.show()
    qtbot.waitExposed(panel)
    rect = panel.table.visualRect(panel.proxy.index(0, 3))
    with qtbot.waitSignal(panel.sig_goto_segment) as blocker:
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [project.segments()[0].id]


def test_filter_by_severity(qtbot, panel, project):
    project.set_target(project.segments()[1].id, "")  # an empty target: a functional issue
    _open(qtbot, panel, project)
    assert "empty" not in {i.check for i in panel.issues()}  # hidden while translating
    assert "1 empty" in panel.status.text()
    panel.show_empty.setChecked(True)
    severities = {i.severity for i in panel.issues()}
    assert {"critical", "functional"} <= severities
    panel.severity.setCurrentIndex(panel.severity.findData("functional"))
    assert {i.severity for i in panel.visible_issues()} == {"functional"}
    panel.severity.setCurrentIndex(0)
    assert len(panel.visible_issues()) == len(panel.issues())


def test_a_false_alarm_stays_dismissed_after_a_rerun_and_a_reopen(qtbot, panel, project):
    _open(qtbot, panel, project)
    issue = _figure_issues(panel)[0]
    panel.table.selectRow(panel.model.issues().index(issue))
    panel.dismiss_selected()
    assert issue.key not in {i.key for i in panel.issues()}
    assert "false alarm" in panel.status.text()

    with qtbot.waitSignal(panel.sig_updated, timeout=10000):
        panel.run_all()
    assert issue.key not in {i.key for i in panel.issues()}

    path = project.path
    project.close()
    reopened = Project.open(path)
    try:
        other = QAPanel(segment_check("ko", "en"))
        qtbot.addWidget(other)
        _open(qtbot, other, reopened)
        assert issue.key not in {i.key for i in other.issues()}
        assert len(other.issues()) == len(panel.issues())
        other.restore_false_alarms()
        assert issue.key in {i.key for i in other.issues()}
    finally:
        reopened.close()


def test_typing_rechecks_the_current_segment_after_a_pause(qtbot, panel, project):
    _open(qtbot, panel, project)
    first = project.segments()[0]
    fixed = project.set_target(first.id, "Alipay's transactions were 3.8729 trillion yuan.")
    with qtbot.waitSignal(panel.sig_updated, timeout=10000):
        panel.segment_changed(fixed)
    assert _figure_issues(panel) == []


def test_a_late_run_after_the_project_closed_is_ignored(qtbot, panel, project):
    _open(qtbot, panel, project)
    project.close()  # the window closed it; a glossary signal still arrives
    panel.set_check(segment_check("ko", "en"))
    assert panel.project is None
    assert panel.issues() == []
