"""`main.py review PROJECT REVIEW.docx [--apply]`: the plan printed, applied only when asked."""

from __future__ import annotations

from pathlib import Path

import docx
from export_sample import make_project

import main
from documents.export import export_project
from documents.project import Project, Status


def _reviewed(tmp_path: Path) -> tuple[Path, Path, list]:
    """A project, and its review table with segment 2's target and segment 3's comment edited."""
    project = make_project(tmp_path)
    out = tmp_path / "review.docx"
    export_project(project, out)
    before = project.segments()
    project.close()
    document = docx.Document(str(out))
    rows = document.tables[0].rows
    rows[2].cells[2].text = "Alipay, as the reviewer put it."
    rows[3].cells[4].text = "Reviewer: fine"
    document.save(str(out))
    return tmp_path / "alipay.hanbit", out, before


def _segments(path: Path) -> list:
    project = Project.open(path, read_only=True)
    try:
        return project.segments()
    finally:
        project.close()


def test_review_without_apply_prints_the_plan_and_changes_nothing(tmp_path, capsys):
    project, review, before = _reviewed(tmp_path)
    assert main.main(["review", str(project), str(review)]) == 0
    printed = capsys.readouterr().out
    assert "1 target(s), 1 comment(s) and 0 status(es) changed" in printed
    assert "#2 target (reviewed):" in printed
    assert f"- {before[1].target}" in printed
    assert "+ Alipay, as the reviewer put it." in printed
    assert "#3 comment:" in printed and "+ Reviewer: fine" in printed
    assert "--apply" in printed
    assert _segments(project) == before


def test_review_with_apply_changes_the_project_with_history(tmp_path, capsys):
    project, review, before = _reviewed(tmp_path)
    assert main.main(["review", str(project), str(review), "--apply"]) == 0
    assert "Applied: 2 segment(s) changed" in capsys.readouterr().out
    after = _segments(project)
    assert (after[1].target, after[1].status) == (
        "Alipay, as the reviewer put it.",
        Status.REVIEWED,
    )
    assert after[2].comment == "Reviewer: fine"
    assert after[3:] == before[3:] and after[0] == before[0]
    opened = Project.open(project, read_only=True)
    try:
        assert opened.history(after[1].id)[-1].origin == "review-import"
    finally:
        opened.close()


def test_damaged_review_exits_1_with_the_problems_and_applies_nothing(tmp_path, capsys):
    project, review, before = _reviewed(tmp_path)
    document = docx.Document(str(review))
    table = document.tables[0]
    table._tbl.remove(table.rows[5]._tr)  # the reviewer deleted segment 5's row
    document.save(str(review))
    assert main.main(["review", str(project), str(review), "--apply"]) == 1
    captured = capsys.readouterr()
    assert "nothing will be applied" in captured.err
    assert "segment 5 has no row" in captured.err
    assert "Applied" not in captured.out
    assert _segments(project) == before


def test_review_of_a_missing_project_or_file_says_so(tmp_path, capsys):
    project, review, _ = _reviewed(tmp_path)
    assert main.main(["review", str(tmp_path / "missing.hanbit"), str(review)]) == 1
    assert "missing.hanbit" in capsys.readouterr().err
    assert main.main(["review", str(project), str(tmp_path / "none.docx")]) == 1
    assert "none.docx does not exist" in capsys.readouterr().err
