"""A Word document as translatable paragraphs: body, tables, text boxes, headers, footers, notes
and comments in document order, each with where it comes from and its formatting as tags."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from documents import inline_tags as tags
from storage.xmlsafe import parse_xml_bytes

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MAX_PART_BYTES = 200 * 1024 * 1024  # an uncompressed part: refuse zip bombs
MAX_PARTS = 2000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an encrypted .docx and an old .doc are OLE files
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


class DocxSourceError(ValueError):
    """A Word file that cannot be read: encrypted, damaged, an old .doc; the message says why."""


@dataclass
class DocxUnit:
    """One translatable paragraph and where it sits in the package."""

    part: str  # zip member, e.g. "word/document.xml"
    index: int  # position of its w:p among the part's paragraphs (document order)
    where: str  # for the translator: "Body", "Table 1, row 2, cell 1", "Footnote 2", ...
    text: str  # the paragraph with its formatting as protected tags (documents.inline_tags)
    element: etree._Element | None = field(default=None, repr=False, compare=False)
    layout: ParagraphLayout | None = field(default=None, repr=False, compare=False)


# (element kept as it is, the run properties it had when it sat in a run, whether it did)
KeptObject = tuple[etree._Element, etree._Element | None, bool]


@dataclass
class ParagraphLayout:
    """What the writer needs to rebuild the paragraph: the formatting behind each tag number."""

    base: tuple[bytes, int]  # (run properties XML, id of the link element or 0) of untagged text
    spans: dict[int, tuple[bytes, int]] = field(default_factory=dict)  # pair number -> format
    breaks: dict[int, tuple[str, tuple[bytes, int]]] = field(default_factory=dict)  # br or tab
    links: dict[int, etree._Element] = field(default_factory=dict)  # id -> w:hyperlink
    objects: dict[int, KeptObject] = field(default_factory=dict)
    aside: list[etree._Element] = field(default_factory=list)  # bookmarks: kept at the start


@dataclass
class DocxPackage:
    """The unzipped document: every part's bytes, the XML parts parsed, the units found."""

    files: dict[str, bytes]
    trees: dict[str, etree._Element]
    units: list[DocxUnit]


def open_package(data: bytes, name: str = "The document") -> DocxPackage:
    """Unzip and parse a .docx; DocxSourceError for encrypted, old, broken or hostile files."""
    if data.startswith(_OLE):
        if _ENCRYPTED in data:
            raise DocxSourceError(
                f"{name} is password-protected (encrypted): open it in Word, remove the "
                "password (File ▸ Info ▸ Protect Document) and save it again"
            )
        raise DocxSourceError(
            f"{name} is an old Word 97–2003 document (.doc) or another OLE file, not a .docx: "
            "save it as .docx in Word or LibreOffice"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DocxSourceError(f"{name} is not a Word .docx document (not a zip package)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise DocxSourceError(f"{name} has {len(infos)} parts: not a plausible document")
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise DocxSourceError(f"{name} has no word/document.xml: it is not a Word document")
        files: dict[str, bytes] = {}
        for info in infos:
            if info.file_size > MAX_PART_BYTES:
                raise DocxSourceError(
                    f"{name}: {info.filename} unpacks to {info.file_size // 1048576} MB: too big"
                )
            try:
                files[info.filename] = archive.read(info)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as problem:
                raise DocxSourceError(f"{name} is damaged ({info.filename}: {problem})") from None
    trees: dict[str, etree._Element] = {}
    for part in _text_parts(files):
        # storage.xmlsafe refuses a DTD or entities in any encoding (UTF-32 too): an entity
        # parsed with resolve_entities=False would silently drop its text from a paragraph.
        trees[part] = parse_xml_bytes(files[part], f"{name} is damaged: {part}", DocxSourceError)
    package = DocxPackage(files, trees, [])
    package.units = _units(package)
    return package


def read_docx(data: bytes, name: str = "The document") -> list[DocxUnit]:
    """The translatable paragraphs of a .docx in document order."""
    return open_package(data, name).units


def _number(part: str) -> int:
    found = re.search(r"(\d+)\.xml$", part)
    return int(found.group(1)) if found else 0


def _text_parts(files: dict[str, bytes]) -> list[str]:
    parts = ["word/document.xml"]
    for kind in ("header", "footer"):
        found = [n for n in files if re.fullmatch(rf"word/{kind}\d*\.xml", n)]
        parts += sorted(found, key=_number)
    parts += [
        n for n in ("word/footnotes.xml", "word/endnotes.xml", "word/comments.xml") if n in files
    ]
    return parts


def _paragraphs(root: etree._Element) -> list[etree._Element]:
    """Every w:p in document order, text-box paragraphs included, Word's VML fallback copies
    of text boxes left out (they repeat the DrawingML ones and are rewritten from them)."""
    return [
        p
        for p in root.iter(w("p"))
        if not any(a.tag == f"{{{MC}}}Fallback" for a in p.iterancestors())
    ]


def _units(package: DocxPackage) -> list[DocxUnit]:
    notes: dict[tuple[str, str], list[DocxUnit]] = {}
    for part, kind in (("word/footnotes.xml", "Footnote"), ("word/endnotes.xml", "Endnote")):
        root = package.trees.get(part)
        if root is None:
            continue
        paragraphs = _paragraphs(root)  # kept alive: lxml reuses a proxy only while referenced
        indexes = {id(p): i for i, p in enumerate(paragraphs)}
        for note in root.findall(w(kind.lower())):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            note_id = note.get(w("id"), "")
            notes[(kind, note_id)] = [
                unit for p in _paragraphs(note)
                if (unit := _unit(part, indexes[id(p)], f"{kind} {note_id}", p))
            ]  # fmt: skip
    root = package.trees.get("word/comments.xml")
    if root is not None:
        paragraphs = _paragraphs(root)  # kept alive: lxml reuses a proxy only while referenced
        indexes = {id(p): i for i, p in enumerate(paragraphs)}
        for comment in root.findall(w("comment")):
            note_id = comment.get(w("id"), "")
            author = comment.get(w("author"), "")
            where = f"Comment {note_id}" + (f" ({author})" if author else "")
            notes[("Comment", note_id)] = [
                unit for p in _paragraphs(comment)
                if (unit := _unit("word/comments.xml", indexes[id(p)], where, p))
            ]  # fmt: skip
    headers = [p for p in package.trees if "/header" in p]
    footers = [p for p in package.trees if "/footer" in p]
    units: list[DocxUnit] = []
    for part in headers:
        units += _part_units(package, part, "Header")
    used: set[tuple[str, str]] = set()
    body = package.trees["word/document.xml"]
    tables = list(body.iter(w("tbl")))
    for index, paragraph in enumerate(_paragraphs(body)):
        unit = _unit("word/document.xml", index, _where_in_body(paragraph, tables), paragraph)
        if unit:
            units.append(unit)
        for ref in paragraph.iter(
            w("footnoteReference"), w("endnoteReference"), w("commentReference")
        ):
            kind = {"footnoteReference": "Footnote", "endnoteReference": "Endnote"}.get(
                etree.QName(ref).localname, "Comment"
            )
            key = (kind, ref.get(w("id"), ""))
            if key in notes and key not in used:
                used.add(key)
                units += notes[key]
    for key, found in notes.items():
        if key not in used:  # a note nothing refers to still gets translated
            units += found
    for part in footers:
        units += _part_units(package, part, "Footer")
    return units


def _part_units(package: DocxPackage, part: str, label: str) -> list[DocxUnit]:
    number = _number(part)
    where = f"{label} {number}" if number else label
    return [
        unit for i, p in enumerate(_paragraphs(package.trees[part]))
        if (unit := _unit(part, i, where, p))
    ]  # fmt: skip


def _where_in_body(paragraph: etree._Element, tables: list[etree._Element]) -> str:
    for ancestor in paragraph.iterancestors():
        if ancestor.tag == w("txbxContent"):
            return "Text box"
        if ancestor.tag == w("tc"):
            row = ancestor.getparent()
            table = row.getparent() if row is not None else None
            if row is None or table is None:  # a cell outside a row, hand-made: no numbers
                return "Table"
            r = [c for c in table if c.tag == w("tr")].index(row) + 1
            c = [c for c in row if c.tag == w("tc")].index(ancestor) + 1
            number = next((n for n, t in enumerate(tables, start=1) if t is table), "?")
            return f"Table {number}, row {r}, cell {c}"
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    name = style.get(w("val"), "") if style is not None else ""
    if re.match(r"(?i)heading|title|subtitle|제목", name):
        return f"Body ({name})"
    return "Body"


# --- one paragraph as tagged text ------------------------------------------------------------

_DESCEND = {"ins", "smartTag", "customXml", "moveTo", "dir", "bdo", "sdtContent"}
_DROP = {"del", "moveFrom", "proofErr", "moveFromRangeStart", "moveFromRangeEnd"}
_ASIDE = {
    "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart",
    "permEnd", "moveToRangeStart", "moveToRangeEnd",
}  # fmt: skip
_RUN_SKIP = {"rPr", "lastRenderedPageBreak", "softHyphen"}


def _unit(part: str, index: int, where: str, paragraph: etree._Element) -> DocxUnit | None:
    layout, text = paragraph_layout(paragraph)
    if not tags.plain(text).strip():
        return None  # nothing to translate: an empty line, a picture alone
    return DocxUnit(part, index, where, text, paragraph, layout)


def paragraph_layout(paragraph: etree._Element) -> tuple[ParagraphLayout, str]:
    """The paragraph's text with tags, and the formatting each tag number stands for."""
    # (kind, value, format key): value is the text, None (br, tab) or the object kept as it is
    items: list[tuple[str, str | KeptObject | None, tuple[bytes, int]]] = []
    links: dict[int, etree._Element] = {}
    aside: list[etree._Element] = []

    def run(r: etree._Element, link: etree._Element | None) -> None:
        rpr = r.find(w("rPr"))
        key = (etree.tostring(rpr) if rpr is not None else b"", id(link) if link is not None else 0)
        if link is not None:
            links[id(link)] = link
        for child in r:
            name = etree.QName(child).localname if isinstance(child.tag, str) else ""
            if name in _RUN_SKIP or not name:
                continue
            if name == "t":
                items.append(("text", child.text or "", key))
            elif name == "noBreakHyphen":
                items.append(("text", "\u2011", key))
            elif name == "tab":
                items.append(("tab", None, key))
            elif name in ("br", "cr") and child.get(w("type")) in (None, "textWrapping"):
                items.append(("br", None, key))
            else:  # a footnote mark, picture, text box, field code, page break: kept as it is
                items.append(("object", (child, rpr, True), key))

    def walk(container: etree._Element, link: etree._Element | None) -> None:
        for child in list(container):
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname
            if name == "pPr":
                continue
            if name == "r":
                run(child, link)
            elif name == "hyperlink":
                walk(child, child)
            elif name == "sdt":
                content = child.find(w("sdtContent"))
                if content is not None:
                    walk(content, link)
            elif name in _DESCEND:
                walk(child, link)
            elif name in _DROP:
                continue
            elif name in _ASIDE:
                aside.append(child)
            else:  # fldSimple, oMath, anything we do not know: kept whole, in place
                items.append(("object", (child, None, False), (b"", 0)))

    walk(paragraph, None)
    weights: Counter[tuple[bytes, int]] = Counter()
    for kind, value, key in items:
        if kind == "text":
            weights[key] += len(str(value))
    base = weights.most_common(1)[0][0] if weights else (b"", 0)
    layout = ParagraphLayout(base=base, links=links, aside=aside)
    parts: list[str] = []
    open_key: tuple[bytes, int] | None = None
    open_number = 0
    next_number = 1

    def close() -> None:
        nonlocal open_key
        if open_key is not None:
            parts.append(tags.close_tag(open_number))
            open_key = None

    for kind, value, key in items:
        if kind in ("object", "br", "tab"):
            # A standalone inside a formatted stretch stays inside it: no need to close.
            if isinstance(value, tuple):  # an "object"
                layout.objects[next_number] = value
            else:
                layout.breaks[next_number] = (kind, key)
            parts.append(tags.standalone(next_number))
            next_number += 1
            continue
        text = str(value)
        if not text:
            continue
        if key == base:
            close()
        elif key != open_key:
            close()
            open_key, open_number = key, next_number
            layout.spans[next_number] = key
            next_number += 1
            parts.append(tags.open_tag(open_number))
        parts.append(text.replace("\n", " "))
    close()
    return layout, "".join(parts)
