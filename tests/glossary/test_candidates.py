"""Term candidates: glossed, quoted and Latin-script names the glossary does not hold yet."""

from __future__ import annotations

from glossary.candidates import find_candidates
from glossary.curated import read_curated
from glossary.store import Concept, Term, TermKind
from paths import CURATED_GLOSSARY, SAMPLE_ARTICLE


def article() -> list[str]:
    return [line for line in SAMPLE_ARTICLE.read_text("utf-8").splitlines() if line.strip()]


def test_the_article_without_a_glossary_yields_its_names() -> None:
    candidates = {
        c.forms.get("ko") or c.forms["en"]: c for c in find_candidates(article(), [], "ko")
    }
    assert candidates["마이"].forms == {"ko": "마이", "zh-Hant": "螞蟻", "zh-Hans": "蚂蚁"}
    assert candidates["위어바오"].forms == {
        "ko": "위어바오",
        "zh-Hant": "餘額寶",
        "zh-Hans": "余额宝",
    }
    assert candidates["징지찬카오바오"].forms["zh-Hans"] == "经济参考报"
    alipay = candidates["알리페이"]
    assert (alipay.kind, alipay.forms["zh-Hant"], alipay.variants) == (
        "gloss",
        "支付寶",
        {"ko": ["즈푸바오"]},
    )
    assert alipay.frequency > 10 and "'알리페이'" in alipay.example
    assert candidates["알리페이 호주"].kind == "quoted"
    assert candidates["Paybang"].forms == {"en": "Paybang"}  # its own language's column
    assert candidates["V-key"].frequency == 2
    # Emphasis quotes, headline phrases and common abbreviations are no names.
    for noise in ("눈길", "전략", "군침", "세계로 가자", "하루 10조 매출", "IT"):
        assert noise not in candidates
    frequencies = [c.frequency for c in candidates.values()]
    assert frequencies == sorted(frequencies, reverse=True)


def test_names_already_in_the_glossary_are_skipped() -> None:
    _, curated = read_curated(CURATED_GLOSSARY)
    left = [c.forms["ko"] for c in find_candidates(article(), curated, "ko")]
    # 마이 is only the first half of 마이미소금융서비스, so it is still news to the glossary.
    assert left == ["마이"]


def test_a_known_chinese_form_in_the_other_script_counts_as_known() -> None:
    known = [Concept(id=1, terms=[Term("zh-Hans", "余额宝"), Term("en", "x", TermKind.VARIANT)])]
    assert find_candidates(["위어바오(餘額寶)에 투자"], known, "ko") == []


def test_a_candidate_becomes_a_proposed_concept() -> None:
    (candidate,) = find_candidates(["'카카오페이'가 출시됐다. 카카오페이는 성장했다."], [], "ko")
    assert candidate.frequency == 2 and candidate.segment == 0
    concept = candidate.concept()
    assert concept.status == "proposed" and concept.preferred("ko") == "카카오페이"


def test_chinese_titles_and_quotes_get_both_scripts() -> None:
    segments = ["据《經濟參考報》报道，“余额宝”规模增长。", "余额宝的用户很多。", "餘額寶也是。"]
    found = {c.forms["zh-Hans"]: c for c in find_candidates(segments, [], "zh-Hans")}
    assert found["经济参考报"].forms == {"zh-Hant": "經濟參考報", "zh-Hans": "经济参考报"}
    assert found["余额宝"].frequency == 3


def wind_story() -> list[str]:
    """park-news-dev lines 95-106 (tests/fixtures/news, CC BY-SA 3.0): Texan power companies."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "fixtures" / "news" / "wind_article.ko.txt"
    return path.read_text(encoding="utf-8").splitlines()


def test_hangul_with_its_latin_original_is_one_candidate_per_name() -> None:
    found = {c.forms["ko"]: c for c in find_candidates(wind_story(), [], "ko") if "ko" in c.forms}
    oncor = found["온코어"]
    assert (oncor.kind, oncor.forms, oncor.frequency) == (
        "named",
        {"ko": "온코어", "en": "Oncor"},
        2,
    )
    ett = found["일렉스틸 트랜스미션 텍사스"]
    assert ett.forms["en"] == "Electric Transmission Texas"  # the multiword name whole
    assert ett.variants == {"en": ["ETT"]}  # the acronym as its abbreviation
    assert found["아메리칸 일렉스틱 파워"].forms["en"] == "American Electric Power Co"
    every_form = [
        form for c in find_candidates(wind_story(), [], "ko") for form in c.forms.values()
    ]
    for loose in ("Electric", "Transmission", "Texas", "Power", "Co", "ETT", "kw", "Oncor"):
        assert every_form.count(loose) == (1 if loose == "Oncor" else 0), loose


def test_a_latin_gloss_of_a_common_word_or_an_abbreviation() -> None:
    found = find_candidates(["국제통화기금(IMF)은 풍력(wind) 발전을 다뤘다."], [], "ko")
    assert [(c.forms, c.kind) for c in found] == [({"ko": "국제통화기금", "en": "IMF"}, "named")]


def test_cli_json_gives_a_form_per_language(tmp_path) -> None:
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    article = tmp_path / "wind.txt"
    article.write_text(
        "미국 최대 송전회사 온코어(Oncor, 댈러스 소재)와 일렉스틸 트랜스미션 텍사스"
        "(Electric Transmission Texas, ETT)가 참여했다.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "glossary",
            "candidates",
            str(article),
            "--from",
            "ko",
            "--json",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=os.environ | {"HANBIT_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    records = json.loads(done.stdout)
    assert {"ko": "온코어", "en": "Oncor"}.items() <= records[0].items()
    assert records[1]["en"] == "Electric Transmission Texas"
    assert records[1]["variants"] == {"en": ["ETT"]}
