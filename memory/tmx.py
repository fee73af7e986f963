"""TMX 1.4b import into the translation memory (safe parsing, all or nothing) and export from it."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from memory.languages import UnsupportedLanguageError, canonical_language
from memory.store import TranslationMemory
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


# A memory of a million units is a few hundred MB of TMX; a bigger file is refused unread.
MAX_TMX_BYTES = 1024 * 2**20


def _parse(path: Path) -> etree._ElementTree:
    # A DOCTYPE that only names tmx14.dtd is what TMX tools write; it is never loaded. Entities
    # (billion laughs, external files) are refused whatever the file's encoding.
    if not path.exists() and not path.is_symlink():
        raise TMXError(f"no TMX file at {path}")
    root = parse_xml_file(
        path, TMXError, allow_doctype=True, remove_comments=True, limit=MAX_TMX_BYTES
    )
    tree = root.getroottree()
    root = tree.getroot()
    if root.tag != "tmx":
        raise TMXError(f"{path.name} is not TMX: its root element is <{root.tag}>, not <tmx>")
    if root.find("body") is None:
        raise TMXError(f"{path.name} has no <body>")
    return tree


def _seg_text(seg: etree._Element) -> str:
    """The translatable text of a <seg>: inline codes dropped, highlighted text kept."""
    parts = [seg.text or ""]
    for child in seg:
        if child.tag not in _CODE_ELEMENTS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


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


def read_tmx(path: str | Path) -> tuple[list[IncomingUnit], list[tuple[str, str]]]:
    """The units a TMX file holds and the translation units left out (with why); TMXError when
    the file cannot be read safely."""
    path = Path(path)
    root = _parse(path).getroot()
    header = root.find("header")
    header_src = header.get("srclang") if header is not None else None
    units: list[IncomingUnit] = []
    skipped: list[tuple[str, str]] = []
    for position, tu in enumerate(root.find("body").iterfind("tu"), start=1):
        where = f"tu {tu.get('tuid')}" if tu.get("tuid") else f"tu #{position}"
        props = {prop.get("type"): (prop.text or "") for prop in tu.iterfind("prop")}
        # Our own export always names the origin (even none); other tools' units come from the file.
        origin = props[PROP_ORIGIN] if PROP_ORIGIN in props else path.name
        status = props.get(PROP_STATUS) if props.get(PROP_STATUS) in STATUSES else "confirmed"
        variants = []
        for tuv in tu.iterfind("tuv"):
            code = tuv.get(XML_LANG) or tuv.get("lang")
            seg = tuv.find("seg")
            text = _seg_text(seg) if seg is not None else ""
            variants.append((code, _language(code), text, tuv))
        wanted_src = _language(tu.get("srclang") or header_src)
        source = next((v for v in variants if v[1] and v[1] == wanted_src), None)
        source = source or next((v for v in variants if v[1]), None)
        if source is None:
            codes = ", ".join(str(v[0]) for v in variants) or "none"
            skipped.append((where, f"no language the memory holds (languages: {codes})"))
            continue
        if not source[2].strip():
            skipped.append((where, f"empty {source[1]} source segment"))
            continue
        targets = [v for v in variants if v is not source and v[1] != source[1]]
        if not targets:
            skipped.append((where, "no translation beside the source"))
            continue
        for code, language, text, tuv in targets:
            if language is None:
                skipped.append((where, f"language {code!r} is not one the memory holds"))
            elif not text.strip():
                skipped.append((where, f"empty {language} segment"))
            else:
                units.append(
                    IncomingUnit(
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
                    )
                )
    return units, skipped


def import_tmx(memory: TranslationMemory, path: str | Path) -> ImportReport:
    """Import a TMX file in one transaction: either every unit lands or none does."""
    units, skipped = read_tmx(path)
    report = ImportReport(skipped=skipped)
    outcomes = memory.add_many(units)
    for unit, outcome in zip(units, outcomes, strict=True):
        if outcome == ADDED:
            report.added += 1
        elif outcome == UPDATED:
            report.updated += 1
        elif outcome == UNCHANGED:
            report.skipped.append((_short(unit.source), "already in the memory"))
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
    try:
        handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".tmx", dir=path.parent)
    except OSError as error:  # a read-only or missing folder
        raise TMXError(f"cannot write {path.name}: {error.strerror or error}") from error
    written = 0
    try:
        with os.fdopen(handle, "wb") as stream, etree.xmlfile(stream, encoding="UTF-8") as xf:
            xf.write_declaration()
            xf.write_doctype(DOCTYPE)
            with xf.element("tmx", version="1.4"):
                xf.write("\n", header, "\n")
                with xf.element("body"):
                    xf.write("\n")
                    for unit in memory.units(source_lang, target_lang):
                        xf.write(_tu(unit), "\n")
                        written += 1
        _sync(temporary)  # on disk before it replaces the earlier file, even if power fails
        os.replace(temporary, path)
    except ValueError as error:
        os.unlink(temporary)
        raise TMXError(f"cannot write {path.name}: {error}") from error
    except OSError as error:  # a full disk, a refused rename: the earlier file stays
        os.unlink(temporary)
        raise TMXError(f"cannot write {path.name}: {error.strerror or error}") from error
    except BaseException:
        os.unlink(temporary)
        raise
    return written


def _sync(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _tu(unit: TMUnit) -> etree._Element:
    tu = etree.Element(
        "tu",
        tuid=str(unit.id),
        srclang=unit.source_lang,
        usagecount=str(unit.usage),
        creationdate=_stamp_to_tmx(unit.created_at),
        changedate=_stamp_to_tmx(unit.updated_at),
    )
    etree.SubElement(tu, "prop", type=PROP_ORIGIN).text = unit.origin
    etree.SubElement(tu, "prop", type=PROP_STATUS).text = unit.status
    for language, text in ((unit.source_lang, unit.source), (unit.target_lang, unit.target)):
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: language})
        # lxml raises ValueError for characters XML cannot hold; export_tmx reports it.
        etree.SubElement(tuv, "seg").text = text
    return tu
