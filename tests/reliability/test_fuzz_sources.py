"""Source documents in every supported encoding read back exactly, or are refused, never garbled.

Real Korean and Chinese news lines (the sample article, the test corpus) mixed with random
hangul and hanzi are encoded in UTF-8 (with and without BOM), UTF-16, CP949, GB18030 and Big5,
sometimes damaged, and read with read_source. A text that comes back different without a
warning about its guessed encoding is silent mojibake: a lost case, and the test fails.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from reliability_kit import FUZZ, count

import paths
from documents.sources import SourceError, read_source
from support.corpus import chinese_lines

KOREAN = [
    line.strip()
    for line in paths.SAMPLE_ARTICLE.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
CHINESE = chinese_lines()
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp949", "gb18030", "big5")


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@st.composite
def documents(draw):
    encoding = draw(st.sampled_from(ENCODINGS), label="encoding")
    pool = [line for line in KOREAN + CHINESE if _encodable(line, encoding)]
    lines = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6), label="lines")
    noise = draw(
        st.text(
            st.one_of(
                st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
                st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                st.sampled_from(list("，。、“”《》·…!?()[] 0123456789%\n\r\t")),
            ),
            max_size=30,
        ),
        label="noise",
    )
    noise = "".join(c for c in noise if _encodable(c, encoding))
    where = draw(st.integers(0, len(lines)), label="where")
    text = "\n".join(lines[:where] + [noise] + lines[where:])
    data = text.encode(encoding)
    damage = draw(st.sampled_from(["none", "none", "flip", "truncate"]), label="damage")
    if damage == "flip" and data:
        position = draw(st.integers(0, len(data) - 1), label="position")
        data = data[:position] + bytes([draw(st.integers(0, 255))]) + data[position + 1 :]
    elif damage == "truncate" and data:
        data = data[: draw(st.integers(0, len(data) - 1), label="length")]
    return text, encoding, damage, data


@FUZZ
@given(case=documents())
def test_text_reads_back_exactly_or_is_refused(case, tmp_path_factory):
    text, encoding, damage, data = case
    path = tmp_path_factory.mktemp("source") / "article.txt"
    path.write_bytes(data)
    try:
        read = read_source(path)
    except SourceError as error:
        assert str(error), "a refusal must say why"
        count(f"source documents ({'damaged' if damage != 'none' else 'intact'})", "refused")
        return
    expected = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    area = f"source documents ({'damaged' if damage != 'none' else 'intact'})"
    same_codec = data.isascii() or read.info.encoding.replace("-sig", "") in (
        encoding.replace("-sig", ""),
        "utf-16",
    )  # ASCII reads the same in every one of them
    if read.text == expected:
        count(area, "imported")
    elif read.info.warnings:
        count(area, "warned")  # the desk says the guess may be wrong: not silent
    else:
        # A damaged byte that still decodes is a different text, not a misread one; what must
        # never happen is a confident wrong encoding.
        assert damage != "none" and same_codec, (
            f"{encoding} text read as {read.info.encoding} without a warning: "
            f"{read.text[:60]!r} instead of {expected[:60]!r}"
        )
        count(area, "imported")


def test_a_windows_legacy_file_gets_plain_line_endings(tmp_path):
    # Found by the fuzzer: guessed encodings kept \r\n, so every line ended in a stray \r.
    for encoding, text in (("cp949", KOREAN[1]), ("gb18030", CHINESE[0]), ("big5", CHINESE[-1])):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(f"{text}\r\n{text}\r\n".encode(encoding))
        assert read_source(path).text == f"{text}\n{text}\n"
