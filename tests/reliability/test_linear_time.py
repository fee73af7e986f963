"""Long inputs cost their length, not its square (each case had a quadratic path before).

Sentence splitting: one 1 MB line took 0.6 s, 4 MB 19 s, a 10 MB one-line article 2 min 14 s.
Markdown inline patterns: a 60 KB paragraph of "*a " took 9-10 s. lxml.html: 40k attributes
on one tag 10-13 s, 200k never finished.
"""

from __future__ import annotations

import time

import pytest
from reliability_kit import FIGURES

import paths
from documents.segmentation import split_sentences
from documents.source_formats import html_text, markdown_text

ARTICLE = " ".join(
    line.strip()
    for line in paths.SAMPLE_ARTICLE.read_text(encoding="utf-8").splitlines()
    if line.strip()
)


def _one_line(megabytes: float) -> str:
    return (ARTICLE + " ") * int(megabytes * 2**20 / len(ARTICLE.encode()))


def _timed(func, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = func(*args)
    return time.perf_counter() - start, result


@pytest.mark.timeout(120)
def test_a_ten_megabyte_one_line_article_splits_in_linear_time() -> None:
    small, _ = _timed(split_sentences, _one_line(2), "ko")
    large, sentences = _timed(split_sentences, _one_line(8), "ko")
    FIGURES["split 8 MB one-line article (s)"] = round(large, 2)
    assert len(sentences) > 30_000
    assert large < 30  # 4 MB alone took 19 s when it was quadratic
    assert large < 8 * max(small, 0.05)  # four times the text: about four times the time


@pytest.mark.timeout(60)
@pytest.mark.parametrize("unit", ["*a ", "**a ", "_a ", "__a ", "~~a ", "`` a ", "<!--", "<a",
                                  "[", "[a](", "![a](", "***a "])  # fmt: skip
def test_markdown_with_unclosed_marks_is_linear(unit: str) -> None:
    paragraph = unit * (60_000 // len(unit))
    seconds, text = _timed(markdown_text, paragraph)
    assert seconds < 2, f"{unit!r}: {seconds:.1f} s"
    assert text  # the marks are kept as text, nothing is lost


def test_markdown_still_reads_as_before() -> None:
    source = "**bold** and *it*, ***both***, __u__, _i_, ~~s~~, `code`, ``a`b``, [l](u), ![i](s)"
    assert markdown_text(source) == "bold and it, both, u, i, s, code, a`b, l, i"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("count", [40_000, 200_000])
def test_a_tag_with_many_attributes_is_bounded_before_parsing(count: int) -> None:
    attributes = " ".join(f'data-x{i}="v"' for i in range(count))
    page = f"<html><body><div {attributes}><p>알리페이가 호주에 진출했다.</p></div></body></html>"
    seconds, text = _timed(html_text, page, ValueError)
    assert text == "알리페이가 호주에 진출했다."
    assert seconds < 5, f"{count} attributes: {seconds:.1f} s"


@pytest.mark.timeout(120)
def test_the_web_article_extractor_is_bounded_too() -> None:
    from documents.web_article import extract_web_article

    attributes = " ".join(f'data-x{i}="v"' for i in range(100_000))
    body = "".join(f"<p>{line}</p>" for line in ARTICLE.split(". ")[:20])
    page = f"<html><body><article {attributes}>{body}</article></body></html>"
    seconds, article = _timed(extract_web_article, page)
    assert "알리페이" in " ".join(block.text for block in article.kept)
    assert seconds < 20, f"{seconds:.1f} s"
