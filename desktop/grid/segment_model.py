"""The segment grid's model: segment ids, a lazy row cache over the project, per-segment undo."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from documents.project import Project, ProjectError, Segment, Status
from workflows.translate_project import MTRecord

COL_NUMBER, COL_SOURCE, COL_TARGET, COL_STATUS = range(4)
COLUMN_TITLES = (
    "#",
    QT_TRANSLATE_NOOP("SegmentModel", "Source"),
    QT_TRANSLATE_NOOP("SegmentModel", "Target"),
    QT_TRANSLATE_NOOP("SegmentModel", "Status"),
)

SEGMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
MT_ROLE = Qt.ItemDataRole.UserRole + 3
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 4
TERM_FAILED_ROLE = Qt.ItemDataRole.UserRole + 5

STATUS_LABELS = {
    Status.NEW: QT_TRANSLATE_NOOP("SegmentModel", "new"),
    Status.DRAFT: QT_TRANSLATE_NOOP("SegmentModel", "draft"),
    Status.TRANSLATED: QT_TRANSLATE_NOOP("SegmentModel", "translated"),
    Status.REVIEWED: QT_TRANSLATE_NOOP("SegmentModel", "reviewed"),
}
# Where a draft's target came from, by the origin its history records: the translator sees
# whether a draft is MT to check, a memory match or their own unconfirmed typing.
ORIGIN_LABELS = {
    "mt": QT_TRANSLATE_NOOP("SegmentModel", "draft · MT"),
    "tm": QT_TRANSLATE_NOOP("SegmentModel", "draft · memory {score}%"),
    "user": QT_TRANSLATE_NOOP("SegmentModel", "draft · typed"),
    "review-import": QT_TRANSLATE_NOOP("SegmentModel", "draft · review"),
    "xliff-import": QT_TRANSLATE_NOOP("SegmentModel", "draft · imported"),
    "import": QT_TRANSLATE_NOOP("SegmentModel", "draft · imported"),
}
ORIGIN_ROLE = Qt.ItemDataRole.UserRole + 6


def tm_origin(score: int) -> str:
    """The history origin of a target filled from a memory match with this score."""
    return f"tm:{int(score)}"


# Colours double as the status icons' fill (segment_view draws them): grey, amber, green, blue.
STATUS_COLORS = {
    Status.NEW: QColor("#9e9e9e"),
    Status.DRAFT: QColor("#f0a020"),
    Status.TRANSLATED: QColor("#3a9a48"),
    Status.REVIEWED: QColor("#2f6fd0"),
}
CONFIRMED = (Status.TRANSLATED, Status.REVIEWED)


def enforcement_tooltip(segment: Segment) -> str:
    """A plain description of how the glossary was applied to this segment's MT."""
    record = MTRecord.from_info(segment.mt_info)
    lines = []
    for term in record.terms:
        mark = "✓" if term.ok else "✗"
        method = term.method
        if method == "repaired" and term.ok:
            # The model's own rendering, so the translator sees what was put right
            original = term.original
            method = f"repaired: the model wrote “{original}”" if original else "repaired: inserted"
        lines.append(f"{mark} {term.source} → {term.target} ({method})")
    for word in record.forbidden_found:
        lines.append(f"✗ forbidden: {word}")
    if not lines:
        return ""
    return "Glossary in the MT:\n" + "\n".join(lines)


@dataclass
class _Stacks:
    undo: list[tuple[str, Status]] = field(default_factory=list)
    redo: list[tuple[str, Status]] = field(default_factory=list)


class SegmentModel(QAbstractTableModel):
    """Rows are segment ids in document order over a row cache.

    One query fills the cache on (re)load; afterwards a row is refreshed from the Segment the
    project hands back for each change, so painting never touches the database.
    """

    # Segment id, after any stored change. One Python-side signal per change on purpose: each
    # emit() of PySide6 6.12.0 on Python 3.11 leaks a reference to True (see desktop/app.py).
    sig_segment_changed = Signal(int)
    # Segment id and why, when a typed target could not be stored (disk full, file gone): the
    # text stays in the cell, unsaved, and is stored by the retry timer once it can be.
    sig_save_failed = Signal(int, str)
    RETRY_MS = 5000

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._cache: dict[int, Segment] = {}
        self._stacks: dict[int, _Stacks] = {}
        self._origins: dict[int, str] = {}  # segment id -> origin of its target (lazy)
        self.stepping = ""  # "undo" or "redo" while such a step is being stored
        self._unsaved: dict[int, tuple[str, Status]] = {}  # typed but not yet stored
        self._retry = QTimer(self)
        self._retry.setInterval(self.RETRY_MS)
        self._retry.timeout.connect(self.retry_unsaved)
        self.reload()

    # structure ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the segment list (after a split or join, or another writer)."""
        self.beginResetModel()
        self._stacks.clear()  # undo steps of a split or joined segment no longer apply
        self._origins.clear()
        from documents.client_file import paragraph_origins  # noqa: PLC0415 - start-up: loads with the first project, not with the grid (where a Word/page paragraph was)

        self._places = paragraph_origins(self.project)
        segments = self.project.segments()
        self._ids = [s.id for s in segments]
        self._rows = {sid: row for row, sid in enumerate(self._ids)}
        self._cache = {s.id: s for s in segments}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMN_TITLES[section])
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_TARGET and not self.project.read_only:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # access -------------------------------------------------------------------------------
    def segment_ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, segment_id: int) -> int:
        return self._rows.get(segment_id, -1)

    def segment_at(self, row: int) -> Segment:
        sid = self._ids[row]
        segment = self._cache.get(sid)
        if segment is None:
            segment = self._cache[sid] = self.project.segment(sid)
        return segment

    def segment(self, segment_id: int) -> Segment:
        return self.segment_at(self._rows[segment_id])

    def segments(self) -> list[Segment]:
        return [self.segment_at(row) for row in range(len(self._ids))]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        segment = self.segment_at(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_NUMBER:
                return segment.number
            if column == COL_SOURCE:
                return segment.source
            if column == COL_TARGET:
                unsaved = self._unsaved.get(segment.id)
                return segment.target if unsaved is None else unsaved[0]
            if column == COL_STATUS:
                if segment.id in self._unsaved:  # typed, shown, not on disk yet (disk full)
                    return self.tr("not saved")
                if Status(segment.status) == Status.DRAFT:
                    return self.draft_label(segment.id)
                return self.tr(STATUS_LABELS[Status(segment.status)])
        elif role == SEGMENT_ID_ROLE:
            return segment.id
        elif role == ORIGIN_ROLE:
            return self.origin_of(segment.id)
        elif role == STATUS_ROLE:
            return Status(segment.status)
        elif role == MT_ROLE:
            return segment.mt
        elif role == SEGMENT_ROLE:
            return segment
        elif role == TERM_FAILED_ROLE:
            record = MTRecord.from_info(segment.mt_info)
            return bool(record.failed or record.forbidden_found)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column in (COL_TARGET, COL_STATUS):
                return enforcement_tooltip(segment) or None
            if column == COL_SOURCE and 0 <= segment.paragraph < len(self._places):
                return self._places[segment.paragraph]  # "Footnote 2", "Table 1, row 2, cell 1"
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            # Top-aligned: a one-line target beside a three-line source starts on the same line.
            side = (
                Qt.AlignmentFlag.AlignRight if column == COL_NUMBER else Qt.AlignmentFlag.AlignLeft
            )
            return int(side | Qt.AlignmentFlag.AlignTop)
        return None

    # changes ------------------------------------------------------------------------------
    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != COL_TARGET:
            return False
        segment = self.segment_at(index.row())
        text = str(value)
        if text == segment.target and segment.id not in self._unsaved:
            return False
        status = Status.DRAFT if text.strip() else Status.NEW
        self.change(segment.id, text, status)  # a failure keeps the text in the cell, unsaved
        return True

    def unsaved_ids(self) -> list[int]:
        """Segments whose typed target is shown but not stored yet (see save_failed)."""
        return list(self._unsaved)

    def retry_unsaved(self) -> int:
        """Store the typed targets a failure kept in their cells; how many are still unsaved."""
        for segment_id, (text, status) in list(self._unsaved.items()):
            if segment_id not in self._rows:  # joined away meanwhile
                self._unsaved.pop(segment_id)
                continue
            try:
                self._apply(segment_id, text, status, "user")
            except ProjectError:
                break  # the same cause holds for the rest: try again on the next tick
            self._unsaved.pop(segment_id, None)
        if not self._unsaved:
            self._retry.stop()
        return len(self._unsaved)

    def change(self, segment_id: int, target: str, status: Status, origin: str = "user") -> Segment:
        """Store a target and status now, remembering the previous state for undo.

        A translator's own change (origin "user": typed, confirmed, copied, replaced) that
        cannot be stored (disk full) is never dropped: its text stays in the cell, unsaved,
        save_failed says why at once, and the retry timer stores it when it can.
        """
        try:
            segment = self._apply(segment_id, target, status, origin)
        except ProjectError as error:
            if origin != "user":
                raise
            self._unsaved[segment_id] = (target, status)
            row = self._rows.get(segment_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, COL_STATUS))
            self._retry.start()
            self.sig_save_failed.emit(segment_id, str(error))
            return self.segment(segment_id)
        self._unsaved.pop(segment_id, None)  # what is stored now supersedes it
        return segment

    def _apply(self, segment_id: int, target: str, status: Status, origin: str) -> Segment:
        before = self.segment(segment_id)
        self._remember(before)
        try:
            return self._store(segment_id, target, status, origin)
        except ProjectError:
            stacks = self._stacks.get(segment_id)
            if stacks is not None and stacks.undo:
                stacks.undo.pop()  # nothing changed, so there is nothing to undo either
            raise

    def _remember(self, before: Segment) -> None:
        """Record the state a change leaves, when this session already tracks the segment
        (an untracked one reads it all from the stored history on its first undo)."""
        stacks = self._stacks.get(before.id)
        if stacks is not None:
            stacks.undo.append((before.target, Status(before.status)))
            stacks.redo.clear()

    def set_status(self, segment_id: int, status: Status) -> Segment:
        before = self.segment(segment_id)
        return self.change(segment_id, before.target, status)

    def _store(self, segment_id: int, target: str, status: Status, origin: str) -> Segment:
        segment = self.project.set_target(segment_id, target, status=status, origin=origin)
        self._origins[segment_id] = origin
        self._refresh(segment)
        return segment

    def origin_of(self, segment_id: int) -> str:
        """Where the target came from: "mt", "tm:<score>", "user", "review-import"…, read
        from the segment's newest history entry once, then kept as changes are stored."""
        origin = self._origins.get(segment_id)
        if origin is None:
            history = self.project.history(segment_id)
            origin = self._origins[segment_id] = history[-1].origin if history else ""
        return origin

    def draft_label(self, segment_id: int) -> str:
        origin = self.origin_of(segment_id)
        kind, _, score = origin.partition(":")
        label = ORIGIN_LABELS.get(kind)
        if label is None:
            return self.tr(STATUS_LABELS[Status.DRAFT])
        return self.tr(label).replace("{score}", score or "100")

    def store_mt_batch(
        self, batch: list[tuple[int, str, dict[str, Any]]], replace: dict[int, str] | None = None
    ) -> None:
        """Store a batch of MT drafts in one transaction (one disk sync, not one per segment).

        replace: segment id -> the target it had when the retranslation was asked for; such a
        target is replaced by the new MT, unless the translator changed it meanwhile."""
        replace = replace or {}
        with self.project.batch():
            for segment_id, mt, info in batch:
                if segment_id in self._rows:  # a join may have removed it meanwhile
                    self.store_mt(segment_id, mt, info, replacing=replace.get(segment_id))

    def store_mt(
        self, segment_id: int, mt: str, info: dict[str, Any], replacing: str | None = None
    ) -> Segment:
        """Store an MT draft; it fills an empty target as a draft, never a translator's target
        (replacing: a retranslation replaces this target, when the segment still has it)."""
        before = self.segment(segment_id)
        segment = self.project.set_mt(segment_id, mt, info, fill_target=True)
        if (
            replacing is not None
            and before.target == replacing
            and mt.strip()
            and segment.target != mt
        ):
            segment = self.project.set_target(segment_id, mt, status=Status.DRAFT, origin="mt")
        if (segment.target, segment.status) != (before.target, before.status):
            self._remember(before)
            self._origins[segment_id] = "mt"
        self._refresh(segment)
        return segment

    def _refresh(self, segment: Segment) -> None:
        self._cache[segment.id] = segment
        row = self._rows.get(segment.id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, COL_STATUS))
        self.sig_segment_changed.emit(segment.id)

    def _stacks_of(self, segment_id: int) -> _Stacks:
        """The segment's undo steps; the first use reads its stored history, so a change made
        in an earlier session (or by MT) can be undone too."""
        stacks = self._stacks.get(segment_id)
        if stacks is None:
            states = [("", Status.NEW)]
            states += [(e.target, Status(e.status)) for e in self.project.history(segment_id)]
            states.pop()  # the newest entry is the segment as it is now
            undo = [state for i, state in enumerate(states) if i == 0 or state != states[i - 1]]
            stacks = self._stacks[segment_id] = _Stacks(undo=undo)
        return stacks

    def can_undo(self, segment_id: int) -> bool:
        return bool(self._stacks_of(segment_id).undo)

    def undo(self, segment_id: int) -> bool:
        """Go back one stored change of this segment (target and status)."""
        stacks = self._stacks_of(segment_id)
        return self._stepping("undo", segment_id, take=stacks.undo, keep=stacks.redo)

    def redo(self, segment_id: int) -> bool:
        stacks = self._stacks_of(segment_id)
        return self._stepping("redo", segment_id, take=stacks.redo, keep=stacks.undo)

    def _stepping(self, kind: str, segment_id: int, *, take: list, keep: list) -> bool:
        # Listeners of sig_segment_changed read `stepping` to tell an undo from an edit (the
        # memory takes back what an undone confirm added).
        self.stepping = kind
        try:
            return self._step(segment_id, take=take, keep=keep)
        finally:
            self.stepping = ""

    def _step(self, segment_id: int, *, take: list, keep: list) -> bool:
        """Store the state on top of `take`, keeping the current one on `keep`."""
        if not take:
            return False
        current = self.segment(segment_id)
        keep.append((current.target, Status(current.status)))
        target, status = take.pop()
        # The state comes back with the origin it had (an undone edit shows "MT" again).
        origin = next(
            (
                e.origin
                for e in reversed(self.project.history(segment_id))
                if (e.target, Status(e.status)) == (target, status)
            ),
            "user",
        )
        try:
            self._store(segment_id, target, status, origin)
        except ProjectError as error:
            # Nothing changed (disk full): the step stays where it was, to be tried again.
            keep.pop()
            take.append((target, status))
            self.sig_save_failed.emit(segment_id, str(error))
        return True

    # figures ------------------------------------------------------------------------------
    def next_unconfirmed_row(self, after: int) -> int:
        """The first row after `after` (wrapping) whose segment is not confirmed; -1 if none."""
        total = len(self._ids)
        for step in range(1, total + 1):
            row = (after + step) % total
            if Status(self.segment_at(row).status) not in CONFIRMED:
                return row
        return -1


class StatusFilterModel(QSortFilterProxyModel):
    """Shows only segments with the chosen statuses (all when none chosen) and, when a set of
    segment ids is given (those with open QA issues), only those among them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._statuses: frozenset[Status] = frozenset()
        self._ids: frozenset[int] | None = None

    def set_segment_ids(self, ids: set[int] | frozenset[int] | None) -> None:
        """Only these segments (None: no such restriction)."""
        ids = None if ids is None else frozenset(ids)
        if ids == self._ids:
            return
        self.beginFilterChange()
        self._ids = ids
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def segment_ids(self) -> frozenset[int] | None:
        return self._ids

    def set_statuses(self, statuses: set[Status] | frozenset[Status]) -> None:
        self.beginFilterChange()
        self._statuses = frozenset(statuses)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def statuses(self) -> frozenset[Status]:
        return self._statuses

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        if self._ids is not None and model.segment_at(source_row).id not in self._ids:
            return False
        if not self._statuses:
            return True
        status = model.data(model.index(source_row, COL_STATUS, source_parent), STATUS_ROLE)
        return status in self._statuses
