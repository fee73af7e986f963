"""Korean particles (josa), copula endings and the rule for what may follow a term in an eojeol."""

from __future__ import annotations

import threading
import warnings
from functools import lru_cache

# Bound nouns and suffixes that news Korean glues to names before any particle:
# 알리페이측 (Alipay's side), 마윈씨, 중국산, 중국계, 결제서비스간, 시드니행. Deliberately absent:
# 판 (중국판 is a compound, "China's version of"). The copula 인 (자회사인) is an ending, but
# after a place it makes a demonym (중국인, "a Chinese"): the matcher refuses that case.
SUFFIXES = frozenset("측 들 씨 식 계 산 발 행 간".split())

# Case and auxiliary particles; they stack (에서+는, 까지+도, 만+을), so a tail is a sequence.
PARTICLES = frozenset(
    """
    이 가 을 를 은 는 의 에 에서 에게 에게서 께 께서 한테 한테서 더러 에다 에다가
    로 으로 로서 으로서 로써 으로써 로부터 으로부터 와 과 랑 이랑 하고 이며 며
    도 만 까지 부터 조차 마저 처럼 같이 보다 밖에 뿐 대로 만큼 마다 엔 에선 에게선
    나 이나 든 이든 든지 이든지 라도 이라도 야 이야 요 이요 서
    """.split()
)

# Copula and quoting endings that close the eojeol: 알리페이다, 알리페이라는, 마윈이라고.
ENDINGS = frozenset(
    """
    이다 다 이었다 였다 이고 이었고 였고 이었던 였던 이었으며 였으며 이었는데 였는데
    이라 이라는 라는 이라고 라고 이라며 라며 이란 란 이지만 지만 입니다 이죠 죠 인데
    인 이면 이므로 므로 인지 이자 이어서 여서 이기 이냐 이라서 라서
    """.split()
)

# Particles whose form depends on whether the noun ends in a consonant (batchim).
_AFTER_VOWEL = frozenset(
    "가 를 는 와 로 로서 로써 로부터 랑 나 든 든지 라도 야 요 라는 라고 라며 란 다 며 라서".split()
)
_AFTER_CONSONANT = frozenset(
    "이 을 은 과 으로 으로서 으로써 으로부터 이랑 이나 이든 이든지 이라도 이야 이요".split()
)
_MAX_PIECE = max(len(p) for p in SUFFIXES | PARTICLES | ENDINGS)


def is_syllable(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _batchim(syllable: str) -> int:
    """0 when the syllable ends in a vowel, else the final consonant's index (8 is ㄹ)."""
    return (ord(syllable) - 0xAC00) % 28


def _agrees(previous: str, piece: str) -> bool:
    if not is_syllable(previous):
        return True  # after Latin letters or digits (V-key가, 아이폰6는) the reading decides
    final = _batchim(previous)
    if piece in _AFTER_VOWEL:
        return final == 0 or (final == 8 and piece.startswith("로"))  # 서울로: ㄹ takes 로
    if piece in _AFTER_CONSONANT:
        return final != 0 and not (final == 8 and piece.startswith("으로"))
    return True


def is_particle_tail(previous: str, rest: str) -> bool:
    """True when rest (the hangul after a term, to the end of its eojeol) is grammatical tail:
    an optional suffix, particles, then an optional closing ending; previous is the term's last
    character, so 이/가, 을/를, 은/는, 과/와 and 으로/로 must agree with it.
    """
    return bool(rest) and _parse(previous, rest, 0, True)


@lru_cache(maxsize=4096)
def _parse(previous: str, rest: str, depth: int, first: bool) -> bool:
    if not rest:
        return True
    if depth >= 4:
        return False
    for size in range(min(_MAX_PIECE, len(rest)), 0, -1):
        piece, remainder = rest[:size], rest[size:]
        if first and piece in SUFFIXES and _parse(piece[-1], remainder, depth + 1, False):
            return True
        if piece in PARTICLES and _agrees(previous, piece):
            if _parse(piece[-1], remainder, depth + 1, False):
                return True
        if piece in ENDINGS and not remainder and _agrees(previous, piece):
            return True
    return False


# --- predicates, homographs ------------------------------------------------------------------
# A verbal noun term (상장 "listing", 투자, 설립) is used as a verb with 하다 or 되다 glued on:
# 상장했다, 상장할, 상장한, 상장해, 상장된. Whether 하/되 after a noun really is that suffix
# (상장해: 상장+하+어) or part of another word (중국해, the China Sea) is a question of
# morphology: kiwipiepy, the reference Korean analyser, answers it for the few eojeols
# whose surface leaves it open.
_HA, _DOE = 18, 3  # initial consonants ㅎ and ㄷ
_HA_VOWELS = (0, 1)  # ㅏ ㅐ: 하 한 할 함 합 했 해 했
_DOE_VOWELS = (10, 11)  # ㅙ ㅚ: 되 된 될 됐 돼 됨


def is_predicate_start(char: str) -> bool:
    """char could begin the 하다/되다 of a verbal noun used as a verb (했, 할, 된 …)."""
    if not is_syllable(char):
        return False
    initial, rest = divmod(ord(char) - 0xAC00, 21 * 28)
    medial = rest // 28
    return (initial == _HA and medial in _HA_VOWELS) or (initial == _DOE and medial in _DOE_VOWELS)


def verb_stem(form: str) -> str:
    """상장하다 -> 상장: a glossary form given as a verb is matched by its noun; else form."""
    for suffix in ("하다", "되다"):
        if form.endswith(suffix) and len(form) > len(suffix) + 1:
            return form[: -len(suffix)]
    return form


@lru_cache(maxsize=1)
def _kiwi():
    # Loads its model (shipped in the kiwipiepy_model wheel, no download) on first use only,
    # paid by the first segment that has a candidate predicate, not at start-up.
    from kiwipiepy import Kiwi  # noqa: PLC0415 - heavy: ~0.1 s to import, ~1 s with its model

    # Without the typo and multi-word dictionaries: what is written is what is analysed, and
    # it loads in half the time (about 1 s on two cores). num_workers=0: no thread pool of its
    # own (one short eojeol at a time needs none; no idle threads beside the desk's own);
    # kiwipiepy warns that 0 meant "all cores" before 0.21.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(num_workers=0, load_typo_dict=False, load_multi_dict=False)


# The window's thread and QA's worker may both ask: one analyser, one question at a time.
_KIWI_LOCK = threading.Lock()


@lru_cache(maxsize=4096)
def confirms_predicate(eojeol: str, stem_end: int) -> bool:
    """True when kiwipiepy reads eojeol as a noun ending at stem_end plus the verb suffix
    하 or 되 (XSV/XSA): 상장했다 yes, 중국해 (one proper noun) no."""
    with _KIWI_LOCK:
        tokens = _kiwi().tokenize(eojeol)
    noun_end = any(t.tag.startswith("NN") and t.start + t.len == stem_end for t in tokens)
    suffix = any(t.tag in ("XSV", "XSA") and t.start == stem_end for t in tokens)
    return noun_end and suffix


# Units that are also ordinary words: 위안 is the yuan after a figure (3조8729억 위안, 10위안)
# or before a currency word (위안 약세), and "comfort" anywhere else (위안을 얻었다).
FIGURE_UNITS = frozenset({"위안", "엔"})
_NUMERALS = frozenset("만억조천백십수여")  # 3조8729억, 수백만, 10여
_CURRENCY_NEXT = (
    "가치", "환율", "약세", "강세", "절상", "절하", "표시", "기준", "화", "국제화", "결제",
    "거래", "환전", "시세", "예금", "대출", "채권", "환율제",
)  # fmt: skip
_LINK = ("의 ", "은 ", "는 ", "이 ", "가 ", "로 ", "으로 ", "대비 ")  # 위안의 국제화, 위안 대비


def after_figure(text: str, start: int) -> bool:
    """A figure ends right before start (spaces allowed): 10위안, 3조8729억 위안, 수억 위안."""
    at = start
    while at > 0 and text[at - 1] == " ":
        at -= 1
    seen_numeral = False
    while at > 0 and text[at - 1] in _NUMERALS:
        at -= 1
        seen_numeral = True
    if at > 0 and (text[at - 1].isdigit() or text[at - 1] in ",."):
        return True
    return seen_numeral and text[at : at + 1] == "수"  # 수억 위안: "hundreds of millions"


def currency_next(text: str, end: int) -> bool:
    """A currency word follows, maybe past a particle (위안 약세, 위안의 국제화): the unit
    without a figure."""
    rest = text[end:].lstrip(" ")
    for link in _LINK:
        if rest.startswith(link):
            rest = rest[len(link) :].lstrip(" ")
            break
    return rest.startswith(_CURRENCY_NEXT)
