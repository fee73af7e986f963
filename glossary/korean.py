"""Korean particles (josa), copula endings and the rule for what may follow a term in an eojeol."""

from __future__ import annotations

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
