"""`main.py memory ...`: import, lookup, stats and export from the command line."""

from __future__ import annotations

from pathlib import Path

import main
from memory.store import TranslationMemory

SOURCE = "알리페이가 호주에 6번째 지사를 설립한다."
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="ko-KR" datatype="plaintext"/><body>
<tu><tuv xml:lang="ko-KR"><seg>{source}</seg></tuv><tuv xml:lang="en-US"><seg>Alipay opens its
 sixth branch in Australia.</seg></tuv></tu>
<tu tuid="solo"><tuv xml:lang="ko-KR"><seg>번역 없는 문장</seg></tuv></tu>
</body></tmx>
"""


def test_import_lookup_stats_export(tmp_path: Path, capsys):
    tmx = tmp_path / "vendor.tmx"
    tmx.write_text(TMX.format(source=SOURCE), encoding="utf-8")
    db = ["--memory", str(tmp_path / "memory.db")]

    assert main.main(["memory", "import", str(tmx), *db]) == 1  # one unit skipped
    out, err = capsys.readouterr()
    assert "1 added, 0 updated, 1 skipped" in out and "tu solo" in err

    query = SOURCE.replace("6", "7")
    assert main.main(["memory", "lookup", query, "--from", "ko", "--to", "en", *db]) == 0
    out, _ = capsys.readouterr()
    assert "[-6-]{+7+}" in out and "-> Alipay opens its" in out

    assert main.main(["memory", "lookup", "전혀 다른 문장", "--from", "ko", "--to", "en", *db]) == 1

    assert main.main(["memory", "stats", *db]) == 0
    assert "ko -> en: 1" in capsys.readouterr().out

    out_file = tmp_path / "ko-en.tmx"
    assert main.main(["memory", "export", str(out_file), "--from", "ko", "--to", "en", *db]) == 0
    with TranslationMemory(tmp_path / "again.db") as again:
        assert main.main(["memory", "import", str(out_file), "--memory", str(again.path)]) == 0
        assert [u.source for u in again.units()] == [SOURCE]


def test_unusable_files_give_status_2_and_a_message(tmp_path: Path, capsys):
    not_memory = tmp_path / "notes.txt"
    not_memory.write_text("notes " * 200, encoding="utf-8")
    assert main.main(["memory", "stats", "--memory", str(not_memory)]) == 2
    assert "not a translation memory" in capsys.readouterr().err
    db = ["--memory", str(tmp_path / "memory.db")]
    assert main.main(["memory", "import", str(tmp_path / "missing.tmx"), *db]) == 2
    assert "no TMX file" in capsys.readouterr().err
    assert main.main(["memory", "lookup", "문장", "--from", "fr", "--to", "en", *db]) == 2
    assert "'fr'" in capsys.readouterr().err
