"""Very large inputs in bounded memory: a 10 MB article becomes a project, a 100,000-concept
glossary is imported and builds a term matcher.

Each runs in a child process that reports its peak resident memory (VmHWM) above its resident
memory after its imports and test data, so the figure belongs to the work alone. The bounds
are generous multiples of what was measured (see docs/reliability.md) and catch a regression
to holding many copies of the input, not a few megabytes of drift.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reliability_kit import FIGURES, count

ROOT = Path(__file__).resolve().parents[2]
SOURCE_MB = 10
CONCEPTS = 100_000
SOURCE_BOUND_MB = 250  # measured about 100 MB of growth (57,000 segments)
GLOSSARY_BOUND_MB = 500  # measured about 170 MB of growth

COMMON = """
import json, resource, sys, time
from pathlib import Path
def _status(key):
    # /proc: VmHWM is this process's own peak. ru_maxrss is not: Linux keeps the forking
    # parent's (pytest's) peak across exec, which hides the child's growth.
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
def peak_mb():
    return _status("VmHWM")
def now_mb():
    return _status("VmRSS")
folder = Path(sys.argv[1])
"""

SOURCE_CHILD = """
import paths
from documents.project import Project
from documents.sources import read_source

article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8") + "\\n\\n"
source = folder / "big.txt"
repeats = int(sys.argv[2]) * 1024 * 1024 // len(article.encode()) + 1
source.write_text(article * repeats, encoding="utf-8")
del article
base = now_mb()
started = time.perf_counter()
text, info = read_source(source)
project = Project.create(folder / "big.hanbit", source_text=text, source_lang="ko",
                         target_lang="en")
del text
segments = len(project.segments())
project.close()
print(json.dumps({"bytes": source.stat().st_size, "segments": segments,
                  "growth_mb": peak_mb() - base, "seconds": time.perf_counter() - started}))
"""

GLOSSARY_CHILD = """
from glossary.formats import apply_import, plan_import
from glossary.matching import TermMatcher
from glossary.store import Termbase

def word(number):
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number, 11172)
        letters += chr(0xAC00 + rest)
    return letters + "사"

count = int(sys.argv[2])
table = folder / "big.csv"
table.write_text("ko,en\\n" + "".join(f"{word(i)},term {i}\\n" for i in range(count)),
                 encoding="utf-8")
base = now_mb()
started = time.perf_counter()
termbase = Termbase(folder / "big.db")
plan = plan_import(termbase, table)
apply_import(termbase, plan)
del plan
matcher = TermMatcher(termbase.concepts(), "ko", "en")
found = matcher.find(f"{word(5)}가 {word(count - 1)}를 샀다.")
print(json.dumps({"concepts": termbase.count(), "found": [m.targets[0] for m in found],
                  "growth_mb": peak_mb() - base, "seconds": time.perf_counter() - started}))
"""


def _child(script: str, folder: Path, size: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(COMMON + script), str(folder), str(size)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_a_10_mb_article_becomes_a_project_in_bounded_memory(tmp_path):
    result = _child(SOURCE_CHILD, tmp_path, SOURCE_MB)
    assert result["bytes"] >= SOURCE_MB * 1024 * 1024
    assert result["segments"] > 50_000
    FIGURES["10 MB article: segments"] = result["segments"]
    FIGURES["10 MB article: peak RSS growth (MB)"] = round(result["growth_mb"], 1)
    FIGURES["10 MB article: seconds"] = round(result["seconds"], 1)
    assert result["growth_mb"] < SOURCE_BOUND_MB, result
    count("very large inputs", "imported")


def test_a_100000_concept_glossary_imports_and_matches_in_bounded_memory(tmp_path):
    result = _child(GLOSSARY_CHILD, tmp_path, CONCEPTS)
    assert result["concepts"] == CONCEPTS
    assert result["found"] == ["term 5", f"term {CONCEPTS - 1}"]
    FIGURES["100,000 concepts: peak RSS growth (MB)"] = round(result["growth_mb"], 1)
    FIGURES["100,000 concepts: seconds (import + matcher)"] = round(result["seconds"], 1)
    assert result["growth_mb"] < GLOSSARY_BOUND_MB, result
    count("very large inputs", "imported")
