"""Checking a project: every segment through the QA checks with the pair's glossary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qa.checks import Severity, check_segment
from workflows.check_project import (
    FoundIssue,
    check_pair,
    check_project,
    issue_key,
    story_date,
)
from workflows.pair_glossary import PairGlossary


@dataclass
class Row:
    id: int
    number: int
    source: str
    target: str


def test_check_pair_is_check_segment_with_the_glossary(curated_concepts):
    glossary = PairGlossary.build(curated_concepts, "ko", "en")
    source, target = "알리페이가 호주에 진출한다.", "Zhifubao enters Australia."
    found = check_pair(source, target, glossary)
    assert found == check_segment(
        source, target, source_lang="ko", target_lang="en", matcher=glossary.matcher,
        forbidden=glossary.forbidden, generic=glossary.generic,
    )  # fmt: skip
    assert any(i.severity == Severity.CRITICAL for i in found)


def test_check_project_finds_issues_in_order_with_stable_keys(curated_concepts):
    glossary = PairGlossary.build(curated_concepts, "ko", "en")
    rows = [
        Row(11, 1, "알리페이가 호주에 진출한다.", "Alipay enters Australia."),
        Row(12, 2, "매출은 3조8729억 위안이다.", ""),
        Row(13, 3, "알리페이가 왔다.", "Zhifubao came."),
    ]
    progress: list[int] = []
    found = check_project(rows, glossary, on_progress=progress.append)
    assert progress == [1, 2, 3]
    assert [f.segment_id for f in found] == sorted(f.segment_id for f in found)
    assert {f.segment_id for f in found} >= {12, 13}
    empty = next(f for f in found if f.segment_id == 12)
    assert isinstance(empty, FoundIssue) and empty.check == "empty"
    assert empty.severity == "functional" and empty.key == "12:empty"
    assert issue_key(12, empty.issue) == empty.key
    assert check_project(rows, glossary, cancelled=lambda: True) == []


def test_the_story_date_comes_from_the_dateline():
    dateline = "아주경제 김근정 기자 | 입력 2014-11-19 11:00"
    assert story_date(["제목", dateline]) == date(2014, 11, 19)
    assert story_date(["제목"]) is None
