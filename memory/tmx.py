"""TMX 1.4b import into the translation memory (safe parsing, all or nothing) and export from it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree

from memory.languages import UnsupportedLanguageError, canonical_language
from memory.store import TranslationMemory
from memory.text import match_key
from memory.tmx_inline import Numbering, fill_seg, seg_text
from memory.units import (
    ADDED,
    OLDER,
    STATUSES,
    UNCHANGED,
    UPDATED,
    IncomingUnit,
    TMUnit,
    now_stamp,
)
from storage.atomic import atomic_writer
from storage.xmlsafe import parse_xml_file

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
CREATION_TOOL = "Hanbit Desk"
CREATION_TOOL_VERSION = "0.1.0"
# Our own unit fields travel as TMX properties (x- prefix: user-defined types).
PROP_ORIGIN = "x-origin"
PROP_STATUS = "x-status"

_TMX_DATE = re.compile(r"^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z$")
_STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$")
# Inline codes whose content is the original markup (<b>, {1}), not translatable text.
_CODE_ELEMENTS = {"bpt", "ept", "ph", "it", "ut"}


class TMXError(ValueError):
    """A TMX file that cannot be imported: malformed, not TMX, or hostile."""


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (which tu, why)
    duplicates: int = 0  # units the memory already held as they are: nothing to do, no error
    alternatives: int = 0  # other translations of a source kept beside the newest one


# A memory of a million units is a few hundred MB of TMX; a bigger file is refused unread.
MAX_TMX_BYTES = 1024 * 2**20


def _parse(path: Path) -> tuple[etree._Element, etree._Element]:
    """The file's <tmx> root and its <body>; TMXError when it is not TMX."""
    # A DOCTYPE that only names tmx14.dtd is what TMX tools write; it is never loaded. Entities
    # (billion laughs, external files) are refused whatever the file's encoding.
    if not path.exists() and not path.is_symlink():
        raise TMXError(f"no TMX file at {path}")
    root = parse_xml_file(
        path, TMXError, allow_doctype=True, remove_comments=True, limit=MAX_TMX_BYTES
    )
    root = root.getroottree().getroot()
    if root.tag != "tmx":
        raise TMXError(f"{path.name} is not TMX: its root element is <{root.tag!s}>, not <tmx>")
    body = root.find("body")
    if body is None:
        raise TMXError(f"{path.name} has no <body>")
    return root, body


def _stamp_from_tmx(value: str | None) -> str | None:
    match = _TMX_DATE.match(value or "")
    if not match:
        return None
    y, mo, d, h, mi, s = match.groups()
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}Z"


def _stamp_to_tmx(stamp: str) -> str:
    match = _STAMP.match(stamp)
    return "".join(match.groups()[:3]) + "T" + "".join(match.groups()[3:]) + "Z" if match else ""


def _usage(value: str | None) -> int:
    # Clamped: SQLite integers stop at 2**63, and a usage count is never near that.
    return min(int(value), 2**31 - 1) if value and re.fullmatch(r"[0-9]{1,30}", value) else 0


def _language(code: str | None) -> str | None:
    try:
        return canonical_language(code or "")
    except UnsupportedLanguageError:
        return None


@dataclass(frozen=True, slots=True)
class TMXUnit(IncomingUnit):
    """A unit read from TMX with what the file said beyond its text (stored as unit_meta)."""

    meta: dict = field(default_factory=dict, compare=False, hash=False)


# Attributes the memory stores in its own columns; every other tu/tuv attribute goes to meta.
_TU_COLUMNS = {"tuid", "srclang", "usagecount", "creationdate", "changedate"}
_TUV_COLUMNS = {XML_LANG, "lang", "creationdate", "changedate"}


def _extras(element: etree._Element, columns: set[str]) -> dict:
    """An element's attributes (creationid, changeid, ...), props and notes, for meta."""
    found: dict = {}
    attributes = {k: v for k, v in element.attrib.items() if k not in columns}
    if attributes:
        found["attributes"] = attributes
    props = [[p.get("type") or "", p.text or ""] for p in element.iterfind("prop")]
    props = [p for p in props if p[0] not in (PROP_ORIGIN, PROP_STATUS)]
    if props:
        found["props"] = props
    notes = [n.text or "" for n in element.iterfind("note")]
    if notes:
        found["notes"] = notes
    return found


def read_tmx(path: str | Path) -> tuple[list[TMXUnit], list[tuple[str, str]]]:
    """The units a TMX file (1.1 to 1.4b) holds and the translation units left out (with why);
    TMXError when the file cannot be read safely.

    Inline codes become tag tokens (⟨1⟩…⟨/1⟩, ⟨2/⟩) with the markup kept in meta; props,
    notes, creation and change ids are kept in meta; a source translated more than once in the
    file gives one unit with the newest target and the others as meta["alternatives"].
    """
    path = Path(path)
    root, body = _parse(path)
    header = root.find("header")
    header_src = header.get("srclang") if header is not None else None
    # The desk writes every <seg> on one line, so a newline at its edge is the translator's;
    # other tools' files may be pretty-printed, and there an edge newline is indentation.
    ours = header is not None and header.get("creationtool") == CREATION_TOOL
    units: list[TMXUnit] = []
    skipped: list[tuple[str, str]] = []
    for position, tu in enumerate(body.iterfind("tu"), start=1):
        where = f"tu {tu.get('tuid')}" if tu.get("tuid") else f"tu #{position}"
        props = {prop.get("type"): (prop.text or "") for prop in tu.iterfind("prop")}
        # Our own export always names the origin (even none); other tools' units come from the file.
        origin = props[PROP_ORIGIN] if PROP_ORIGIN in props else path.name
        status = props.get(PROP_STATUS, "")
        if status not in STATUSES:
            status = "confirmed"
        numbering = Numbering()
        variants = []
        for tuv in tu.iterfind("tuv"):
            code = tuv.get(XML_LANG) or tuv.get("lang")
            seg = tuv.find("seg")
            codes: dict = {}
            text = seg_text(seg, numbering, codes, verbatim=ours) if seg is not None else ""
            variants.append((code, _language(code), text, tuv, codes))
        wanted_src = _language(tu.get("srclang") or header_src)
        source = next((v for v in variants if v[1] and v[1] == wanted_src), None)
        source = source or next((v for v in variants if v[1]), None)
        if source is None or source[1] is None:
            named = ", ".join(str(v[0]) for v in variants) or "none"
            skipped.append((where, f"no language the memory holds (languages: {named})"))
            continue
        if not source[2].strip():
            skipped.append((where, f"empty {source[1]} source segment"))
            continue
        targets = [v for v in variants if v is not source and v[1] != source[1]]
        if not targets:
            skipped.append((where, "no translation beside the source"))
            continue
        tu_meta = _extras(tu, _TU_COLUMNS)
        if tu.get("tuid"):
            tu_meta["tuid"] = tu.get("tuid")
        for code, language, text, tuv, codes in targets:
            if language is None:
                skipped.append((where, f"language {code!r} is not one the memory holds"))
            elif not text.strip():
                skipped.append((where, f"empty {language} segment"))
            else:
                meta = dict(tu_meta)
                for side, variant in (
                    ("source", source),
                    ("target", (code, language, text, tuv, codes)),
                ):
                    extras = _extras(variant[3], _TUV_COLUMNS)
                    if variant[0] and variant[0] != variant[1]:
                        extras["lang"] = variant[0]  # en-US, as the file wrote it
                    if extras:
                        meta[f"{side}_tuv"] = extras
                    if variant[4]:
                        meta.setdefault("codes", {})[side] = variant[4]
                units.append(
                    TMXUnit(
                        source=source[2],
                        target=text,
                        source_lang=source[1],
                        target_lang=language,
                        origin=origin,
                        status=status,
                        created_at=_stamp_from_tmx(
                            tuv.get("creationdate") or tu.get("creationdate")
                        ),
                        updated_at=_stamp_from_tmx(
                            tuv.get("changedate")
                            or tu.get("changedate")
                            or tuv.get("creationdate")
                            or tu.get("creationdate")
                        ),
                        usage=_usage(tu.get("usagecount")),
                        meta=meta,
                    )
                )
    return _with_alternatives(units), skipped


def _with_alternatives(units: list[TMXUnit]) -> list[TMXUnit]:
    """One unit per source and pair: the newest target (the file's first when undated) with
    the others, newest first, in meta["alternatives"] instead of overwriting one another."""
    groups: dict[tuple[str, str, str], list[int]] = {}
    for number, unit in enumerate(units):
        key = (unit.source_lang, unit.target_lang, match_key(unit.source))
        groups.setdefault(key, []).append(number)
    kept: list[TMXUnit] = []
    for numbers in groups.values():
        ranked = sorted(numbers, key=lambda n: (units[n].updated_at or "", -n), reverse=True)
        ranked = [n for i, n in enumerate(ranked) if units[n].target not in
                  {units[m].target for m in ranked[:i]}]  # fmt: skip
        main, others = units[ranked[0]], [units[n] for n in ranked[1:]]
        if others:
            meta = dict(main.meta)
            meta["alternatives"] = [
                {
                    "target": other.target,
                    "origin": other.origin,
                    "status": other.status,
                    "created_at": other.created_at,
                    "updated_at": other.updated_at,
                    "meta": other.meta,
                }
                for other in others
            ]
            main = replace(main, meta=meta)
        kept.append(main)
    return kept


def import_tmx(memory: TranslationMemory, path: str | Path) -> ImportReport:
    """Import a TMX file in one transaction: either every unit lands or none does."""
    units, skipped = read_tmx(path)
    report = ImportReport(skipped=skipped)
    report.alternatives = sum(len(u.meta.get("alternatives", ())) for u in units)
    if hasattr(memory, "unit_meta"):
        outcomes = memory.add_many(units, [unit.meta for unit in units])
    else:  # a team server's memory keeps the text, not the TMX metadata
        outcomes = memory.add_many(units)
    for unit, outcome in zip(units, outcomes, strict=True):
        if outcome == ADDED:
            report.added += 1
        elif outcome == UPDATED:
            report.updated += 1
        elif outcome == UNCHANGED:
            report.duplicates += 1
        elif outcome == OLDER:
            report.skipped.append((_short(unit.source), "the memory has a newer translation"))
    return report


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:39] + "…"


def export_tmx(
    memory: TranslationMemory,
    path: str | Path,
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> int:
    """Write the memory (or the units of one pair / language) as TMX 1.4b; returns the unit count.

    The file is written beside the destination and moved into place, so a failed export leaves
    any earlier file untouched.
    """
    path = Path(path)
    source_lang = canonical_language(source_lang) if source_lang else None
    target_lang = canonical_language(target_lang) if target_lang else None
    header = etree.Element(
        "header",
        creationtool=CREATION_TOOL,
        creationtoolversion=CREATION_TOOL_VERSION,
        segtype="sentence",
        adminlang="en",
        srclang=source_lang or "*all*",
        datatype="plaintext",
        creationdate=_stamp_to_tmx(now_stamp()),
    )
    header.set("o-tmf", "HanbitDesk-SQLite")  # a hyphenated name cannot be a keyword argument
    written = 0
    try:
        # storage.atomic: a random temporary beside path, fsync, rename; on any failure the
        # earlier file stays and no temporary is left.
        with atomic_writer(path, TMXError) as stream, etree.xmlfile(stream, encoding="UTF-8") as xf:
            xf.write_declaration()
            xf.write_doctype(DOCTYPE)
            with xf.element("tmx", version="1.4"):
                xf.write("\n", header, "\n")
                with xf.element("body"):
                    xf.write("\n")
                    meta_of: Callable[[int], dict] = getattr(
                        memory, "unit_meta", lambda unit_id: {}
                    )
                    for unit in memory.units(source_lang, target_lang):
                        meta = meta_of(unit.id)
                        xf.write(_tu(unit, meta), "\n")
                        for alternative in meta.get("alternatives", ()):
                            xf.write(_alternative(unit, meta, alternative), "\n")
                        written += 1
    except (ValueError, etree.LxmlError) as error:  # text XML cannot hold, a failed write
        raise TMXError(f"cannot write {path.name}: {error}") from error
    return written


def _tu(unit: TMUnit, meta: dict) -> etree._Element:
    """A unit as TMX: our columns as attributes and x- props, the file's own attributes, props
    and notes as they were read, inline codes written back as the elements they came from."""
    tu = etree.Element(
        "tu",
        tuid=str(meta.get("tuid") or unit.id),
        srclang=unit.source_lang,
        usagecount=str(unit.usage),
        creationdate=_stamp_to_tmx(unit.created_at),
        changedate=_stamp_to_tmx(unit.updated_at),
    )
    _put_extras(tu, meta)
    etree.SubElement(tu, "prop", type=PROP_ORIGIN).text = unit.origin
    etree.SubElement(tu, "prop", type=PROP_STATUS).text = unit.status
    codes = meta.get("codes", {})
    for side, language, text in (
        ("source", unit.source_lang, unit.source),
        ("target", unit.target_lang, unit.target),
    ):
        extras = meta.get(f"{side}_tuv", {})
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: extras.get("lang") or language})
        _put_extras(tuv, extras)
        # lxml raises ValueError for characters XML cannot hold; export_tmx reports it.
        fill_seg(etree.SubElement(tuv, "seg"), text, codes.get(side, {}))
    return tu


def _alternative(unit: TMUnit, meta: dict, alternative: dict) -> etree._Element:
    """Another translation of the unit's source, as its own tu (what OmegaT writes too)."""
    other = alternative.get("meta") or {}
    shown = replace(
        unit,
        target=alternative.get("target", ""),
        origin=alternative.get("origin") or unit.origin,
        status=alternative.get("status") or unit.status,
        created_at=alternative.get("created_at") or "",
        updated_at=alternative.get("updated_at") or "",
    )
    tu = _tu(shown, {**other, "tuid": other.get("tuid") or f"{unit.id}-alt"})
    return tu


def _put_extras(element: etree._Element, extras: dict) -> None:
    for name, value in extras.get("attributes", {}).items():
        element.set(name, value)
    for text in extras.get("notes", ()):
        etree.SubElement(element, "note").text = text
    for kind, text in extras.get("props", ()):
        etree.SubElement(element, "prop", type=kind).text = text
