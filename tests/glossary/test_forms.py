"""glossary.forms: a form's pattern finds whole Latin words, any spacing, CJK anywhere."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from glossary.forms import find_form, form_pattern


def _as_before(form: str, ignore_case: bool) -> re.Pattern[str]:
    """The pattern as it was first written: the edges read through re.IGNORECASE."""
    body = r"\s+".join(re.escape(word) for word in form.split())
    if re.match(r"[A-Za-z0-9]", form):
        body = r"(?<![A-Za-z0-9])" + body
    if re.search(r"[A-Za-z0-9]$", form):
        body += r"(?![A-Za-z0-9])"
    latin = any("a" <= c.lower() <= "z" for c in form)
    return re.compile(body, re.IGNORECASE if ignore_case and latin else 0)


@pytest.mark.parametrize("ignore_case", [False, True])
@pytest.mark.parametrize("form", ["Alipay", "Ant Financial", "MMF", "7", "支付宝", "x-ray"])
def test_word_edges_are_those_ignorecase_gives(form, ignore_case):
    # İ ı ſ and the Kelvin sign fold into [A-Za-z0-9] under re.IGNORECASE: still word edges
    ours, before = form_pattern(form, ignore_case=ignore_case), _as_before(form, ignore_case)
    for code in [*range(0x2500), 0x212A, 0x1E9E, 0xFF21, 0xFF41]:
        char = chr(code)
        for text in (char + form, form.upper() + char, f"{char}{form.swapcase()}{char}"):
            found = [m.span() for m in ours.finditer(text)]
            assert found == [m.span() for m in before.finditer(text)], (form, hex(code))


def test_whole_words_any_spacing_and_cjk_anywhere():
    assert find_form("Alipay and AlipayHK", "Alipay") == [(0, 6)]
    assert find_form("ant  financial", "Ant Financial", ignore_case=True) == [(0, 14)]
    assert find_form("ſAlipay", "alipay", ignore_case=True) == []  # ſ folds to s: a letter
    assert find_form("蚂蚁金服支付宝在", "支付宝") == [(4, 7)]


_ALPHABET = "aAbBsSkKiIlL09 \t\n\u3000\u00a0-'.İıſ\u212a가나支付宝ｱ"
_FORMS = st.sampled_from(
    ["Alipay", "Ant Financial", "ant  financial", "Yu'e Bao", "A-shares", "7", "支付宝",
     "sis", "kiss", "Kiss Bank", "a", "I", "İsa", "ı", "가 나", "x-ray 9", " ab "]
) | st.text(_ALPHABET, min_size=1, max_size=6)  # fmt: skip


@settings(max_examples=3000, deadline=None)
@given(text=st.text(_ALPHABET, max_size=40), form=_FORMS, ignore_case=st.booleans())
@example(text="00", form="0\n", ignore_case=False)  # "$" matches before a final newline
def test_the_spans_are_those_the_pattern_finds(text, form, ignore_case):
    # find_form reads most forms without compiling their pattern: the same spans, always
    pattern = form_pattern(form, ignore_case=ignore_case)
    assert find_form(text, form, ignore_case=ignore_case) == [
        m.span() for m in pattern.finditer(text)
    ]
