"""Long headless work shows progress on a terminal and stays quiet when piped."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from cli.common import TerminalProgress

ROOT = Path(__file__).resolve().parents[2]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_written_in_place_on_a_terminal_only() -> None:
    terminal, pipe = _Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        progress = TerminalProgress("checking", 1000, stream)
        for done in range(1, 1001):
            progress.update(done)
        progress.close()
    assert pipe.getvalue() == ""
    shown = terminal.getvalue()
    assert "\r" in shown and "checking: 1,000/1,000 (100%)" in shown and "\x1b" not in shown
    assert shown.endswith("\r")  # the line is cleared for what comes next


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.timeout(120)
def test_qa_shows_progress_on_a_terminal_and_none_when_piped(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("알리페이가 호주에 진출했다.\tAlipay entered Australia.\n" * 3000, "utf-8")
    command = [sys.executable, "main.py", "qa", str(pairs), "--from", "ko", "--to", "en",
               "--no-glossary"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    master, slave = os.openpty()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    child.wait(timeout=60)
    os.close(master)
    assert b"checking pairs.tsv: 3,000/3,000 (100%)" in seen
    piped = subprocess.run(command, cwd=ROOT, capture_output=True, env=env, timeout=120)
    assert b"checking" not in piped.stderr and b"\r" not in piped.stderr
