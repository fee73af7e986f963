"""Figures on real published news (ko -> en): each kind of false alarm a reviewer found, and
the wind-power article end to end. Sentences are from the dev split of the Park, Hong and Cha
(2016) Korean-English news corpus (CC BY-SA 3.0) unless marked as adapted."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from qa.checks import Severity, check_document, check_segment
from qa.numbers import extract_figures


def flags(source: str, target: str, **kw) -> list[tuple[str, Severity]]:
    """The number and unit issues that flag a pair (not informational)."""
    return [
        (i.check, i.severity)
        for i in check_segment(source, target, source_lang="ko", target_lang="en", **kw)
        if i.severity != Severity.INFO
    ]


WIND = [  # dev.ko / dev.en lines 96, 98, 99, 102-106
    (
        "일부 텍사스 송전회사들이 28일(현지시간) 미국 대규모 풍력을 활용하기 위한 최신 송전선을 "
        "설치하는데 50억달러를 투자한다고 발표했다.",
        "Several Texan transmission companies announced Monday they were forming a consortium "
        "to invest in the $5 billion cost of building new power lines to take advantage of the "
        "state's vast wind power.",
    ),
    (
        "온코어는 새로운 송전선이 '재생 에너지 최고속도'라고 평가하고 2012년까지 "
        "1만8500메가와트를 전송할 수 있게 된다고 밝혔다.",
        'Those new lines, dubbed by Oncor as a "renewable energy superhighway," will accommodate '
        "about 18,500 megawatts of wind generation by 2012 enough energy to power 4 million "
        "homes.",
    ),
    (
        "이들 회사는 25일 서부 텍사스에서 도시 지역까지 풍력 송전선을 설치하는데 예비단계로 "
        "49억달러를 투자할 계획이며 텍사스주가 사전 승인을 하는 기념비적인 결정이 이루어지길 "
        "기대하고 있다.",
        "The companies are hoping to take advantage of a landmark ruling on Friday that gave "
        "Texas preliminary approval for a $4.9 billion plan to build transmission lines to carry "
        "wind power from West Texas to urban areas.",
    ),
    (
        "포브스 중국판 선정 부자 랭킹 102위인 주 유고은 57억1000만위안을 소유한 개인 투자가로 "
        "풍력 에너지 사업에 집중 투자했다.",
        "Zhu Yuguo, ranks at 102 on the Forbes China Rich List, with a personal fortune of 5.71 "
        "billion Yuan and has invested heavily in the wind power industry.",
    ),
    (
        "초기엔 중국이 2010년까지 5와트의 풍력을 생산할 것으로 예상했으나 3년을 앞당긴 2007년 "
        "이 목표를 조기 달성했다.",
        "It was initially hoped the country would generate 5 gigawatts of wind by 2010, but that "
        "goal was met three years early in 2007.",
    ),
    (
        "2010년 목표가 10와트로 수정됐으나 전문가들은 2010년에 20와트까지 달성할 수 있다고 밝혔다.",
        "The 2010 goal has now been revised to 10 gigawatts but experts say this could well hit "
        "20 gigawatts.",
    ),
    (
        "베이징 소제 쿠안팅 풍력 발전소는 64.5 메가와트의 전력을 생산하고 있으며 지금 까지 "
        "3500만 kw의 전력을 베이징에 공급하고 있다.",
        "The Guanting Wind Farm in Beijing has installed capacity of 64.5 megawatts and has "
        "supplied 35 million kilowatts of electricity to Beijing so far.",
    ),
]


def test_the_wind_power_article_end_to_end():
    found = check_document(WIND, source_lang="ko", target_lang="en")
    by_line: dict[int, list] = {}
    for index, issue in found:
        by_line.setdefault(index, []).append(issue)
    # 28일 rendered as Monday: accepted (informational only); $5 billion is 50억달러
    assert all(i.severity == Severity.INFO for i in by_line.get(0, []))
    # 1만8500메가와트 is 18,500 megawatts; the added "4 million homes" is the one extra figure
    [extra] = [i for i in by_line[1] if i.severity != Severity.INFO]
    assert extra.check == "number-extra" and "4 million" in extra.message
    assert "18500" not in extra.message and "8500" not in extra.message
    assert by_line.get(2, []) == [] or all(i.severity == Severity.INFO for i in by_line[2])
    assert 3 not in by_line and 6 not in by_line  # 57억1000만위안; 3500만 kw = 35 million kW
    # 와트 against gigawatts: a unit error, CRITICAL, naming both figures
    for line, wrong in ((4, ["5와트"]), (5, ["10와트", "20와트"])):
        units = [i for i in by_line[line] if i.check == "unit-mismatch"]
        assert [i.severity for i in units] == [Severity.CRITICAL] * len(wrong)
        assert all(
            w in i.message and "gigawatts" in i.message for w, i in zip(wrong, units, strict=True)
        )
    # nothing else in those lines: no year paired with a wattage
    assert all(i.check == "unit-mismatch" for i in by_line[4] + by_line[5])


def test_mixed_korean_numerals_are_one_figure():
    [figure] = extract_figures("1만8500메가와트를", "ko")
    assert (int(figure.value), figure.measure.symbol) == (18500, "MW")
    [money] = extract_figures("7만5000달러", "ko")
    assert (int(money.value), money.currency) == (75000, "USD")
    assert flags("상금은 7만5000달러다.", "The prize is $75,000.") == []
    assert [int(f.value) for f in extract_figures("3억 500명", "ko")] == [300000000, 500]


def test_a_day_may_be_a_weekday_and_with_the_article_date_it_must_fit():
    source, target = WIND[0]
    assert flags(source, target) == []
    assert flags(source, target, article_date=date(2008, 7, 29)) == []  # Mon 28 July 2008
    wrong = target.replace("Monday", "Wednesday")
    assert flags(source, wrong, article_date=date(2008, 7, 29)) == [
        ("number-weekday", Severity.FUNCTIONAL)
    ]
    # dev line 125: 지난 25일 -> "three days after" (a relative day)
    assert (
        flags(
            "지난 25일에도 콴타스항공 여객기가 기체에 구명이 생겨 필리핀 마닐라에 비상 착륙했다.",
            "The incident comes just three days after a Qantas jumbo jet made an emergency landing "
            "in the Philippines.",
        )
        == []
    )


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # unit conversions (dev 272, 519; 48km adapted from the issue)
        (
            "승무원은 8840m에서 3048m까지 비행기의 고도를 올렸다.",
            "The crew brought the plane down from 29,000 feet (8,840 meters) to 10,000 feet "
            "(3,048 meters).",
        ),
        (
            "곰이 두발로 섰을 때 크기가 3m가 넘고 무게가 700kg 이상 나간다.",
            "The bears stand 10 feet (three meters) tall and weigh up to 1,500 pounds "
            "(700 kilograms).",
        ),
        ("태풍은 48km 떨어진 곳에 있다.", "The storm is about 30 miles away."),
        ("기온은 22~25도였다.", "Temperatures were 72 to 78 degrees."),
        # currency equivalents in parentheses (dev 571; 3340만 달러 from the issue)
        (
            "이적료가 2억3800만달러(약 2400억 원)이 될 것이다.",
            "The fee could be as high as $238 million.",
        ),
        ("3340만 달러(한화 337억원)를 모았다.", "It raised $33.4 million."),
        # HTML entities, datestamps (dev 950)
        ("4명 사망", "4 killed &#8212; police"),
        ("SUV와 승용차 충돌로 4명 사망     2008.10", "4 Killed as SUV Collides with Car in Tenn."),
        # regnal numbers and numbers inside names
        ("교황 베네딕토 16세가 말했다.", "Pope Benedict XVI said."),
        ("6자 회담이 재개된다.", "The nuclear negotiations resume."),
        ("선진 8개국(G8) 정상들", "leaders of the Group of Eight"),
        # times: 저녁 is p.m.; wire-service time
        ("저녁 9시 25분에 도착했다.", "It arrived at 9:25 p.m."),
        ("11시 34분에 발생했다.", "It happened at 1134 GMT."),
        # ranges (dev 719, 858)
        ("129~130달러 사이를 오르내렸다.", "bouncing between $129 and $130."),
        ("7~9월 실적", "results for July to September"),
        ("6월 21일-24일 서울에서", "in Seoul June 21-24"),
        # native and implied number words (dev 806, 546)
        (
            "약 36명의 이스라엘군이 사망하였다.",
            "About three dozen Israeli soldiers have also died.",
        ),
        ("두 투수가 나섰다.", "Both pitchers came out."),
        ("양측 회담은 4년만에 처음", "the first talks between the two sides in four years"),
        # a percent said as a share
        ("30%~50% 여성들", "about a third to a half of women"),
        # a day the target dates in full (dev 533)
        ("이날 지진으로 12명이 실종됐다.", "At least 12 were missing after the June 14 quake."),
    ],
)
def test_renderings_a_reviewer_accepts_are_not_flagged(source, target):
    assert flags(source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "check", "severity", "named"),
    [
        # dev 111: 50만여척 is 500,000
        ("어선 50만여척이 항구로 대피했다.", "More than 50,000 fishing boats returned.",
         "number-mismatch", Severity.CRITICAL, ["50만", "50,000"]),
        # dev 717: 사흘 is three days
        ("사흘 연속 하락세", "the largest four-day slide", "number-mismatch",
         Severity.CRITICAL, ["사흘", "four"]),
        # the issue's kind 12: the message pairs hours with hours, not with a date
        ("9일 20여 시간 동안 회의했다.", "On Monday they met for more than 12 hours.",
         "number-mismatch", Severity.CRITICAL, ["20여 시간", "12 hours"]),
        ("저녁 9시 25분에 도착했다.", "It arrived at 8:25 p.m.", "number-mismatch",
         Severity.CRITICAL, ["9시 25분", "8:25"]),
        ("48km 떨어진 곳", "about 300 miles away", "number-mismatch", Severity.CRITICAL,
         ["48km", "300 miles"]),
        ("10조원 매출", "10 trillion dollars in sales", "number-mismatch", Severity.CRITICAL,
         ["10조원", "10 trillion dollars"]),
        ("생포된 5명이 모두 시민들이다.", "They were all civilians.", "number-missing",
         Severity.FUNCTIONAL, ["5"]),
    ],
)  # fmt: skip
def test_real_discrepancies_are_flagged_naming_both_figures(source, target, check, severity, named):
    issues = [
        i
        for i in check_segment(source, target, source_lang="ko", target_lang="en")
        if i.severity != Severity.INFO
    ]
    assert [(i.check, i.severity) for i in issues] == [(check, severity)]
    assert all(text in issues[0].message for text in named), issues[0].message


WIND_TSV = Path(__file__).parent / "fixtures" / "wind-power-2008.ko-en.tsv"


def test_the_wind_power_article_through_main_py_qa(capsys):
    """The whole article (dev lines 95-106) through `main.py qa --json`: the contract holds
    (line, severity, check, message) and only the real problems are flagged."""
    import main

    code = main.main(["qa", str(WIND_TSV), "--from", "ko", "--to", "en", "--no-glossary", "--json"])
    rows = json.loads(capsys.readouterr().out)
    assert code == 1  # something is critical
    assert all({"line", "severity", "check", "message"} <= set(row) for row in rows)
    flagged = [(r["line"], r["severity"], r["check"]) for r in rows if r["severity"] != "info"]
    assert flagged == [
        (4, "functional", "number-extra"),  # "enough energy to power 4 million homes"
        (10, "critical", "unit-mismatch"),  # 5와트 vs 5 gigawatts
        (11, "critical", "unit-mismatch"),  # 10와트 vs 10 gigawatts
        (11, "critical", "unit-mismatch"),  # 20와트 vs 20 gigawatts
    ]
    extra = next(r for r in rows if r["check"] == "number-extra")
    assert extra["message"] == "4 million is not in the source"
    # 28일 and 25일 as Monday and Friday: accepted, shown for information only
    dates = {(r["line"], r["message"]) for r in rows if r["check"] == "number-date"}
    assert dates == {(2, "28일 is rendered as 'Monday'"), (5, "25일 is rendered as 'Friday'")}


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # dev 776, 998, 72, 940: points and wire times
        ("현지시간 7시 15분 (그리니치 표준시 12시 15분)에 전화가 왔다.",
         "a call at 0715 (1215 GMT) alerting them"),
        ("기준금리를 0.5%포인트 인하했다.", "made an emergency half-point cut"),
        ("매케인에 9%포인트 앞섰다.", "ahead by a 9-point margin"),
        ("다우지수는 40포인트 상승했다.", "the Dow is up 40 points"),
        # Korean numbers written in hangul
        ("삼억 원을 모았다.", "It raised 300 million won."),
        ("이십 명이 다쳤다.", "Twenty people were hurt."),
        # words that only contain number syllables are no figures
        ("구조대가 도착했다.", "Rescuers arrived."),
        ("백만장자가 되었다.", "He became a millionaire."),
    ],
)  # fmt: skip
def test_points_wire_times_and_hangul_numbers(source, target):
    assert flags(source, target) == []


def test_a_hangul_number_that_is_wrong_is_caught():
    assert flags("이십 명이 다쳤다.", "12 people were hurt.") == [
        ("number-mismatch", Severity.CRITICAL)
    ]
    assert flags("삼억 원을 모았다.", "It raised 30 million won.") == [
        ("number-mismatch", Severity.CRITICAL)
    ]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        # currency equivalents on both sides, in different money: asides, not a mismatch
        ("벌금은 500유로(약 80만원)이다.", "The fine is euro500 (US$790)."),
        # a range said in full, and a name that holds a number (포카드)
        ("2등부터 4등까지 상을 받았다.", "Those who came second, third or fourth got prizes."),
        ("포카드를 들고 있었다.", "He held four of a kind."),
    ],
)
def test_equivalents_ranges_and_names(source, target):
    assert flags(source, target) == []


def test_a_range_end_that_is_wrong_is_still_caught():
    assert flags("3등부터 5등까지 상을 받았다.", "second to fifth") != []


def _qa(capsys, path: Path, *extra: str) -> tuple[int, list[dict]]:
    import main

    code = main.main(
        ["qa", str(path), "--from", "ko", "--to", "en", "--no-glossary", "--json", *extra]
    )
    return code, json.loads(capsys.readouterr().out)


def test_main_py_qa_checks_weekdays_against_the_article_date(capsys, tmp_path):
    # the story ran on 29 July 2008: 28일 was a Monday, 25일 a Friday
    code, rows = _qa(capsys, WIND_TSV, "--article-date", "2008-07-29")
    assert not [r for r in rows if r["check"] == "number-weekday"]
    # a month later 28일 would be a Thursday: "Monday" no longer fits
    code, rows = _qa(capsys, WIND_TSV, "--article-date", "2008-08-30")
    weekday = [(r["line"], r["severity"]) for r in rows if r["check"] == "number-weekday"]
    assert weekday == [(2, "functional"), (5, "functional")]
    # the date may come from the file's own dateline
    dated = tmp_path / "dated.tsv"
    lines = WIND_TSV.read_text(encoding="utf-8").splitlines()
    dated.write_text(
        "\n".join(["입력 2008-08-30 09:00\tPosted Aug. 30, 2008", *lines]) + "\n", encoding="utf-8"
    )
    code, rows = _qa(capsys, dated)
    assert [r["line"] for r in rows if r["check"] == "number-weekday"] == [3, 6]


def test_main_py_qa_writes_korean_messages_and_refuses_a_bad_date(capsys):
    code, rows = _qa(capsys, WIND_TSV, "--messages", "ko")
    unit = next(r for r in rows if r["check"] == "unit-mismatch")
    assert unit["message"].startswith("원문은 5와트 (5 W), 번역문은 5 gigawatts (5 GW)")
    assert unit["params"]["source_text"] == "5와트"
    with pytest.raises(SystemExit) as exit_info:
        _qa(capsys, WIND_TSV, "--article-date", "2008-13-01")
    assert exit_info.value.code == 2
    assert "not a date like 2008-07-28" in capsys.readouterr().err
