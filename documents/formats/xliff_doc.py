"""An XLIFF document as another tool wrote it: flavour, translatable locations, their states."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from lxml import etree

from documents.inline import strip_tags
from documents.inline_codes import TagTable, element_text, local_name
from documents.project_model import RANK, Status

SDL_NS = "http://sdl.com/FileTypes/SdlXliff/1.0"
MQ_NS = "MQXliff"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Flavour(StrEnum):
    XLIFF1 = "xliff1"  # 1.0, 1.1, 1.2 (one model; 1.0/1.1 read leniently)
    XLIFF2 = "xliff2"  # 2.0, 2.1, 2.2
    SDLXLIFF = "sdlxliff"  # Trados Studio: 1.2 + sdl:seg-defs confirmation levels
    MQXLIFF = "mqxliff"  # memoQ: 1.2 + mq:status on each trans-unit


def flavour(root: etree._Element) -> Flavour | None:
    """The flavour of an <xliff> root, None when it is no XLIFF version we read."""
    namespace = etree.QName(root).namespace or ""
    version = root.get("version", "")
    if namespace.startswith("urn:oasis:names:tc:xliff:document:2") or version.startswith("2."):
        return Flavour.XLIFF2
    if version and not version.startswith("1."):
        return None
    if namespace and not namespace.startswith("urn:oasis:names:tc:xliff:document:1"):
        return None
    namespaces = set(root.nsmap.values())
    if SDL_NS in namespaces:
        return Flavour.SDLXLIFF
    if MQ_NS in namespaces:
        return Flavour.MQXLIFF
    return Flavour.XLIFF1


@dataclass
class Location:
    """One translatable segment of the file: where its source is and where its target goes."""

    flavour: Flavour
    unit: etree._Element  # trans-unit (1.x) or unit (2.x)
    source: etree._Element  # <source>, a seg-source <mrk mtype="seg">, or 2.x segment's <source>
    target: etree._Element | None  # the matching target element or mrk, when the file has one
    segment: etree._Element | None  # the 2.x <segment>
    mid: str | None  # 1.2 segment marker id (seg-source)
    table: TagTable
    source_text: str  # tags as tokens, whitespace as the file has it
    target_text: str

    @property
    def label(self) -> str:
        unit_id = self.unit.get("id", "?")
        return f"unit {unit_id}" + (f" segment {self.mid}" if self.mid else "")


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if local_name(child) == name)


def child(element: etree._Element | None, name: str) -> etree._Element | None:
    if element is None:
        return None
    return next(_children(element, name), None)


def files(root: etree._Element) -> list[etree._Element]:
    return list(_children(root, "file"))


def _not_translatable(element: etree._Element, stop: etree._Element) -> bool:
    # translate="no" on a file or group covers what is inside it (both versions) ...
    # The nearest element that says decides: a unit translate="yes" in a file translate="no".
    node: etree._Element | None = element
    while node is not None and node is not stop:
        said = node.get("translate")
        if said is not None:
            return said == "no"
        node = node.getparent()
    return False


def _units(root: etree._Element, name: str) -> Iterator[etree._Element]:
    # Only XLIFF's own units: an extension's <my:unit> or a unit inside a match is not one.
    namespace = etree.QName(root).namespace
    for element in root.iter():
        if isinstance(element.tag, str) and local_name(element) == name:
            if etree.QName(element).namespace != namespace:
                continue
            if any(local_name(a) in {"alt-trans", "matches"} for a in element.iterancestors()):
                continue
            if not _not_translatable(element, root):
                yield element


def _segment_markers(element: etree._Element) -> list[etree._Element]:
    return [e for e in element.iter() if local_name(e) == "mrk" and e.get("mtype") == "seg"]


def locations(root: etree._Element, kind: Flavour) -> list[Location]:
    """Every segment of the file in document order; tag-only and empty ones are left out
    (they stay in the file untouched, as the other tool wrote them)."""
    found: list[Location] = []
    if kind is Flavour.XLIFF2:
        for unit in _units(root, "unit"):
            for segment in _children(unit, "segment"):
                source, target = child(segment, "source"), child(segment, "target")
                if source is not None:
                    found.append(_location(kind, unit, source, target, segment, None))
        return [location for location in found if _translatable(location)]
    for unit in _units(root, "trans-unit"):
        source = child(unit, "source")
        target = child(unit, "target")
        seg_source = child(unit, "seg-source")
        markers = _segment_markers(seg_source) if seg_source is not None else []
        if markers:
            target_markers = {m.get("mid"): m for m in _segment_markers(target)} if (
                target is not None
            ) else {}  # fmt: skip
            for marker in markers:
                mid = marker.get("mid", "")
                found.append(_location(kind, unit, marker, target_markers.get(mid), None, mid))
        elif source is not None:
            found.append(_location(kind, unit, source, target, None, None))
    return [location for location in found if _translatable(location)]


def _location(
    kind: Flavour,
    unit: etree._Element,
    source: etree._Element,
    target: etree._Element | None,
    segment: etree._Element | None,
    mid: str | None,
) -> Location:
    table = TagTable()
    source_text = element_text(source, table)
    target_text = element_text(target, table, target=True) if target is not None else ""
    return Location(kind, unit, source, target, segment, mid, table, source_text, target_text)


def _translatable(location: Location) -> bool:
    # A unit that is only a tag (a memoQ <ph/>, an empty Angular interpolation) has nothing to
    # translate: it stays in the file exactly as it is.
    return bool(strip_tags(location.source_text).strip())


# --- states --------------------------------------------------------------------------------

STATE_12_READ = {
    "new": Status.NEW,
    "needs-translation": Status.NEW,
    "needs-adaptation": Status.DRAFT,
    "needs-l10n": Status.DRAFT,
    "needs-review-translation": Status.DRAFT,
    "needs-review-adaptation": Status.DRAFT,
    "needs-review-l10n": Status.DRAFT,
    "translated": Status.TRANSLATED,
    "signed-off": Status.REVIEWED,
    "final": Status.REVIEWED,
}
STATE_12_WRITE = {
    Status.NEW: "needs-translation",
    Status.DRAFT: "needs-review-translation",
    Status.TRANSLATED: "translated",
    Status.REVIEWED: "signed-off",
}
STATE_20_READ = {
    "initial": Status.DRAFT,
    "translated": Status.TRANSLATED,
    "reviewed": Status.REVIEWED,
    "final": Status.REVIEWED,
}
STATE_20_WRITE = {
    Status.NEW: "initial",
    Status.DRAFT: "initial",
    Status.TRANSLATED: "translated",
    Status.REVIEWED: "reviewed",
}
# Trados Studio confirmation levels (sdl:seg conf).
SDL_READ = {
    "Draft": Status.DRAFT,
    "Translated": Status.TRANSLATED,
    "RejectedTranslation": Status.DRAFT,
    "ApprovedTranslation": Status.REVIEWED,
    "RejectedSignOff": Status.DRAFT,
    "ApprovedSignOff": Status.REVIEWED,
}
SDL_WRITE = {Status.DRAFT: "Draft", Status.TRANSLATED: "Translated",
             Status.REVIEWED: "ApprovedTranslation"}  # fmt: skip
# memoQ row statuses (mq:status on the trans-unit).
MQ_READ = {
    "NotStarted": Status.NEW,
    "Editing": Status.DRAFT,
    "PartiallyEdited": Status.DRAFT,
    "Pretranslated": Status.DRAFT,
    "MachineTranslated": Status.DRAFT,
    "AssembledFromFragments": Status.DRAFT,
    "Rejected": Status.DRAFT,
    "ManuallyConfirmed": Status.TRANSLATED,
    "Confirmed": Status.TRANSLATED,
    "Reviewer1Confirmed": Status.REVIEWED,
    "Reviewer2Confirmed": Status.REVIEWED,
    "Proofread": Status.REVIEWED,
}
MQ_WRITE = {
    Status.NEW: "NotStarted",
    Status.DRAFT: "PartiallyEdited",
    Status.TRANSLATED: "ManuallyConfirmed",
    Status.REVIEWED: "Reviewer1Confirmed",
}


def sdl_seg(location: Location, create: bool = False) -> etree._Element | None:
    """The sdl:seg of a Trados segment (its confirmation level), made when asked and missing."""
    if location.mid is None:
        return None
    defs = child_ns(location.unit, SDL_NS, "seg-defs")
    if defs is None:
        if not create:
            return None
        defs = etree.SubElement(location.unit, f"{{{SDL_NS}}}seg-defs")
    for seg in defs:
        if etree.QName(seg).localname == "seg" and seg.get("id") == location.mid:
            return seg
    if not create:
        return None
    return etree.SubElement(defs, f"{{{SDL_NS}}}seg", id=location.mid)


def child_ns(element: etree._Element, namespace: str, name: str) -> etree._Element | None:
    return element.find(f"{{{namespace}}}{name}")


def read_status(location: Location, *, untagged_translated: bool = False) -> Status | None:
    """The file's status of a segment; None when the file says nothing about it."""
    kind = location.flavour
    if kind is Flavour.XLIFF2:
        segment = location.segment
        state = segment.get("state") if segment is not None else None
        if state:
            return STATE_20_READ.get(state)
        return Status.TRANSLATED if untagged_translated else None
    if kind is Flavour.SDLXLIFF:
        seg = sdl_seg(location)
        conf = seg.get("conf") if seg is not None else None
        if conf in SDL_READ:
            return SDL_READ[conf]
    if kind is Flavour.MQXLIFF:
        status = location.unit.get(f"{{{MQ_NS}}}status")
        if status in MQ_READ:
            return MQ_READ[status]
    target = child(location.unit, "target")
    state = target.get("state") if target is not None else None
    if state in STATE_12_READ:
        return STATE_12_READ[state]
    if location.unit.get("approved") == "yes":
        return Status.TRANSLATED
    return Status.TRANSLATED if untagged_translated else None


def lowest(statuses: list[Status]) -> Status:
    return min(statuses, key=RANK.__getitem__)


_XML_SPACES = re.compile(r"[ \t\r\n]+")


def preserves_space(element: etree._Element) -> bool:
    """xml:space="preserve" on the element or its nearest ancestor that says."""
    node: etree._Element | None = element
    while node is not None:
        said = node.get(XML_SPACE)
        if said is not None:
            return said == "preserve"
        node = node.getparent()
    return False


def segment_text(location: Location, text: str) -> str:
    """Text as the desk shows it: trimmed, and where the file does not preserve spaces, its
    line breaks and indentation (a pretty-printed file) read as single spaces."""
    text = text.strip()
    return text if preserves_space(location.source) else _XML_SPACES.sub(" ", text)


def imported_target(location: Location, *, untagged_translated: bool = False) -> tuple[str, Status]:
    """The target and status a segment gets on import (write-back compares against them)."""
    target = segment_text(location, location.target_text)
    status = read_status(location, untagged_translated=untagged_translated) or Status.DRAFT
    if not strip_tags(target).strip():
        return "", Status.NEW
    return target, Status.DRAFT if status is Status.NEW else status
