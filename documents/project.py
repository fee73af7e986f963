"""A translation project: one SQLite file with the source, segments, targets and their history."""

from __future__ import annotations

import json
import sqlite3
import weakref
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from documents import project_file
from documents.project_file import (
    ProjectDiskFullError,
    ProjectError,
    ProjectExistsError,
    ProjectLockedError,
)
from documents.project_lock import LockHeld, ProjectLock, acquire
from documents.project_model import (
    COLUMNS,
    LANG,
    RANK,
    HistoryEntry,
    ImportedSegment,
    Segment,
    Status,
    StatusCount,
    imported_rows,
    now,
    require_text,
    separator,
    to_status,
)
from storage.errors import is_disk_full, os_reason
from storage.sqlite import disk_full, inserted_id

# The contract: everything a caller needs comes from documents.project.
__all__ = [
    "HistoryEntry", "ImportedSegment", "Project", "ProjectDiskFullError", "ProjectError",
    "ProjectExistsError", "ProjectLockedError",
    "Segment", "Status", "StatusCount",
]  # fmt: skip


class Project:
    """Open with Project.create(...) or Project.open(...); every change is committed at once.

    WAL mode, synchronous=FULL: an edit that returned is on disk. One connection per
    Project object; use it from one thread (open a second Project for a worker).
    """

    path: Path
    source_lang: str
    target_lang: str
    name: str
    read_only: bool

    def __init__(
        self, path: Path, db: sqlite3.Connection, read_only: bool, lock: ProjectLock | None
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._db: sqlite3.Connection | None = db
        self._lock = lock
        self._batch = 0  # depth of batch(): changes inside join one transaction
        self._closer = weakref.finalize(self, project_file.close_quietly, db, lock)
        meta = dict(db.execute("SELECT key, value FROM meta"))
        self.source_lang = meta.get("source_lang", "")
        self.target_lang = meta.get("target_lang", "")
        self.name = meta.get("name", "")

    # --- creating and opening ----------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        source_text: str,
        source_lang: str,
        target_lang: str,
        name: str = "",
        origin: str = "",
    ) -> Project:
        """Segment source_text and write a new project at path (refuses to overwrite)."""
        from documents.segmentation import segment_document  # noqa: PLC0415 - start-up: the segmenter's patterns load when segments are made, not to open a project
        require_text(source_text, "source text")
        segments = segment_document(source_text, source_lang)
        if not segments:
            raise ProjectError("The source text has no sentences to translate")
        return cls.create_from_segments(
            path, segments, source_lang=source_lang, target_lang=target_lang, name=name,
            origin=origin, source_text=source_text,
        )  # fmt: skip

    @classmethod
    def create_from_segments(
        cls,
        path: Path,
        segments: Sequence[ImportedSegment],
        *,
        source_lang: str,
        target_lang: str,
        name: str = "",
        origin: str = "",
        source_text: str | None = None,
        history_origin: str | None = None,
    ) -> Project:
        """A new project from segments an importer (XLIFF, TMX, ...) already has.

        Targets that come with the segments get a history entry with history_origin (default:
        origin, e.g. "xliff-import", else "import"); the source text, when not given, is the
        segments' sources, one paragraph per line.
        """
        from documents.segmentation import count_words  # noqa: PLC0415 - start-up: the segmenter's patterns load when segments are made, not to open a project
        path = Path(path)
        for what, lang in (("source", source_lang), ("target", target_lang)):
            if not isinstance(lang, str) or not LANG.match(lang):
                raise ProjectError(f"The {what} language {lang!r} is not a language code like ko")
        rows = imported_rows(segments)
        if not rows:
            raise ProjectError("A project needs at least one segment")
        if source_text is None:
            paragraphs: dict[int, list[str]] = {}
            for row in rows:
                paragraphs.setdefault(row["paragraph"], []).append(row["source"])
            sep = separator(source_lang)
            source_text = "\n\n".join(sep.join(p) for _, p in sorted(paragraphs.items()))
        stamp = now()
        meta = {
            "source_lang": source_lang, "target_lang": target_lang,
            "name": require_text(name, "name"), "origin": require_text(origin, "origin"),
            "created": stamp, "source_text": source_text,
        }  # fmt: skip
        for position, row in enumerate(rows, start=1):
            row["position"] = position
            row["source_words"] = count_words(row["source"])
        project_file.write_new(path, meta, rows, stamp, history_origin or origin or "import")
        return cls.open(path)

    @classmethod
    def open(cls, path: Path, *, read_only: bool = False) -> Project:
        """Open an existing project; ProjectError for a missing, damaged or foreign file.

        For writing, ProjectLockedError when another process has it open for writing; the
        caller may then offer read_only=True, which never changes the file.
        """
        path = Path(path)
        lock = None
        if not read_only:
            if not path.is_file():
                project_file.check(path)  # the precise "missing" message
            try:
                lock = acquire(path)
            except LockHeld as error:
                raise ProjectLockedError(
                    f"{path.name} is open for writing in {error}; open it read-only to look at it"
                ) from None
            except OSError as error:
                if is_disk_full(error):  # read-only needs a little room too: no use offering it
                    raise ProjectDiskFullError(
                        f"Cannot open {path.name}: the disk is full. Free some space on the "
                        "drive and try again; the file itself is intact."
                    ) from None
                raise ProjectError(
                    f"Cannot lock {path} for writing ({os_reason(error)}); open it read-only"
                ) from None
        try:
            project_file.check(path)
            db = project_file.connect(path, read_only)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(path, db, read_only, lock)

    def close(self) -> None:
        self._db = None
        self._lock = None
        self._closer()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -----------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:
            raise ProjectError(f"The project {self.path.name} is closed")
        return self._db

    @staticmethod
    def _segment(row: tuple) -> Segment:
        sid, position, paragraph, source, target, status, mt, comment, info = row
        return Segment(
            id=sid, number=position, paragraph=paragraph, source=source, target=target,
            status=Status(status), mt=mt, comment=comment, mt_info=json.loads(info),
        )  # fmt: skip

    def segments(self) -> list[Segment]:
        rows = self._conn().execute(f"SELECT {COLUMNS} FROM segments ORDER BY position")
        return [self._segment(row) for row in rows]

    def segment(self, segment_id: int) -> Segment:
        row = (
            self._conn()
            .execute(f"SELECT {COLUMNS} FROM segments WHERE id = ?", (segment_id,))
            .fetchone()
        )
        if row is None:
            raise ProjectError(f"There is no segment {segment_id!r} in {self.path.name}")
        return self._segment(row)

    def history(self, segment_id: int) -> list[HistoryEntry]:
        self.segment(segment_id)
        rows = self._conn().execute(
            "SELECT at, target, status, origin FROM history WHERE segment_id = ? ORDER BY id",
            (segment_id,),
        )
        return [
            HistoryEntry(at, target, Status(status), origin) for at, target, status, origin in rows
        ]

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self._conn().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return default if row is None else row[0]

    @property
    def source_text(self) -> str:
        return self.get_meta("source_text", "") or ""

    def counts(self) -> dict[Status, StatusCount]:
        """Segments and source words per status, every status present (zeros included)."""
        result = {status: StatusCount(0, 0) for status in Status}
        rows = self._conn().execute(
            "SELECT status, COUNT(*), TOTAL(source_words) FROM segments GROUP BY status"
        )
        for status, segments, words in rows:
            result[Status(status)] = StatusCount(segments, int(words))
        return result

    def find(
        self, text: str, *, in_target: bool = False, case_sensitive: bool = False
    ) -> list[int]:
        """Ids of the segments whose source (or target) contains text, in document order."""
        if not require_text(text, "search text"):
            return []
        column = "target" if in_target else "source"
        if case_sensitive:
            sql = f"SELECT id FROM segments WHERE instr({column}, ?) > 0 ORDER BY position"
            needle = text
        else:
            sql = f"SELECT id FROM segments WHERE instr(hb_fold({column}), ?) > 0 ORDER BY position"
            needle = text.casefold()
        return [row[0] for row in self._conn().execute(sql, (needle,))]

    # --- changing ----------------------------------------------------------------------------

    @contextmanager
    def _change(self) -> Iterator[sqlite3.Connection]:
        """One immediate transaction, committed (and synced) before the change method returns."""
        if self.read_only:
            raise ProjectError(f"{self.path.name} is open read-only; nothing was changed")
        db = self._conn()
        if self._batch:  # batch() commits (or rolls back) all of it at its end
            yield db
            return
        try:
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise self._failure("change", error) from None
        try:
            yield db
        except BaseException as error:
            self._rollback(db)
            if isinstance(error, sqlite3.Error):
                raise self._failure("change", error) from None
            raise
        try:
            db.execute("COMMIT")
        except sqlite3.Error as error:
            # A failed COMMIT (disk full) may already have rolled back: a second ROLLBACK
            # would raise "no transaction is active" and hide the real reason.
            self._rollback(db)
            raise self._failure("save", error) from None

    @staticmethod
    def _rollback(db: sqlite3.Connection) -> None:
        if db.in_transaction:
            with suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def _failure(self, verb: str, error: sqlite3.Error) -> ProjectError:
        """The error a caller shows: a full disk is named as such, never as a damaged file."""
        if disk_full(error, self.path):
            return ProjectDiskFullError(
                f"Cannot {verb} {self.path.name}: the disk is full. Free some space on the drive "
                "and try again; the file itself is intact and holds everything saved before."
            )
        return ProjectError(f"Cannot {verb} {self.path.name}: {error}")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Changes made inside land together when it ends, or none do (error, crash, kill)."""
        if self._batch:
            yield
            return
        with self._change():
            self._batch = 1
            try:
                yield
            finally:
                self._batch = 0

    @staticmethod
    def _log(db: sqlite3.Connection, sid: int, target: str, status: Status, origin: str) -> None:
        db.execute(
            "INSERT INTO history (segment_id, at, target, status, origin) VALUES (?, ?, ?, ?, ?)",
            (sid, now(), target, status.value, origin),
        )

    def set_target(
        self, segment_id: int, target: str, *, status: Status | None = None, origin: str = "user"
    ) -> Segment:
        """Change a target (and status; default: DRAFT if non-empty else NEW), with history."""
        require_text(target, "target")
        require_text(origin, "origin")
        new_status = to_status(status) if status is not None else (
            Status.DRAFT if target.strip() else Status.NEW
        )  # fmt: skip
        current = self.segment(segment_id)
        if current.target == target and current.status == new_status:
            return current
        with self._change() as db:
            db.execute(
                "UPDATE segments SET target = ?, status = ?, updated_at = ? WHERE id = ?",
                (target, new_status.value, now(), segment_id),
            )
            self._log(db, segment_id, target, new_status, origin)
        return self.segment(segment_id)

    def set_status(self, segment_id: int, status: Status) -> Segment:
        new_status = to_status(status)
        current = self.segment(segment_id)
        if current.status == new_status:
            return current
        with self._change() as db:
            db.execute(
                "UPDATE segments SET status = ?, updated_at = ? WHERE id = ?",
                (new_status.value, now(), segment_id),
            )
            self._log(db, segment_id, current.target, new_status, "user")
        return self.segment(segment_id)

    def set_mt(
        self,
        segment_id: int,
        mt: str,
        info: dict[str, Any] | None = None,
        *,
        fill_target: bool = True,
    ) -> Segment:
        """Store an MT draft; fills an empty target as DRAFT (origin "mt") when fill_target."""
        require_text(mt, "machine translation")
        try:
            info_json = json.dumps(info or {}, ensure_ascii=False)
        except (TypeError, ValueError) as error:
            raise ProjectError(f"The MT record cannot be stored as JSON: {error}") from None
        current = self.segment(segment_id)
        fill = fill_target and not current.target.strip() and bool(mt.strip())
        with self._change() as db:
            db.execute(
                "UPDATE segments SET mt = ?, mt_info = ?, updated_at = ? WHERE id = ?",
                (mt, info_json, now(), segment_id),
            )
            if fill:
                db.execute(
                    "UPDATE segments SET target = ?, status = ? WHERE id = ?",
                    (mt, Status.DRAFT.value, segment_id),
                )
                self._log(db, segment_id, mt, Status.DRAFT, "mt")
        return self.segment(segment_id)

    def set_comment(self, segment_id: int, comment: str) -> Segment:
        require_text(comment, "comment")
        self.segment(segment_id)
        with self._change() as db:
            db.execute(
                "UPDATE segments SET comment = ?, updated_at = ? WHERE id = ?",
                (comment, now(), segment_id),
            )
        return self.segment(segment_id)

    def set_meta(self, key: str, value: str) -> None:
        """Store a project setting (e.g. "current_segment"); the identity keys cannot change."""
        require_text(key, "setting name")
        require_text(value, f"value of {key!r}")
        if key in project_file.FIXED_META:
            raise ProjectError(f"The project setting {key!r} is fixed when the project is created")
        with self._change() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        if key == "name":
            self.name = value

    def change_target_lang(self, target_lang: str, *, clear_confirmed: bool = False) -> int:
        """Translate into target_lang from now on; returns how many targets were cleared.

        Drafts and MT are in the old language, so they are cleared (history keeps them): left,
        they would be confirmed, exported and learnt by the TM under the new pair. Confirmed
        targets (translated/reviewed) refuse the change unless clear_confirmed (a copy)."""
        if not isinstance(target_lang, str) or not LANG.match(target_lang):
            raise ProjectError(
                f"The target language {target_lang!r} is not a language code like ko"
            )
        confirmed = (Status.TRANSLATED.value, Status.REVIEWED.value)
        rows = self._conn().execute("SELECT id, target, status FROM segments").fetchall()
        if not clear_confirmed and any(status in confirmed for _, _, status in rows):
            raise ProjectError(
                f"{self.path.name} has confirmed translations into {self.target_lang}; "
                "save a copy for the new language instead"
            )
        cleared = [sid for sid, target, status in rows if target or status != Status.NEW.value]
        with self._change() as db:
            db.execute("UPDATE meta SET value = ? WHERE key = 'target_lang'", (target_lang,))
            db.execute("UPDATE segments SET mt = '', mt_info = '{}'")
            for sid in cleared:
                db.execute(
                    "UPDATE segments SET target = '', status = ?, updated_at = ? WHERE id = ?",
                    (Status.NEW.value, now(), sid),
                )
                self._log(db, sid, "", Status.NEW, "change-target-language")
        self.target_lang = target_lang
        return len(cleared)

    def split_segment(self, segment_id: int, offset: int) -> tuple[Segment, Segment]:
        """Split a segment's source at a character offset; the target stays with the first part.

        The first part keeps its id, target and history (a confirmed target drops back to
        DRAFT: it now covers more than its source); the second part is a new, empty segment.
        """
        from documents.segmentation import count_words  # noqa: PLC0415 - start-up: the segmenter's patterns load when segments are made, not to open a project
        current = self.segment(segment_id)
        if not isinstance(offset, int) or not 0 < offset < len(current.source):
            raise ProjectError(
                f"Cannot split segment {current.number} at {offset!r}: the offset must lie "
                f"inside its source (1 to {len(current.source) - 1})"
            )
        first, second = current.source[:offset].strip(), current.source[offset:].strip()
        if not first or not second:
            raise ProjectError(f"Splitting segment {current.number} there leaves an empty part")
        status = Status.DRAFT if current.target.strip() else Status.NEW
        stamp = now()
        with self._change() as db:
            db.execute(
                "UPDATE segments SET position = position + 1 WHERE position > ?",
                (current.number,),
            )
            db.execute(
                "UPDATE segments SET source = ?, source_words = ?, status = ?, mt = '', "
                "mt_info = '{}', updated_at = ? WHERE id = ?",
                (first, count_words(first), status.value, stamp, segment_id),
            )
            cursor = db.execute(
                "INSERT INTO segments (position, paragraph, source, source_words, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (current.number + 1, current.paragraph, second, count_words(second), stamp),
            )
            new_id = inserted_id(cursor)
            self._log(db, segment_id, current.target, status, "split")
            self._log(db, new_id, "", Status.NEW, "split")
        return self.segment(segment_id), self.segment(new_id)

    def join_segments(self, first_id: int, second_id: int | None = None) -> Segment:
        """Join a segment with the next one (second_id, or simply the next) of the same paragraph.

        The first id survives. Sources, targets and comments are joined; the second segment's
        history moves to the first, so nothing the translator typed is lost.
        """
        from documents.segmentation import count_words  # noqa: PLC0415 - start-up: the segmenter's patterns load when segments are made, not to open a project
        first = self.segment(first_id)
        if second_id is None:
            row = (
                self._conn()
                .execute("SELECT id FROM segments WHERE position = ?", (first.number + 1,))
                .fetchone()
            )
            if row is None:
                raise ProjectError(f"Segment {first.number} is the last one: nothing to join")
            second_id = row[0]
        second = self.segment(second_id)
        if second.number != first.number + 1:
            raise ProjectError(
                f"Segments {first.number} and {second.number} are not next to each other"
            )
        if first.paragraph != second.paragraph:
            raise ProjectError(
                f"Segments {first.number} and {second.number} are in different paragraphs"
            )
        source = first.source + separator(self.source_lang) + second.source
        targets = [t for t in (first.target, second.target) if t.strip()]
        target = separator(self.target_lang).join(targets)
        status = min(first.status, second.status, key=RANK.__getitem__)
        if target.strip() and status == Status.NEW:
            status = Status.DRAFT
        elif not target.strip():
            status = Status.NEW
        comment = "\n".join(c for c in (first.comment, second.comment) if c.strip())
        with self._change() as db:
            db.execute(
                "UPDATE segments SET source = ?, source_words = ?, target = ?, status = ?, "
                "mt = '', mt_info = '{}', comment = ?, updated_at = ? WHERE id = ?",
                (source, count_words(source), target, status.value, comment, now(), first_id),
            )
            db.execute(
                "UPDATE history SET segment_id = ? WHERE segment_id = ?", (first_id, second_id)
            )
            db.execute("DELETE FROM segments WHERE id = ?", (second_id,))
            db.execute(
                "UPDATE segments SET position = position - 1 WHERE position > ?", (second.number,)
            )
            self._log(db, first_id, target, status, "join")
        return self.segment(first_id)
