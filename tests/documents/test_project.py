"""The project file: create, open, edit with history, split/join, counts, damage, locks, crashes."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import paths
from documents.project import (
    Project,
    ProjectError,
    ProjectLockedError,
    Segment,
    Status,
)
from documents.segmentation import SourceSegment, count_words, segment_document

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path):
    opened = Project.create(
        tmp_path / "alipay.hanbit",
        source_text=ARTICLE,
        source_lang="ko",
        target_lang="en",
        name="Alipay",
        origin=str(paths.SAMPLE_ARTICLE),
    )
    yield opened
    opened.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- create and open ------------------------------------------------------------------------


def test_create_segments_the_article_and_reopens_identically(project, tmp_path):
    expected = segment_document(ARTICLE, "ko")
    segments = project.segments()
    assert [(s.source, s.paragraph) for s in segments] == [(e.text, e.paragraph) for e in expected]
    assert [s.number for s in segments] == list(range(1, len(expected) + 1))
    assert all(s.status is Status.NEW and s.target == "" for s in segments)
    project.close()
    reopened = Project.open(tmp_path / "alipay.hanbit")
    assert reopened.segments() == segments
    assert (reopened.source_lang, reopened.target_lang, reopened.name) == ("ko", "en", "Alipay")
    assert reopened.source_text == ARTICLE
    assert reopened.get_meta("origin") == str(paths.SAMPLE_ARTICLE)
    reopened.close()


def test_create_refuses_to_overwrite(tmp_path):
    path = tmp_path / "taken.hanbit"
    path.write_bytes(b"my thesis")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(path, source_text="가나다.", source_lang="ko", target_lang="en")
    assert path.read_bytes() == b"my thesis"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.hanbit"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"source_text": " \n\n "}, "no sentences"),
        ({"source_lang": "korean!"}, "not a language code"),
        ({"target_lang": ""}, "not a language code"),
    ],
)
def test_create_rejects_bad_input_and_leaves_no_file(tmp_path, kwargs, message):
    arguments = {"source_text": "가나다.", "source_lang": "ko", "target_lang": "en", **kwargs}
    with pytest.raises(ProjectError, match=message):
        Project.create(tmp_path / "p.hanbit", **arguments)
    assert list(tmp_path.iterdir()) == []


def test_create_from_segments_keeps_imported_targets_with_history(tmp_path):
    project = Project.create_from_segments(
        tmp_path / "imported.hanbit",
        [
            ("알리페이가 호주에 간다.", "Alipay goes to Australia.", "translated", 0),
            ("두번째 문장이다.", "", Status.NEW, 0),
            ("새 문단이다.", "A new paragraph.", Status.REVIEWED, 1),
        ],
        source_lang="ko",
        target_lang="en",
        origin="xliff-import",
    )
    first, second, third = project.segments()
    assert (first.status, second.status, third.status) == (
        Status.TRANSLATED, Status.NEW, Status.REVIEWED,
    )  # fmt: skip
    assert third.paragraph == 1
    assert [h.origin for h in project.history(first.id)] == ["xliff-import"]
    assert project.history(second.id) == []
    assert project.source_text == "알리페이가 호주에 간다. 두번째 문장이다.\n\n새 문단이다."
    project.close()


def test_create_from_segments_accepts_source_and_project_segments(tmp_path):
    source = [SourceSegment("하나.", 0), SourceSegment("둘.", 1)]
    made = Project.create_from_segments(
        tmp_path / "a.hanbit", source, source_lang="ko", target_lang="zh-Hans"
    )
    copied = Project.create_from_segments(
        tmp_path / "b.hanbit",
        [Segment(0, 0, 3, "셋.", "三。", Status.DRAFT, "三。", "check", {"terms": ["셋"]})],
        source_lang="ko",
        target_lang="zh-Hans",
    )
    assert [s.paragraph for s in made.segments()] == [0, 1]
    assert copied.segments()[0].mt_info == {"terms": ["셋"]}
    assert copied.segments()[0].comment == "check"
    made.close()
    copied.close()


@pytest.mark.parametrize(
    ("segments", "message"),
    [
        ([], "at least one segment"),
        ([("  ", "", "new")], "empty source"),
        ([("가.", "", "done")], "Unknown segment status 'done'"),
        ([("가.", None, "new")], "target of segment 1 must be text"),
        (["가."], "neither a SourceSegment"),
    ],
)
def test_create_from_segments_rejects_bad_segments(tmp_path, segments, message):
    with pytest.raises(ProjectError, match=message):
        Project.create_from_segments(
            tmp_path / "x.hanbit", segments, source_lang="ko", target_lang="en"
        )
    assert list(tmp_path.iterdir()) == []


# --- editing ----------------------------------------------------------------------------------


def test_edits_keep_history_and_statuses(project):
    sid = project.segments()[5].id
    assert project.set_target(sid, "Aju Business Daily reporter Kim").status is Status.DRAFT
    project.set_status(sid, Status.TRANSLATED)
    project.set_target(sid, "Kim Geun-jeong, Aju Business Daily", status=Status.REVIEWED)
    project.set_target(sid, "Kim Geun-jeong, Aju Business Daily", status=Status.REVIEWED)  # no-op
    project.set_target(sid, "")
    history = project.history(sid)
    assert [(h.target, h.status, h.origin) for h in history] == [
        ("Aju Business Daily reporter Kim", Status.DRAFT, "user"),
        ("Aju Business Daily reporter Kim", Status.TRANSLATED, "user"),
        ("Kim Geun-jeong, Aju Business Daily", Status.REVIEWED, "user"),
        ("", Status.NEW, "user"),
    ]
    assert project.segment(sid).status is Status.NEW
    assert all(h.at.endswith("Z") for h in history)


def test_mt_fills_only_an_empty_target(project):
    first, second = project.segments()[:2]
    project.set_target(second.id, "My own translation", status=Status.TRANSLATED)
    filled = project.set_mt(first.id, "Alibaba, 10 trillion won a day", {"terms": ["알리바바"]})
    kept = project.set_mt(second.id, "Machine words")
    assert (filled.target, filled.status, filled.mt_info) == (
        "Alibaba, 10 trillion won a day", Status.DRAFT, {"terms": ["알리바바"]},
    )  # fmt: skip
    assert (kept.target, kept.status, kept.mt) == (
        "My own translation", Status.TRANSLATED, "Machine words",
    )  # fmt: skip
    assert project.history(first.id)[-1].origin == "mt"
    untouched = project.set_mt(project.segments()[2].id, "draft", fill_target=False)
    assert untouched.target == ""


def test_bad_edits_raise_and_change_nothing(project, tmp_path):
    sid = project.segments()[0].id
    project.set_target(sid, "Before")
    before = project.segments()
    with pytest.raises(ProjectError, match="no segment 9999"):
        project.set_target(9999, "x")
    with pytest.raises(ProjectError, match="Unknown segment status"):
        project.set_target(sid, "x", status="finished")  # type: ignore[arg-type]
    with pytest.raises(ProjectError, match="must be text"):
        project.set_target(sid, 42)  # type: ignore[arg-type]
    with pytest.raises(ProjectError, match="JSON"):
        project.set_mt(sid, "mt", {"when": object()})
    with pytest.raises(ProjectError, match="fixed when the project is created"):
        project.set_meta("source_lang", "zh-Hans")
    assert project.segments() == before
    assert project.history(sid)[-1].target == "Before"


def test_comment_and_meta(project, tmp_path):
    sid = project.segments()[3].id
    project.set_comment(sid, "Check the photo credit")
    project.set_meta("current_segment", str(sid))
    project.set_meta("name", "Alipay Australia")
    project.close()
    reopened = Project.open(tmp_path / "alipay.hanbit")
    assert reopened.segment(sid).comment == "Check the photo credit"
    assert reopened.get_meta("current_segment") == str(sid)
    assert reopened.get_meta("missing", "fallback") == "fallback"
    assert reopened.name == "Alipay Australia"
    reopened.close()


# --- split and join ---------------------------------------------------------------------------


def test_split_then_join_restores_the_segment_and_keeps_history(project):
    segments = project.segments()
    target = next(s for s in segments if s.source.startswith("현재 알리페이는"))
    first_sentence = (
        "현재 알리페이는 중국 내 모바일 결제시장의 약 50%를 차지하며 압도적인 우위를 점하고 있다."
    )
    merged = project.join_segments(target.id)
    assert merged.source == f"{first_sentence} {segments[target.number].source}"
    project.set_target(merged.id, "Alipay holds about 50%. Its volume neared 3.8729 trillion yuan.")
    project.set_status(merged.id, Status.TRANSLATED)
    left, right = project.split_segment(merged.id, len(first_sentence))
    assert (left.id, left.source, left.number) == (target.id, first_sentence, target.number)
    assert right.source.startswith("지난 1년간") and right.number == target.number + 1
    assert left.status is Status.DRAFT  # the confirmed target now spans more than its source
    assert (right.target, right.status) == ("", Status.NEW)
    assert [s.number for s in project.segments()] == list(range(1, len(segments) + 1))
    origins = [h.origin for h in project.history(left.id)]
    assert origins == ["join", "user", "user", "split"]


def test_join_moves_the_second_history_and_renumbers(project):
    segments = project.segments()
    a, b = segments[8], segments[9]
    assert a.paragraph == b.paragraph
    project.set_target(a.id, "First.", status=Status.TRANSLATED)
    project.set_target(b.id, "Second.", status=Status.REVIEWED)
    project.set_comment(b.id, "note on b")
    joined = project.join_segments(a.id, b.id)
    assert (joined.target, joined.status, joined.comment) == (
        "First. Second.", Status.TRANSLATED, "note on b",
    )  # fmt: skip
    assert [h.target for h in project.history(a.id)] == ["First.", "Second.", "First. Second."]
    after = project.segments()
    assert len(after) == len(segments) - 1
    assert [s.number for s in after] == list(range(1, len(after) + 1))
    with pytest.raises(ProjectError, match="no segment"):
        project.segment(b.id)


def test_bad_splits_and_joins_change_nothing(project):
    segments = project.segments()
    before = [(s.id, s.source) for s in segments]
    headline, byline, sub = segments[0], segments[1], segments[2]
    for offset in (0, len(headline.source), -3):
        with pytest.raises(ProjectError, match="offset must lie inside"):
            project.split_segment(headline.id, offset)
    with pytest.raises(ProjectError, match="different paragraphs"):
        project.join_segments(headline.id, byline.id)
    with pytest.raises(ProjectError, match="not next to each other"):
        project.join_segments(headline.id, sub.id)
    with pytest.raises(ProjectError, match="last one"):
        project.join_segments(segments[-1].id)
    assert [(s.id, s.source) for s in project.segments()] == before


def test_chinese_join_uses_no_space(tmp_path):
    text = "支付宝进入澳大利亚。这是第六个。"
    project = Project.create(
        tmp_path / "zh.hanbit", source_text=text, source_lang="zh-Hans", target_lang="ko"
    )
    first, second = project.segments()
    assert project.join_segments(first.id, second.id).source == text
    project.close()


# --- counts and find --------------------------------------------------------------------------


def test_counts_per_status_in_segments_and_source_words(project):
    segments = project.segments()
    project.set_target(segments[0].id, "Headline")
    project.set_target(segments[1].id, "Byline", status=Status.TRANSLATED)
    counts = project.counts()
    assert counts[Status.DRAFT].segments == 1
    assert counts[Status.DRAFT].words == count_words(segments[0].source)
    assert counts[Status.TRANSLATED].words == count_words(segments[1].source)
    assert counts[Status.REVIEWED].segments == 0
    assert sum(c.segments for c in counts.values()) == len(segments)
    assert sum(c.words for c in counts.values()) == count_words(ARTICLE)


def test_find_in_source_and_target(project):
    segments = project.segments()
    project.set_target(segments[4].id, "Alipay plans its sixth office. [Photo=Baidu]")
    found = project.find("v-key")
    assert found == [s.id for s in segments if "V-key" in s.source]
    assert len(found) == 2
    assert project.find("v-key", case_sensitive=True) == []
    assert project.find("ALIPAY", in_target=True) == [segments[4].id]
    assert project.find("") == []


def test_counts_and_find_cover_5000_segments(tmp_path):
    rows = [(f"알리페이 {i}번째 문장이다.", "", "new", i // 5) for i in range(5000)]
    big = Project.create_from_segments(
        tmp_path / "big.hanbit", rows, source_lang="ko", target_lang="en"
    )
    assert big.counts()[Status.NEW].segments == 5000
    assert big.counts()[Status.NEW].words == 5000 * 3
    assert len(big.find("번째")) == 5000
    big.close()


# --- damaged and foreign files ----------------------------------------------------------------


def _project_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "good.hanbit"
    Project.create(path, source_text=ARTICLE, source_lang="ko", target_lang="en").close()
    return path.read_bytes()


def _foreign_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.execute("INSERT INTO notes VALUES ('not a project')")
    db.commit()
    db.close()


def _newer_schema(path: Path, good: bytes) -> None:
    path.write_bytes(good)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    db.commit()
    db.close()


def _other_format(path: Path, good: bytes) -> None:
    path.write_bytes(good)
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value = 'someone-else' WHERE key = 'format'")
    db.commit()
    db.close()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda p, good: p.write_bytes(b""), "is empty"),
        (lambda p, good: p.write_bytes("기사 원문입니다".encode() * 100), "not an SQLite database"),
        (lambda p, good: p.write_bytes(good[: len(good) // 2]), "cut off"),
        (lambda p, good: p.write_bytes(good[:60]), "cut off"),
        (lambda p, good: _foreign_sqlite(p), "another program"),
        (_newer_schema, "newer Hanbit Desk"),
        (_other_format, "its format is 'someone-else'"),
    ],
    ids=["empty", "text", "truncated", "header-only", "foreign-sqlite", "newer", "other-format"],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_damaged_or_foreign_file_is_refused_unchanged(tmp_path, damage, message, read_only):
    good = _project_bytes(tmp_path)
    path = tmp_path / "suspect.hanbit"
    damage(path, good)
    digest = _digest(path)
    with pytest.raises(ProjectError, match=message):
        Project.open(path, read_only=read_only)
    assert _digest(path) == digest
    assert not (tmp_path / "suspect.hanbit.lock").exists()


def test_corrupted_page_is_reported_as_damage(tmp_path):
    good = bytearray(_project_bytes(tmp_path))
    page_size = int.from_bytes(good[16:18], "big")
    good[page_size * 2 + 8 : page_size * 2 + 200] = b"\xff" * 192  # scribble over a b-tree page
    path = tmp_path / "scribbled.hanbit"
    path.write_bytes(bytes(good))
    digest = _digest(path)
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(path)
    assert _digest(path) == digest


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ProjectError, match="no project file"):
        Project.open(tmp_path / "nowhere.hanbit")
    with pytest.raises(ProjectError, match="folder"):
        Project.open(tmp_path)


# --- read-only, locks, closing ----------------------------------------------------------------


def test_read_only_open_reads_but_never_writes(project, tmp_path):
    sid = project.segments()[0].id
    project.set_target(sid, "Headline")
    viewer = Project.open(tmp_path / "alipay.hanbit", read_only=True)
    assert viewer.read_only and viewer.segment(sid).target == "Headline"
    with pytest.raises(ProjectError, match="read-only"):
        viewer.set_target(sid, "Mine")
    with pytest.raises(ProjectError, match="read-only"):
        viewer.set_meta("current_segment", "1")
    project.set_target(sid, "Headline, edited")
    assert viewer.segment(sid).target == "Headline, edited"  # sees the writer's commits
    viewer.close()


def test_a_second_process_cannot_open_for_writing_but_can_read(project, tmp_path):
    code = textwrap.dedent(
        """
        import sys
        from documents.project import Project, ProjectLockedError
        try:
            Project.open(sys.argv[1])
        except ProjectLockedError as error:
            print("LOCKED", error)
        viewer = Project.open(sys.argv[1], read_only=True)
        print("READ", len(viewer.segments()))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "alipay.hanbit")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    lines = out.stdout.splitlines()
    assert lines[0].startswith("LOCKED alipay.hanbit is open for writing in process ")
    assert str(os.getpid()) in lines[0] and "read-only" in lines[0]
    assert lines[1] == f"READ {len(project.segments())}"


def test_closing_releases_the_lock_for_other_processes(project, tmp_path):
    project.close()
    code = "import sys; from documents.project import Project; Project.open(sys.argv[1]).close()"
    subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "alipay.hanbit")],
        cwd=ROOT, timeout=60, check=True,
    )  # fmt: skip
    with pytest.raises(ProjectError, match="closed"):
        project.segments()
    assert not (tmp_path / "alipay.hanbit.lock").exists()


def test_a_worker_in_the_same_process_may_open_for_writing(project, tmp_path):
    worker = Project.open(tmp_path / "alipay.hanbit")
    sid = project.segments()[0].id
    worker.set_target(sid, "From the worker")
    worker.close()
    assert project.segment(sid).target == "From the worker"
    project.set_target(sid, "Still writable after the worker closed")


def test_lock_error_is_a_project_error():
    assert issubclass(ProjectLockedError, ProjectError)


# --- durability -------------------------------------------------------------------------------

_CHILD = """
import sys
from documents.project import Project
project = Project.open(sys.argv[1])
for segment in project.segments():
    project.set_target(segment.id, f"edit {segment.id}")
    print(segment.id, flush=True)
print("done", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_returned_edit_survives_sigkill(tmp_path):
    path = tmp_path / "burst.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(10000)]
    Project.create_from_segments(path, rows, source_lang="ko", target_lang="en").close()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    completed = []
    try:
        for line in child.stdout:
            completed.append(line.strip())
            if len(completed) == 40:
                os.kill(child.pid, signal.SIGKILL)  # mid-burst: the child is still editing
                break
        completed.extend(line.strip() for line in child.stdout)  # printed before it died
    finally:
        child.kill()
        child.wait(timeout=60)
        child.stdout.close()
    assert "done" not in completed, "the child finished before it could be killed"
    reopened = Project.open(path)  # the dead child's lock is gone with it
    targets = {s.id: s.target for s in reopened.segments()}
    for sid in map(int, completed):
        assert targets[sid] == f"edit {sid}"
    assert sum(1 for t in targets.values() if t) >= len(completed)
    reopened.close()
    Project.open(path, read_only=True).close()
