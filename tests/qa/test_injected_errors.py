"""The errors bench.qa_real injects into correct human translations, each caught on a real
pair (dev split of the Park, Hong and Cha (2016) Korean-English news corpus, CC BY-SA 3.0)."""

from __future__ import annotations

import random

import pytest

from bench.qa_real import KINDS, _corrupt, figure_issues

PAIRS = [
    (
        "이라크에서 28일(현지시간) 여성 폭탄테러범 4명과 무장괴한 1명이 연쇄 폭탄테러를 감행해 "
        "최소 70명이 숨지고 300여명이 다쳤다고 관계당국이 밝혔다.",
        "Four female suicide bombers and a gunman killed at least 70 people and wounded almost "
        "300 others during a string of attacks in central Baghdad and Kirkuk on Monday, officials "
        "said.",
    ),
    (
        "온코어는 2012년까지 1만8500메가와트를 전송할 수 있게 된다고 밝혔다.",
        "Those new lines will accommodate about 18,500 megawatts of wind generation by 2012.",
    ),
]


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "two figures swapped"])
def test_each_injected_kind_is_caught_on_a_real_pair(kind: str) -> None:
    done = 0
    for ko, en in PAIRS:
        assert figure_issues(ko, en) == []
        wrong = _corrupt(kind, ko, en, random.Random(7))
        if wrong is None:
            continue
        assert wrong != en
        assert figure_issues(ko, wrong), f"{kind}: {wrong}"
        done += 1
    assert done, f"no pair has a place for {kind}"


def test_the_injection_is_reproducible() -> None:
    ko, en = PAIRS[0]
    first = [_corrupt(k, ko, en, random.Random(13)) for k in KINDS]
    assert first == [_corrupt(k, ko, en, random.Random(13)) for k in KINDS]
