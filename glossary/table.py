"""CSV/TSV glossaries: language-code headers, OmegaT source<TAB>target<TAB>comment, DeepL CSV."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from pathlib import Path

from documents.sources import CONFIDENT, SourceError, decode_text
from glossary.model import (
    Concept,
    GlossaryError,
    Term,
    TermKind,
    control_character,
    strip_controls,
)
from glossary.tbx import TbxEntry

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
_TERM_PARTS = ("preferred", "variant", "forbidden")
# A cell Excel or LibreOffice would run as a formula (OWASP "CSV injection"): =, +, -, @, and
# tab or carriage return before them. Exports prefix such a cell with an apostrophe, which the
# spreadsheet shows as text and hides; imports take the apostrophe off again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Decoding:
    """How a table's bytes became text: certain (BOM, valid UTF-8, chosen) or a guess."""

    encoding: str
    confidence: float  # 1.0 when certain
    method: str
    alternatives: tuple[str, ...] = ()

    @property
    def guessed(self) -> bool:
        return self.confidence < CONFIDENT


@dataclass
class TableRead:
    entries: list[TbxEntry] = field(default_factory=list)
    decoding: Decoding | None = None
    broken: list[tuple[int, str]] = field(default_factory=list)  # (line, why) rows not read


def decode(data: bytes, path: Path, encoding: str | None = None) -> tuple[str, Decoding]:
    """Text of a glossary table: a BOM (UTF-8, UTF-16 from Excel), strict UTF-8, else a ranked
    guess among CP949, GB18030 and Big5 that the caller must show before importing. Invalid
    UTF-8 is never repaired; damaged UTF-16 and control characters are refused by name."""
    try:
        decoded = decode_text(data, str(path), encoding=encoding)
    except SourceError as error:
        raise GlossaryError(_control_message(data, path, encoding) or str(error)) from None
    return decoded.text, Decoding(
        decoded.encoding, decoded.confidence, decoded.method, decoded.alternatives
    )


def _control_message(data: bytes, path: Path, encoding: str | None) -> str:
    """Which control character, on which line, when that is why a table was refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ""  # a damaged UTF-16 file: the decoder's own message says where
    if not encoding and data.count(b"\x00") > len(data) // 4:
        return (
            f"{path} looks like UTF-16 text without a byte order mark: import it with the "
            "encoding utf-16 (--encoding utf-16), or save it as UTF-8"
        )
    for codec in (encoding, "utf-8-sig", "utf-16"):
        try:
            text = data.decode(codec) if codec else None
        except (UnicodeDecodeError, LookupError):
            continue
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), 1):
            if bad := control_character(line.replace("\t", "")):
                return (
                    f"{path}, line {number}: the control character {bad} is in a cell; a "
                    "glossary holds none (a damaged or binary file?): remove it and import again"
                )
        return ""
    return ""


def _cell(text: str) -> str:
    text = text.strip()
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        return text[1:]  # the apostrophe our export put before a formula-like cell
    return text


def _rows(path: Path, two_column: bool, encoding: str | None) -> tuple[list, Decoding]:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise GlossaryError(f"cannot read {path}: {error.strerror or error}") from None
    text, decoding = decode(data, path, encoding)
    first = text.split("\n", 1)[0]
    if Path(path).suffix.lower() == ".csv":
        try:
            delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
        except csv.Error:
            delimiter = ","
    else:
        delimiter = "\t"
    # strict: a quote opened and never closed is an error, not every later row in one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    start = 1
    try:
        for row in reader:
            cells = [_cell(cell) for cell in row]
            if two_column and cells and cells[0].startswith("#"):
                pass  # OmegaT: a line starting with # is a comment
            elif any(cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise GlossaryError(
            f'{path}, line {start}: {error}; a quote (") opened on that line is never closed, '
            "so every later row would run into one cell: nothing was imported"
        ) from None
    return rows, decoding


def read_table(
    path: Path, langs: Sequence[str] | None = None, encoding: str | None = None
) -> TableRead:
    """One entry per row. With langs=(source, target) the file is OmegaT-style (no header);
    a DeepL CSV (source,target,SOURCE_LANG,TARGET_LANG) names its languages on every row;
    otherwise the first row names the columns."""
    if langs and len(langs) != 2:
        raise GlossaryError("a two-column glossary needs exactly two languages: SOURCE TARGET")
    rows, decoding = _rows(path, bool(langs), encoding)
    read = TableRead(decoding=decoding)
    if not rows:
        return read
    term_columns = [0, 1]
    if langs:
        builder = lambda row: _two_column(row, langs)  # noqa: E731
        body = rows
    elif _is_deepl(rows):
        builder, body = _deepl, rows
    else:
        header_line, header = rows[0]
        columns = [_column(cell, path, header_line) for cell in header]
        term_columns = [i for i, (lang, part) in enumerate(columns) if part in _TERM_PARTS]
        builder = lambda row: _concept(row, columns)  # noqa: E731
        body = rows[1:]
    for line, row in body:
        multi = next((row[i] for i in term_columns if i < len(row) and "\n" in row[i]), None)
        if multi is not None:
            read.broken.append(
                (line, f"a term runs over several lines ({multi[:30]!r}…): a quote is not closed")
            )
            continue
        try:
            read.entries.append(TbxEntry(line, builder(row)))
        except GlossaryError as error:
            read.broken.append((line, str(error)))
    return read


def _is_deepl(rows: list[tuple[int, list[str]]]) -> bool:
    """Every row: source, target, source language, target language (DeepL's glossary CSV)."""
    return all(len(r) == 4 and _LANG.match(r[2]) and _LANG.match(r[3]) for _, r in rows)


def _deepl(row: list[str]) -> Concept:
    source, target, source_lang, target_lang = row
    terms = [Term(source_lang, source)]
    if target:
        terms.append(Term(target_lang, target))
    return Concept(terms=terms)


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
        "OmegaT file give the languages; a DeepL CSV has four columns (source, target, "
        "source language, target language)"
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


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text: formula-like cells get a leading apostrophe (OWASP),
    and characters no file should hold (an older termbase's U+0001) are dropped."""
    cell = strip_controls(cell)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write_table(
    concepts: Iterable[Concept],
    path: Path,
    langs: Sequence[str] | None = None,
    two_column: bool = False,
) -> int:
    """Write concepts as CSV (.csv, UTF-8 with BOM for Excel) or TSV; returns rows written.

    two_column with langs=(source, target) writes OmegaT's source<TAB>target<TAB>comment.
    Cells that a spreadsheet would run as a formula are written with a leading apostrophe.
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
    else:
        header, cells = _wide(concepts, list(langs) if langs else _languages(concepts))
        writer.writerow(header)
        rows = [[cell(c) for cell in cells] for c in concepts]
    writer.writerows([[neutralise(cell or "") for cell in row] for row in rows])
    encoding = "utf-8-sig" if delimiter == "," else "utf-8"
    Path(path).write_text(out.getvalue(), encoding=encoding, newline="")
    return len(rows)


Cell = Callable[[Concept], "str | None"]  # one column of the wide table


def _preferred_cell(lang: str, concept: Concept) -> str:
    return concept.preferred(lang) or ""


def _forms_cell(lang: str, kind: TermKind, concept: Concept) -> str:
    return SEPARATOR.join(concept.forms(lang, kind))


def _notes_cell(lang: str, concept: Concept) -> str:
    return SEPARATOR.join(
        f"{t.text} = {t.note}" for t in concept.terms if t.lang == lang and t.note
    )


def _wide(concepts: list[Concept], langs: list[str]) -> tuple[list[str], list[Cell]]:
    header: list[str] = []
    cells: list[Cell] = []
    for lang in langs:
        header.append(lang)
        cells.append(partial(_preferred_cell, lang))
        for part, kind in _KINDS.items():
            if any(c.forms(lang, kind) for c in concepts):
                header.append(f"{lang}:{part}")
                cells.append(partial(_forms_cell, lang, kind))
        if any(t.note for c in concepts for t in c.terms if t.lang == lang):
            header.append(f"{lang}:notes")
            cells.append(partial(_notes_cell, lang))
    header += ["domain", "note"]
    cells += [attrgetter("domain"), attrgetter("note")]
    if any(c.status != "approved" for c in concepts):
        header.append("status")
        cells.append(attrgetter("status"))
    for name, attribute in (("created", "created_at"), ("updated", "updated_at")):
        if any(getattr(c, attribute) for c in concepts):
            header.append(name)
            cells.append(attrgetter(attribute))
    return header, cells
