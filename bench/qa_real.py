"""`python -m bench.qa_real`: the figure check on real human news translations (ko -> en).

On the dev split of a public Korean-English news corpus (see bench/data/qa_real/README.md) it
prints how many pairs hold figures and how many the check flags, and on the labelled sample
(bench/data/qa_real/labels.json): correct lines flagged (false alarms), real discrepancies
caught, and CRITICAL false alarms. A line is flagged when a number or unit check reports it at
CRITICAL or FUNCTIONAL severity; informational notes (an aside, a weekday for a date) are not
flags.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT

LABELS = Path(__file__).resolve().parent / "data" / "qa_real" / "labels.json"
# labelled after the rules were written, never used to tune them: the honest figure
HOLDOUT = LABELS.with_name("holdout.json")
FINAL = LABELS.with_name("final.json")
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


def figure_issues(source: str, target: str) -> list:
    """The number and unit issues of one ko -> en pair that flag it (not informational)."""
    from qa.checks import Severity, check_segment

    return [
        issue
        for issue in check_segment(source, target, source_lang="ko", target_lang="en")
        if ("number" in issue.check or "unit" in issue.check) and issue.severity != Severity.INFO
    ]


def read_corpus(folder: Path) -> list[tuple[str, str]]:
    ko = (folder / "dev.ko").read_text(encoding="utf-8").splitlines()
    en = (folder / "dev.en").read_text(encoding="utf-8").splitlines()
    if len(ko) != len(en):
        raise SystemExit(f"{folder}: dev.ko has {len(ko)} lines, dev.en {len(en)}")
    return list(zip(ko, en, strict=True))


def measure(folder: Path = CORPUS, labels_path: Path = LABELS) -> Result:
    from qa.checks import Severity

    pairs = read_corpus(folder)
    labels = json.loads(labels_path.read_text(encoding="utf-8"))["labels"]
    result = Result(pairs=len(pairs))
    flagged_lines: dict[int, list] = {}
    for number, (ko, en) in enumerate(pairs, start=1):
        if re.search(r"\d", ko):
            result.with_figures += 1
        issues = figure_issues(ko, en)
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
    parser.add_argument(
        "--labels", type=Path, nargs="+", default=[LABELS, HOLDOUT, FINAL], help="labelled samples"
    )
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
    return 0 if all(met(r) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
