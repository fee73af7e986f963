"""CSV/TSV glossaries: a header of language codes, or OmegaT's source<TAB>target<TAB>comment."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from glossary.store import Concept, GlossaryError, Term, TermKind

# Header cells: "ko" (preferred), "ko:variant", "ko:forbidden", "ko:notes", plus concept fields
# (domain, note, status, created, updated).
# Several forms share a cell separated by " | "; a notes cell holds "form = note" entries.
SEPARATOR = " | "
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_FIELDS = {
    "domain": "domain",
    "subject": "domain",
    "subjectfield": "domain",
    "note": "note",
    "notes": "note",
    "comment": "note",
    "definition": "note",
    "status": "status",
    "created": "created_at",
    "updated": "updated_at",
}
_KINDS = {"variant": TermKind.VARIANT, "forbidden": TermKind.FORBIDDEN}
_ORDER = ("ko", "zh-Hans", "zh-Hant", "en")


def decode(data: bytes, path: Path) -> str:
    """Text of a glossary file: UTF-8 (with or without BOM), UTF-16, else a detected legacy
    encoding such as CP949 from Korean Excel."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise GlossaryError(f"{path}: cannot tell the text encoding; save it as UTF-8")
    return str(best)


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    try:
        text = decode(Path(path).read_bytes(), path)
    except OSError as error:
        raise GlossaryError(f"cannot read {path}: {error.strerror or error}") from None
    first = text.split("\n", 1)[0]
    if Path(path).suffix.lower() == ".csv":
        try:
            delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    else:
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as error:
        raise GlossaryError(f"{path}, line {reader.line_num}: {error}") from None
    return rows


def read_table(path: Path, langs: Sequence[str] | None = None) -> list[tuple[int, Concept]]:
    """(line, concept) per row. With langs=(source, target) the file is OmegaT-style, without
    a header; otherwise the first row names the columns."""
    rows = _rows(path)
    if langs:
        if len(langs) != 2:
            raise GlossaryError("a two-column glossary needs exactly two languages: SOURCE TARGET")
        return [(line, _two_column(row, langs)) for line, row in rows]
    if not rows:
        return []
    header_line, header = rows[0]
    columns = [_column(cell, path, header_line) for cell in header]
    return [(line, _concept(row, columns)) for line, row in rows[1:]]


def _two_column(row: list[str], langs: Sequence[str]) -> Concept:
    source, target = langs
    terms = [Term(source, row[0])]
    if len(row) > 1 and row[1]:
        terms.append(Term(target, row[1]))
    return Concept(terms=terms, note=row[2] if len(row) > 2 else "")


def _column(cell: str, path: Path, line: int) -> tuple[str, str]:
    """("field", name) or (lang, "preferred" | "variant" | "forbidden" | "notes")."""
    name = cell.strip()
    if name.lower() in _FIELDS:
        return ("field", _FIELDS[name.lower()])
    lang, _, part = name.partition(":")
    if _LANG.match(lang) and part in ("", "variant", "forbidden", "notes"):
        return (lang, part or "preferred")
    raise GlossaryError(
        f"{path}, line {line}: column {name!r} is neither a language code (ko, zh-Hans, en, "
        "ko:variant, en:forbidden, en:notes) nor domain/note/status; for a two-column "
        "OmegaT file give the languages"
    )


def _concept(row: list[str], columns: list[tuple[str, str]]) -> Concept:
    concept = Concept()
    notes: dict[tuple[str, str], str] = {}
    for (lang, part), cell in zip(columns, row, strict=False):
        if not cell:
            continue
        if lang == "field":
            setattr(concept, part, cell)
        elif part == "preferred":
            concept.terms.append(Term(lang, cell, TermKind.PREFERRED))
        elif part == "notes":
            for item in cell.split(SEPARATOR):
                form, _, note = item.partition(" = ")
                notes[(lang, form.strip())] = note.strip()
        else:
            concept.terms.extend(Term(lang, f.strip(), _KINDS[part]) for f in cell.split(SEPARATOR))
    for term in concept.terms:
        term.note = notes.get((term.lang, term.text), "")
    return concept


def _languages(concepts: list[Concept]) -> list[str]:
    seen = {lang for c in concepts for lang in c.languages()}
    return [lang for lang in _ORDER if lang in seen] + sorted(seen - set(_ORDER))


def write_table(
    concepts: Iterable[Concept],
    path: Path,
    langs: Sequence[str] | None = None,
    two_column: bool = False,
) -> int:
    """Write concepts as CSV (.csv, UTF-8 with BOM for Excel) or TSV; returns rows written.

    two_column with langs=(source, target) writes OmegaT's source<TAB>target<TAB>comment.
    """
    concepts = list(concepts)
    delimiter = "," if Path(path).suffix.lower() == ".csv" else "\t"
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if two_column:
        if not langs or len(langs) != 2:
            raise GlossaryError("a two-column glossary needs exactly two languages")
        rows = [
            [c.preferred(langs[0]), c.preferred(langs[1]) or "", c.note]
            for c in concepts
            if c.preferred(langs[0])
        ]
        writer.writerows(rows)
    else:
        header, cells = _wide(concepts, list(langs) if langs else _languages(concepts))
        writer.writerow(header)
        rows = [[cell(c) for cell in cells] for c in concepts]
        writer.writerows(rows)
    encoding = "utf-8-sig" if delimiter == "," else "utf-8"
    Path(path).write_text(out.getvalue(), encoding=encoding, newline="")
    return len(rows)


def _wide(concepts: list[Concept], langs: list[str]):
    header: list[str] = []
    cells = []
    for lang in langs:
        header.append(lang)
        cells.append(lambda c, lang=lang: c.preferred(lang) or "")
        for part, kind in _KINDS.items():
            if any(c.forms(lang, kind) for c in concepts):
                header.append(f"{lang}:{part}")
                cells.append(lambda c, lang=lang, k=kind: SEPARATOR.join(c.forms(lang, k)))
        if any(t.note for c in concepts for t in c.terms if t.lang == lang):
            header.append(f"{lang}:notes")
            cells.append(
                lambda c, lang=lang: SEPARATOR.join(
                    f"{t.text} = {t.note}" for t in c.terms if t.lang == lang and t.note
                )
            )
    header += ["domain", "note"]
    cells += [lambda c: c.domain, lambda c: c.note]
    if any(c.status != "approved" for c in concepts):
        header.append("status")
        cells.append(lambda c: c.status)
    for name, attribute in (("created", "created_at"), ("updated", "updated_at")):
        if any(getattr(c, attribute) for c in concepts):
            header.append(name)
            cells.append(lambda c, a=attribute: getattr(c, a))
    return header, cells
