"""Headless translate loads only what it uses: bench.translate_headless weighs every import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import paths

ROOT = Path(__file__).resolve().parents[2]
# sqlite_utils (with numpy): only to make a memory or project file; numpy: only when an
# alignment is read to repair a term; urllib: only with a LibreTranslate server set;
# protobuf: only for sentencepiece's offsets, which an alignment reads; rapidfuzz: only to
# repair a term that came out wrong.
UNUSED = ("sqlite_utils", "numpy", "urllib.request", "google.protobuf", "rapidfuzz")


def test_translating_the_article_with_its_glossary_loads_none_of_the_unused(
    tmp_path, tiny_packages_dir
):
    code = (
        "import sys, main;"
        "code = main.main(sys.argv[1:]);"
        f"print([m for m in {UNUSED!r} if m in sys.modules], file=sys.stderr);"
        "sys.exit(code)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("HANBIT_")}
    env["HANBIT_DATA_DIR"] = str(tmp_path / "data")
    args = ["translate", str(paths.SAMPLE_ARTICLE), "--from", "ko", "--to", "en",
            "--packages", str(tiny_packages_dir)]  # fmt: skip
    for _ in range(2):  # the first run makes the termbase and merges the curated glossary
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert done.stdout.count("\n") > 20  # every segment printed
        assert done.stderr.strip().splitlines()[-1] == "[]"
