"""Term candidates: glossed, quoted and Latin-script names the glossary does not hold yet."""

from __future__ import annotations

from glossary.candidates import find_candidates
from glossary.curated import read_curated
from glossary.store import Concept, Term, TermKind
from paths import CURATED_GLOSSARY, SAMPLE_ARTICLE


def article() -> list[str]:
    return [line for line in SAMPLE_ARTICLE.read_text("utf-8").splitlines() if line.strip()]


def test_the_article_without_a_glossary_yields_its_names() -> None:
    candidates = {c.forms.get("ko"): c for c in find_candidates(article(), [], "ko")}
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
    assert candidates["Paybang"].forms == {"ko": "Paybang", "en": "Paybang"}
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
