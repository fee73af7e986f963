"""Article extraction on real saved news pages and on the seed text copied off its page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from documents.segmentation import segment_document
from documents.web_article import (
    DROPPED_PAGE,
    KEPT_WHOLE,
    extract_text_article,
    extract_web_article,
)

WEB = Path(__file__).parent / "fixtures" / "web"
SEED = Path("/work/shared/seeds/alipay-australia-2014.ko.txt")
SEED_COPY = Path(__file__).parent / "fixtures" / "web_text" / "alipay-australia-2014.ko.txt"


def _page(name: str) -> str:
    return (WEB / name).read_bytes().decode("utf-8", errors="replace")


def _norm(text: str) -> str:
    # newspaper's expected texts lost their curly quotes to cp1252 bytes (\x93 \x94)
    return re.sub(r"[\s“”\"'‘’\x93\x94]", "", text)


@pytest.mark.parametrize(
    ("page", "expected", "lang"),
    [
        ("bbc-chinese_article.html", "bbc-chinese.txt", "zh-Hans"),
        ("cnn_article.html", "cnn.txt", "en"),
    ],
)
def test_the_kept_blocks_are_the_story_and_nothing_else(
    page: str, expected: str, lang: str
) -> None:
    article = extract_web_article(_page(page))
    raw = (WEB / expected).read_text("utf-8").replace("\x93", "“").replace("\x94", "”")
    story = [p.strip() for p in raw.splitlines() if p.strip()]
    kept = [b for b in article.kept if b.role != "title"]
    kept_text = [_norm(b.text) for b in kept]
    for paragraph in story:
        assert any(_norm(paragraph) == k for k in kept_text), paragraph
    assert len(kept) == len(story)  # no menu, footer or related link among them
    assert article.title and article.blocks[0].role in ("page-title", "title")
    assert len(article.dropped) > 100  # the page's navigation is listed, as dropped
    # segments of the project = the story's sentences plus the headline
    expected_segments = segment_document("\n\n".join([article.title, *story]), lang)
    assert len(segment_document(article.source_text(), lang)) == len(expected_segments)
    assert article.language is not None and article.language.code == lang


def test_bbc_chinese_page_is_a_chinese_project_of_its_story_not_162_segments() -> None:
    article = extract_web_article(_page("bbc-chinese_article.html"))
    assert len(article.blocks) >= 150  # what "every text node" used to give
    assert len(segment_document(article.source_text(), "zh-Hans")) < 25
    assert article.date == "2012-12-10"
    assert "BBC" in article.site or "British Broadcasting" in article.site


@pytest.mark.parametrize(
    "name",
    [
        "xinhuanet.com.c_1125597921.html",
        "banyuetan.org.1000200033136171577956287380194268_1.html",
        "world.kbs.co.kr-Temperatures.html",
    ],
)
def test_trafilatura_evaluation_snippets(name: str) -> None:
    expected = json.loads((WEB / "trafilatura-evaldata.json").read_text("utf-8"))[name]
    article = extract_web_article(_page(name), url=expected["url"])
    text = article.source_text()
    for snippet in expected["with"]:
        assert snippet in text, snippet
    for snippet in expected["without"]:
        assert snippet not in text, snippet
    assert article.date == expected["date"] or article.date[:7] == expected["date"][:7]
    dropped = " ".join(b.original for b in article.dropped)
    assert any(s in dropped for s in expected["without"])  # shown, as dropped, in the preview


def test_chinese_photo_credit_and_editor_line_are_taken_out_and_kept_as_metadata() -> None:
    article = extract_web_article(_page("xinhuanet.com.c_1125597921.html"))
    assert "新华社记者 才扬 摄" in article.credits
    assert all("摄" not in b.text[-2:] for b in article.kept)
    article = extract_web_article(_page("banyuetan.org.1000200033136171577956287380194268_1.html"))
    assert "责任编辑" in article.byline
    assert "李尕 摄" in article.credits


def test_the_translator_can_keep_a_dropped_block_and_drop_a_kept_one() -> None:
    article = extract_web_article(_page("xinhuanet.com.c_1125597921.html"))
    dropped = next(b for b in article.blocks if not b.keep and b.reason == DROPPED_PAGE)
    kept = article.kept[1]
    article.set_keep(dropped.index, True)
    article.set_keep(kept.index, False)
    text = article.source_text()
    assert dropped.text in text
    assert kept.text not in text.split("\n\n")


# --- the seed file: plain text with the site's cruft -----------------------------------------


@pytest.fixture(scope="module")
def seed_text() -> str:
    path = SEED if SEED.is_file() else SEED_COPY
    return path.read_text("utf-8")


def test_seed_article_kept_and_its_cruft_shown_as_dropped(seed_text: str) -> None:
    article = extract_text_article(seed_text)
    assert article.found
    kept = article.source_text()
    assert kept.startswith("'하루 10조 매출' 알리바바")
    assert "지난 1년간 알리페이의 중국 내 총 결제규모도 3조8729억 위안" in kept
    for cruft in ("도구모음", "글자크기", "댓글", "로그인", "닫기", "신고", "차단", "실시간 인기",
                  "컴패션_PC", "무단전재", "기자정보"):  # fmt: skip
        assert cruft not in kept, cruft
    dropped = {b.original for b in article.dropped}
    assert "도구모음" in dropped and "0개의 댓글" in dropped
    assert "©'5개국어 글로벌 경제신문' 아주경제. 무단전재·재배포 금지" in dropped


def test_seed_byline_date_and_photo_credit_are_metadata_not_segments(seed_text: str) -> None:
    article = extract_text_article(seed_text)
    assert article.byline == "아주경제 김근정 기자"
    assert article.date == "2014-11-19 11:00"
    assert article.credits == ["[사진=바이두]"]
    kept = article.source_text()
    assert "기자 =" not in kept and "[사진" not in kept
    assert "최근 중국판 프라이데이 '솔로데이'에서" in kept  # the byline's paragraph, without it
    assert "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다." in kept  # the caption


def test_seed_segments_are_the_story_sentences(seed_text: str) -> None:
    article = extract_text_article(seed_text)
    lines = [line.strip() for line in seed_text.splitlines() if line.strip()]
    start = next(i for i, x in enumerate(lines) if x.startswith("아주경제 김근정 기자"))
    end = next(i for i, x in enumerate(lines) if x.startswith("©"))
    body = lines[start:end]
    body[0] = re.split(r"기자 =\s", body[0], maxsplit=1)[1]  # the page has a no-break space
    body = [" ".join(re.sub(r"\s*\[사진=[^\]]*\]", "", line).split()) for line in body]
    story = segment_document("\n".join(body), "ko")
    segments = [s.text for s in segment_document(article.source_text(), "ko")]
    assert [s.text for s in story] == segments[-len(story) :]
    # before the body: the headline, two summary points and the photo caption, nothing else
    assert len(segments) - len(story) == 4


def test_a_text_without_an_article_keeps_every_line() -> None:
    article = extract_text_article("메뉴\n로그인\n회원가입\n닫기\n")
    assert not article.found
    assert all(b.keep and b.reason == KEPT_WHOLE for b in article.blocks)


def test_a_page_with_no_article_offers_the_whole_text() -> None:
    page = "<html><body><ul><li>홈</li><li>정치</li><li>경제</li></ul><p>로그인</p></body></html>"
    article = extract_web_article(page)
    assert not article.found
    assert article.source_text().split("\n\n") == ["홈", "정치", "경제", "로그인"]


def test_korean_news_conventions() -> None:
    page = """<html><head><title>정부, 추석 물가 대책 발표 - 한빛뉴스</title></head><body>
    <nav><a href="/">홈</a><a href="/p">정치</a></nav>
    <article><h1>정부, 추석 물가 대책 발표</h1>
    <p>기사입력 2018. 9. 4.(화) 오전 10:30</p>
    <p>(세종=연합뉴스) 홍길동 기자 = 정부가 2018. 9. 4.(화) 추석 물가 안정 대책을 발표했다.
    사과와 배 공급을 평소의 1.5배로 늘린다.</p>
    <p>기획재정부는 성수품 가격이 작년보다 10% 이상 오르지 않도록 관리하겠다고 밝혔다.
    할인 행사도 연다.</p>
    <p>시장을 찾은 시민들이 장을 보고 있다. [사진=연합뉴스]</p>
    <p>농림축산식품부는 비축 물량을 푸는 방안도 검토하고 있다고 덧붙였다.
    다음 주 세부 계획이 나온다.</p>
    <p>관련기사</p><ul><li>▶ 추석 선물세트 가격 올라</li><li>▶ 배추값 고공행진</li></ul>
    <p>홍길동 기자 hong@example.co.kr</p>
    <p>&lt;저작권자(c) 연합뉴스, 무단 전재-재배포 금지&gt;</p></article>
    <footer>회사소개 | 이용약관</footer></body></html>"""
    article = extract_web_article(page)
    kept = article.source_text()
    assert kept.split("\n\n")[0] == "정부, 추석 물가 대책 발표"
    assert "홍길동 기자" in article.byline
    assert "[사진=연합뉴스]" in article.credits
    for gone in (
        "연합뉴스) 홍길동",
        "무단 전재",
        "▶",
        "hong@example",
        "이용약관",
        "관련기사",
        "기사입력",
    ):
        assert gone not in kept, gone
    sentences = [s.text for s in segment_document(kept, "ko")]
    assert "정부가 2018. 9. 4.(화) 추석 물가 안정 대책을 발표했다." in sentences
    assert article.language is not None and article.language.code == "ko"


WRAPPED_RELEASE = """보도자료
2018. 9. 4.(화) 배포
정부는 추석을 앞두고 성수품 가격 안정을 위해 사과와 배, 소고기 등 10대
성수품의 공급을 평소의 1.5배로 늘리기로 했다고 4일 밝혔다. 기획재정부는
할인 행사와 함께 비축 물량도 풀 계획이다.
□ 주요 내용
 ○ 성수품 공급 확대: 사과, 배, 배추, 무, 소고기, 돼지고기, 닭고기, 계란 등
   10대 품목을 평소보다 많이 공급한다.
"""


def test_a_release_broken_at_every_visual_line_is_segmented_by_sentence() -> None:
    article = extract_text_article(WRAPPED_RELEASE)
    sentences = [s.text for s in segment_document(article.source_text(), "ko")]
    assert sentences == [
        "정부는 추석을 앞두고 성수품 가격 안정을 위해 사과와 배, 소고기 등 10대 성수품의 "
        "공급을 평소의 1.5배로 늘리기로 했다고 4일 밝혔다.",
        "기획재정부는 할인 행사와 함께 비축 물량도 풀 계획이다.",
        "□ 주요 내용",
        "○ 성수품 공급 확대: 사과, 배, 배추, 무, 소고기, 돼지고기, 닭고기, 계란 등 10대 품목을 "
        "평소보다 많이 공급한다.",
    ]
    joined = [b for b in article.blocks if b.reason.startswith("joined")]
    assert len(joined) == 3 and not any(b.keep for b in joined)


def test_lines_broken_by_br_in_a_page_are_joined_and_written_back_once() -> None:
    from documents.html_blocks import blocks_of, parse_page

    lines = [
        "정부는 추석을 앞두고 성수품 가격 안정을 위해 사과와 배, 소고기 등 10대",
        "성수품의 공급을 평소의 1.5배로 늘리기로 했다고 4일 밝혔다. 기획재정부는",
        "할인 행사와 함께 비축 물량도 풀 계획이다.",
    ]
    page = (
        "<html><body><nav><a href='/'>홈</a></nav><article><h1>추석 성수품 공급 확대</h1><p>"
        + "<br>\n".join(lines)
        + "</p><p>농림축산식품부도 비축 물량을 푸는 방안을 검토하고 있다고 덧붙였다.</p>"
        "</article></body></html>"
    )
    article = extract_web_article(page)
    first = next(b for b in article.kept if b.text.startswith("정부는"))
    assert first.text == " ".join(lines) and len(first.joined) == 2
    blocks = blocks_of(parse_page(page))
    assert [blocks[i].text for i in first.joined] == lines[1:]
