"""Fuzzing the importers: every mutated file is imported whole or refused with the module's own
error, and after a refusal the store is byte-for-byte what it was (sha256 of the file).

Seeds are the desk's own exports (TBX, CSV, TSV, XLIFF 1.2/2.0, TMX, review DOCX); hypothesis
deletes, duplicates, replaces and inserts markup, separators, entities, control characters and
CJK text, or flips and truncates bytes. CI runs a fixed set (derandomized); HANBIT_SOAK=1 runs
thousands of random cases.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from fuzz_inputs import flipped_bytes, mutated, seed_files
from hypothesis import given
from hypothesis import strategies as st
from reliability_kit import FUZZ, count, fingerprint

from documents.project import Project
from documents.review_import import ReviewImportError, apply_review_import, plan_review_import
from documents.xliff_import import XliffImportError, import_xliff, read_xliff
from glossary.formats import apply_import, plan_import
from glossary.store import GlossaryError, Termbase, TermKind, term_key
from memory.store import TranslationMemory
from memory.tmx import TMXError, import_tmx, read_tmx


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return seed_files(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Pristine stores to copy for each case: a termbase and a memory holding one entry each."""
    from glossary.store import Concept, Term

    folder = tmp_path_factory.mktemp("stores")
    with Termbase(folder / "glossary.db") as termbase:
        termbase.add_concept(
            Concept(terms=[Term("ko", "앤트파이낸셜"), Term("en", "Ant Financial")])
        )
    with TranslationMemory(folder / "memory.db") as memory:
        memory.add("마윈이 말했다.", "Jack Ma said.", "ko", "en")
    return {"glossary": folder / "glossary.db", "memory": folder / "memory.db"}


def _case_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("case")


def _encode(draw, text: str) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp949"]))
    return text.encode(encoding, errors="replace" if encoding == "cp949" else "surrogatepass")


# --- glossary: TBX, CSV, TSV ------------------------------------------------------------------


def _glossary_case(name: str, data: bytes, stores, folder: Path, langs=None) -> None:
    path = folder / name
    path.write_bytes(data)
    db = Path(shutil.copy(stores["glossary"], folder / "glossary.db"))
    before = fingerprint(db)
    area = f"glossary import ({Path(name).suffix[1:].upper()})"
    termbase = Termbase(db)
    try:
        plan = plan_import(termbase, path, langs)
        apply_import(termbase, plan)
    except GlossaryError as error:
        assert str(error)
        termbase.close()
        assert fingerprint(db) == before, "a refused glossary import changed the termbase"
        count(area, "refused")
        return
    try:
        # Imported: every concept the plan added or changed is there with its forms.
        for concept in plan.added + plan.changed:
            for term in concept.terms:
                if term.kind != TermKind.FORBIDDEN:
                    assert termbase.find_form(term.lang, term_key(term.text)), term
    finally:
        termbase.close()
    count(area, "imported" if plan.added or plan.changed or not plan.rejected else "refused")


@FUZZ
@given(data=st.data())
def test_tbx_glossary_import(data, seeds, stores, tmp_path_factory):
    text = data.draw(mutated(seeds["glossary.tbx"].read_text(encoding="utf-8")))
    _glossary_case("fuzz.tbx", _encode(data.draw, text), stores, _case_folder(tmp_path_factory))


@FUZZ
@given(data=st.data(), suffix=st.sampled_from(["csv", "tsv", "two-column"]))
def test_csv_tsv_glossary_import(data, suffix, seeds, stores, tmp_path_factory):
    seed = "glossary.tsv" if suffix != "csv" else "glossary.csv"
    text = data.draw(mutated(seeds[seed].read_text(encoding="utf-8-sig")))
    folder = _case_folder(tmp_path_factory)
    if suffix == "two-column":
        _glossary_case("fuzz.txt", _encode(data.draw, text), stores, folder, ["ko", "en"])
    else:
        _glossary_case(f"fuzz.{suffix}", _encode(data.draw, text), stores, folder)


@FUZZ
@given(data=st.data())
def test_generated_csv_rows(data, stores, tmp_path_factory):
    cell = st.text(st.sampled_from(list("알리페이支付宝Alipay ,;\"'|=\t\n")), max_size=12)
    header = data.draw(
        st.lists(st.sampled_from(["ko", "en", "zh-Hans", "ko:variant", "en:forbidden", "en:notes",
                                  "note", "domain", "status", "xx", "??"]), min_size=1, max_size=5)
    )  # fmt: skip
    rows = data.draw(st.lists(st.lists(cell, min_size=0, max_size=6), max_size=8))
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    _glossary_case("rows.csv", _encode(data.draw, out.getvalue()), stores,
                   _case_folder(tmp_path_factory))  # fmt: skip


# --- XLIFF into a new project -----------------------------------------------------------------


@FUZZ
@given(data=st.data(), seed=st.sampled_from(["xliff12.xlf", "xliff20.xlf"]))
def test_xliff_project_import(data, seed, seeds, tmp_path_factory):
    folder = _case_folder(tmp_path_factory)
    path = folder / "fuzz.xlf"
    if data.draw(st.booleans(), label="bytes"):
        path.write_bytes(flipped_bytes(data.draw, seeds[seed].read_bytes()))
    else:
        path.write_bytes(_encode(data.draw, data.draw(mutated(seeds[seed].read_text("utf-8")))))
    out = folder / "out"
    out.mkdir()
    area = f"XLIFF {'1.2' if seed == 'xliff12.xlf' else '2.0'} import"
    try:
        project = import_xliff(path, out / "imported.hanbit")
    except XliffImportError as error:
        assert str(error)
        assert list(out.iterdir()) == [], "a refused XLIFF left a project file"
        count(area, "refused")
        return
    try:
        expected = read_xliff(path).segments
        got = project.segments()
        assert [(s.source, s.target, s.status) for s in got] == [
            (s.source, s.target, s.status) for s in expected
        ]
    finally:
        project.close()
    count(area, "imported")


# --- TMX into the memory ------------------------------------------------------------------------


@FUZZ
@given(data=st.data())
def test_tmx_memory_import(data, seeds, stores, tmp_path_factory):
    folder = _case_folder(tmp_path_factory)
    path = folder / "fuzz.tmx"
    if data.draw(st.booleans(), label="bytes"):
        path.write_bytes(flipped_bytes(data.draw, seeds["memory.tmx"].read_bytes()))
    else:
        text = data.draw(mutated(seeds["memory.tmx"].read_text("utf-8")))
        path.write_bytes(_encode(data.draw, text))
    db = Path(shutil.copy(stores["memory"], folder / "memory.db"))
    before = fingerprint(db)
    memory = TranslationMemory(db)
    try:
        import_tmx(memory, path)
    except TMXError as error:
        assert str(error)
        memory.close()
        assert fingerprint(db) == before, "a refused TMX import changed the memory"
        count("TMX import", "refused")
        return
    try:
        units, _ = read_tmx(path)
        held = {(u.source, u.source_lang, u.target_lang) for u in memory.units()}
        for unit in units:
            assert (unit.source, unit.source_lang, unit.target_lang) in {
                (s, a, b) for s, a, b in held
            } or any(s == unit.source for s, _, _ in held), unit
    finally:
        memory.close()
    count("TMX import", "imported")


# --- DOCX review into the project ---------------------------------------------------------------


REPLACEMENTS = ["Alipay", "translated", "reviewed", "[hd:1]", "", "새 번역", "支付宝", "Draft (MT)"]


def _edit_cells(draw, source: Path, target: Path) -> None:
    document = docx.Document(str(source))
    table = document.tables[0]
    for _ in range(draw(st.integers(1, 4), label="cell edits")):
        row = draw(st.integers(0, len(table.rows) - 1), label="row")
        column = draw(st.integers(0, len(table.columns) - 1), label="column")
        cell = table.rows[row].cells[column]
        action = draw(st.sampled_from(["replace", "append", "clear", "delete row", "add row"]))
        if action == "replace":
            cell.text = draw(st.sampled_from(REPLACEMENTS))
        elif action == "append":
            cell.paragraphs[-1].add_run(draw(st.sampled_from([" extra", "\t", " [hd:99]", "…"])))
        elif action == "clear":
            cell.text = ""
        elif action == "delete row" and len(table.rows) > 1:
            table._tbl.remove(table.rows[row]._tr)
        elif action == "add row":
            table.add_row().cells[0].text = draw(st.sampled_from(["", "[hd:2]", "7"]))
    document.save(str(target))


@FUZZ
@given(data=st.data())
def test_docx_review_import(data, seeds, tmp_path_factory):
    folder = _case_folder(tmp_path_factory)
    review = folder / "review.docx"
    kind = data.draw(st.sampled_from(["cells", "cells", "bytes", "xml"]), label="damage")
    if kind == "cells":
        _edit_cells(data.draw, seeds["review.docx"], review)
    elif kind == "bytes":
        review.write_bytes(flipped_bytes(data.draw, seeds["review.docx"].read_bytes()))
    else:
        import zipfile

        with zipfile.ZipFile(seeds["review.docx"]) as zin, zipfile.ZipFile(review, "w") as zout:
            for item in zin.infolist():
                part = zin.read(item)
                if item.filename == "word/document.xml":
                    part = data.draw(mutated(part.decode("utf-8"))).encode("utf-8", "surrogatepass")
                zout.writestr(item, part)
    project_path = Path(shutil.copy(seeds["project"], folder / "project.hanbit"))
    before = fingerprint(project_path)
    project = Project.open(project_path)
    try:
        plan = plan_review_import(project, review)
        if not plan.ok:
            assert all(str(problem) for problem in plan.problems)
            with pytest.raises(ReviewImportError):
                apply_review_import(project, plan)
            outcome = "refused"
        else:
            apply_review_import(project, plan)
            for change in plan.targets:
                assert project.segment(change.segment_id).target == change.new
            outcome = "imported"
    finally:
        project.close()
    if outcome == "refused":
        assert fingerprint(project_path) == before, "a refused review changed the project"
    count(f"DOCX review import ({kind})", outcome)


@pytest.mark.parametrize("code", ["o", "12", "k", "-ko"])
def test_xliff_with_a_bad_language_code_is_the_importers_error(code, seeds, tmp_path):
    # Found by the soak: source-language="o" surfaced as ProjectError from the project.
    text = (
        seeds["xliff12.xlf"]
        .read_text("utf-8")
        .replace('source-language="ko"', f'source-language="{code}"')
    )
    path = tmp_path / "bad.xlf"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(XliffImportError, match="source language"):
        import_xliff(path, tmp_path / "bad.hanbit")
    assert not (tmp_path / "bad.hanbit").exists()
