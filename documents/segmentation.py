"""Sentence segmentation for Korean, Chinese and English, keeping paragraph boundaries."""

from __future__ import annotations

import functools
import re

from documents.source_segment import UNSPACED_LANGS, SourceSegment

__all__ = ["UNSPACED_LANGS", "SourceSegment", "count_words", "segment_document", "split_sentences"]


_BRACKETS = {
    "(": ")", "（": "）", "[": "]", "【": "】", "〔": "〕", "{": "}", "《": "》", "〈": "〉",
    "「": "」", "『": "』", "“": "”", "‘": "’", "«": "»",
}  # fmt: skip
_CLOSING = {close: open_ for open_, close in _BRACKETS.items()}
_STRAIGHT = {'"', "'"}

_CLOSERS = "\"'”’」』)\\]）】》〉»〕"
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
_KANA_RANGES = ((0x3040, 0x30FF),)
_HANGUL_RANGES = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3130, 0x318F))


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"{chr(low)}-{chr(high)}" for low, high in ranges)


def _within(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    """Whether one character is in the ranges: a comparison, where a regex of these classes
    costs milliseconds to compile (re expands every range of its class char by char)."""
    code = ord(char)
    return any(low <= code <= high for low, high in ranges)


_HAN = _char_class(_HAN_RANGES)
_KANA = _char_class(_KANA_RANGES)
_HANGUL = _char_class(_HANGUL_RANGES)
_CJK_RANGES = _HANGUL_RANGES + _HAN_RANGES + _KANA_RANGES

# Spaced languages (en, ko, ...): a terminal run, its closing quotes/brackets, then a space or the
# end. The second branch catches Korean "했다.그러나", a common typo where the space is missing.
# Each match starts at the beginning of its terminal run (the lookbehind) and never gives back
# what it took (possessive): a long run of dots costs its length once, not its square. The
# second branch takes any letter after the period, and split_sentences keeps it only before
# hangul: a hangul class costs ~1 ms to compile at every start, \w's category nothing.
_SPACED_END = re.compile(
    rf"(?<![.!?！？…])(?:\.{{3,}}+|…++|[.!?！？]++)[{_CLOSERS}]*+(?=\s|$)"
    r"|(?P<glued>(?<=[다요까죠])\.(?=[^\W\d_]))"
)
# Unspaced languages (zh, ja): full-width terminals end a sentence wherever they stand; ASCII
# ones only before a space, the end or a CJK character, so 3.8729 and www.baidu.com stay whole.
# Compiled when Chinese or Japanese is first split (its Han class costs ~2 ms to compile).
@functools.cache
def _unspaced_end() -> re.Pattern[str]:
    return re.compile(
        rf"(?:[。！？；]++|[…⋯]++|\.{{3,}}+)[{_CLOSERS}]*+"
        rf"|(?<![.!?])[.!?]++[{_CLOSERS}]*+(?=\s|$|[{_HAN}{_KANA}])"
    )

# A photo or source credit ("[사진=바이두]", "(图片来源：新华社)") belongs to the sentence
# before it.
_CREDIT = re.compile(
    r"^[\[(（【]\s*(?:사진|자료|그래픽|영상|출처|제공|photo|image|graphic|source|credit|图|圖|图片"
    r"|圖片|来源|來源|资料|資料)[^\])）】]*[\])）】]$",
    re.IGNORECASE,
)

# Abbreviations after which a period never ends a sentence (compared lower-case, without the dot).
_NEVER_FINAL = frozenset(
    "mr mrs ms messrs mme dr prof st mt ft gen sen rep gov lt col capt cmdr sgt rev hon pres "
    "supt adm maj brig vs v cf approx fig figs vol op ed eds pp p e.g i.e viz al".split()
)
# Period-ending words that are abbreviations before a number ("No. 5", "Nov. 19").
_BEFORE_NUMBER = frozenset(
    "no nos art sec ch ref jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Abbreviations that often end a sentence too ("moved to the U.S. The ..."): split only when
# the next word is one that typically starts a sentence.
_MAYBE_FINAL = frozenset("inc co corp ltd plc llc bros jr sr etc a.m p.m".split())
_STARTERS = frozenset(
    "The A An It Its He She They We I You This That These Those There Here But And Or So Yet "
    "In On At As For If When While After Before However Meanwhile Still Also Since Because "
    "Although His Her Their Our My Your Some Many Most Last Next Then Now Today Yesterday".split()
)
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")  # U.S, U.K, e.g

# Chinese: 「……」他说 continues the sentence after a quotation.
_ZH_SPEECH = re.compile(
    r"[^\s，。！？；“”「」]{0,6}?(?:说|說|表示|称|稱|问道|問道|道|指出|强调|強調)[，。：:]"
)

# Compiled on the first word count (its classes cost ~4 ms to compile): segmenting a document
# for translation never counts words.
@functools.cache
def _word() -> re.Pattern[str]:
    return re.compile(
        rf"[{_HAN}{_KANA}]|[^\W_{_HAN}{_KANA}]+(?:[.,'’\-][^\W_{_HAN}{_KANA}]+)*"
    )


def _base_lang(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


def _protected_depth(text: str) -> list[int]:
    """For each split position p, how many quote or bracket pairs enclose it (p splits text[:p])."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    n = len(text)

    def close(opener: str, index: int) -> bool:
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == opener:
                spans.append((stack[k][1], index))
                del stack[k:]  # anything opened inside and never closed was not a pair
                return True
        return False

    for i, char in enumerate(text):
        if char in _BRACKETS and char not in "‘":
            stack.append((char, i))
        elif char in _CLOSING and char not in "’":
            close(_CLOSING[char], i)
        elif char in _STRAIGHT or char in "‘’":
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < n else " "
            if char != '"' and before.isalnum() and after.isalnum():
                continue  # an apostrophe: don't, it's, 90's
            opener = "‘" if char in "‘’" else char
            can_close = not before.isspace() and char != "‘"
            if can_close and close(opener, i):
                continue
            if not after.isspace() and char != "’":
                stack.append((opener, i))
    diff = [0] * (n + 2)
    for start, end in spans:
        diff[start + 1] += 1
        diff[end + 1] -= 1
    depth = []
    running = 0
    for value in diff:
        running += value
        depth.append(running)
    return depth


# Abbreviations and list numbers are short: looking further back than this (or forward, for
# the next word) would only make one long unspaced line cost its square.
_REACH = 64
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*([^\s]*)")
_NOT_SPACE = re.compile(r"\S")


def _token_before(text: str, end: int) -> str:
    start = end
    limit = max(0, end - _REACH)
    while start > limit and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("\"'“‘([（【「『")


def _next_word(text: str, start: int) -> str:
    match = _NEXT_WORD.match(text, start, start + _REACH)
    return match.group(1) if match else ""


def _following(text: str, end: int) -> int:
    """The index of the first non-space character at or after end, or -1."""
    match = _NOT_SPACE.search(text, end)
    return match.start() if match else -1


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and char.isascii()


_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z.]*$")


def _abbreviation_continues(text: str, start: int, following: str) -> bool:
    """Whether the period at text[start] closes a Latin abbreviation (U.S., Mr., Inc., F.)
    that the sentence goes on after: in Korean or Chinese text, hangul, Han or a lower-case
    letter right after it (미국 U.S. 달러, 美国U.S.的) is no sentence start."""
    if not (_within(following, _CJK_RANGES) or following.islower()):
        return False
    run = _LATIN_RUN.search(text, max(0, start - _REACH), start)
    if run is None or run.end() != start:
        return False
    token = run.group().lower()
    return (
        len(token) == 1
        or token in _NEVER_FINAL
        or token in _MAYBE_FINAL
        or token in _BEFORE_NUMBER
        or _DOTTED.match(token) is not None
    )


_DOTTED_DATE = re.compile(r"(?<!\d)\d{2,4}\. ?\d{1,2}\. ?\d{1,2}\.(?!\d)")


def _in_dotted_date(text: str, start: int) -> bool:
    """Whether the period at text[start] is one of a Korean dotted date's (2018. 9. 4.)."""
    # A dotted date is at most 15 characters long: only a window around start can hold it.
    near = _DOTTED_DATE.finditer(text, max(0, start - 32), start + 32)
    return any(m.start() < start < m.end() for m in near)


def _ends_sentence_spaced(text: str, start: int, end: int, depth: list[int]) -> bool:
    """Whether the terminal run text[start:end] ends a sentence in a spaced language."""
    at = _following(text, end)
    if at < 0:
        return True
    following = text[at]
    if following in ",，、:：;；":
        return False
    run = text[start:end].rstrip(_CLOSERS)
    before = text[start - 1] if start else ""
    hangul_before = bool(before) and _within(before, _HANGUL_RANGES)
    if following.islower() and not hangul_before:
        return False  # '"Really?" he asked', 'e.g. this', 'approx. five'
    if run.startswith("…") or run.startswith(".."):
        # Korean headlines use "..." as a pause; it ends a sentence only after a final ending.
        return not hangul_before or before in "다요까죠네라"
    if run != ".":
        return True
    token = _token_before(text, start)
    if token.isdigit() and _in_dotted_date(text, start):
        return False  # 2018. 9. 4.(화): one date, not three sentences
    if not token or not any(_is_latin_letter(c) for c in token):
        if token.isdigit() and _following(text, 0) == start - len(token):
            return False  # "1. Introduction": a list number, not a sentence
        return True
    if _abbreviation_continues(text, start, following):
        return False
    lower = token.lower()
    if lower in _NEVER_FINAL:
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial: John F. Kennedy
    if lower in _BEFORE_NUMBER:
        return not following.isdigit()
    if lower in _MAYBE_FINAL or (_DOTTED.match(token) and lower not in _NEVER_FINAL):
        return _next_word(text, end) in _STARTERS or not _is_latin_letter(following)
    return True


def _ends_sentence_unspaced(text: str, start: int, end: int) -> bool:
    at = _following(text, end)
    if at < 0:
        return True
    if text[at] in ",，、:：;；)）" + _CLOSERS:
        return False
    if text[start:end] == "." and _abbreviation_continues(text, start, text[at]):
        return False
    if text[end - 1] in "”」』\"'’" and _ZH_SPEECH.match(text, at):
        return False  # “走吧！”他说。 is one sentence
    return True


def split_sentences(text: str, lang: str) -> list[str]:
    """Split one paragraph into sentences (lang: ko, zh-Hans, zh-Hant, en, ...).

    Contract: "".join-ing the results with single spaces (en, ko) or nothing (zh) gives back
    the paragraph up to whitespace; no sentence is empty; figures (3조8729억, 3.8729, 1,500),
    abbreviations (Mr., U.S.), quotes and parentheses never cause a split inside them.
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences needs a str, not {type(text).__name__}")
    if not text.strip():
        return []
    unspaced = _base_lang(lang) in UNSPACED_LANGS
    depth = _protected_depth(text)
    pattern = _unspaced_end() if unspaced else _SPACED_END
    cuts = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if depth[end]:
            continue  # inside quotes or parentheses
        if not unspaced and match.group("glued") and not _within(text[end], _HANGUL_RANGES):
            continue  # 했다.그러나 is two sentences; 했다.Apple is left to the rules below
        if unspaced:
            if _ends_sentence_unspaced(text, start, end):
                cuts.append(end)
        elif _ends_sentence_spaced(text, start, end, depth):
            cuts.append(end)
    sentences: list[str] = []
    previous = 0
    for cut in [*cuts, len(text)]:
        piece = text[previous:cut].strip()
        previous = cut
        if not piece:
            continue
        if sentences and _CREDIT.match(piece):
            sentences[-1] = f"{sentences[-1]}{'' if unspaced else ' '}{piece}"
        else:
            sentences.append(piece)
    return sentences


def segment_document(text: str, lang: str) -> list[SourceSegment]:
    """Segments of a whole document: paragraphs are non-empty lines, each split into sentences."""
    segments: list[SourceSegment] = []
    paragraph = 0
    for line in text.splitlines():
        sentences = split_sentences(line, lang)
        if not sentences:
            continue
        segments.extend(SourceSegment(sentence, paragraph) for sentence in sentences)
        paragraph += 1
    return segments


def count_words(text: str) -> int:
    """Words as translators bill them: each Han or kana character, each hangul or Latin word.

    Figures count once (3조8729억, 1,500, 3.8729); hyphens and apostrophes join (V-key, don't).
    """
    return sum(1 for _ in _word().finditer(text))
