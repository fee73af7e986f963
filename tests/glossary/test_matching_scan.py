"""The gloss and hangul-space rules of glossary.matching read characters, not patterns: the
same spans as the patterns they replaced (which cost milliseconds to compile at every start)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.matching import _glosses, _hangul_spaces, _without

_HANJA = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
GLOSS = re.compile(
    rf"(?<=[\uac00-\ud7a3]) ?\([{_HANJA}·・]+(?: [\uac00-\ud7a3A-Za-z][\uac00-\ud7a3A-Za-z ]*)?\)"
)
HANGUL_SPACE = re.compile(r"(?<=[\uac00-\ud7a3]) (?=[\uac00-\ud7a3])")

# hangul (and jamo, which is no syllable), hanja at each block's edges and just outside
# them, Latin, the middle dots, parentheses and spaces, put together in any order
_PIECES = st.sampled_from(
    ["가", "힣", "알리페이", "ㄱ", " ", "  ", "(", ")", "（", "）", "支付寶", "㐀", "䶿", "一",
     "鿿", "豈", "﫿", "㏿", "·", "・", "즈푸바오", "a", "Z", "1", "\t"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=14).map("".join)
# ... and texts built around something that looks like a gloss, whole or broken
_GLOSSY = st.tuples(
    _TEXTS,
    st.sampled_from(["가", "힣", "ㄱ", "a", ""]),
    st.sampled_from(["", " ", "  "]),
    st.lists(
        st.sampled_from(["支", "㐀", "䶿", "一", "鿿", "豈", "﫿", "㏿", "·", "・", "a"]),
        max_size=4,
    ),
    st.sampled_from(["", " 즈푸", " a b", " ", "  즈", " ㄱ", " 즈 ", " 1"]),
    st.sampled_from([")", "", "）", " )"]),
    _TEXTS,
).map(lambda p: p[0] + p[1] + p[2] + "(" + "".join(p[3]) + p[4] + p[5] + p[6])


@settings(max_examples=1500, deadline=None)
@given(_TEXTS | _GLOSSY)
def test_glosses_are_those_the_pattern_found(text):
    assert _glosses(text) == [m.span() for m in GLOSS.finditer(text)]


@settings(max_examples=1000, deadline=None)
@given(_TEXTS)
def test_spaces_between_hangul_are_those_the_pattern_found(text):
    spaces = _hangul_spaces(text)
    assert spaces == [m.start() for m in HANGUL_SPACE.finditer(text)]
    assert _without(text, spaces) == HANGUL_SPACE.sub("", text)


def test_real_glosses():
    text = "알리페이(支付寶 즈푸바오)와 마윈 (馬雲) 회장, 마이(螞蟻)미소금융, 호주(Australia)"
    assert [text[a:b] for a, b in _glosses(text)] == ["(支付寶 즈푸바오)", " (馬雲)", "(螞蟻)"]
