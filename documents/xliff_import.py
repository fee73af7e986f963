"""Read an XLIFF 1.2 or 2.0 file (safely: no DTD, no entities, no network) into a new project."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from documents.project import Segment, Status
from documents.project_model import LANG

if TYPE_CHECKING:
    from documents.project import Project

ORIGIN = "xliff-import"
MAX_BYTES = 200 * 1024 * 1024  # far beyond any news article; refuses runaway files early
# Inline codes whose content is native markup (1.2 ph/bpt/ept/it, 2.0 cp): their text is not
# part of the sentence, but what follows them (the tail) is.
_CODE_TAGS = {"ph", "bpt", "ept", "it", "x", "bx", "ex", "cp", "sub"}
_STATE_12 = {
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
_STATE_20 = {
    "initial": Status.DRAFT,
    "translated": Status.TRANSLATED,
    "reviewed": Status.REVIEWED,
    "final": Status.REVIEWED,
}
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
    version: str  # "1.2" or "2.0"
    segments: list[Segment]  # ids are positions; the new project gives its own


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


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    return (child for child in element if _local(child) == name)


def _child(element: etree._Element, name: str) -> etree._Element | None:
    return next(_children(element, name), None)


def _text(element: etree._Element | None) -> str:
    """The plain text of a source or target, inline codes dropped, nested markup kept."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if _local(child) not in _CODE_TAGS:
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _parse(path: Path) -> etree._Element:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise XliffImportError(f"{path} does not exist") from None
    if size > MAX_BYTES:
        raise XliffImportError(f"{path.name} is {size // 2**20} MiB, too large for an XLIFF file")
    data = path.read_bytes()
    # Entities and DTDs are how XML files attack readers (billion laughs, external files).
    refused = f"{path.name} declares a DOCTYPE or entities; XLIFF needs neither"
    if b"<!ENTITY" in data:
        raise XliffImportError(refused)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise XliffImportError(f"{path.name} is not well-formed XML: {error}") from None
    if root.getroottree().docinfo.doctype:
        raise XliffImportError(refused)
    return root


def read_xliff(path: Path) -> XliffContent:
    """Parse an XLIFF 1.2 or 2.0 file into segments with targets, statuses and comments."""
    path = Path(path)
    root = _parse(path)
    if _local(root) != "xliff":
        raise XliffImportError(f"{path.name} is not XLIFF: its root element is <{_local(root)}>")
    version = root.get("version", "")
    if version.startswith("1."):
        content = _read_12(root, path)
    elif version.startswith("2."):
        content = _read_20(root, path)
    else:
        raise XliffImportError(f"{path.name}: XLIFF version {version or '(none)'} is not supported")
    if not content.segments:
        raise XliffImportError(f"{path.name} has no translatable units")
    for number, segment in enumerate(content.segments, start=1):
        segment.id = segment.number = number
    return content


def _languages(path: Path, source: str | None, target: str | None) -> tuple[str, str]:
    if not source:
        raise XliffImportError(f"{path.name} does not say its source language")
    if not target:
        raise XliffImportError(
            f"{path.name} does not say its target language (target-language / trgLang)"
        )
    pair = desk_language(source), desk_language(target)
    for what, code in zip(("source", "target"), pair, strict=True):
        if not LANG.match(code):  # checked here, so the error is the importer's own
            raise XliffImportError(
                f"{path.name}: the {what} language {code!r} is not a language code like ko"
            )
    return pair


def _read_12(root: etree._Element, path: Path) -> XliffContent:
    files = list(_children(root, "file"))
    if not files:
        raise XliffImportError(f"{path.name} has no <file> element")
    source_lang, target_lang = _languages(
        path, files[0].get("source-language"), files[0].get("target-language")
    )
    segments: list[Segment] = []
    paragraph = -1
    last_group = None
    for file in files:
        for unit in file.iter("{*}trans-unit"):
            if unit.get("translate") == "no":
                continue
            parent = unit.getparent()
            ours = _local(parent) == "group" and parent.get("restype") == "x-paragraph"
            if not ours or parent is not last_group:
                paragraph += 1  # a foreign tool's unit is usually a paragraph of its own
            last_group = parent if ours else None
            segments.append(_unit_12(unit, paragraph, path))
    return XliffContent(source_lang, target_lang, files[0].get("original", ""), "1.2", segments)


def _unit_12(unit: etree._Element, paragraph: int, path: Path) -> Segment:
    source_element = _child(unit, "source")
    if source_element is None:
        raise XliffImportError(f"{path.name}: trans-unit {unit.get('id')!r} has no <source>")
    source = _text(source_element).strip()
    if not source:
        raise XliffImportError(f"{path.name}: trans-unit {unit.get('id')!r} has an empty source")
    target_element = _child(unit, "target")
    target = _text(target_element).strip()
    state = target_element.get("state") if target_element is not None else None
    status = _STATE_12.get(state or "")
    if status is None:
        status = Status.TRANSLATED if unit.get("approved") == "yes" else Status.DRAFT
    if not target:
        status = Status.NEW
    elif status is Status.NEW:
        status = Status.DRAFT
    notes = [
        _text(note).strip()
        for note in _children(unit, "note")
        if note.get("from") != "glossary" and _text(note).strip()
    ]
    # Our exporter leaves out the alt-trans when the draft is the MT itself.
    mt = target if target_element is not None and _is_mt(target_element) else ""
    for alt in _children(unit, "alt-trans"):
        if alt.get("origin") == "machine-translation":
            mt = _text(_child(alt, "target")).strip()
            break
    return Segment(0, 0, paragraph, source, target, status, mt, "\n".join(notes))


def _is_mt(target: etree._Element) -> bool:
    return target.get("state-qualifier") in {"mt-suggestion", "leveraged-mt"}


def _read_20(root: etree._Element, path: Path) -> XliffContent:
    source_lang, target_lang = _languages(path, root.get("srcLang"), root.get("trgLang"))
    files = list(_children(root, "file"))
    if not files:
        raise XliffImportError(f"{path.name} has no <file> element")
    segments: list[Segment] = []
    paragraph = -1
    last_key = None
    for file in files:
        for unit in file.iter("{*}unit"):
            if unit.get("translate") == "no":
                continue
            parent = unit.getparent()
            ours = _local(parent) == "group" and parent.get("type") == "hanbit:paragraph"
            # Ours: one group a paragraph. Others: one unit a paragraph, segments its sentences.
            key = parent if ours else unit
            if key is not last_key:
                paragraph += 1
                last_key = key
            notes_element = _child(unit, "notes")
            notes = (
                [_text(n).strip() for n in _children(notes_element, "note") if _text(n).strip()]
                if notes_element is not None
                else []
            )
            for segment_element in _children(unit, "segment"):
                segments.append(_segment_20(segment_element, paragraph, notes, path, unit))
                notes = []  # the unit's notes go with its first segment only
    return XliffContent(source_lang, target_lang, files[0].get("original", ""), "2.0", segments)


def _segment_20(
    element: etree._Element, paragraph: int, notes: list[str], path: Path, unit: etree._Element
) -> Segment:
    source = _text(_child(element, "source")).strip()
    if not source:
        raise XliffImportError(f"{path.name}: unit {unit.get('id')!r} has a segment without source")
    target = _text(_child(element, "target")).strip()
    sub_state = element.get("subState", "")
    status = None
    if sub_state.startswith("hanbit:"):
        status = next((s for s in Status if s.value == sub_state.split(":", 1)[1]), None)
    if status is None:
        status = _STATE_20.get(element.get("state", "initial"), Status.DRAFT)
    if not target:
        status = Status.NEW
    elif status is Status.NEW:
        status = Status.DRAFT
    return Segment(0, 0, paragraph, source, target, status, "", "\n".join(notes))


def import_xliff(path: Path, project_path: Path, *, name: str | None = None) -> Project:
    """Create a new project at project_path from an XLIFF file (history origin "xliff-import")."""
    from documents.project import Project

    content = read_xliff(path)
    return Project.create_from_segments(
        project_path,
        segments=content.segments,
        source_lang=content.source_lang,
        target_lang=content.target_lang,
        name=name or content.name or Path(path).stem,
        origin=ORIGIN,
    )
