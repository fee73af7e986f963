"""Diff segments for highlighting a fuzzy match, and the language codes the memory accepts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memory.diff import DELETE, EQUAL, INSERT, diff_ops
from memory.languages import UnsupportedLanguageError, canonical_language


def _side(ops, keep):
    return "".join(text for op, text in ops if op in (EQUAL, keep))


@given(st.text(max_size=40), st.text(max_size=40), st.sampled_from(["ko", "zh-Hans", "en"]))
def test_diff_pieces_rebuild_both_texts(old, new, language):
    ops = diff_ops(old, new, language)
    assert _side(ops, DELETE) == old
    assert _side(ops, INSERT) == new
    assert all(text for _, text in ops)


def test_korean_differs_by_character():
    ops = diff_ops("1500만 달러를 투자했다", "2500만 달러를 투자했다", "ko")
    assert ops == [(DELETE, "1"), (INSERT, "2"), (EQUAL, "500만 달러를 투자했다")]


def test_english_differs_by_whole_word():
    ops = diff_ops("Alipay opens its sixth branch.", "Alipay opened its sixth branch.", "en")
    assert ops == [
        (EQUAL, "Alipay "),
        (DELETE, "opens"),
        (INSERT, "opened"),
        (EQUAL, " its sixth branch."),
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("ko", "ko"),
        ("ko-KR", "ko"),
        ("KO_kr", "ko"),
        ("EN-US", "en"),
        ("en-GB", "en"),
        ("zh-CN", "zh-Hans"),
        ("zh-SG", "zh-Hans"),
        ("zh", "zh-Hans"),
        ("zh-Hans-CN", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-HK", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
    ],
)
def test_regional_codes_become_desk_codes(code, expected):
    assert canonical_language(code) == expected


@pytest.mark.parametrize("code", ["fr", "ja-JP", "", "*all*", "ko KR"])
def test_other_codes_are_refused(code):
    with pytest.raises(UnsupportedLanguageError):
        canonical_language(code)
