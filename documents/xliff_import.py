"""Read an XLIFF 1.x/2.x, SDLXLIFF or MQXLIFF file (safely) into a project that can write back."""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from documents.formats.xliff_doc import (
    Flavour,
    Location,
    child,
    files,
    flavour,
    imported_target,
    locations,
    segment_text,
)
from documents.inline import TOKEN, strip_tags
from documents.inline_codes import TagTable, describe, element_text, local_name
from documents.project import Project, Segment
from documents.project_model import LANG
from storage.inputs import check_input_file, read_input_bytes
from storage.xmlsafe import parse_xml_bytes

ORIGIN = "xliff-import"
MAX_BYTES = 200 * 1024 * 1024  # far beyond any news article; refuses runaway files early
# Project settings that let the export write targets back into the very file imported.
META_ORIGINAL = "xliff_original"  # zlib + base64 of the file's bytes, exactly as read
META_MAP = "xliff_map"  # JSON: flavour, file name, languages given, segment id per location
META_TAGS = "xliff_tags"  # JSON: segment id -> tag number -> what the tag stands for
SUFFIXES = (".xlf", ".xliff", ".xlf2", ".xliff2", ".sdlxliff", ".mqxliff")
_LANGUAGES = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "zh-hant": "zh-Hant",
}


class XliffImportError(Exception):
    """An XLIFF file that cannot be imported; the message says where and why."""


@dataclass
class XliffContent:
    source_lang: str
    target_lang: str
    name: str
    version: str  # "1.2" (also 1.0/1.1, SDLXLIFF, MQXLIFF) or "2.0" (also 2.1, 2.2)
    segments: list[Segment]  # one per location, in file order; ids are positions
    flavour: Flavour = Flavour.XLIFF1
    original: bytes = b""
    warnings: list[str] = field(default_factory=list)
    languages_given: dict[str, str] = field(default_factory=dict)  # what overrode the file
    locations: int = 0  # translatable locations of the file, skipped ones included
    placed: list[int] = field(default_factory=list)  # the location of each segment
    tags: list[dict[str, str]] = field(default_factory=list)  # per segment: tag -> what it is


def desk_language(code: str) -> str:
    """A BCP 47 code as the desk spells it: ko-KR -> ko, zh-CN -> zh-Hans, zh-TW -> zh-Hant."""
    lowered = code.strip().replace("_", "-").lower()
    if lowered in _LANGUAGES:
        return _LANGUAGES[lowered]
    if lowered.startswith("zh-hant"):
        return "zh-Hant"
    if lowered.startswith("zh-"):
        return "zh-Hans"
    return lowered.split("-")[0]


def parse_original(data: bytes, name: str) -> etree._Element:
    """The root of an XLIFF file's bytes; XliffImportError for anything unsafe or broken."""
    if len(data) > MAX_BYTES:
        raise XliffImportError(f"{name} is {len(data) // 2**20} MiB, too large for an XLIFF file")
    try:
        # XLIFF 1.0 files (Symfony, PHP tools, Passolo) name the OASIS DTD in a DOCTYPE: read
        # them, never loading it; a DOCTYPE that declares entities is still refused.
        root = parse_xml_bytes(data, name, XliffImportError, allow_doctype=True)
    except XliffImportError as error:
        if "DOCTYPE" in str(error) or "entities" in str(error):
            raise XliffImportError(
                f"{name} declares a DOCTYPE or entities; XLIFF needs neither"
            ) from None
        raise
    if local_name(root) != "xliff":
        raise XliffImportError(f"{name} is not XLIFF: its root element is <{local_name(root)}>")
    return root


def _read_bytes(path: Path) -> bytes:
    # A folder is called a folder; a FIFO or /dev/zero is refused before anything is read.
    size = check_input_file(path, XliffImportError)
    if size > MAX_BYTES:
        raise XliffImportError(f"{path.name} is {size // 2**20} MiB, too large for an XLIFF file")
    return read_input_bytes(path, MAX_BYTES, XliffImportError, "an XLIFF file")


def file_languages(root: etree._Element, kind: Flavour) -> tuple[str | None, str | None]:
    """The languages the file declares (2.x srcLang/trgLang, 1.x the first <file>'s)."""
    if kind is Flavour.XLIFF2:
        return root.get("srcLang"), root.get("trgLang")
    first = next(iter(files(root)), None)
    if first is None:
        return None, None
    return first.get("source-language"), first.get("target-language")


def _languages(
    name: str, declared: tuple[str | None, str | None], given: tuple[str | None, str | None]
) -> tuple[str, str]:
    source = given[0] or declared[0]
    target = given[1] or declared[1]
    if not source:
        raise XliffImportError(
            f"{name} does not say its source language; give it (--from ko, or in the dialog)"
        )
    if not target:
        raise XliffImportError(
            f"{name} does not say its target language (target-language / trgLang); "
            "give it (--to en, or in the dialog)"
        )
    pair = desk_language(source), desk_language(target)
    for what, code in zip(("source", "target"), pair, strict=True):
        if not LANG.match(code):  # checked here, so the error is the importer's own
            raise XliffImportError(
                f"{name}: the {what} language {code!r} is not a language code like ko"
            )
    return pair


def read_xliff(
    path: Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    untagged_translated: bool = False,
) -> XliffContent:
    """Parse an XLIFF file into one segment per translatable segment of the file.

    source_lang/target_lang replace what the file says (or supply what it lacks);
    untagged_translated takes a target the file gives no state as TRANSLATED (Xcode and
    Angular write finished targets without one) instead of DRAFT.
    """
    path = Path(path)
    data = _read_bytes(path)
    return read_xliff_bytes(
        data, path.name, source_lang=source_lang, target_lang=target_lang,
        untagged_translated=untagged_translated,
    )  # fmt: skip


def read_xliff_bytes(
    data: bytes,
    name: str,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    untagged_translated: bool = False,
) -> XliffContent:
    root = parse_original(data, name)
    kind = flavour(root)
    if kind is None:
        version = root.get("version") or "(none)"
        raise XliffImportError(
            f"{name}: XLIFF version {version} is not supported; the desk reads XLIFF 1.0–1.2 "
            "and 2.0–2.2, Trados SDLXLIFF and memoQ MQXLIFF"
        )
    if not files(root):
        raise XliffImportError(f"{name} has no <file> element")
    pair = _languages(name, file_languages(root, kind), (source_lang, target_lang))
    found = locations(root, kind)
    if not found:
        raise XliffImportError(
            f'{name} has no translatable units (every unit is empty, only tags, or translate="no")'
        )
    warnings: list[str] = []
    segments: list[Segment] = []
    placed: list[int] = []
    tags: list[dict[str, str]] = []
    paragraphs = _paragraphs(found, root)
    for index, (location, paragraph) in enumerate(zip(found, paragraphs, strict=True)):
        if TOKEN.search(strip_tags(location.source_text)) or _literal_tokens(location):
            warnings.append(
                f"{location.label}: its text contains ⟨n⟩ marks the desk uses for tags; "
                "left untranslated"
            )
            continue
        segments.append(_segment(location, paragraph, untagged_translated))
        placed.append(index)
        tags.append({str(n): describe(code) for n, code in location.table.codes.items()})
    if not segments:
        raise XliffImportError(f"{name} has no translatable units")
    for number, segment in enumerate(segments, start=1):
        segment.id = segment.number = number
    given = {k: v for k, v in (("source", source_lang), ("target", target_lang)) if v}
    version = "2.0" if kind is Flavour.XLIFF2 else "1.2"
    return XliffContent(
        pair[0], pair[1], files(root)[0].get("original", ""), version, segments, kind, data,
        warnings, given, len(found), placed, tags,
    )  # fmt: skip


def _literal_tokens(location: Location) -> bool:
    # A source whose own text (not its codes) holds ⟨1⟩ could not be told from a tag.
    plain = "".join(location.source.itertext())
    return bool(TOKEN.search(plain))


def _paragraphs(found: list[Location], root: etree._Element) -> list[int]:
    """Our own files group segments in paragraphs; another tool's segment is a paragraph of
    its own, so joining two of them (which the other tool could not take back) is refused."""
    numbers = []
    paragraph = -1
    last_key: object = None
    for location in found:
        parent = location.unit.getparent()
        ours = parent is not None and local_name(parent) == "group" and (
            parent.get("restype") == "x-paragraph" or parent.get("type") == "hanbit:paragraph"
        )  # fmt: skip
        key = parent if ours else location
        if key is not last_key:
            paragraph += 1
            last_key = key
        numbers.append(paragraph)
    return numbers


def _notes(location: Location) -> list[str]:
    unit = location.unit
    if location.flavour is Flavour.XLIFF2:
        notes = child(unit, "notes")
        elements = [n for n in notes if local_name(n) == "note"] if notes is not None else []
    else:
        elements = [n for n in unit if local_name(n) == "note" and n.get("from") != "glossary"]
    texts = ("".join(n.itertext()).strip() for n in elements)
    return [text for text in texts if text]


def _segment(location: Location, paragraph: int, untagged_translated: bool) -> Segment:
    source = segment_text(location, location.source_text)
    target, status = imported_target(location, untagged_translated=untagged_translated)
    # The unit's notes go with its first segment only.
    first = location.mid is None and location.segment is None or _first_of_unit(location)
    lines = (_notes(location) if first else []) + _matches(location)
    mt = _machine_translation(location, target)
    return Segment(0, 0, paragraph, source, target, status, mt, "\n".join(lines))


MATCHES_20 = "urn:oasis:names:tc:xliff:matches:2.0"
MAX_MATCHES = 3  # the best few, as a CAT tool's match list shows them


def _matches(location: Location) -> list[str]:
    """Another tool's translation matches (1.x alt-trans, 2.x mtc:match) as comment lines, so
    the translator sees them; the file keeps them untouched on write-back."""
    if location.flavour is Flavour.XLIFF2:
        holder = location.unit.find(f"{{{MATCHES_20}}}matches")
        candidates = list(holder) if holder is not None and location.segment is not None else []
        first = location.segment is not None and _first_of_unit(location)
        candidates = candidates if first else []
    else:
        candidates = [
            alt for alt in location.unit
            if local_name(alt) == "alt-trans" and alt.get("origin") != "machine-translation"
            and alt.get("mid") in (None, location.mid)
        ]  # fmt: skip
    lines = []
    for match in candidates[:MAX_MATCHES]:
        target = child(match, "target")
        if target is None:
            continue
        table = TagTable()  # the match's tags numbered as the segment's own
        element_text(location.source, table)
        text = " ".join(element_text(target, table, target=True).split())
        if not strip_tags(text).strip():
            continue
        quality = match.get("match-quality") or match.get("matchQuality") or ""
        origin = match.get("origin") or match.get("tool-id") or ""
        if quality and not quality.endswith("%"):
            quality += "%"
        about = ", ".join(part for part in (quality, origin) if part)
        lines.append(f"Match{f' ({about})' if about else ''}: {text}")
    return lines


def _first_of_unit(location: Location) -> bool:
    if location.segment is not None:
        return (
            next((s for s in location.unit if local_name(s) == "segment"), None) is location.segment
        )
    seg_source = child(location.unit, "seg-source")
    first = next(
        (m for m in seg_source.iter() if local_name(m) == "mrk" and m.get("mtype") == "seg"),
        None,
    ) if seg_source is not None else None  # fmt: skip
    return first is location.source


def _machine_translation(location: Location, target: str) -> str:
    """The MT draft our own exporter put in an alt-trans (or marked on the target)."""
    if location.flavour is Flavour.XLIFF2 or location.mid is not None:
        return ""
    target_element = location.target
    if target_element is not None and target_element.get("state-qualifier") in {
        "mt-suggestion", "leveraged-mt"
    }:  # fmt: skip
        return target
    for alt in location.unit:
        if local_name(alt) == "alt-trans" and alt.get("origin") == "machine-translation":
            alt_target = child(alt, "target")
            if alt_target is not None:
                table = TagTable()  # the draft's tags numbered as the segment's
                element_text(location.source, table)
                return element_text(alt_target, table, target=True).strip()
    return ""


def import_xliff(
    path: Path,
    project_path: Path,
    *,
    name: str | None = None,
    source_lang: str | None = None,
    target_lang: str | None = None,
    untagged_translated: bool = False,
) -> Project:
    """Create a new project at project_path from an XLIFF file (history origin "xliff-import").

    The project keeps the file itself, so exporting it to XLIFF (or .sdlxliff/.mqxliff)
    writes the translations back into the original: everything else stays as it was.
    """
    content = read_xliff(
        path, source_lang=source_lang, target_lang=target_lang,
        untagged_translated=untagged_translated,
    )  # fmt: skip
    return project_from_content(content, project_path, name=name or content.name or Path(path).stem)


def project_from_content(content: XliffContent, project_path: Path, *, name: str) -> Project:
    """A new project from what read_xliff found, with the original kept for write-back."""
    project = Project.create_from_segments(
        project_path,
        segments=content.segments,
        source_lang=content.source_lang,
        target_lang=content.target_lang,
        name=name,
        origin=ORIGIN,
    )
    try:
        ids: list[int | None] = [None] * content.locations
        described: dict[str, dict[str, str]] = {}
        for index, segment, tags in zip(
            content.placed, project.segments(), content.tags or [{}] * len(content.placed),
            strict=True,
        ):  # fmt: skip
            ids[index] = segment.id
            if tags:
                described[str(segment.id)] = tags
        with project.batch():
            project.set_meta(
                META_ORIGINAL, base64.b64encode(zlib.compress(content.original, 6)).decode()
            )
            project.set_meta(
                META_MAP,
                json.dumps({
                    "flavour": content.flavour.value,
                    "languages_given": content.languages_given,
                    "segments": ids,  # one per translatable location, in file order
                    "skipped": content.warnings,
                }),
            )  # fmt: skip
            project.set_meta(META_TAGS, json.dumps(described, ensure_ascii=False))
    except BaseException:
        project.close()
        Path(project_path).unlink(missing_ok=True)
        raise
    return project


def project_from_xliff(
    path: Path,
    project_path: Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    untagged_translated: bool = False,
) -> Path:
    """The entry point for `main.py new` and the desktop: make the project, close it, its path."""
    project = import_xliff(
        path, project_path, source_lang=source_lang, target_lang=target_lang,
        untagged_translated=untagged_translated,
    )  # fmt: skip
    project.close()
    return Path(project_path)
