"""A target typed when the disk is full is never silently lost: the cell keeps it, the
translator is told why at once, and it is stored as soon as the disk has room again."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk_helpers import open_window, press, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import paths
from desktop.grid.segment_model import COL_STATUS, COL_TARGET, SegmentModel
from documents.project import Project, ProjectDiskFullError, Status
from support.full_disk import FullAtCommit, can_mount, fill, tiny_disk


def _type(qtbot, window, row: int, text: str) -> None:
    window.view.go_to_row(row, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, text)
    press(qtbot, window, Qt.Key.Key_Return)


def test_typed_edits_on_a_full_disk_stay_in_their_cells_and_are_saved_later(
    qtbot, article_project, empty_packages_dir, data_dir, monkeypatch
):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: told.append(text))
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    disk = FullAtCommit(window.project._db)
    window.project._db = disk
    model = window.view.model()
    for row in range(3):
        _type(qtbot, window, row, f"typed {row}")
    qtbot.waitUntil(lambda: len(told) == 3)
    assert all("the disk is full" in text for text in told)
    for row in range(3):  # nothing reverted: the cell shows what was typed, marked unsaved
        assert model.index(row, COL_TARGET).data() == f"typed {row}"
        assert model.index(row, COL_STATUS).data() == "not saved"
    assert [s.target for s in stored(article_project)[:3]] == ["", "", ""]
    assert len(window.model.unsaved_ids()) == 3
    disk.full = False  # space freed
    assert window.model.retry_unsaved() == 0
    segments = stored(article_project)
    assert [s.target for s in segments[:3]] == ["typed 0", "typed 1", "typed 2"]
    assert {s.status for s in segments[:3]} == {Status.DRAFT}
    assert model.index(0, COL_STATUS).data() != "not saved"


def test_the_model_never_raises_from_set_data_and_undo_has_no_phantom_step(qtbot, article_project):
    project = Project.open(article_project)
    model = SegmentModel(project)
    first = project.segments()[0].id
    assert not model.can_undo(first)  # the session now tracks the segment's undo steps
    project._db = FullAtCommit(project._db)
    with qtbot.waitSignal(model.sig_save_failed) as failed:
        assert model.setData(model.index(0, COL_TARGET), "kept") is True
    assert failed.args[0] == first and "the disk is full" in failed.args[1]
    assert model.index(0, COL_TARGET).data() == "kept"
    assert not model.can_undo(first)  # nothing was stored, so there is nothing to undo
    with pytest.raises(ProjectDiskFullError):
        project.set_target(first, "direct")
    project._db.full = False
    assert model.retry_unsaved() == 0
    assert project.segment(first).target == "kept"
    assert model.undo(first) and project.segment(first).target == ""
    project.close()


@pytest.mark.skipif(not can_mount(), reason="mounting a tmpfs needs root")
def test_a_real_full_tmpfs_keeps_the_edit_and_the_file(qtbot, tmp_path: Path):
    with tiny_disk(tmp_path / "disk") as disk:
        path = disk / "a.hanbit"
        Project.create(
            path,
            source_text=paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"),
            source_lang="ko",
            target_lang="en",
        ).close()
        project = Project.open(path)
        model = SegmentModel(project)
        filler = fill(disk)
        texts = [f"typed target {n} " * 300 for n in range(3)]  # each more than a WAL page
        for row, text in enumerate(texts):
            model.setData(model.index(row, COL_TARGET), text)
        assert [model.index(row, COL_TARGET).data() for row in range(3)] == texts
        assert model.unsaved_ids()
        filler.unlink()
        assert model.retry_unsaved() == 0
        project.close()
        reopened = Project.open(path, read_only=True)
        assert [s.target for s in reopened.segments()[:3]] == texts
        assert reopened._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        reopened.close()


def test_confirming_with_ctrl_enter_on_a_full_disk_keeps_the_typed_text(
    qtbot, article_project, empty_packages_dir, data_dir, monkeypatch
):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: told.append(text))
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    disk = FullAtCommit(window.project._db)
    window.project._db = disk
    window.view.go_to_row(0, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, "confirmed on a full disk")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(told) == 1)
    assert "the disk is full" in told[0]
    assert window.view.model().index(0, COL_TARGET).data() == "confirmed on a full disk"
    disk.full = False
    assert window.model.retry_unsaved() == 0
    first = stored(article_project)[0]
    assert (first.target, first.status) == ("confirmed on a full disk", Status.TRANSLATED)


def test_undo_on_a_full_disk_says_why_and_can_be_done_later(qtbot, article_project):
    project = Project.open(article_project)
    model = SegmentModel(project)
    first = project.segments()[0].id
    model.setData(model.index(0, COL_TARGET), "one")
    project._db = FullAtCommit(project._db)
    with qtbot.waitSignal(model.sig_save_failed) as failed:
        model.undo(first)  # no exception out of the shortcut
    assert "the disk is full" in failed.args[1]
    assert project.segment(first).target == "one"
    project._db.full = False
    assert model.undo(first) and project.segment(first).target == ""
    project.close()
