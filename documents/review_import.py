"""Bring a reviewed bilingual DOCX back: plan the changes, report any damage, then apply."""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError

from documents.formats.base import STATUS_LABELS
from documents.formats.docx_common import cell_text, same_text
from documents.formats.docx_review import COLUMNS, ID_PATTERN, TABLE_CAPTION
from documents.project import Segment, Status
from storage.inputs import check_input_file
from storage.xmlsafe import UnsafeXmlError, parse_xml_bytes

if TYPE_CHECKING:
    from documents.project import Project

ORIGIN = "review-import"
# A review DOCX of a long article unpacks to a few MB; more is a zip bomb, not a review.
MAX_UNPACKED_BYTES = 256 * 1024**2
# Labels the status column accepts (what the exporter wrote, or the plain status names).
_STATUS_WORDS = {label.lower(): status for status, label in STATUS_LABELS.items()} | {
    status.value: status for status in Status
}


class ReviewImportError(Exception):
    """A review that cannot be applied; nothing was changed."""


@dataclass(frozen=True)
class ReviewProblem:
    kind: str  # not-docx, not-our-table, columns, row-added, row-deleted, id-altered,
    #            id-duplicated, source-edited, bad-status, wrong-languages
    message: str
    row: int | None = None  # 1-based table row (the header is row 1), when it is about a row

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class TargetChange:
    segment_id: int
    number: int
    old: str
    new: str
    status: Status  # the status the segment gets with the new target


@dataclass(frozen=True)
class CommentChange:
    segment_id: int
    number: int
    old: str
    new: str


@dataclass(frozen=True)
class StatusChange:
    segment_id: int
    number: int
    old: Status
    new: Status


@dataclass
class ReviewPlan:
    path: Path
    targets: list[TargetChange] = field(default_factory=list)
    comments: list[CommentChange] = field(default_factory=list)
    statuses: list[StatusChange] = field(default_factory=list)  # status-only changes
    problems: list[ReviewProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changes(self) -> int:
        return len(self.targets) + len(self.comments) + len(self.statuses)

    def summary(self) -> str:
        if self.problems:
            lines = [f"{self.path.name}: {len(self.problems)} problem(s), nothing will be applied:"]
            return "\n".join(lines + [f"  - {p.message}" for p in self.problems])
        return (
            f"{self.path.name}: {len(self.targets)} target(s), {len(self.comments)} comment(s) "
            f"and {len(self.statuses)} status(es) changed"
        )


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _review_tables(document) -> list:
    """Our table(s): by caption, else any table carrying hidden segment ids (split tables too)."""
    found = []
    for table in document.tables:
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        if caption is not None and caption.get(qn("w:val")) == TABLE_CAPTION:
            found.append(table)
        elif any(ID_PATTERN.search(cell_text(tr.tc_lst[0])) for tr in table._tbl.tr_lst[:50]):
            found.append(table)
    return found


def _open(path: Path, plan: ReviewPlan):
    try:  # a folder is called a folder; a FIFO or /dev/zero is refused before it is opened
        check_input_file(path, ReviewImportError)
    except ReviewImportError as error:
        plan.problems.append(ReviewProblem("not-docx", str(error)))
        return None
    if not zipfile.is_zipfile(path):
        plan.problems.append(
            ReviewProblem(
                "not-docx", f"{path.name} is not a readable Word document (.docx): not a zip file"
            )
        )
        return None
    refused = _refused_parts(path)
    if refused:
        plan.problems.append(
            ReviewProblem("not-docx", f"{path.name} is not a Word document we can trust: {refused}")
        )
        return None
    try:
        return Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as e:
        plan.problems.append(
            ReviewProblem("not-docx", f"{path.name} is not a readable Word document (.docx): {e}")
        )
    return None


def _refused_parts(path: Path) -> str:
    """Why the archive must not be parsed at all (a DTD or entities, a zip bomb), else ""."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES:
                return f"it would unpack to {unpacked // 1024**2} MB, far more than a review"
            for member in members:
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                # Word never writes a DTD into a DOCX (OOXML forbids them); one is an attack
                # or a forgery. The parser sees it in any encoding (UTF-32 too), unlike a
                # byte scan.
                try:
                    parse_xml_bytes(archive.read(member), member.filename)
                except UnsafeXmlError as error:
                    if "DOCTYPE" in str(error) or "entities" in str(error):
                        return (
                            f"{member.filename} declares a DTD or entities, which Word never writes"
                        )
                    return str(error)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as error:
        return f"the archive is damaged ({error})"
    return ""


def plan_review_import(project: Project, docx: Path) -> ReviewPlan:
    """Compare a reviewed DOCX with the project; the plan lists changes and every problem."""
    path = Path(docx)
    plan = ReviewPlan(path)
    document = _open(path, plan)
    if document is None:
        return plan
    pair = document.core_properties.keywords or ""
    expected = f"{project.source_lang}>{project.target_lang}"
    if ">" in pair and pair != expected:
        plan.problems.append(
            ReviewProblem(
                "wrong-languages",
                f"{path.name} is a {pair} review but the project is {expected}",
            )
        )
    tables = _review_tables(document)
    if not tables:
        plan.problems.append(
            ReviewProblem(
                "not-our-table",
                f"{path.name} has no Hanbit Desk review table (export one with the .docx format)",
            )
        )
        return plan
    segments = {s.id: s for s in project.segments()}
    seen: dict[int, int] = {}  # segment id -> row
    row_number = 0
    last_number = 0
    for table in tables:
        for tr in table._tbl.tr_lst:
            row_number += 1
            cells = tr.tc_lst
            first = cell_text(cells[0]) if cells else ""
            ids = ID_PATTERN.findall(first)
            if not ids and first.strip() == COLUMNS[0]:
                continue  # a header row (repeated when the reviewer split the table)
            where = f"row {row_number} (after segment {last_number})"
            if len(cells) != len(COLUMNS):
                plan.problems.append(
                    ReviewProblem(
                        "columns",
                        f"{where} has {len(cells)} cells instead of {len(COLUMNS)} "
                        "(#, source, target, status, comment): columns were added, deleted "
                        "or merged",
                        row_number,
                    )
                )
                continue
            if not ids:
                kind = "row-added" if "[hd" not in first else "id-altered"
                text = (
                    "has no segment id: rows cannot be added "
                    "(or its hidden id in the # column was deleted)"
                    if kind == "row-added"
                    else (f"has a damaged segment id ({_short(first)!r})")
                )
                plan.problems.append(ReviewProblem(kind, f"{where} {text}", row_number))
                continue
            if len(ids) > 1 or not ids[0].isdigit():
                plan.problems.append(
                    ReviewProblem(
                        "id-altered",
                        f"{where} has a damaged segment id ({_short(first)!r}): "
                        "the hidden id was edited",
                        row_number,
                    )
                )
                continue
            segment_id = int(ids[0])
            segment = segments.get(segment_id)
            if segment is None:
                plan.problems.append(
                    ReviewProblem(
                        "id-altered",
                        f"{where} carries segment id {segment_id}, which this project does not "
                        "have: the hidden id was edited, the segment was joined in the desk "
                        "after the export, or the file belongs to another project",
                        row_number,
                    )
                )
                continue
            if segment_id in seen:
                plan.problems.append(
                    ReviewProblem(
                        "id-duplicated",
                        f"segment {segment.number} appears twice, in rows {seen[segment_id]} and "
                        f"{row_number}: a row was copied",
                        row_number,
                    )
                )
                continue
            seen[segment_id] = row_number
            last_number = segment.number
            _compare(plan, segment, [cell_text(tc) for tc in cells], row_number)
    for segment_id, segment in segments.items():
        if segment_id not in seen:
            plan.problems.append(
                ReviewProblem(
                    "row-deleted",
                    f"segment {segment.number} has no row: it was deleted from the table, or "
                    f"split or joined in the desk after the export (source: "
                    f"{_short(segment.source)!r})",
                )
            )
    return plan


def _compare(plan: ReviewPlan, segment: Segment, texts: list[str], row: int) -> None:
    _, source, target, status_text, comment = texts
    if not same_text(source, segment.source):
        plan.problems.append(
            ReviewProblem(
                "source-edited",
                f"segment {segment.number} (row {row}): the source was edited "
                f"({_short(segment.source)!r} became {_short(source)!r}); the source is read-only",
                row,
            )
        )
        return
    word = status_text.strip().lower()
    status = _STATUS_WORDS.get(word)
    if status is None:
        allowed = ", ".join(STATUS_LABELS.values())
        plan.problems.append(
            ReviewProblem(
                "bad-status",
                f"segment {segment.number} (row {row}): status {status_text.strip()!r} is not "
                f"one of {allowed}",
                row,
            )
        )
        return
    new_target = target.strip()
    target_changed = not same_text(new_target, segment.target)
    status_changed = status is not segment.status
    if target_changed:
        # A reviewer's edit is reviewed text, unless the reviewer chose a status for it.
        chosen = status if status_changed else (Status.REVIEWED if new_target else Status.NEW)
        if not new_target:
            chosen = Status.NEW
        plan.targets.append(
            TargetChange(segment.id, segment.number, segment.target, new_target, chosen)
        )
    elif status_changed:
        if status is not Status.NEW and not segment.target.strip():
            plan.problems.append(
                ReviewProblem(
                    "bad-status",
                    f"segment {segment.number} (row {row}): status {STATUS_LABELS[status]} "
                    "needs a target, and the target is empty",
                    row,
                )
            )
            return
        plan.statuses.append(StatusChange(segment.id, segment.number, segment.status, status))
    new_comment = comment.strip()
    if not same_text(new_comment, segment.comment):
        plan.comments.append(
            CommentChange(segment.id, segment.number, segment.comment, new_comment)
        )


def _stale(plan: ReviewPlan, current: dict[int, Segment]) -> list[int]:
    """Segments whose target, comment or status is no longer what the plan was made against."""
    numbers = []
    for change in plan.targets:
        segment = current.get(change.segment_id)
        if segment is None or segment.target != change.old:
            numbers.append(change.number)
    for note in plan.comments:
        segment = current.get(note.segment_id)
        if segment is None or segment.comment != note.old:
            numbers.append(note.number)
    for status in plan.statuses:
        segment = current.get(status.segment_id)
        if segment is None or segment.status is not status.old:
            numbers.append(status.number)
    return numbers


def apply_review_import(project: Project, plan: ReviewPlan) -> int:
    """Apply a clean plan (history origin "review-import"); returns the segments changed.

    Refuses, changing nothing, when the plan has problems or the project changed since.
    """
    if plan.problems:
        raise ReviewImportError(plan.summary())
    stale = _stale(plan, {s.id: s for s in project.segments()})
    if stale:
        numbers = ", ".join(str(n) for n in sorted(set(stale)))
        raise ReviewImportError(
            f"The project changed since {plan.path.name} was checked (segments {numbers}); "
            "check the review again before applying it"
        )
    # One transaction, so a crash or kill half-way leaves nothing of the review; a failure
    # is also undone by writing the earlier values back: the review lands whole or not at all.
    before = {s.id: s for s in project.segments()}
    changed: list[int] = []
    try:
        with project.batch():
            for change in plan.targets:
                changed.append(change.segment_id)
                project.set_target(
                    change.segment_id, change.new, status=change.status, origin=ORIGIN
                )
            for status in plan.statuses:
                changed.append(status.segment_id)
                project.set_status(status.segment_id, status.new)
            for note in plan.comments:
                changed.append(note.segment_id)
                project.set_comment(note.segment_id, note.new)
    except Exception as error:
        _restore(project, [before[i] for i in dict.fromkeys(reversed(changed))])
        raise ReviewImportError(
            f"Applying {plan.path.name} failed ({error}); the changes already made were undone"
        ) from error
    return len(set(changed))


def _restore(project: Project, segments: list[Segment]) -> None:
    for old in segments:
        current = project.segment(old.id)
        if (current.target, current.status) != (old.target, old.status):
            project.set_target(old.id, old.target, status=old.status, origin=f"{ORIGIN}-undone")
        if current.comment != old.comment:
            project.set_comment(old.id, old.comment)
