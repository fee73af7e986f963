"""Translating segments with the tiny real package: glossary enforced, batches, cancel, records."""

from __future__ import annotations

import pytest

from documents.project import Project, Status
from translation.engine import Engine, EngineOptions
from workflows.pair_glossary import PairGlossary
from workflows.translate_project import (
    MTRecord,
    TermRecord,
    TranslatedSegment,
    store,
    translate_segments,
    untranslated,
)


@pytest.fixture
def engine(tiny_packages_dir):
    engine = Engine(tiny_packages_dir, EngineOptions(max_batch_size=4, idle_unload_s=0))
    yield engine
    engine.close()


def test_terms_are_enforced_batch_by_batch_with_progress(engine, curated_concepts):
    glossary = PairGlossary.build(curated_concepts, "ko", "en")
    segments = list(enumerate(["알리페이가 호주에 진출한다.", "", "마윈 회장은 웃었다."] * 3, 100))
    batches: list[list[TranslatedSegment]] = []
    progress: list[tuple[int, int]] = []
    run = translate_segments(
        engine, segments, "ko", "en", glossary, on_batch=batches.append,
        on_progress=lambda done, total: progress.append((done, total)),
    )  # fmt: skip
    assert not run.cancelled
    assert [r.segment_id for r in run.results] == [i for i, _ in segments]
    first = run.results[0]
    assert "Alipay" in first.target and first.record is not None
    assert first.record.ok and "Alipay" in [t.target for t in first.record.terms]
    assert len(batches) > 1 and progress[0] == (0, 9) and progress[-1][1] == 9
    assert sorted(r.segment_id for batch in batches for r in batch) == [i for i, _ in segments]


def test_plain_mt_has_no_record_and_cancel_stops_between_batches(engine):
    texts = [(i, f"알리페이 {i}번째 문장이다.") for i in range(12)]
    plain = translate_segments(engine, texts, "ko", "en", None)
    assert all(r.record is None and r.info() == {} for r in plain.results)
    seen: list[int] = []
    run = translate_segments(
        engine, texts, "ko", "en", PairGlossary("ko", "en"),
        on_batch=lambda batch: seen.append(len(batch)), cancel=lambda: bool(seen),
    )  # fmt: skip
    assert run.cancelled and seen == [4] and len(run.results) == 4


def test_results_are_stored_in_the_project_as_drafts(engine, tmp_path, curated_concepts):
    path = tmp_path / "p.hanbit"
    with Project.create(path, source_text="알리페이가 왔다.\n\n마윈이 왔다.", source_lang="ko",
                        target_lang="en") as project:  # fmt: skip
        todo = untranslated(project)
        glossary = PairGlossary.build(curated_concepts, "ko", "en")
        store(project, translate_segments(engine, todo, "ko", "en", glossary).results)
        segments = project.segments()
    assert all(s.status == Status.DRAFT and s.target == s.mt for s in segments)
    assert MTRecord.from_info(segments[0].mt_info).term_targets() == {
        (t.concept_id, "Alipay") for t in MTRecord.from_info(segments[0].mt_info).terms
    }


def test_a_record_reads_back_what_was_stored_and_survives_old_or_damaged_rows():
    record = MTRecord(
        "inject", False, False, "x",
        (TermRecord(3, "알리페이", "Alipay", "failed", False),), ("Zhifubao",),
    )  # fmt: skip
    assert MTRecord.from_info(record.to_info()) == record
    assert record.failed == record.terms and record.term_targets() == {(3, "Alipay")}
    assert MTRecord.from_info(None) == MTRecord() == MTRecord.from_info({})
    old = MTRecord.from_info({"terms": ["셋", {"concept_id": "x", "target": "A"}], "ok": True})
    assert old.terms == (TermRecord(-1, "", "A", "", True),)
    assert MTRecord.from_info({"terms": "?", "forbidden_found": None}) == MTRecord()


def test_a_record_made_from_enforcement_is_the_one_stored_and_read_back():
    from glossary.enforce import EnforcedSegment, TermOutcome

    segment = EnforcedSegment(
        "Alipay opened in Australia.",
        terms=[
            TermOutcome(3, "알리페이", "Alipay", "injected", True),
            TermOutcome(7, "호주", "Australia", "repaired", True, "Austria"),
            TermOutcome(9, "시드니", "Sydney", "failed", False),
        ],
        forbidden_found=["AliPay"],
        strategy="inject",
        prepared="Alipay 호주에",
    )
    record = MTRecord.from_enforced(segment)
    assert record == MTRecord.from_info(segment.info())
    assert not record.ok and record.terms[1].original == "Austria"
