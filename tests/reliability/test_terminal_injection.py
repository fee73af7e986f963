"""Nothing read from a file rewrites the user's terminal: escape sequences and bidi overrides
in package metadata or glossary terms are printed as visible escapes (they were printed raw)."""

from __future__ import annotations

import json
from pathlib import Path

import main
from cli.common import safe_for_terminal

HOSTILE = "\x1b]0;owned\x07\x1b[2J한국어\u202eexe.txt\u2066"


def test_safe_for_terminal_shows_controls_and_keeps_text() -> None:
    shown = safe_for_terminal(HOSTILE + "\tok\n")
    assert shown == "\\u001b]0;owned\\u0007\\u001b[2J한국어\\u202eexe.txt\\u2066\tok\n"


def test_packages_list_never_prints_metadata_raw(tiny_packages_copy: Path, capsys) -> None:
    metadata_path = tiny_packages_copy / "translate-ko_en-1_0" / "metadata.json"
    metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
    metadata_path.write_text(
        json.dumps({**metadata, "from_name": HOSTILE, "package_version": "1.0\x1b[31m"}),
        encoding="utf-8",
    )
    assert main.main(["packages", "list", "--packages", str(tiny_packages_copy)]) == 0
    out, err = capsys.readouterr()
    for raw in ("\x1b", "\x07", "\u202e", "\u2066"):
        assert raw not in out + err
    assert "\\u001b]0;owned" in out and "\\u202eexe.txt" in out


def test_glossary_terms_are_never_printed_raw(tmp_path: Path, capsys) -> None:
    from glossary.store import Concept, Term, Termbase

    (tmp_path / "data").mkdir()
    termbase = Termbase(tmp_path / "data" / "glossary.db")
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Ali\u202epay")]))
    termbase.close()
    article = tmp_path / "article.txt"
    article.write_text("알리페이가 호주에 진출했다.", encoding="utf-8")
    main.main(["terms", str(article), "--from", "ko", "--to", "en", "--glossary",
               str(tmp_path / "data" / "glossary.db")])  # fmt: skip
    out, err = capsys.readouterr()
    assert "\u202e" not in out + err
    assert "Ali\\u202epay" in out  # shown, escaped, not hidden


def test_json_output_stays_valid_json_with_the_same_text() -> None:
    import json

    text = json.dumps({"term": "Ali\u202epay\x85\x1b"}, ensure_ascii=False)
    assert json.loads(safe_for_terminal(text)) == {"term": "Ali\u202epay\x85\x1b"}
