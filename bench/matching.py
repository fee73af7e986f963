"""Term matching: 10,000 segments against 100,000 concepts, and against a regex per term."""

from __future__ import annotations

import argparse
import random
import re
import sys
import time

from bench.common import Figure, print_table

TARGET_S = 1.0
TARGET_SPEEDUP = 50.0

# Pieces of realistic names: Korean surnames and given-name syllables, company words in hangul,
# hanzi for Chinese names, Latin syllables for the English forms.
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서준지현우영수진호성은혜승태재동경희상연하나라미소유주원석훈"
HANZI = "国华中建设银行科技集团金融网络电子商务投资控股阿里巴腾讯百度京东小米宝付支信通联合平安"
COMPANY_HEADS = ["한", "대", "신", "동", "세", "삼", "현", "미", "아", "태", "중", "글", "유"]
COMPANY_TAILS = ["전자", "금융", "은행", "그룹", "증권", "통신", "페이", "테크", "물산", "제약"]
LATIN = ["ka", "min", "seo", "jun", "li", "wang", "zhang", "tech", "pay", "net", "hua", "xin"]
# (after a vowel, after a final consonant): Korean picks the particle by the last syllable.
PARTICLES = [
    ("", ""),
    ("가", "이"),
    ("는", "은"),
    ("를", "을"),
    ("와", "과"),
    ("의", "의"),
    ("에", "에"),
    ("에서", "에서"),
    ("도", "도"),
    ("로", "으로"),
]


def synthetic_concepts(count: int, seed: int = 3) -> list:
    """count concepts with distinct Korean forms (people and companies), Chinese and English."""
    from glossary.store import Concept, Term, TermKind  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    rng = random.Random(seed)
    seen: set[str] = set()
    concepts = []
    while len(concepts) < count:
        if rng.random() < 0.5:
            korean = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((2, 2, 3))))
        else:
            korean = rng.choice(COMPANY_HEADS) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
            korean += rng.choice(COMPANY_TAILS)
        if korean in seen:
            continue
        seen.add(korean)
        chinese = "".join(rng.choices(HANZI, k=rng.randint(2, 5)))
        english = " ".join(
            "".join(rng.choices(LATIN, k=rng.randint(1, 2))).capitalize()
            for _ in range(rng.randint(1, 3))
        )
        terms = [
            Term("ko", korean),
            Term("zh-Hans", chinese),
            Term("en", english),
            Term("en", english.replace(" ", ""), TermKind.FORBIDDEN),
        ]
        concepts.append(Concept(id=len(concepts) + 1, terms=terms, domain="name"))
    return concepts


def synthetic_segments(count: int, concepts: list, seed: int = 5) -> list[str]:
    """News-like Korean sentences with a few glossary names (with particles) put in each."""
    from bench.memory import synthetic_units  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    rng = random.Random(seed)
    base = [source for source, _ in synthetic_units(min(count, 2000), seed=seed)]
    segments = []
    for _ in range(count):
        words = rng.choice(base).split(" ")
        for _ in range(rng.randint(1, 4)):
            name = rng.choice(concepts).terms[0].text
            after_vowel, after_consonant = rng.choice(PARTICLES)
            name += after_consonant if (ord(name[-1]) - 0xAC00) % 28 else after_vowel
            words.insert(rng.randrange(len(words) + 1), name)
        segments.append(" ".join(words))
    return segments


def measure(concepts_n: int = 100_000, segments_n: int = 10_000, sample: int = 20) -> list[Figure]:
    from glossary.matching import TermMatcher  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    concepts = synthetic_concepts(concepts_n)
    segments = synthetic_segments(segments_n, concepts)

    started = time.perf_counter()
    matcher = TermMatcher(concepts, "ko", "en")
    build_s = time.perf_counter() - started

    runs = []
    for _ in range(3):  # best of three: the least disturbed by the machine's other work
        started = time.perf_counter()
        found = sum(len(matcher.find(segment)) for segment in segments)
        runs.append(time.perf_counter() - started)
    ours = min(runs)

    # The naive way: one compiled regular expression per Korean form, each run over the segment.
    # 10,000 x 100,000 searches would take hours, so a sample of segments is timed and scaled.
    patterns = [re.compile(re.escape(c.terms[0].text)) for c in concepts]
    picked = random.Random(9).sample(segments, sample)
    started = time.perf_counter()
    naive_found = 0
    for segment in picked:
        for pattern in patterns:
            for _ in pattern.finditer(segment):
                naive_found += 1
    naive = (time.perf_counter() - started) * len(segments) / len(picked)
    ours_on_sample = sum(len(matcher.find(s)) for s in picked)
    note = (
        f"{found:,} matches; on the {sample} sampled segments the regex loop found "
        f"{naive_found} (substrings too) and the matcher {ours_on_sample}"
    )
    return [
        Figure(
            "matching",
            f"{segments_n:,} segments × {concepts_n:,} concepts",
            ours,
            TARGET_S,
            "s",
            note=note,
        ),
        Figure(
            "matching",
            "speed-up over one regex per term",
            naive / ours,
            TARGET_SPEEDUP,
            "x",
            at_least=True,
            note=f"regex loop timed on {sample} segments, scaled to {segments_n:,}: {naive:.0f} s",
        ),
        Figure(
            "matching",
            f"matcher build ({concepts_n:,} concepts)",
            build_s,
            None,
            "s",
            note="reported; the window builds it once per glossary revision",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.matching", description=__doc__)
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=20, help="segments the regex loop runs on")
    args = parser.parse_args(argv)
    figures = measure(args.concepts, args.segments, args.sample)
    print_table(figures)
    for figure in figures:
        print(f"  {figure.name}: {figure.note}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
