"""No network: the headless commands and the window never try to connect anywhere.

Every socket connect, name lookup and UDP send from Python is refused and recorded while
main.py translate (with the tiny package), terms, qa, export, glossary import/export, memory
import/export and packages install run, and while the real window opens offscreen in a child
process. Only an explicit package download may use the network (not run here).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import network_guard
import pytest
from fuzz_inputs import seed_files
from reliability_kit import count

import main
import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def desk(tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("HANBIT_DATA_DIR", str(data))
    monkeypatch.delenv("HANBIT_GLOSSARY", raising=False)
    files = seed_files(tmp_path / "seeds")
    article = tmp_path / "article.txt"
    article.write_text(paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    pairs = tmp_path / "pairs.tsv"
    pairs.write_text("알리페이가 호주에 진출했다.\tAlipay entered Australia.\n", encoding="utf-8")
    return data, files, article, pairs


def test_headless_commands_never_touch_the_network(
    desk, tiny_packages_copy, tiny_argosmodel, tmp_path, monkeypatch, capsys
):
    data, files, article, pairs = desk
    d = ["--data-dir", str(data)]
    commands = [
        ["translate", str(article), "--from", "ko", "--to", "en",
         "--packages", str(tiny_packages_copy), *d],
        ["translate", str(article), "--from", "ko", "--to", "zh-Hans",
         "--packages", str(tiny_packages_copy), "--no-glossary", *d],
        ["terms", str(article), "--from", "ko", "--to", "en", *d],
        ["qa", str(pairs), "--from", "ko", "--to", "en", *d],
        ["glossary", "import", str(files["glossary.tbx"]), *d],
        ["glossary", "import", str(files["glossary.csv"]), *d],
        ["glossary", "export", str(tmp_path / "out.tbx"), *d],
        ["memory", "import", str(files["memory.tmx"]), *d],
        ["memory", "export", str(tmp_path / "out.tmx"), *d],
        ["export", str(files["project"]), str(tmp_path / "out.xlf"), *d],
        ["export", str(files["project"]), str(tmp_path / "out.docx"), *d],
        ["packages", "install", str(tiny_argosmodel), "--packages", str(tiny_packages_copy)],
        ["packages", "list", "--packages", str(tiny_packages_copy)],
    ]  # fmt: skip
    attempts = network_guard.install(monkeypatch)
    for argv in commands:
        code = main.main(argv)
        output = capsys.readouterr()
        assert code == 0, f"{argv[:2]} failed: {output.err[-500:]}"
        assert attempts == [], f"{argv[:2]} tried the network: {attempts}"
        count("offline commands (no connection tried)", "imported")
    assert "Alipay" in (tmp_path / "out.xlf").read_text(encoding="utf-8")


def test_the_window_opens_offscreen_without_the_network(tmp_path, tiny_packages_dir):
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "HANBIT_EXIT_WHEN_SHOWN": "1",
        "HANBIT_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", network_guard.NETWORK_GUARD_CHILD, str(Path(__file__).parent),
         "open", "--packages", str(tiny_packages_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    last = [line for line in done.stdout.splitlines() if line.startswith("ATTEMPTS ")][-1]
    assert last == "ATTEMPTS []", last
    count("offline commands (no connection tried)", "imported")


def test_the_guard_sees_an_explicit_download(tmp_path, monkeypatch):
    # The control: the one command that may use the network is caught by the same guard, so
    # an empty list above means no attempt, not a blind guard.
    attempts = network_guard.install(monkeypatch)
    index = "http://127.0.0.1:9/index.json"
    code = main.main(["packages", "download", "ko", "en", "--index", index,
                      "--packages", str(tmp_path / "p")])  # fmt: skip
    assert code != 0
    assert attempts, "the guard did not see the download's connection"
