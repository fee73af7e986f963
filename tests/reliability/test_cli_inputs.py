"""Every command given a hostile input path answers in one line: no traceback, no hang.

Inputs: a folder, a FIFO, a link to /dev/zero, damaged UTF-16, control and escape
characters, one very long line. Before, `qa` on a folder raised IsADirectoryError, elsewhere
a folder was "does not exist", and qa/terms/glossary candidates/open X.xlf on /dev/zero grew
to 3 GB (on a FIFO: blocked forever).
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from reliability_kit import count

import main
from documents.project import Project

KINDS = ["folder", "fifo", "dev-zero", "damaged-utf16", "controls", "long-line"]
# The words a user must read for each kind (any one of them).
SAYS = {
    "folder": ("folder",),
    "fifo": ("named pipe", "not a file", "not a regular file"),
    "dev-zero": ("device", "not a file", "not a regular file"),
}
COMMANDS = {
    "qa": (".tsv", ["qa", "{f}", "--from", "ko", "--to", "en", "--no-glossary"]),
    "terms": (".txt", ["terms", "{f}", "--from", "ko", "--to", "en", "--data-dir", "{d}"]),
    "glossary candidates": (".txt", ["glossary", "candidates", "{f}", "--from", "ko",
                                     "--data-dir", "{d}"]),
    "glossary import": (".csv", ["glossary", "import", "{f}", "--data-dir", "{d}"]),
    "new": (".txt", ["new", "{f}", "--from", "ko", "--out", "{d}/p.hanbit"]),
    "new xliff": (".xlf", ["new", "{f}", "--out", "{d}/x.hanbit"]),
    "translate": (".txt", ["translate", "{f}", "--from", "ko", "--to", "en", "--packages",
                           "{d}/no-packages", "--data-dir", "{d}"]),
    "memory import": (".tmx", ["memory", "import", "{f}", "--memory", "{d}/memory.db"]),
    "packages install": (".argosmodel", ["packages", "install", "{f}", "--packages",
                                         "{d}/packages"]),
    "export (project)": (".hanbit", ["export", "{f}", "{d}/out.csv"]),
    "review (docx)": (".docx", ["review", "{p}", "{f}"]),
}  # fmt: skip


def _make(kind: str, path: Path) -> Path:
    if kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "damaged-utf16":
        path.write_bytes(codecs.BOM_UTF16_LE + "알리페이\t\tAlipay\n".encode("utf-16-le") + b"\x00")
    elif kind == "controls":
        path.write_text("알리페이\x01가 \x1b[31m호주\u202e에\x00 진출했다.\tAlipay\n", "utf-8")
    else:
        path.write_text("알리페이가 호주에 진출했다. " * 40_000 + "\tAlipay\n", "utf-8")
    return path


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", COMMANDS)
def test_no_traceback_and_no_hang(command: str, kind: str, tmp_path: Path, capsys) -> None:
    suffix, argv = COMMANDS[command]
    data = tmp_path / "data"
    data.mkdir()
    (data / "no-packages").mkdir()
    target = _make(kind, tmp_path / f"input{suffix}")
    project = data / "p.hanbit"
    if "{p}" in argv:
        Project.create(project, source_text="알리페이가 호주에 진출했다.", source_lang="ko",
                       target_lang="en").close()  # fmt: skip
    args = [part.format(f=target, d=data, p=project) for part in argv]
    code = main.main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "unexpected" not in err, err
    assert "\x1b" not in out + err and "\u202e" not in out + err  # nothing raw to the terminal
    if kind in SAYS:
        assert code != 0
        assert any(word in err for word in SAYS[kind]), err
        assert "does not exist" not in err, err
    count(f"CLI hostile input: {command}", "refused" if code else "accepted")
