"""A scripted round trip: `main.py new FILE.sdlxliff`, then `main.py export` back into it."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

import main
from documents.project import Project, Status

FIXTURES = Path(__file__).parent / "fixtures" / "xliff"


def test_new_then_export_writes_back_into_the_trados_file(tmp_path, capsys):
    source = FIXTURES / "okapi" / "simpleTest15984.sdlxliff"
    project_path = tmp_path / "simple.hanbit"
    assert main.main(["new", str(source), "--out", str(project_path)]) == 0
    assert capsys.readouterr().out.strip() == str(project_path)
    with Project.open(project_path) as project:
        assert (project.source_lang, project.target_lang) == ("en", "es")
        first = project.segments()[0]
        project.set_target(first.id, "Hola " + first.source, status=Status.TRANSLATED)
    out = tmp_path / "simple.sdlxliff"
    assert main.main(["export", str(project_path), str(out)]) == 0
    assert "written back" in capsys.readouterr().out
    root = etree.fromstring(out.read_bytes())
    assert root.nsmap["sdl"] == "http://sdl.com/FileTypes/SdlXliff/1.0"
    confs = [s.get("conf") for s in root.iter("{http://sdl.com/FileTypes/SdlXliff/1.0}seg")]
    assert confs.count("Translated") == 1
    # --format xliff still gives the desk's own XLIFF 1.2.
    own = tmp_path / "own.xlf"
    assert main.main(["export", str(project_path), str(own), "--format", "xliff"]) == 0
    assert "hanbit-desk" in own.read_text(encoding="utf-8")


def test_new_refuses_a_file_without_languages_and_says_what_to_give(tmp_path, capsys):
    source = FIXTURES / "weblate" / "ids-translated.xliff"
    assert main.main(["new", str(source), "--out", str(tmp_path / "p.hanbit")]) == 1
    assert "does not say its source language; give it (--from" in capsys.readouterr().err
    assert not (tmp_path / "p.hanbit").exists()
    args = ["new", str(source), "--from", "en", "--to", "cs", "--out", str(tmp_path / "p.hanbit")]
    assert main.main([*args, "--targets-translated"]) == 0
    with Project.open(tmp_path / "p.hanbit", read_only=True) as project:
        statuses = [s.status for s in project.segments()]
    assert statuses == [Status.TRANSLATED, Status.TRANSLATED, Status.NEW]
