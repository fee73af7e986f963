"""The DOCX review round trip: a reviewer edits in Word, the desk imports or refuses, whole."""

from __future__ import annotations

import copy
import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from export_sample import make_project

from documents.export import export_project
from documents.formats.docx_common import cell_text
from documents.project import ProjectError, Status
from documents.review_import import ReviewImportError, apply_review_import, plan_review_import


@pytest.fixture
def project(tmp_path):
    project = make_project(tmp_path)
    yield project
    project.close()


@pytest.fixture
def exported(tmp_path, project):
    out = tmp_path / "review.docx"
    export_project(project, out)
    return out


def _row(document, segment):
    """The table row of a segment, found the way a reviewer would: by its number."""
    for row in document.tables[0].rows[1:]:
        if f"[hd:{segment.id}]" in cell_text(row.cells[0]._tc):
            return row
    raise AssertionError(f"no row for segment {segment.number}")


def _by_status(project, status):
    return [s for s in project.segments() if s.status is status]


def _snapshot(project):
    return [(s.target, s.status, s.comment) for s in project.segments()]


def test_reviewer_edits_come_back_with_history(tmp_path, project, exported):
    draft = _by_status(project, Status.DRAFT)[0]
    new = _by_status(project, Status.NEW)[0]
    translated = _by_status(project, Status.TRANSLATED)[0]
    commented = _by_status(project, Status.REVIEWED)[0]
    document = docx.Document(str(exported))
    _row(document, draft).cells[2].text = "Alibaba's Alipay opens its sixth office, in Australia."
    _row(document, new).cells[2].text = "Alipay signs with Paybang."
    _row(document, new).cells[3].text = "Translated"  # the reviewer chose the status
    _row(document, translated).cells[3].text = "reviewed"
    _row(document, commented).cells[4].text = "Figures checked: 10조 = 10 trillion won."
    document.save(str(exported))

    plan = plan_review_import(project, exported)
    assert plan.ok, plan.summary()
    assert {(c.number, c.new, c.status) for c in plan.targets} == {
        (draft.number, "Alibaba's Alipay opens its sixth office, in Australia.", Status.REVIEWED),
        (new.number, "Alipay signs with Paybang.", Status.TRANSLATED),
    }
    assert [(c.number, c.new) for c in plan.statuses] == [(translated.number, Status.REVIEWED)]
    assert [(c.number, c.new) for c in plan.comments] == [
        (commented.number, "Figures checked: 10조 = 10 trillion won.")
    ]
    assert "2 target(s), 1 comment(s) and 1 status(es)" in plan.summary()

    assert apply_review_import(project, plan) == 4
    after = project.segment(draft.id)
    assert after.target.startswith("Alibaba's Alipay") and after.status is Status.REVIEWED
    assert project.history(draft.id)[-1].origin == "review-import"
    assert project.segment(new.id).status is Status.TRANSLATED
    assert project.segment(translated.id).status is Status.REVIEWED
    assert project.segment(commented.id).comment.startswith("Figures checked")
    # Everything else is as it was.
    touched = {draft.id, new.id, translated.id, commented.id}
    untouched = [s for s in project.segments() if s.id not in touched]
    assert untouched and all(s.target == project.segment(s.id).target for s in untouched)


def test_an_untouched_review_changes_nothing(tmp_path, project):
    first, second = project.segments()[:2]
    project.set_comment(first.id, "pasted from Word\x0bwith a vertical tab")
    project.set_target(second.id, "Tab\tinside and  double  spaces", status=Status.TRANSLATED)
    exported = tmp_path / "untouched.docx"
    export_project(project, exported)
    plan = plan_review_import(project, exported)
    assert plan.ok and plan.changes == 0


def test_reordered_rows_still_map_by_id(project, exported):
    document = docx.Document(str(exported))
    rows = document.tables[0].rows
    rows[1]._tr.addprevious(rows[3]._tr)  # the third segment moved above the first
    first = project.segments()[2]
    _row(document, first).cells[2].text = "Moved but edited."
    document.save(str(exported))
    plan = plan_review_import(project, exported)
    assert plan.ok, plan.summary()
    assert [(c.number, c.new) for c in plan.targets] == [(first.number, "Moved but edited.")]


def _delete_row(document, project):
    segment = project.segments()[2]
    tr = _row(document, segment)._tr
    tr.getparent().remove(tr)
    return "row-deleted", rf"segment {segment.number} has no row"


def _add_row(document, project):
    document.tables[0].add_row().cells[2].text = "An extra sentence the reviewer wanted."
    last = project.segments()[-1].number
    return "row-added", rf"after segment {last}\) has no segment id"


def _alter_id(document, project):
    segment = project.segments()[4]
    for t in _row(document, segment).cells[0]._tc.iter(qn("w:t")):
        t.text = t.text.replace(f"[hd:{segment.id}]", "[hd:99999]")
    return "id-altered", "segment id 99999, which this project does not have"


def _damage_id(document, project):
    segment = project.segments()[4]
    for t in _row(document, segment).cells[0]._tc.iter(qn("w:t")):
        t.text = t.text.replace(f"[hd:{segment.id}]", "[hd:1x]")
    return "id-altered", r"damaged segment id"


def _duplicate_row(document, project):
    segment = project.segments()[1]
    tr = _row(document, segment)._tr
    tr.addnext(copy.deepcopy(tr))
    return "id-duplicated", rf"segment {segment.number} appears twice"


def _edit_source(document, project):
    segment = project.segments()[5]
    _row(document, segment).cells[1].text = segment.source.replace("알리바바", "알리바바 그룹")
    return "source-edited", rf"segment {segment.number} \(row \d+\): the source was edited"


def _bad_status(document, project):
    segment = project.segments()[0]
    _row(document, segment).cells[3].text = "Done"
    return "bad-status", rf"segment {segment.number} .*'Done' is not one of New, Draft"


def _reviewed_without_target(document, project):
    segment = _by_status(project, Status.NEW)[0]
    _row(document, segment).cells[3].text = "Reviewed"
    return "bad-status", rf"segment {segment.number} .*the target is empty"


def _delete_column(document, project):
    for row in document.tables[0].rows:
        tc = row.cells[4]._tc
        tc.getparent().remove(tc)
    return "columns", r"has 4 cells instead of 5"


def _other_languages(document, project):
    document.core_properties.keywords = "zh-Hans>en"
    return "wrong-languages", r"is a zh-Hans>en review but the project is ko>en"


@pytest.mark.parametrize(
    "damage",
    [
        _delete_row,
        _add_row,
        _alter_id,
        _damage_id,
        _duplicate_row,
        _edit_source,
        _bad_status,
        _reviewed_without_target,
        _delete_column,
        _other_languages,
    ],
)
def test_each_damage_is_reported_precisely_and_nothing_is_applied(project, exported, damage):
    document = docx.Document(str(exported))
    # A legitimate edit rides along: it must not be applied while the file has a problem.
    legit = project.segments()[-1]
    _row(document, legit).cells[2].text = "This edit must not land."
    kind, message = damage(document, project)
    document.save(str(exported))
    before = _snapshot(project)

    plan = plan_review_import(project, exported)
    assert kind in {p.kind for p in plan.problems}, plan.summary()
    matching = [p for p in plan.problems if p.kind == kind]
    assert any(re.search(message, p.message) for p in matching), plan.summary()
    with pytest.raises(ReviewImportError, match="nothing will be applied"):
        apply_review_import(project, plan)
    assert _snapshot(project) == before


def test_a_document_without_our_table_is_refused(tmp_path, project):
    other = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Dear editor,")
    table = document.add_table(rows=2, cols=5)
    table.cell(1, 2).text = "Some target"
    document.save(str(other))
    plan = plan_review_import(project, other)
    assert [p.kind for p in plan.problems] == ["not-our-table"]
    assert "no Hanbit Desk review table" in plan.problems[0].message


def test_a_file_that_is_not_a_docx_is_refused(tmp_path, project):
    fake = tmp_path / "review.docx"
    fake.write_text("not a zip", encoding="utf-8")
    plan = plan_review_import(project, fake)
    assert [p.kind for p in plan.problems] == ["not-docx"]
    assert "not a readable Word document" in plan.problems[0].message
    missing = plan_review_import(project, tmp_path / "missing.docx")
    assert "does not exist" in missing.problems[0].message


def test_apply_refuses_when_the_project_changed_after_planning(project, exported):
    first, second = _by_status(project, Status.DRAFT)[:2]
    document = docx.Document(str(exported))
    _row(document, first).cells[2].text = "Reviewer's version one."
    _row(document, second).cells[2].text = "Reviewer's version two."
    document.save(str(exported))
    plan = plan_review_import(project, exported)
    assert plan.ok
    project.set_target(second.id, "The translator changed it meanwhile.")
    before = _snapshot(project)
    with pytest.raises(ReviewImportError, match=rf"changed since .*segments {second.number}"):
        apply_review_import(project, plan)
    assert _snapshot(project) == before


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is not installed")
def test_a_review_saved_by_libreoffice_still_maps_back(tmp_path, project, exported):
    """Reviewers without Word: LibreOffice rewrites the whole file, ids and table survive."""
    out = tmp_path / "libreoffice"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(exported),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    resaved = out / exported.name
    draft = _by_status(project, Status.DRAFT)[0]
    document = docx.Document(str(resaved))
    _row(document, draft).cells[2].text = "Edited after LibreOffice."
    document.save(str(resaved))
    plan = plan_review_import(project, resaved)
    assert plan.ok, plan.summary()
    assert [(c.number, c.new) for c in plan.targets] == [
        (draft.number, "Edited after LibreOffice.")
    ]


def test_tracked_changes_read_as_accepted(project, exported):
    """Reviewers often leave Track Changes on: insertions count, deletions do not."""
    from docx.oxml import parse_xml

    draft = _by_status(project, Status.DRAFT)[0]
    document = docx.Document(str(exported))
    paragraph = _row(document, draft).cells[2].paragraphs[0]._p
    for run in paragraph.findall(qn("w:r")):
        paragraph.remove(run)
    namespace = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph.append(
        parse_xml(
            f'<w:del {namespace} w:id="1" w:author="Reviewer" w:date="2024-01-01T00:00:00Z">'
            f"<w:r><w:delText>{draft.target}</w:delText></w:r></w:del>"
        )
    )
    paragraph.append(
        parse_xml(
            f'<w:ins {namespace} w:id="2" w:author="Reviewer" w:date="2024-01-01T00:00:00Z">'
            "<w:r><w:t>Alipay opens in Sydney.</w:t></w:r></w:ins>"
        )
    )
    document.save(str(exported))
    plan = plan_review_import(project, exported)
    assert plan.ok, plan.summary()
    assert [(c.number, c.new) for c in plan.targets] == [(draft.number, "Alipay opens in Sydney.")]


def test_a_failure_half_way_undoes_what_was_applied(project, exported, monkeypatch):
    draft = _by_status(project, Status.DRAFT)[0]
    commented = _by_status(project, Status.REVIEWED)[0]
    document = docx.Document(str(exported))
    _row(document, draft).cells[2].text = "Applied first, then undone."
    _row(document, commented).cells[4].text = "This comment hits a full disk."
    document.save(str(exported))
    plan = plan_review_import(project, exported)
    assert plan.ok
    before = _snapshot(project)

    def disk_full(segment_id, comment):
        raise ProjectError("Cannot save alipay.hanbit: database or disk is full")

    monkeypatch.setattr(project, "set_comment", disk_full)
    with pytest.raises(ReviewImportError, match="disk is full.*undone"):
        apply_review_import(project, plan)
    assert _snapshot(project) == before
