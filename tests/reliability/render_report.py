"""Render the reliability suite's JSON summaries as the Markdown tables of docs/reliability.md.

Usage: python tests/reliability/render_report.py CI.json [SOAK.json] > tables.md
(the JSON comes from HANBIT_RELIABILITY_REPORT=FILE pytest tests/reliability).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUTCOMES = ("imported", "refused", "warned", "crashed", "lost")


def table(report: dict, title: str) -> str:
    lines = [f"### {title}", "", "| area | tried | " + " | ".join(OUTCOMES) + " |",
             "|---|---:|" + "---:|" * len(OUTCOMES)]  # fmt: skip
    totals = dict.fromkeys(("tried", *OUTCOMES), 0)
    for area, row in sorted(report["areas"].items()):
        cells = [str(row.get(key, 0)) for key in ("tried", *OUTCOMES)]
        lines.append(f"| {area} | " + " | ".join(cells) + " |")
        for key in totals:
            totals[key] += row.get(key, 0)
    lines.append("| **all** | " + " | ".join(f"**{totals[k]}**" for k in totals) + " |")
    if report.get("figures"):
        lines += ["", "| measurement | value |", "|---|---:|"]
        lines += [f"| {name} | {value} |" for name, value in report["figures"].items()]
    return "\n".join(lines) + "\n"


def main(paths: list[str]) -> int:
    titles = ["CI run (derandomized, 200 examples per fuzzer)", "Soak run (HANBIT_SOAK=1)"]
    for path, title in zip(paths, titles, strict=False):
        print(table(json.loads(Path(path).read_text(encoding="utf-8")), title))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
