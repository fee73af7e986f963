"""TBX-Basic (ISO 30042) reading and writing with lxml, refusing entities and external DTDs."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from glossary.store import Concept, GlossaryError, Term, TermKind

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUS_OUT = {
    TermKind.PREFERRED: "preferredTerm-admn-sts",
    TermKind.VARIANT: "admittedTerm-admn-sts",
    TermKind.FORBIDDEN: "deprecatedTerm-admn-sts",
}
# TBX-Basic values, their short forms (MultiTerm, older TBX) and the status a desk term gets.
_STATUS_IN = {
    "preferredterm-admn-sts": TermKind.PREFERRED,
    "preferredterm": TermKind.PREFERRED,
    "preferred": TermKind.PREFERRED,
    "admittedterm-admn-sts": TermKind.VARIANT,
    "admittedterm": TermKind.VARIANT,
    "admitted": TermKind.VARIANT,
    "deprecatedterm-admn-sts": TermKind.FORBIDDEN,
    "deprecatedterm": TermKind.FORBIDDEN,
    "deprecated": TermKind.FORBIDDEN,
    "supersededterm-admn-sts": TermKind.FORBIDDEN,
    "supersededterm": TermKind.FORBIDDEN,
    "superseded": TermKind.FORBIDDEN,
}
_STATUS_TYPES = ("administrativestatus", "normativeauthorization")
# The desk's concept status (approved | proposed) has no TBX-Basic data category; it goes
# into an <admin> of this custom type, which TBX-Basic readers skip as an unknown category.
CONCEPT_STATUS = "x-conceptStatus"
# transactionType values (TBX-Basic) for the concept's creation and last change.
_CREATED, _UPDATED = "origination", "modification"


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, *names: str) -> list[etree._Element]:
    return [child for child in element if _local(child) in names]


def _text(element: etree._Element) -> str:
    return "".join(element.itertext()).strip()


def parse_safely(path: Path) -> etree._ElementTree:
    """Parse XML without network, DTD loading or entity expansion; refuse declared entities."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        tree = etree.parse(str(path), parser)
    except (OSError, etree.XMLSyntaxError) as error:
        raise GlossaryError(f"{path} is not readable XML: {error}") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise GlossaryError(
            f"{path} declares XML entities in its DOCTYPE; such files can expand without bound "
            "or read other files, so they are refused"
        )
    return tree


def read_tbx(path: Path) -> list[tuple[int, Concept]]:
    """(line, concept) for every conceptEntry (TBX v3) or termEntry (TBX 2008) of the file.

    Concepts are returned as written, not yet validated: the import plan rejects bad ones
    one by one with their line number.
    """
    root = parse_safely(path).getroot()
    if _local(root) not in ("tbx", "martif"):
        raise GlossaryError(f"{path} is not a TBX file (root element <{_local(root)}>)")
    concepts: list[tuple[int, Concept]] = []
    for entry in root.iter():
        if _local(entry) in ("conceptEntry", "termEntry"):
            concepts.append((entry.sourceline or 0, _concept(entry)))
    return concepts


def _concept(entry: etree._Element) -> Concept:
    concept = Concept()
    notes: list[str] = []
    for child in entry:
        name = _local(child)
        kind = (child.get("type") or "").lower()
        if name == "descrip" and kind == "subjectfield":
            concept.domain = _text(child)
        elif name == "note" or (name == "descrip" and kind == "definition"):
            notes.append(_text(child))
        elif name == "admin" and kind == CONCEPT_STATUS.lower():
            concept.status = _text(child).lower()
        elif name == "transacGrp":
            _transaction(child, concept)
        elif name in ("langSec", "langSet"):
            lang = child.get(XML_LANG) or child.get("lang") or ""
            concept.terms.extend(_terms(child, lang))
    concept.note = "\n".join(n for n in notes if n)
    return concept


def _transaction(group: etree._Element, concept: Concept) -> None:
    """Origination and modification dates of a transacGrp; other transactions are ignored."""
    kinds = [_text(c).lower() for c in _children(group, "transac")]
    dates = [_text(c) for c in _children(group, "date")]
    if not dates or not dates[0]:
        return
    if _CREATED in kinds:
        concept.created_at = dates[0]
    elif _UPDATED in kinds:
        concept.updated_at = dates[0]


def _terms(lang_section: etree._Element, lang: str) -> list[Term]:
    terms: list[Term] = []
    for holder in _children(lang_section, "termSec", "tig", "ntig"):
        text, status, notes = "", None, []
        for group in (holder, *_children(holder, "termGrp")):  # ntig wraps term in termGrp
            for child in group:
                name = _local(child)
                if name == "term":
                    text = _text(child)
                elif name == "termNote" and (child.get("type") or "").lower() in _STATUS_TYPES:
                    status = _STATUS_IN.get(_text(child).lower())
                elif name == "note":
                    notes.append(_text(child))
        if status is None:
            # No status: the first form of a language is its preferred one.
            has_preferred = any(t.kind == TermKind.PREFERRED for t in terms)
            status = TermKind.VARIANT if has_preferred else TermKind.PREFERRED
        terms.append(Term(lang, text, status, "\n".join(n for n in notes if n)))
    return terms


def write_tbx(concepts: Iterable[Concept], path: Path, source_lang: str = "en") -> None:
    """Write TBX-Basic in the DCA style of ISO 30042:2019 (TBX v3).

    Term statuses, subject field, notes and the concept's dates (transacGrp) are TBX-Basic;
    a proposed concept's status goes into <admin type="x-conceptStatus">, which TBX-Basic
    readers ignore (approved, the default, is not written).
    """
    concepts = list(concepts)
    if not concepts:
        raise GlossaryError("the glossary is empty; a TBX file needs at least one concept")
    nsmap = {None: TBX_NS}
    root = etree.Element(f"{{{TBX_NS}}}tbx", nsmap=nsmap, type="TBX-Basic", style="dca")
    root.set(XML_LANG, source_lang)

    def sub(parent: etree._Element, name: str, text: str | None = None, **attrs: str):
        element = etree.SubElement(parent, f"{{{TBX_NS}}}{name}", **attrs)
        if text is not None:
            element.text = text
        return element

    header = sub(root, "tbxHeader")
    sub(sub(sub(header, "fileDesc"), "sourceDesc"), "p", "Exported from Hanbit Desk")
    body = sub(sub(root, "text"), "body")
    for concept in concepts:
        entry = sub(body, "conceptEntry", id=f"c{concept.id}" if concept.id else "c")
        if concept.domain:
            sub(entry, "descrip", concept.domain, type="subjectField")
        if concept.status and concept.status != "approved":
            sub(entry, "admin", concept.status, type=CONCEPT_STATUS)
        for transaction, date in ((_CREATED, concept.created_at), (_UPDATED, concept.updated_at)):
            if date:
                group = sub(entry, "transacGrp")
                sub(group, "transac", transaction, type="transactionType")
                sub(group, "date", date)
        if concept.note:
            sub(entry, "note", concept.note)
        for lang in concept.languages():
            section = sub(entry, "langSec")
            section.set(XML_LANG, lang)
            for term in (t for t in concept.terms if t.lang == lang):
                term_section = sub(section, "termSec")
                sub(term_section, "term", term.text)
                sub(term_section, "termNote", _STATUS_OUT[term.kind], type="administrativeStatus")
                if term.note:
                    sub(term_section, "note", term.note)
    _number_anonymous(body)
    tree = etree.ElementTree(root)
    try:
        tree.write(str(path), xml_declaration=True, encoding="UTF-8", pretty_print=True)
    except etree.SerialisationError as error:  # lxml's way of saying a write failed (disk full)
        raise GlossaryError(f"cannot write {path}: {error}") from None


def _number_anonymous(body: etree._Element) -> None:
    # xml:id-style ids must be unique; concepts that never had a database id get c-1, c-2 …
    count = 0
    for entry in body:
        if entry.get("id") == "c":
            count += 1
            entry.set("id", f"c-{count}")
