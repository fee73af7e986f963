"""Translation memory benchmark: lookup latency among 100,000 units (`python -m bench.memory`)."""

from __future__ import annotations

import argparse
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "resources" / "article" / "alipay-australia-2014.ko.txt"
RESULTS = ROOT / "bench" / "results" / "memory.md"

# Names the article's sentences are recombined with: the kind of variety a news desk's memory has.
COMPANIES = [
    "알리바바", "알리페이", "텐센트", "바이두", "애플", "삼성전자", "위챗페이", "징둥", "샤오미",
    "화웨이", "마이미소금융", "페이팔", "아마존", "LG전자", "카카오", "네이버", "쿠팡", "위어바오",
]  # fmt: skip
PLACES = [
    "호주", "미국", "싱가포르", "한국", "영국", "룩셈부르크", "일본", "독일", "프랑스", "캐나다",
    "시드니", "베이징", "상하이", "홍콩", "타이베이", "서울", "뉴욕", "런던", "도쿄", "선전",
]  # fmt: skip
PARTICLE_SWAPS = [("가 ", "는 "), ("이 ", "은 "), ("를 ", "도 "), ("에 ", "에서 "), ("의 ", " ")]


def article_sentences(path: Path = ARTICLE) -> list[str]:
    text = path.read_text(encoding="utf-8")
    pieces = re.split(r"(?<=[.!?])\s+|\n+", text)
    return [p.strip() for p in pieces if len(p.strip()) >= 20]


def _vary(sentence: str, rng: random.Random) -> str:
    """One synthetic sentence: numbers, company and place names changed, halves recombined."""
    out = re.sub(r"\d+", lambda _: str(rng.randint(1, 9999)), sentence)
    for name in COMPANIES:
        if name in out and rng.random() < 0.7:
            out = out.replace(name, rng.choice(COMPANIES))
    for place in PLACES:
        if place in out and rng.random() < 0.7:
            out = out.replace(place, rng.choice(PLACES))
    return out


def synthetic_units(count: int, seed: int = 7) -> list[tuple[str, str]]:
    """`count` distinct (Korean source, English target) pairs built from the sample article."""
    rng = random.Random(seed)
    base = article_sentences()
    seen: set[str] = set()
    units: list[tuple[str, str]] = []
    while len(units) < count:
        first = _vary(rng.choice(base), rng)
        if rng.random() < 0.4:
            # Recombine: the first half of one sentence with the second half of another.
            other = _vary(rng.choice(base), rng)
            first = first[: len(first) // 2] + other[len(other) // 2 :]
        if rng.random() < 0.5:
            first = f"{rng.choice(COMPANIES)}는 {rng.randint(1, 31)}일 " + first
        if first in seen:
            continue
        seen.add(first)
        numbers = " ".join(re.findall(r"\d+", first)) or "-"
        units.append((first, f"Synthetic translation {len(units)} ({numbers})."))
    return units


def _modify(sentence: str, rng: random.Random) -> str:
    """What a translator meets next week: the same sentence with a number or a particle changed."""
    choice = rng.random()
    digits = list(re.finditer(r"\d+", sentence))
    if choice < 0.5 and digits:
        hit = rng.choice(digits)
        return sentence[: hit.start()] + str(int(hit.group()) + 1) + sentence[hit.end() :]
    swaps = [(a, b) for a, b in PARTICLE_SWAPS if a in sentence]
    if choice < 0.8 and swaps:
        a, b = rng.choice(swaps)
        return sentence.replace(a, b, 1)
    words = sentence.split(" ")
    if len(words) > 4:
        del words[rng.randrange(len(words))]
    return " ".join(words)


def run(units: int, lookups: int, markdown: Path | None, check: int) -> dict:
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - heavy: rapidfuzz loads when this measurement runs

    from bench.common import percentile  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from memory.store import IncomingUnit, TranslationMemory  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from memory.text import fuzzy_text  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    rng = random.Random(11)
    data = synthetic_units(units)
    with tempfile.TemporaryDirectory() as folder:
        memory = TranslationMemory(Path(folder) / "memory.db")
        started = time.perf_counter()
        memory.add_many(
            IncomingUnit(source, target, "ko", "en", "bench") for source, target in data
        )
        store_s = time.perf_counter() - started
        started = time.perf_counter()
        memory.prepare("ko", "en")
        index_s = time.perf_counter() - started

        fresh = synthetic_units(lookups // 4, seed=99)
        queries = [_modify(rng.choice(data)[0], rng) for _ in range(lookups - len(fresh))]
        queries += [source for source, _ in fresh]
        rng.shuffle(queries)
        timings, best = [], []
        for query in queries:
            started = time.perf_counter()
            matches = memory.lookup(query, "ko", "en")
            timings.append((time.perf_counter() - started) * 1000)
            best.append(matches[0].score if matches else 0)

        # How often the candidate set found the best match an exhaustive scan finds.
        norms = [fuzzy_text(source) for source, _ in data]
        agree = 0
        for query, ours in list(zip(queries, best, strict=True))[:check]:
            top = process.extractOne(fuzzy_text(query), norms, scorer=fuzz.ratio)
            exhaustive = round(top[1]) if top[1] >= 70 else 0
            # One point of slack: an exact match scores 100 where case-folded equality scores 99.
            agree += abs(exhaustive - ours) <= 1
        memory.close()

    result = {
        "units": units,
        "lookups": len(queries),
        "p50_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "max_ms": max(timings),
        "store_s": store_s,
        "index_s": index_s,
        "matched": sum(score >= 70 for score in best) / len(best),
        "agree": agree / min(check, len(queries)) if check else float("nan"),
    }
    agree = f"{result['agree']:.0%}" if check else "not checked"
    row = (
        f"| {datetime.now(UTC):%Y-%m-%d %H:%M} | {platform.node()} | {units:,} | {len(queries)} |"
        f" {result['p50_ms']:.1f} | {result['p95_ms']:.1f} | {result['max_ms']:.1f} |"
        f" {store_s:.1f} | {index_s:.1f} | {result['matched']:.0%} | {agree} |"
    )
    header = (
        "| date (UTC) | machine | units | lookups | p50 ms | p95 ms | max ms | store s"
        " | index s | with match >= 70 | best match = exhaustive scan |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    print(header + row)
    if markdown:
        markdown.parent.mkdir(parents=True, exist_ok=True)
        fresh_file = not markdown.exists()
        with markdown.open("a", encoding="utf-8") as stream:
            stream.write((header if fresh_file else "") + row + "\n")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__)
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--check", type=int, default=100, help="lookups compared to a full scan")
    parser.add_argument("--markdown", type=Path, default=RESULTS, help="file the row is added to")
    parser.add_argument("--no-markdown", action="store_true")
    parser.add_argument("--target-ms", type=float, default=50.0, help="p95 target (exit 1 above)")
    args = parser.parse_args(argv)
    result = run(args.units, args.lookups, None if args.no_markdown else args.markdown, args.check)
    return 0 if result["p95_ms"] < args.target_ms else 1


if __name__ == "__main__":
    sys.exit(main())
