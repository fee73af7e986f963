"""Issue 13 in the window: QA in Korean, false alarms remembered across projects (the
never-flag list), and the question before confirming a target with a CRITICAL issue."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_helpers import open_window, stored
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.qa.panel import NeverFlagDialog, QAPanel
from desktop.qa.worker import segment_check
from desktop.settings import Settings
from desktop.tasks import task_runner
from documents.project import Project, Status
from qa.never_flag import NeverFlag

# dev.ko / dev.en lines 96 and 104 of the Park-Hong-Cha news corpus (CC BY-SA 3.0)
MONDAY = (
    "일부 텍사스 송전회사들이 28일(현지시간) 50억달러를 투자한다고 발표했다.",
    "Several Texan transmission companies announced Monday they would invest $5 billion.",
)
WATTS = (
    "초기엔 중국이 2010년까지 5와트의 풍력을 생산할 것으로 예상했다.",
    "It was initially hoped the country would generate 5 gigawatts of wind by 2010.",
)
EXTRA = (
    "회사는 2012년까지 전송할 수 있다.",
    "The lines will carry power by 2012 to 4 million homes.",
)


def _project(tmp_path: Path, name: str, pairs: list[tuple[str, str]], dateline: str = "") -> Path:
    lines = ([dateline] if dateline else []) + [source for source, _ in pairs]
    path = tmp_path / f"{name}.hanbit"
    project = Project.create(
        path, source_text="\n\n".join(lines), source_lang="ko", target_lang="en", name=name
    )
    segments = project.segments()
    offset = 1 if dateline else 0
    for segment, (_source, target) in zip(segments[offset:], pairs, strict=True):
        project.set_target(segment.id, target)
    project.close()
    return path


@pytest.fixture
def panel(qtbot, tmp_path) -> QAPanel:
    widget = QAPanel(segment_check("ko", "en"), never_flag=NeverFlag.in_data_dir(tmp_path / "d"))
    qtbot.addWidget(widget)
    yield widget
    task_runner().wait()


def _show(qtbot, panel: QAPanel, path: Path) -> Project:
    project = Project.open(path)
    with qtbot.waitSignal(panel.sig_updated, timeout=10000):
        panel.set_project(project)
    return project


def test_the_panel_speaks_korean_in_the_korean_interface(qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("HANBIT_UI_LANG", "ko")
    panel = QAPanel(segment_check("ko", "en"))
    qtbot.addWidget(panel)
    project = _show(qtbot, panel, _project(tmp_path, "wind", [MONDAY, WATTS]))
    try:
        rows = {
            tuple(panel.model.index(r, c).data() for c in (1, 2, 3))
            for r in range(panel.model.rowCount())
        }
        assert ("치명적", "단위 불일치", "원문은 5와트 (5 W), 번역문은 5 gigawatts (5 GW)입니다: "
                "단위가 다릅니다") in rows  # fmt: skip
        # 28일 -> Monday is informational, shown under its Korean name
        assert ("참고", "숫자 날짜 표현", "28일을(를) 'Monday'(으)로 옮겼습니다") in rows
        labels = [panel.severity.itemText(i) for i in range(panel.severity.count())]
        assert labels[1:] == ["치명적", "기능", "형식", "참고"]
    finally:
        project.close()
        task_runner().wait()


def test_a_false_alarm_dismissed_in_one_project_stays_quiet_in_the_next(qtbot, panel, tmp_path):
    first = _show(qtbot, panel, _project(tmp_path, "one", [EXTRA]))
    [extra] = [i for i in panel.issues() if i.check == "number-extra"]
    panel.dismiss(extra)  # what "Mark as false alarm" does with the selected row
    first.close()
    # another project, another desk start: the same rule on the same text is not flagged ...
    second = _show(qtbot, panel, _project(tmp_path, "two", [EXTRA, WATTS]))
    try:
        checks = {i.check for i in panel.issues()}
        assert "number-extra" not in checks and "unit-mismatch" in checks
        assert NeverFlag.in_data_dir(tmp_path / "d").covers("number-extra", extra.issue.key)
        # ... until the translator takes it off the list
        dialog = NeverFlagDialog(panel.never_flag, "en", panel)
        qtbot.addWidget(dialog)
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
            "number-extra: 4 million"
        ]
        dialog.list.item(0).setSelected(True)
        dialog.remove_selected()
        assert dialog.list.count() == 0
        panel._show()
        assert "number-extra" in {i.check for i in panel.issues()}
    finally:
        second.close()


def test_a_weekday_that_does_not_fit_the_dateline_is_flagged(qtbot, panel, tmp_path):
    wrong = (MONDAY[0], MONDAY[1].replace("Monday", "Wednesday"))
    path = _project(tmp_path, "dated", [MONDAY, wrong], dateline="입력 2008-07-29 09:00")
    project = _show(qtbot, panel, path)
    try:
        assert str(panel.article_date) == "2008-07-29"
        weekday = [i for i in panel.issues() if i.check == "number-weekday"]
        assert [i.number for i in weekday] == [project.segments()[2].number]
        assert "Monday" in weekday[0].message and "Wednesday" in weekday[0].message
    finally:
        project.close()


def test_without_a_dateline_the_weekday_must_fit_the_calendar_of_its_neighbours(
    qtbot, panel, tmp_path
):
    # dev lines 704, 705 and 713 (shortened): 21일 is a Monday, 19일 a Saturday; the
    # translator of line 705 wrote 18일 for the Saturday the English names
    story = [
        ("사진이 보도되자 이탈리아 언론계가 21일(현지시간) 당혹감을 나타냈다.",
         "Italian newspapers expressed shock on Monday after photographs were published."),
        ("ANSA 통신은 18일 해변에서 발생한 익사 사고를 보도했다.",
         "ANSA reported that the incident had occurred on Saturday at the beach."),
        ("에브리원은 “19일 발생한 익사 사고는 비참한 사건”이라고 밝혔다.",
         "The group EveryOne said Saturday's drownings were a miserable event."),
        ("국제유가가 21일(현지시간) 상승세로 돌아섰다.", "Oil prices rebounded strongly Monday."),
    ]  # fmt: skip
    project = _show(qtbot, panel, _project(tmp_path, "undated", story))
    try:
        assert panel.article_date is None
        weekday = [i for i in panel.issues() if i.check == "number-weekday"]
        assert [i.number for i in weekday] == [project.segments()[1].number]
        assert weekday[0].issue.message == "18일 is a Friday, the target says 'Saturday'"
        # the live re-check after the translator's fix checks against the same calendar
        second = project.segments()[1]
        fixed = project.set_target(second.id, story[1][1].replace("Saturday", "Friday"))
        with qtbot.waitSignal(panel.sig_updated, timeout=10000):
            panel.segment_changed(fixed)
        assert not [i for i in panel.issues() if i.check == "number-weekday"]
        still = project.set_target(second.id, story[1][1].replace("Saturday", "Sunday"))
        with qtbot.waitSignal(panel.sig_updated, timeout=10000):
            panel.segment_changed(still)
        assert [i.check for i in panel.issues()].count("number-weekday") == 1
    finally:
        project.close()


def _answer_question(button: QMessageBox.StandardButton, never_again: bool, seen: list) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _answer_question(button, never_again, seen))
        return
    seen.append(box.text())
    if never_again:
        box.checkBox().setChecked(True)
    box.button(button).click()


@pytest.mark.parametrize("answer", ["no", "yes"])
def test_confirming_a_target_with_a_critical_issue_asks_first(
    qtbot, tmp_path, empty_packages_dir, data_dir, answer
):
    Settings().set_ask_on_critical(True)
    path = _project(tmp_path, "ask", [WATTS])
    window = open_window(qtbot, path, empty_packages_dir, data_dir)
    window.go_to_source_row(0)
    seen: list[str] = []
    button = QMessageBox.StandardButton.No if answer == "no" else QMessageBox.StandardButton.Yes
    QTimer.singleShot(0, lambda: _answer_question(button, False, seen))
    window.confirm_and_next()
    assert seen and "5와트" in seen[0] and "gigawatts" in seen[0]
    status = stored(path)[0].status
    assert (status == Status.TRANSLATED) == (answer == "yes")
    task_runner().wait()


def test_the_question_can_be_turned_off_from_itself(qtbot, tmp_path, empty_packages_dir, data_dir):
    Settings().set_ask_on_critical(True)
    path = _project(tmp_path, "off", [WATTS, WATTS])
    window = open_window(qtbot, path, empty_packages_dir, data_dir)
    window.go_to_source_row(0)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer_question(QMessageBox.StandardButton.Yes, True, seen))
    window.confirm_and_next()
    assert len(seen) == 1 and Settings().ask_on_critical() is False
    window.go_to_source_row(1)
    window.confirm_and_next()  # no question this time: nothing answers one, and none blocks
    assert [s.status for s in stored(path)] == [Status.TRANSLATED, Status.TRANSLATED]
    task_runner().wait()
