"""Write targets back into the XLIFF a project was imported from: only targets and states change."""

from __future__ import annotations

import base64
import copy
import json
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from documents.atomic import ExportError
from documents.formats.xliff_doc import (
    MQ_NS,
    MQ_WRITE,
    SDL_WRITE,
    STATE_12_WRITE,
    STATE_20_WRITE,
    Flavour,
    Location,
    child,
    files,
    imported_target,
    locations,
    lowest,
    sdl_seg,
)
from documents.inline_codes import TagError, fill_element, local_name
from documents.project_model import Segment, Status, separator
from documents.xliff_import import XliffImportError, desk_language, file_languages, parse_original

if TYPE_CHECKING:
    from documents.formats.base import ExportDocument
    from documents.project import Project

META_ORIGINAL = "xliff_original"
META_MAP = "xliff_map"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DECLARATION = re.compile(rb"^(\xef\xbb\xbf)?(<\?xml[^>]*\?>)")


class WriteBackError(ExportError):
    """The project's targets cannot be written into its original file; the message says why."""


@dataclass(frozen=True)
class Original:
    """What a project imported from XLIFF keeps: the file's bytes and where each segment goes."""

    data: bytes
    flavour: Flavour
    segment_ids: list[int | None]  # per translatable location of the file
    languages_given: dict[str, str]


def original_of(project: Project) -> Original | None:
    """The XLIFF a project was imported from, None for a project that has none."""
    get_meta = getattr(project, "get_meta", None)
    if get_meta is None:
        return None
    packed = get_meta(META_ORIGINAL)
    mapping = get_meta(META_MAP)
    if not packed or not mapping:
        return None
    try:
        data = zlib.decompress(base64.b64decode(packed))
        parsed = json.loads(mapping)
        return Original(
            data, Flavour(parsed["flavour"]), list(parsed["segments"]),
            dict(parsed.get("languages_given", {})),
        )  # fmt: skip
    except (ValueError, KeyError, TypeError, zlib.error) as error:
        raise WriteBackError(
            f"The copy of the original XLIFF kept in {project.path.name} is damaged ({error})"
        ) from None


XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2", ".xliff2", ".sdlxliff", ".mqxliff")


def write_back_format(original: Original | None, path: Path, fmt: str | None) -> str | None:
    """The export format for path: an imported XLIFF's project writes back into its file when
    the format is not named and path is an XLIFF; a named format is always honoured."""
    if fmt or original is None or Path(path).suffix.lower() not in XLIFF_SUFFIXES:
        return fmt
    return "original"


def render(document: ExportDocument) -> bytes:
    """The export format "original": the imported file with the document's targets in it."""
    original = document.original
    if not isinstance(original, Original):
        raise WriteBackError(
            "This project was not imported from an XLIFF file, so there is no original to "
            "write the translations back into; export as XLIFF 1.2 or 2.0 instead"
        )
    return write_back(
        original, document.segments, target_lang=document.target_lang,
        name=document.name or "the imported XLIFF",
    )  # fmt: skip


@dataclass
class _Target:
    text: str
    status: Status
    number: int = 0  # the desk's segment number, for messages (0: joined away)


def _targets(
    segments: Sequence[Segment], ids: list[int | None], target_lang: str
) -> dict[int, _Target]:
    """The target of each location: its segment, plus the parts the translator split off."""
    where = {sid: index for index, sid in enumerate(ids) if sid is not None}
    parts: dict[int, list[Segment]] = {}
    current: int | None = None
    last_paragraph: int | None = None
    for segment in segments:
        if segment.id in where:
            current = where[segment.id]
        elif current is None or segment.paragraph != last_paragraph:
            continue  # not from the file (cannot happen unless the file was edited by hand)
        last_paragraph = segment.paragraph
        parts.setdefault(current, []).append(segment)
    result = {}
    for index, group in parts.items():
        texts = [s.target.strip() for s in group if s.target.strip()]
        statuses = [s.status if s.target.strip() else Status.NEW for s in group]
        result[index] = _Target(
            separator(target_lang).join(texts), lowest(statuses), group[0].number
        )
    # A segment joined into the one before it (our own files allow that) left its location
    # empty: its words now travel in the earlier target, so they must not appear twice.
    for index in where.values():
        result.setdefault(index, _Target("", Status.NEW))
    return result


def write_back(
    original: Original, segments: Sequence[Segment], *, target_lang: str, name: str = "XLIFF"
) -> bytes:
    """The original file with the segments' targets and statuses written into it."""
    try:
        root = parse_original(original.data, name)
    except XliffImportError as error:
        raise WriteBackError(str(error)) from None
    found = locations(root, original.flavour)
    if len(found) != len(original.segment_ids):
        raise WriteBackError(
            f"The kept copy of {name} has {len(found)} segments, the project expected "
            f"{len(original.segment_ids)}; it cannot be written back"
        )
    targets = _targets(segments, original.segment_ids, target_lang)
    problems = []
    unit_statuses: dict[etree._Element, list[tuple[Location, Status, bool]]] = {}
    for index, location in enumerate(found):
        wanted = targets.get(index)
        if wanted is None:
            continue
        before_text, before_status = imported_target(location)
        text_changed = wanted.text != before_text
        if text_changed:
            try:
                _write_text(location, wanted.text)
            except TagError as error:
                problems.append(f"segment {wanted.number} ({location.label}): {error}")
                continue
        changed = text_changed or wanted.status != before_status
        unit_statuses.setdefault(location.unit, []).append((location, wanted.status, changed))
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        shown = "; ".join(problems[:5]) + more
        raise WriteBackError(
            f"Some targets' tags cannot be written back as markup; fix them (QA lists them) "
            f"and export again: {shown}"
        )
    changed = any(c for entries in unit_statuses.values() for _, _, c in entries)
    declared = file_languages(root, original.flavour)[1] or ""
    same_language = desk_language(declared) == target_lang
    if not changed and not original.languages_given and same_language:
        return original.data  # nothing to write: the very bytes that came in
    for unit, entries in unit_statuses.items():
        _write_states(original.flavour, unit, entries)
    _write_languages(root, original, target_lang)
    return _serialize(root, original.data)


def _write_text(location: Location, text: str) -> None:
    source_text = location.source_text
    if text:  # the file's own spacing around the sentence (pretty-printed units keep theirs)
        lead = source_text[: len(source_text) - len(source_text.lstrip())]
        trail = source_text[len(source_text.rstrip()) :]
        text = lead + text + trail
    target = location.target
    if target is None:
        if not text:
            return
        target = _make_target(location)
    fill_element(target, text, location.table)
    location.target = target


def _make_target(location: Location) -> etree._Element:
    namespace = etree.QName(location.source).namespace
    tag = f"{{{namespace}}}target" if namespace else "target"
    if location.flavour is Flavour.XLIFF2:
        source = location.source  # the segment's <source>
        target = etree.Element(tag)
        source.addnext(target)
        _copy_spacing(source, target)
        return target
    unit = location.unit
    if location.mid is None:
        target = etree.Element(tag)
        seg_source = child(unit, "seg-source")  # (an lxml element without children is falsy)
        after = seg_source if seg_source is not None else location.source  # the unit's <source>
        after.addnext(target)
        _copy_spacing(after, target)
        return target
    # A segmented unit: the target mirrors seg-source's structure, one marker per segment.
    unit_target = child(unit, "target")
    seg_source = child(unit, "seg-source")
    assert seg_source is not None
    if unit_target is None:
        unit_target = _mirror(seg_source, tag)
        seg_source.addnext(unit_target)
        _copy_spacing(seg_source, unit_target)
    elif not any(local_name(m) == "mrk" and m.get("mtype") == "seg" for m in unit_target.iter()):
        # An unsegmented target beside a segmented source (the import read it as no target):
        # it takes seg-source's shape, so each segment has its own marker.
        mirror = _mirror(seg_source, tag)
        for inner in list(unit_target):
            unit_target.remove(inner)
        unit_target.text = mirror.text
        for inner in list(mirror):
            unit_target.append(inner)
    for marker in unit_target.iter():
        if local_name(marker) == "mrk" and marker.get("mid") == location.mid:
            return marker
    marker = etree.SubElement(unit_target, location.source.tag, attrib=dict(location.source.attrib))
    return marker


def _mirror(seg_source: etree._Element, tag: str) -> etree._Element:
    """A <target> shaped like seg-source, each segment marker empty (filled one by one)."""
    target = copy.deepcopy(seg_source)
    target.tag = tag
    target.tail = None
    for marker in target.iter():
        if local_name(marker) == "mrk" and marker.get("mtype") == "seg":
            for inner in list(marker):
                marker.remove(inner)
            marker.text = None
    return target


def _copy_spacing(before: etree._Element, made: etree._Element) -> None:
    # The new element sits on its own line, indented like its elder sibling.
    made.tail = before.tail


def _write_states(
    kind: Flavour, unit: etree._Element, entries: list[tuple[Location, Status, bool]]
) -> None:
    if not any(changed for _, _, changed in entries):
        return
    if kind is Flavour.XLIFF2:
        for location, status, changed in entries:
            segment = location.segment
            if changed and segment is not None:
                has_target = child(segment, "target") is not None
                segment.set("state", STATE_20_WRITE[status] if has_target else "initial")
        return
    if kind is Flavour.SDLXLIFF:
        for location, status, changed in entries:
            if not changed:
                continue
            seg = sdl_seg(location, create=status is not Status.NEW)
            if seg is None:
                continue
            if status is Status.NEW:
                seg.attrib.pop("conf", None)
            else:
                seg.set("conf", SDL_WRITE[status])
        return
    # 1.x and memoQ: one state for the whole unit, the lowest of its segments.
    statuses = [status for _, status, _ in entries]
    status = lowest(statuses)
    if kind is Flavour.MQXLIFF:
        unit.set(f"{{{MQ_NS}}}status", MQ_WRITE[status])
        return
    target = child(unit, "target")
    if target is not None:
        target.set("state", STATE_12_WRITE[status])
        if status is not Status.DRAFT:
            target.attrib.pop("state-qualifier", None)  # mt-suggestion no longer true
    if unit.get("approved") == "yes" and status in (Status.NEW, Status.DRAFT):
        unit.set("approved", "no")


def _write_languages(root: etree._Element, original: Original, target_lang: str) -> None:
    # A language given on import replaces a wrong one, or fills a missing one, in the file;
    # so does the project's target language when the translator changed it since.
    target = original.languages_given.get("target")
    source = original.languages_given.get("source")
    declared = file_languages(root, original.flavour)[1]
    if not target and desk_language(declared or "") != target_lang:
        target = target_lang
    if original.flavour is Flavour.XLIFF2:
        if target:
            root.set("trgLang", target)
        if source:
            root.set("srcLang", source)
        return
    for file in files(root):
        if target:
            file.set("target-language", target)
        if source:
            file.set("source-language", source)
    if target:  # the targets' own xml:lang, where the file gives one, says the same
        for element in root.iter("{*}target"):
            parent = element.getparent()
            if parent is not None and local_name(parent) == "trans-unit":
                if element.get(XML_LANG) is not None:
                    element.set(XML_LANG, target)


def _serialize(root: etree._Element, data: bytes) -> bytes:
    tree = root.getroottree()
    encoding = tree.docinfo.encoding or "UTF-8"
    declaration = _DECLARATION.match(data)
    if encoding.upper().replace("_", "-") in {"UTF-8", "UTF8", "US-ASCII", "ASCII"} and (
        declaration or not data.lstrip().startswith(b"<?xml")
    ):
        # Byte for byte the file's own declaration (quotes, standalone) and byte order mark.
        body = etree.tostring(tree, encoding="UTF-8", xml_declaration=False)
        if declaration:
            bom, text = declaration.group(1) or b"", declaration.group(2)
            return bom + text + data[declaration.end() : _root_start(data)] + body
        return body
    return etree.tostring(
        tree, encoding=encoding, xml_declaration=True, standalone=tree.docinfo.standalone
    )


def _root_start(data: bytes) -> int:
    """Where the declaration's line break ends (what lies between it and the next node)."""
    declaration = _DECLARATION.match(data)
    end = declaration.end() if declaration else 0
    gap = re.match(rb"\s*", data[end:])
    return end + (gap.end() if gap else 0)
