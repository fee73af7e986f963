"""Reading source files: encodings that are certain or flagged, markup stripped, clear refusals."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import paths
from documents.segmentation import segment_document
from documents.sources import CONFIDENT, SourceError, read_source

ARTICLE = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
# The sample without the two hanja CP949 lacks (螞蟻), so that it fits every Korean encoding.
ARTICLE_949 = ARTICLE.replace("螞蟻", "")
ZH_HANS = (
    "阿里巴巴宣布在澳大利亚设立支付宝子公司。此前，支付宝已在美国、新加坡、韩国、英国和卢森堡"
    "设立分支机构。去年支付宝的交易规模接近3.8729万亿元人民币。"
)
ZH_HANT = (
    "阿里巴巴宣布在澳洲設立支付寶子公司。此前，支付寶已在美國、新加坡、韓國、英國和盧森堡"
    "設立分支機構。去年支付寶的交易規模接近3.8729萬億元人民幣。"
)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "method"),
    [("utf-8", "valid UTF-8"), ("utf-8-sig", "byte order mark"), ("utf-16", "byte order mark")],
)
def test_unicode_files_are_read_with_certainty(tmp_path, codec, method):
    text, info = read_source(_write(tmp_path / "a.txt", ARTICLE.encode(codec)))
    assert text == ARTICLE
    assert (info.confidence, info.method, info.warnings) == (1.0, method, ())
    assert info.format == "text"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (ARTICLE_949, "euc-kr", "cp949"),
        (ARTICLE_949 + "똠방각하 햏", "cp949", "cp949"),  # syllables only CP949 has
        (ZH_HANS, "gb2312", "gb18030"),
        (ZH_HANS, "gb18030", "gb18030"),
        (ZH_HANT, "big5", "big5"),
    ],
)
def test_legacy_encodings_are_recognised_and_reported(tmp_path, text, codec, expected):
    read, info = read_source(_write(tmp_path / "legacy.txt", text.encode(codec)))
    assert read == text
    assert info.encoding == expected
    assert info.method == "guessed"
    assert 0.8 <= info.confidence < 1.0
    assert expected.upper() in info.describe() and "guessed" in info.describe()


def test_a_short_ambiguous_file_comes_with_a_warning(tmp_path):
    text, info = read_source(_write(tmp_path / "short.txt", "알리페이".encode("euc-kr")))
    assert text == "알리페이"
    assert info.confidence < 0.8
    assert info.alternatives  # the same bytes are valid GB18030 too
    assert "guessed as CP949" in info.warnings[0] and "GB18030" in info.warnings[0]


def test_a_forced_encoding_is_used_or_refused(tmp_path):
    path = _write(tmp_path / "short.txt", "알리페이".encode("euc-kr"))
    text, info = read_source(path, encoding="gb18030")
    assert text != "알리페이" and info.method == "chosen"  # what the translator asked for
    with pytest.raises(SourceError, match="is not BIG5: byte 0x"):
        read_source(_write(tmp_path / "zh.txt", ZH_HANS.encode("gb18030")), encoding="big5")
    with pytest.raises(SourceError, match="Unknown encoding"):
        read_source(path, encoding="klingon-8")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("café crème, déjà vu".encode("latin-1"), r"not text in any encoding tried .*0xE9"),
        (bytes(range(256)) * 4, "binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary file"),
        (b"   \n\n  ", "no text to translate"),
    ],
)
def test_undecodable_input_is_refused_not_garbled(tmp_path, data, message):
    with pytest.raises(SourceError, match=message):
        read_source(_write(tmp_path / "bad.txt", data))


def test_windows_line_endings_and_decomposed_hangul(tmp_path):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "알리페이가 호주에 간다.\r\n둘째 줄.")
    text, _ = read_source(_write(tmp_path / "mac.txt", decomposed.encode()))
    assert text == "알리페이가 호주에 간다.\n둘째 줄."


def test_size_limit_type_and_missing_file(tmp_path):
    big = _write(tmp_path / "big.txt", b"a" * 2048)
    with pytest.raises(SourceError, match="limited to"):
        read_source(big, max_bytes=1024)
    with pytest.raises(SourceError, match=r"cannot read \.pdf"):
        read_source(_write(tmp_path / "a.pdf", b"%PDF"))
    with pytest.raises(SourceError, match="no file at"):
        read_source(tmp_path / "gone.txt")


# --- Markdown ---------------------------------------------------------------------------------

MARKDOWN = """---
title: front matter is not translated
---
# 알리페이 **호주** 진출 #

알리바바 알리페이가 호주에
6번째 지사를 [설립](http://example.com)할 예정이다.

支付宝进入
澳大利亚。

- 첫째 *항목*
- 둘째 `V-key`

> 인용된 문장이다.

```python
print("코드는 번역하지 않는다")
```

| 지역 | 지사 |
|------|------|
| 호주 | 6번째 |

소제목
======

마지막 줄\\_이스케이프
"""


def test_markdown_gives_paragraphs_without_markup(tmp_path):
    text, info = read_source(_write(tmp_path / "a.md", MARKDOWN.encode()))
    assert info.format == "markdown"
    assert text.split("\n\n") == [
        "알리페이 호주 진출",
        "알리바바 알리페이가 호주에 6번째 지사를 설립할 예정이다.",
        "支付宝进入澳大利亚。",
        "첫째 항목",
        "둘째 V-key",
        "인용된 문장이다.",
        "지역", "지사", "호주", "6번째",
        "소제목",
        "마지막 줄_이스케이프",
    ]  # fmt: skip


# --- HTML -------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="euc-kr"><title>사이트 제목</title>
<style>p { color: red }</style><script>var s = "스크립트 문자열";</script></head>
<body><nav hidden>메뉴</nav><div style="display: none">숨김</div>
<h1>'하루 10조 매출' 알리바바...</h1>
<div class="byline">아주경제 김근정 기자<br>입력 2014-11-19 11:00</div>
<article><p>알리바바 알리페이가 호주에 <b>6번째</b> 글로벌
지사를 설립할 예정이다. <span>[사진=바이두]</span></p><!-- 광고 -->
<p>Paybang &amp; V-key &lt;협력&gt;</p>
<ul><li>미국</li><li>한국 <a href="https://example.com">링크</a></li></ul>
<table><tr><td>셀 하나</td><td>셀 둘</td></tr></table>
<img src="https://example.com/tracker.png" alt=""><iframe src="https://example.com"></iframe>
</article></body></html>"""

PAGE_PARAGRAPHS = [
    "'하루 10조 매출' 알리바바...",
    "아주경제 김근정 기자",
    "입력 2014-11-19 11:00",
    "알리바바 알리페이가 호주에 6번째 글로벌 지사를 설립할 예정이다. [사진=바이두]",
    "Paybang & V-key <협력>",
    "미국",
    "한국 링크",
    "셀 하나",
    "셀 둘",
]


def test_html_gives_block_text_and_trusts_a_declaration_that_fits(tmp_path):
    text, info = read_source(_write(tmp_path / "page.html", PAGE.encode("cp949")))
    assert text.split("\n\n") == PAGE_PARAGRAPHS
    assert (info.format, info.encoding, info.method, info.confidence) == (
        "html", "cp949", "declared in the page", 1.0,
    )  # fmt: skip


def test_html_with_a_wrong_declaration_is_flagged(tmp_path):
    page = PAGE.replace('charset="euc-kr"', 'charset="utf-8"')
    text, info = read_source(_write(tmp_path / "page.htm", page.encode("cp949")))
    assert text.split("\n\n") == PAGE_PARAGRAPHS
    assert info.encoding == "cp949" and info.confidence <= 0.5
    assert "does not fit" in info.method and info.warnings


def test_html_never_fetches_and_keeps_pre_lines(tmp_path):
    page = (
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">'
        "<html><body><pre>첫 줄\n둘째 줄</pre><p>&nbsp;</p></body></html>"
    )
    text, info = read_source(_write(tmp_path / "a.xhtml", page.encode()))
    assert text == "첫 줄\n\n둘째 줄"


# --- Word -------------------------------------------------------------------------------------


def test_docx_paragraphs_tables_and_line_breaks(tmp_path):
    document = docx.Document()
    document.add_heading("'하루 10조 매출' 알리바바", level=1)
    first = document.add_paragraph("알리바바 알리페이가 호주에 ")
    first.add_run("6번째").bold = True
    first.add_run(" 지사를 설립할 예정이다.")
    document.add_paragraph("")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "셀 하나"
    table.cell(0, 1).text = "셀 둘"
    broken = document.add_paragraph("첫 줄")
    broken.add_run().add_break()
    broken.add_run("둘째\t줄")
    path = tmp_path / "article.docx"
    document.save(path)
    text, info = read_source(path)
    assert text.split("\n\n") == [
        "'하루 10조 매출' 알리바바",
        "알리바바 알리페이가 호주에 6번째 지사를 설립할 예정이다.",
        "셀 하나",
        "셀 둘",
        "첫 줄",
        "둘째 줄",
    ]
    assert (info.format, info.encoding) == ("docx", None)


@pytest.mark.parametrize(
    "data", [b"", b"PK\x03\x04 broken zip", "한글 텍스트".encode(), b"\xd0\xcf\x11\xe0 old .doc"]
)
def test_not_a_docx_is_refused(tmp_path, data):
    with pytest.raises(SourceError, match="article.docx"):
        read_source(_write(tmp_path / "article.docx", data))


def test_the_sample_article_reads_and_segments_the_same(tmp_path):
    text, info = read_source(paths.SAMPLE_ARTICLE)
    assert text == ARTICLE and info.encoding == "utf-8"
    assert read_source(paths.SAMPLE_ARTICLE).text == ARTICLE
    md = _write(tmp_path / "article.md", ARTICLE.encode())
    assert segment_document(read_source(md)[0], "ko") == segment_document(ARTICLE, "ko")


# --- a wrong <meta charset> (issue 18, item 2), on real pages with their label rewritten ----
_WEB = Path(__file__).parent / "fixtures" / "web"


@pytest.mark.parametrize("label", ["iso-8859-1", "utf-16", "windows-1252", "euc-kr"])
def test_a_utf8_page_with_a_wrong_label_is_read_as_utf8(tmp_path, label):
    page = (_WEB / "xinhuanet.com.c_1125597921.html").read_bytes()
    wrong = page.replace(b"charset=utf-8", f"charset={label}".encode(), 1)
    path = tmp_path / "page.html"
    path.write_bytes(wrong)
    text, info = read_source(path)
    right, _ = read_source(_WEB / "xinhuanet.com.c_1125597921.html")
    assert text == right  # no mojibake: the bytes decide, not the label
    assert info.encoding == "utf-8"
    assert any(label in warning for warning in info.warnings)


def test_a_cp949_page_labelled_latin1_is_a_guess_to_confirm(tmp_path):
    article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")  # the real seed article
    body = "".join(f"<p>{line}</p>" for line in article.splitlines() if line.strip())
    page = f'<html><head><meta charset="iso-8859-1"></head><body>{body}</body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp949", errors="replace"))  # one hanja is not in CP949
    text, info = read_source(path)
    assert "알리페이" in text
    assert info.encoding == "cp949" and info.confidence < CONFIDENT  # the window asks
    assert info.warnings


def test_a_real_latin1_page_keeps_its_label(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(
        '<html><head><meta charset="iso-8859-1"></head><body><p>Café crème à la française, '
        "déjà vu.</p></body></html>".encode("latin-1")
    )
    text, info = read_source(path)
    assert "Café crème" in text and info.encoding == "iso8859-1" and info.confidence == 1.0
