"""`main.py translate` and `main.py packages`, run as a user runs them."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import main
from documents.segmentation import segment_document
from support.tiny_package import SEED_ARTICLE

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_START = "'하루 10조 매출' 알리바바, 6번째 '알리페이' 지사는 호주...\"세계로 가자\""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.ko.txt"
    path.write_text(SEED_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _tsv_rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


def test_translate_prints_tsv(article: Path, tiny_packages_dir: Path, capsys):
    code = main.main(
        [
            "translate",
            str(article),
            "--from",
            "ko",
            "--to",
            "en",
            "--packages",
            str(tiny_packages_dir),
            "--no-glossary",
        ]
    )
    out = capsys.readouterr().out
    rows = _tsv_rows(out)
    assert code == 0
    assert rows[0][0] == "1"
    assert all(len(row) == 3 and row[1] == row[2] for row in rows)  # the copy model
    assert [int(row[0]) for row in rows] == list(range(1, len(rows) + 1))
    segments = segment_document(article.read_text(encoding="utf-8"), "ko")
    assert [row[1] for row in rows] == [segment.text for segment in segments]


def test_translate_json_through_pivot(article: Path, tiny_packages_dir: Path, capsys):
    code = main.main(
        [
            "translate",
            str(article),
            "--from",
            "ko",
            "--to",
            "zh-Hans",
            "--packages",
            str(tiny_packages_dir),
            "--no-glossary",
            "--format",
            "json",
        ]
    )
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(rows[0]) == {"segment", "paragraph", "source", "target"}
    segments = segment_document(article.read_text(encoding="utf-8"), "ko")
    assert [(r["source"], r["paragraph"]) for r in rows] == [
        (s.text, s.paragraph) for s in segments
    ]
    assert all(row["source"] == row["target"] for row in rows)


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--from", "xx", "--to", "en"], 2, "unknown language 'xx': use one of"),
        (["--from", "ko", "--to", "zh-Hant"], 1, "download en→zh-Hant when online"),
    ],
)
def test_translate_errors_are_one_line(article, tiny_packages_dir, capsys, argv, code, message):
    result = main.main(
        ["translate", str(article), *argv, "--packages", str(tiny_packages_dir), "--no-glossary"]
    )
    err = capsys.readouterr().err
    assert result == code
    assert message in err and err.count("\n") == 1


def test_translate_missing_file(tmp_path: Path, tiny_packages_dir: Path, capsys):
    missing = tmp_path / "gone.txt"
    result = main.main(
        [
            "translate",
            str(missing),
            "--from",
            "ko",
            "--to",
            "en",
            "--packages",
            str(tiny_packages_dir),
        ]
    )
    assert result == 2
    assert capsys.readouterr().err == f"error: {missing} does not exist\n"


def test_translate_in_a_real_process(article: Path, tiny_packages_dir: Path, tmp_path: Path):
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "translate",
            str(article),
            "--from",
            "ko",
            "--to",
            "en",
            "--packages",
            str(tiny_packages_dir),
            "--no-glossary",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={
            "PATH": "/usr/bin:/bin",
            "HANBIT_DATA_DIR": str(tmp_path / "data"),
            "HOME": str(tmp_path),
        },
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0].split("\t")
    assert first == ["1", ARTICLE_START, ARTICLE_START]


def test_packages_install_list_remove(tiny_argosmodel: Path, tiny_packages_copy: Path, capsys):
    where = ["--packages", str(tiny_packages_copy)]
    assert main.main(["packages", *where, "install", str(tiny_argosmodel)]) == 0
    assert "Installed Chinese → English 1.0" in capsys.readouterr().out

    assert main.main(["packages", "list", *where]) == 0
    listed = capsys.readouterr().out
    assert "zh-Hans → en\t1.0\tChinese → English" in listed
    assert "ko → zh-Hans (via en)" in listed

    assert main.main(["packages", *where, "remove", "zh", "en"]) == 0
    assert main.main(["packages", *where, "remove", "zh", "en"]) == 1
    assert "no zh-Hans→en package is installed" in capsys.readouterr().err


def test_packages_install_refuses_a_bad_file(tmp_path: Path, capsys):
    bad = tmp_path / "bad.argosmodel"
    bad.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip
    assert main.main(["packages", "--packages", str(tmp_path / "p"), "install", str(bad)]) == 1
    assert capsys.readouterr().err == "error: bad.argosmodel: the archive is empty\n"


def test_packages_download_offline(tmp_path: Path, capsys):
    with socket.socket() as probe:  # a loopback port nobody listens on once closed
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    index = f"http://127.0.0.1:{port}/index.json"
    where = ["--packages", str(tmp_path)]
    assert main.main(["packages", *where, "download", "ko", "en", "--index", index]) == 1
    assert capsys.readouterr().err.startswith(f"error: no network: cannot reach 127.0.0.1:{port}")


def test_translate_enforces_the_glossary(tmp_path: Path, tiny_packages_dir: Path, capsys):
    from glossary.store import Concept, Term, Termbase

    termbase = Termbase(tmp_path / "glossary.db")
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))
    article = tmp_path / "one.txt"
    article.write_text("알리바바 알리페이가 호주에 지사를 설립한다.\n", encoding="utf-8")
    argv = ["translate", str(article), "--from", "ko", "--to", "en", "--format", "json"]
    where = ["--packages", str(tiny_packages_dir), "--glossary", str(tmp_path / "glossary.db")]
    assert main.main([*argv, *where]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    # The copy model returns what it was given, so the approved term shows it was injected.
    assert row["target"] == "알리바바 Alipay가 호주에 지사를 설립한다."
    assert row["glossary"]["ok"] is True
    assert [t["target"] for t in row["glossary"]["terms"]] == ["Alipay"]


def test_translate_with_a_missing_glossary(
    article: Path, tiny_packages_dir: Path, tmp_path, capsys
):
    missing = tmp_path / "nope.db"
    argv = ["translate", str(article), "--from", "ko", "--to", "en", "--glossary", str(missing)]
    assert main.main([*argv, "--packages", str(tiny_packages_dir)]) == 1
    assert capsys.readouterr().err == f"error: glossary {missing} does not exist\n"
