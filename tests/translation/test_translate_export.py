"""`main.py translate --export`, and the curated glossary a new machine enforces by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from translate.storage.tmx import tmxfile
from translate.storage.xliff import xlifffile

import main
import paths
from documents.segmentation import segment_document


@pytest.fixture
def fresh_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine where the desk never ran: no termbase yet."""
    monkeypatch.setenv("HANBIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HANBIT_GLOSSARY", raising=False)
    return tmp_path / "data"


def _translate(tiny_packages_dir: Path, *extra: str) -> int:
    return main.main(["translate", str(paths.SAMPLE_ARTICLE), "--from", "ko", "--to", "en",
                      "--packages", str(tiny_packages_dir), *extra])  # fmt: skip


def test_a_new_machine_enforces_the_curated_glossary(fresh_desk, tiny_packages_dir, capsys):
    assert _translate(tiny_packages_dir, "--format", "json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert (fresh_desk / "glossary.db").exists()
    # The copy model returns its input, so the approved English forms show the injection.
    assert all(row["glossary"]["ok"] for row in rows)
    assert "Jack Ma" in rows[14]["target"] and "마윈" not in rows[14]["target"]
    assert "Yu'e Bao" in rows[13]["target"]


def test_export_writes_a_reviewable_docx(fresh_desk, tiny_packages_dir, tmp_path, capsys):
    out = tmp_path / "alipay.docx"
    assert _translate(tiny_packages_dir, "--export", str(out)) == 0
    assert capsys.readouterr().out == ""  # the file is the result, nothing printed
    table = Document(str(out)).tables[0]
    # python-docx's own cell.text reads every cell, the protected source column included.
    texts = [cell.text for row in table.rows for cell in row.cells]
    segments = segment_document(paths.SAMPLE_ARTICLE.read_text("utf-8"), "ko")
    assert all(any(s.text in text for text in texts) for s in segments)
    assert any("Alipay" in text for text in texts)


def test_export_format_follows_the_extension(fresh_desk, tiny_packages_dir, tmp_path, capsys):
    xlf = tmp_path / "alipay.xlf"
    assert _translate(tiny_packages_dir, "--export", str(xlf)) == 0
    units = [u for u in xlifffile.parsefile(str(xlf)).units if u.istranslatable()]
    assert len(units) == 27 and all("Alipay" in u.target for u in units if "알리페이" in u.source)
    assert f"27 segments written to {xlf} (xliff)" in capsys.readouterr().err
    tmx = tmp_path / "alipay.tmx"
    assert _translate(tiny_packages_dir, "--export", str(tmx)) == 0
    # MT drafts are not confirmed translations: a TMX of a fresh MT run holds no unit,
    # and the count printed says so rather than claiming the 27 segments went in.
    assert [u for u in tmxfile.parsefile(str(tmx)).units] == []
    printed = capsys.readouterr().err
    assert printed.startswith(f"0 segments written to {tmx} (tmx)")
    assert "TMX holds confirmed segments only: 0 of 27" in printed


def test_export_to_an_unknown_extension_is_refused(fresh_desk, tiny_packages_dir, tmp_path, capsys):
    out = tmp_path / "alipay.pdf"
    assert _translate(tiny_packages_dir, "--export", str(out)) == 2
    assert "pdf" in capsys.readouterr().err.lower()
    assert not out.exists()
