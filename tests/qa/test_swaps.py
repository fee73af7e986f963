"""Two figures swapped in the translation: both values are there, each with the other's role.
Sentences are from the dev split of the Park, Hong and Cha (2016) Korean-English news corpus
(CC BY-SA 3.0), as published; the swapped ones exchange two figures the way a translator slips."""

from __future__ import annotations

import pytest

from qa.checks import Severity, check_segment
from qa.messages import render_issue


def swapped(source: str, target: str) -> list[tuple[str, Severity, str]]:
    return [
        (i.check, i.severity, i.message)
        for i in check_segment(source, target, source_lang="ko", target_lang="en")
        if i.check in ("number-swapped", "number-reversed")
    ]


CASUALTIES = (
    "이라크에서 28일(현지시간) 여성 폭탄테러범 4명과 무장괴한 1명이 연쇄 폭탄테러를 감행해 최소 "
    "70명이 숨지고 300여명이 다쳤다고 관계당국이 밝혔다."
)
CASUALTIES_EN = (
    "Four female suicide bombers and a gunman killed at least 70 people and wounded almost 300 "
    "others during a string of attacks in central Baghdad and Kirkuk on Monday, officials said."
)


def test_the_dead_and_the_wounded_swapped_is_critical() -> None:
    assert swapped(CASUALTIES, CASUALTIES_EN) == []
    wrong = CASUALTIES_EN.replace("at least 70", "at least 300").replace("almost 300", "almost 70")
    [(check, severity, message)] = swapped(CASUALTIES, wrong)
    assert (check, severity) == ("number-swapped", Severity.CRITICAL)
    assert message == (
        "the source has 70 killed and 300 injured; the target swaps them: 300 killed, 70 injured"
    )
    [issue] = [
        i
        for i in check_segment(CASUALTIES, wrong, source_lang="ko", target_lang="en")
        if i.check == "number-swapped"
    ]
    assert render_issue(issue, "ko") == (
        "원문은 70(사망), 300(부상)인데 번역문은 둘을 바꿔 300(사망), 70(부상)입니다"
    )


@pytest.mark.parametrize(
    ("source", "target", "wrong"),
    [
        (  # a price's change and its level
            "영국 런던 선물시장의 9월 인도분 북해산 브렌트유도 4.26달러 하락한 배럴당 125.29달러를 "
            "기록했다.",
            "September Brent crude tumbled $4.26 to settle at $125.29 a barrel on the ICE Futures "
            "exchange in London.",
            "September Brent crude tumbled $125.29 to settle at $4.26 a barrel on the ICE Futures "
            "exchange in London.",
        ),
        (  # a unit that moved to the other figure
            "이것은 농구장 2개 크기의 방 안에 83마일의 배선으로 연결된 상자들 안에 들어 있는 "
            "8,192개의 마이크로 프로세서를 갖고 있다.",
            "It has 8,192 microprocessors, housed in boxes linked together by 83 miles of wiring "
            "in a room the size of two basketball courts.",
            "It has 83 microprocessors, housed in boxes linked together by 8,192 miles of wiring "
            "in a room the size of two basketball courts.",
        ),
        (  # a multiple that moved to the year
            "이 거대한 컴퓨터는 1997년에 체스의 대가인 개리 카스파로프를 물리쳤던 Deep Blue보다 "
            "1,000배나 더 강력한 것이다.",
            "The mammoth computer is 1,000 times more powerful than Deep Blue, which defeated "
            "chess grand master Garry Kasparov in 1997.",
            "The mammoth computer is 1997 times more powerful than Deep Blue, which defeated "
            "chess grand master Garry Kasparov in 1,000.",
        ),
        (  # a quake's magnitude and its dead
            "한편 이와테현에선 지난달 14일에도 리히터 규모 7.2의 지진이 발생해 최소 10명이 숨지고 "
            "200명이 다쳤다.",
            "A 7.2-magnitude quake struck northern Japan's Iwate Prefecture last month, killing at "
            "least 10 people and injuring more than 200.",
            "A 10-magnitude quake struck northern Japan's Iwate Prefecture last month, killing at "
            "least 7.2 people and injuring more than 200.",
        ),
        (  # a range run backwards
            "그는 1992년에서 1995년까지 보스니아-헤르체고비나가 내전을 치를 당시 보스니아 "
            "세르비아의 정치 지도자였다.",
            "He was the Bosnian Serb political leader during the 1992-1995 war.",
            "He was the Bosnian Serb political leader during the 1995-1992 war.",
        ),
    ],
    ids=["price move and level", "unit", "multiple and year", "magnitude", "range"],
)
def test_swapped_figures_are_reported(source: str, target: str, wrong: str) -> None:
    assert swapped(source, target) == []
    assert swapped(source, wrong)


def test_a_range_with_its_ends_in_order_or_said_between_is_no_swap() -> None:
    source = "국제유가는 21일 오전 NYMEX에서 129~130달러 사이를 오르내렸다."
    assert swapped(source, "Oil bounced between $129 and $130 for much of the morning.") == []
    assert (
        swapped("남북은 6월 21일-24일 서울에서 회담을 재개한다.", "talks in Seoul June 21-24") == []
    )
    assert swapped("남북은 6월 21일-24일 서울에서 회담을 재개한다.", "talks in Seoul June 24-21")
