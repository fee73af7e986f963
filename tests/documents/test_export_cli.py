"""`main.py export`: the format from the extension or --format, clear errors, glossary marks."""

from __future__ import annotations

import docx
from export_sample import make_project

import main


def _project(tmp_path):
    project = make_project(tmp_path)
    path = project.path
    project.close()
    return path


def test_export_by_extension_and_by_format_name(tmp_path, capsys):
    project = _project(tmp_path)
    assert main.main(["export", str(project), str(tmp_path / "out.tmx")]) == 0
    printed = capsys.readouterr().out
    assert "out.tmx: TMX 1.4b" in printed and "translated or reviewed segments written" in printed
    assert (tmp_path / "out.tmx").read_text(encoding="utf-8").startswith("<?xml")

    target = tmp_path / "target-only.docx"
    assert main.main(["export", str(project), str(target), "--format", "docx-target"]) == 0
    assert "source kept in their place" in capsys.readouterr().out
    assert not docx.Document(str(target)).tables  # target-only, not the review table


def test_html_marks_terms_of_the_given_glossary(tmp_path, capsys):
    from glossary.store import Concept, Term, Termbase

    glossary = tmp_path / "glossary.db"
    termbase = Termbase(glossary)
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")]))
    close = getattr(termbase, "close", None)
    if close:
        close()
    project = _project(tmp_path)
    out = tmp_path / "page.html"
    code = main.main(["export", str(project), str(out), "--glossary", str(glossary)])
    assert code == 0, capsys.readouterr().err
    assert '<mark title="Alipay">알리페이</mark>' in out.read_text(encoding="utf-8")
    assert main.main(["export", str(project), str(out), "--no-glossary"]) == 0
    assert "<mark" not in out.read_text(encoding="utf-8")


def test_errors_are_one_clear_line(tmp_path, capsys):
    project = _project(tmp_path)
    assert main.main(["export", str(project), str(tmp_path / "out.pdf")]) == 2
    assert "Cannot tell the export format from 'out.pdf'" in capsys.readouterr().err
    assert main.main(["export", str(tmp_path / "missing.hanbit"), str(tmp_path / "o.csv")]) == 1
    assert "error:" in capsys.readouterr().err
    assert main.main(["export", str(project), str(tmp_path / "no" / "o.csv")]) == 1
    assert "does not exist" in capsys.readouterr().err
