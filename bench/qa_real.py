"""`python -m bench.qa_real`: the figure check on real human news translations (ko -> en).

On the dev split of a public Korean-English news corpus (see bench/data/qa_real/README.md) it
prints how many pairs hold figures and how many the check flags, and on the labelled sample
(bench/data/qa_real/labels.json): correct lines flagged (false alarms), real discrepancies
caught, and CRITICAL false alarms. A line is flagged when a number or unit check reports it at
CRITICAL or FUNCTIONAL severity; informational notes (an aside, a weekday for a date) are not
flags.

A handful of natural discrepancies says little about recall, so the bench also corrupts the
English of the correct labelled pairs the way translators err (a wrong digit, a dropped figure,
a 만/억 magnitude slip, a unit of another magnitude, two figures swapped, a figure or a number
word added), seeded and reproducible, and reports caught/total per kind.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT

LABELS = Path(__file__).resolve().parent / "data" / "qa_real" / "labels.json"
# each labelled after the rules of the one before were written: its first run is the honest
# figure for unseen text (recorded in the file), later runs are development figures
HOLDOUT = LABELS.with_name("holdout.json")
FINAL = LABELS.with_name("final.json")
FRESH = LABELS.with_name("fresh.json")
LAST = LABELS.with_name("last.json")  # the last 73 digit-bearing dev lines none of the others held
SAMPLES = [LABELS, HOLDOUT, FINAL, FRESH, LAST]
INJECT_SEED = 13
# the corpus lives beside the checkout (read-only, shared); HANBIT_PARK_NEWS points elsewhere
CORPUS = Path(os.environ.get("HANBIT_PARK_NEWS", ROOT.parent / "shared" / "data" / "park-news-dev"))
GOALS = {"false_alarm_rate": 0.03, "recall": 0.90, "critical_false_alarms": 0}


@dataclass
class Result:
    pairs: int = 0
    with_figures: int = 0
    flagged: int = 0
    correct: int = 0
    correct_flagged: list[int] = field(default_factory=list)
    critical_false: list[int] = field(default_factory=list)
    discrepancies: int = 0
    caught: list[int] = field(default_factory=list)
    missed: list[int] = field(default_factory=list)
    messages: dict[int, list[str]] = field(default_factory=dict)

    @property
    def false_alarm_rate(self) -> float:
        return len(self.correct_flagged) / self.correct if self.correct else 0.0

    @property
    def recall(self) -> float:
        return len(self.caught) / self.discrepancies if self.discrepancies else 1.0


def figure_issues(source: str, target: str, article_date=None) -> list:
    """The number and unit issues of one ko -> en pair that flag it (not informational)."""
    from qa.checks import Severity, check_segment  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    return [
        issue
        for issue in check_segment(
            source, target, source_lang="ko", target_lang="en", article_date=article_date
        )
        if ("number" in issue.check or "unit" in issue.check) and issue.severity != Severity.INFO
    ]


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    ko = (folder / "dev.ko").read_text(encoding="utf-8").splitlines()
    en = (folder / "dev.en").read_text(encoding="utf-8").splitlines()
    if len(ko) != len(en):
        raise SystemExit(f"{folder}: dev.ko has {len(ko)} lines, dev.en {len(en)}")
    return list(zip(ko, en, strict=True))


def measure(folder: Path = CORPUS, labels_path: Path = LABELS) -> Result:
    from qa.checks import Severity  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from qa.dates import neighbour_calendars  # noqa: PLC0415 - bench: as above

    pairs = read_corpus(folder)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["labels"]
    result = Result(pairs=len(pairs))
    flagged_lines: dict[int, list] = {}
    # the corpus checked as one file, as `main.py qa` checks it: no dateline, so a weekday is
    # checked against the calendar its neighbouring lines agree on
    calendars = neighbour_calendars(pairs)
    for number, (ko, en) in enumerate(pairs, start=1):
        if re.search(r"\d", ko):
            result.with_figures += 1
        issues = figure_issues(ko, en, calendars.get(number - 1))
        if issues:
            flagged_lines[number] = issues
            result.messages[number] = [f"{i.severity.value} {i.check}: {i.message}" for i in issues]
    result.flagged = sum(1 for n in flagged_lines if re.search(r"\d", pairs[n - 1][0]))
    for label in labels:
        line, verdict = label["line"], label["verdict"]
        issues = flagged_lines.get(line, [])
        if verdict == "correct":
            result.correct += 1
            if issues:
                result.correct_flagged.append(line)
            if any(i.severity == Severity.CRITICAL for i in issues):
                result.critical_false.append(line)
        elif verdict == "discrepancy":
            result.discrepancies += 1
            (result.caught if issues else result.missed).append(line)
    return result


def report(
    result: Result, verbose: bool, pairs: list[tuple[str, str]], title: str = "labelled sample"
) -> str:
    out = [
        f"{title}: {result.correct} correct lines, {result.discrepancies} real "
        "discrepancies (misaligned lines left out)",
        f"false-alarm lines: {len(result.correct_flagged)} of {result.correct} "
        f"({result.false_alarm_rate:.1%}; goal <= {GOALS['false_alarm_rate']:.0%})",
        f"CRITICAL false alarms: {len(result.critical_false)} (goal 0)",
        f"real discrepancies caught: {len(result.caught)} of {result.discrepancies} "
        f"({result.recall:.0%}; goal >= {GOALS['recall']:.0%})",
    ]
    if verbose:
        for title, lines in (
            ("false alarms", result.correct_flagged),
            ("missed", result.missed),
            ("caught", result.caught),
        ):
            out.append(f"-- {title}: {lines}")
            for line in lines:
                ko, en = pairs[line - 1]
                out.append(f"  {line} KO: {ko}\n       EN: {en}")
                out += [f"       ! {m}" for m in result.messages.get(line, [])]
    return "\n".join(out)


def met(result: Result) -> bool:
    return (
        result.false_alarm_rate <= GOALS["false_alarm_rate"]
        and result.recall >= GOALS["recall"]
        and len(result.critical_false) <= GOALS["critical_false_alarms"]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.qa_real", description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder with dev.ko, dev.en")
    parser.add_argument("--labels", type=Path, nargs="+", default=SAMPLES, help="labelled samples")
    parser.add_argument("--seed", type=int, default=INJECT_SEED, help="seed of the injected errors")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the lines")
    args = parser.parse_args(argv)
    if not (args.corpus / "dev.ko").is_file():
        print(
            f"error: no dev.ko in {args.corpus} (set --corpus or HANBIT_PARK_NEWS)", file=sys.stderr
        )
        return 2
    pairs = read_corpus(args.corpus)
    results = [measure(args.corpus, path) for path in args.labels]
    first = results[0]
    print(
        f"pairs: {first.pairs}; Korean side holds a digit: {first.with_figures}; "
        f"flagged by a number/unit check: {first.flagged} "
        f"({first.flagged / max(first.with_figures, 1):.1%})"
    )
    for path, result in zip(args.labels, results, strict=True):
        print(report(result, args.verbose, pairs, f"{path.name}"))
    injected = inject_recall(pairs, args.labels, args.seed)
    print(report_injected(injected, args.verbose, args.seed))
    return 0 if all(met(r) for r in results) else 1


# ---------------------------------------------------------------- injected errors

# a unit of another magnitude, as a translator slips: megawatts for gigawatts, km for m
_UNIT_SLIPS = {
    "gigawatts": "megawatts", "megawatts": "gigawatts", "kilowatts": "megawatts",
    "watts": "gigawatts", "kilometers": "meters", "kilometres": "metres", "meters": "kilometers",
    "metres": "kilometres", "km": "m", "m": "km", "miles": "feet", "feet": "miles",
    "tons": "kilograms", "tonnes": "kilograms", "kilograms": "tons", "kg": "g", "mm": "cm",
    "cm": "mm", "inches": "feet", "pounds": "tons", "barrels": "gallons",
}  # fmt: skip
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "eight", "ten", "twelve")
_WORD_VALUES = dict(zip(_NUMBER_WORDS, (2, 3, 4, 5, 6, 8, 10, 12), strict=True))
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE_AFTER = re.compile(r"\s?(thousand|million|billion|trillion|bn|m)\b")
_SCALES = {"thousand": 10**3, "million": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9,
           "trillion": 10**12}  # fmt: skip
# a plural noun a translator could put a figure before (not after a figure or an article)
_PLURAL = re.compile(r"(?<=\s)([a-z]{4,}s)\b")
_NOT_BEFORE = re.compile(
    r"(?:\d\S*|an?|one|two|three|four|five|six|seven|eight|nine|ten|some|"
    r"many|several|few|dozens|hundreds|thousands|millions)\s$",
    re.I,
)
KINDS = (
    "wrong digit",
    "dropped figure",
    "만/억 magnitude slip",
    "unit of another magnitude",
    "two figures swapped",
    "added figure",
    "added number word",
)


@dataclass
class Injected:
    pairs: int = 0  # correct pairs not flagged as they stand
    total: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    caught: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    critical: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    missed: dict[str, list[tuple[int, str]]] = field(default_factory=lambda: {k: [] for k in KINDS})


def _rendered(ko: str, en: str) -> list:
    """The digit figures of the English that render a figure of the Korean (equal value)."""
    from qa.numbers import extract_figures  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    sources = extract_figures(ko, "ko")
    values = {s.value for s in sources} | {a for s in sources for a in s.alternatives}
    return [
        t
        for t in extract_figures(en, "en")
        if re.search(r"\d", t.text) and not t.aside and not t.loose and t.value in values
    ]


def _plain(value: float) -> str:
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text


def _corrupt(kind: str, ko: str, en: str, rng) -> str | None:
    """en with one error of kind, or None when the pair offers no place for it."""
    from qa.numbers import extract_figures  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    rendered = _rendered(ko, en)
    if kind == "wrong digit" and rendered:
        figure = rng.choice(rendered)
        digits = _DIGITS.search(en, figure.start, figure.end)
        places = [i for i in range(digits.start(), digits.end()) if en[i].isdigit()]
        i = rng.choice(places)
        options = [d for d in "0123456789" if d != en[i] and not (d == "0" and i == places[0])]
        return en[:i] + rng.choice(options) + en[i + 1 :]
    if kind == "dropped figure" and rendered:
        figure = rng.choice(rendered)
        start = figure.start
        qualifier = re.search(r"(?:about|some|nearly|almost|at least|more than|over)\s$",
                              en[max(0, start - 12) : start])  # fmt: skip
        if qualifier:
            start -= len(qualifier.group())
        return re.sub(r"\s{2,}", " ", en[:start] + en[figure.end :])
    if kind == "만/억 magnitude slip":
        # a Korean figure written with 만 or 억, rendered with a scale word or as a big number
        scaled = {s.value for s in extract_figures(ko, "ko") if re.search("[만억조]", s.text)}
        places = [t for t in rendered if t.value in scaled and t.value >= 10000]
        if not places:
            return None
        figure = rng.choice(places)
        digits = _DIGITS.search(en, figure.start, figure.end)
        scale = _SCALE_AFTER.match(en, digits.end())
        worth = _SCALES[scale.group(1)] if scale else 1
        number = float(digits.group().replace(",", "")) * rng.choice((10, 0.1))
        if scale and number < 1 and worth > 1000:  # 0.5 billion is written 500 million
            name = {10**6: "thousand", 10**9: "million", 10**12: "billion"}[worth]
            return en[: digits.start()] + f"{_plain(number * 1000)} {name}" + en[scale.end() :]
        return en[: digits.start()] + _plain(number) + en[digits.end() :]
    if kind == "unit of another magnitude":
        places = [t for t in rendered if t.measure is not None]
        words = [
            (t, m)
            for t in places
            for m in re.finditer(r"[A-Za-z]+", en[t.start : t.end])
            if m.group() in _UNIT_SLIPS
        ]
        if not words:
            return None
        figure, word = rng.choice(words)
        at = figure.start + word.start()
        return en[:at] + _UNIT_SLIPS[word.group()] + en[figure.start + word.end() :]
    if kind == "two figures swapped":
        options = [
            (a, b)
            for i, a in enumerate(rendered)
            for b in rendered[i + 1 :]
            if a.value != b.value and a.kind == b.kind
        ]
        if not options:
            return None
        a, b = rng.choice(options)
        da, db = _DIGITS.search(en, a.start, a.end), _DIGITS.search(en, b.start, b.end)
        return (
            en[: da.start()] + db.group() + en[da.end() : db.start()] + da.group() + en[db.end() :]
        )
    if kind in ("added figure", "added number word"):
        nouns = [m for m in _PLURAL.finditer(en) if not _NOT_BEFORE.search(en, 0, m.start())]
        if not nouns:
            return None
        noun = rng.choice(nouns)
        # a value the pair does not hold already: a repeat of a figure is no added figure
        present = {f.value for f in (*extract_figures(ko, "ko"), *extract_figures(en, "en"))}
        if kind == "added figure":
            added = rng.choice([str(n) for n in range(3, 96) if n not in present])
        else:
            words = [w for w in _NUMBER_WORDS if _WORD_VALUES[w] not in present]
            if not words:
                return None
            added = rng.choice(words)
        return en[: noun.start()] + f"{added} " + en[noun.start() :]
    return None


def inject_recall(pairs: list[tuple[str, str]], samples: list[Path], seed: int) -> Injected:
    """Every kind of error injected once into each correct labelled pair that has a place for
    it and is not flagged as it stands; caught: a number or unit check flags the corrupted pair."""
    from qa.checks import Severity  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    rng = random.Random(seed)
    lines = sorted(
        {
            label["line"]
            for path in samples
            for label in json.loads(path.read_text(encoding="utf-8"))["labels"]
            if label["verdict"] == "correct"
        }
    )
    result = Injected()
    for line in lines:
        ko, en = pairs[line - 1]
        if figure_issues(ko, en):
            continue  # a false alarm already: it would count as caught whatever the error
        result.pairs += 1
        for kind in KINDS:
            wrong = _corrupt(kind, ko, en, rng)
            if wrong is None or wrong == en:
                continue
            result.total[kind] += 1
            issues = figure_issues(ko, wrong)
            if issues:
                result.caught[kind] += 1
                if any(i.severity == Severity.CRITICAL for i in issues):
                    result.critical[kind] += 1
            else:
                result.missed[kind].append((line, wrong))
    return result


def report_injected(result: Injected, verbose: bool, seed: int) -> str:
    out = [
        f"injected errors (random.Random({seed}); the English of {result.pairs} correct labelled "
        "pairs that are not flagged as they stand, one error of each kind where it has a place):"
    ]
    total = caught = 0
    for kind in KINDS:
        n, c = result.total[kind], result.caught[kind]
        total, caught = total + n, caught + c
        rate = f"{c / n:.0%}" if n else "-"
        out.append(f"  {kind}: caught {c} of {n} ({rate}; CRITICAL {result.critical[kind]})")
        if verbose:
            out += [f"    missed {line}: {wrong}" for line, wrong in result.missed[kind]]
    out.append(f"  all kinds: caught {caught} of {total} ({caught / max(total, 1):.0%})")
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
