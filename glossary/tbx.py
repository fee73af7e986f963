"""TBX reading (TBX 2008 martif, TBX v3 DCA and DCT) and writing (TBX-Basic martif, or v3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from glossary.model import Concept, GlossaryError, Term, TermKind, strip_controls
from storage.xmlsafe import parse_xml_file

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STYLES = ("basic", "v3")  # TBX-Basic 2008 (martif, what OmegaT and translate-toolkit read), TBX v3
BASIC_DOCTYPE = '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">'
# Desk status -> the TBX-Basic administrativeStatus written for it.
_STATUS_OUT = {
    TermKind.PREFERRED: "preferredTerm-admn-sts",
    TermKind.VARIANT: "admittedTerm-admn-sts",
    TermKind.FORBIDDEN: "deprecatedTerm-admn-sts",
}
# Every status value of administrativeStatus, normativeAuthorization and usageStatus (TBX 2008,
# TBX-Basic display values, TBX v3, MultiTerm short forms), lower-cased, without suffix. Only
# preferred and standardized make a preferred form; deprecated, superseded, obsolete, not
# recommended and forbidden all make a forbidden one, so a banned term is never enforced.
_STATUS_IN = {
    "preferred": TermKind.PREFERRED,
    "preferredterm": TermKind.PREFERRED,
    "standardizedterm": TermKind.PREFERRED,
    "standardized": TermKind.PREFERRED,
    "admitted": TermKind.VARIANT,
    "admittedterm": TermKind.VARIANT,
    "legalterm": TermKind.VARIANT,
    "regulatedterm": TermKind.VARIANT,
    "deprecated": TermKind.FORBIDDEN,
    "deprecatedterm": TermKind.FORBIDDEN,
    "superseded": TermKind.FORBIDDEN,
    "supersededterm": TermKind.FORBIDDEN,
    "obsolete": TermKind.FORBIDDEN,
    "obsoleteterm": TermKind.FORBIDDEN,
    "notrecommended": TermKind.FORBIDDEN,
    "notrecommendedterm": TermKind.FORBIDDEN,
    "forbidden": TermKind.FORBIDDEN,
    "forbiddenterm": TermKind.FORBIDDEN,
}
_STATUS_CATEGORIES = ("administrativestatus", "normativeauthorization", "usagestatus")
_STRICTNESS = {TermKind.PREFERRED: 0, TermKind.VARIANT: 1, TermKind.FORBIDDEN: 2}
# Data categories kept per level (TBX-Basic names); others are read as notes would lose meaning.
_TERM_CATEGORIES = {
    "partofspeech": "partOfSpeech",
    "termtype": "termType",
    "grammaticalgender": "grammaticalGender",
    "geographicalusage": "geographicalUsage",
    "termlocation": "termLocation",
    "context": "context",
    "definition": "definition",
    "source": "source",
    "customersubset": "customerSubset",
    "projectsubset": "projectSubset",
}
_CONCEPT_CATEGORIES = {
    "definition": "definition",
    "source": "source",
    "customersubset": "customerSubset",
    "projectsubset": "projectSubset",
    "subjectfield": "subjectField",
}
# Categories that are links, transactions or statuses, not descriptions (DCT element names).
_NOT_DETAILS = {
    "xgraphic", "crossreference", "externalcrossreference", "transactiontype", "responsibility",
    *_STATUS_CATEGORIES, "x-conceptstatus",
}  # fmt: skip
# What TBX-Basic allows where (its XCS): anything else the desk holds is written as a note.
_DESCRIP = {"definition", "context", "subjectField"}
_ADMIN = {"source", "customerSubset", "projectSubset"}
_TERM_NOTES = {"partOfSpeech", "termType", "grammaticalGender", "geographicalUsage", "termLocation"}
_PICKLISTS = {
    "partOfSpeech": {"noun", "verb", "adjective", "adverb", "properNoun", "other"},
    "termType": {"abbreviation", "acronym", "fullForm", "shortForm", "variant", "phrase"},
    "grammaticalGender": {"masculine", "feminine", "neuter", "other"},
}
# transactionType values for creation and last change (TBX-Basic; TBX-Basic v4 says creation).
_CREATED, _UPDATED = ("origination", "creation"), ("modification",)
# A transaction (who created or last changed a concept, a language section or a term, and when)
# is kept in that level's details as "origination/date", "origination/responsibility",
# "modification/date", "modification/responsibility": the first origination, the latest
# modification. A concept's dates are its created_at and updated_at (in details too only beside
# a responsibility): the responsibility is written back only with the date it came with, since
# a concept edited since is not that person's modification any more.
TRANSACTIONS = ("origination", "modification")
# TBX-Basic has no data category for the desk's concept status (approved | proposed), and a
# valid file holds no custom ones: a proposed concept carries this note, which people can read.
STATUS_NOTE = "Hanbit Desk status: "


@dataclass
class TbxEntry:
    """One conceptEntry/termEntry as read, with what the reader had to decide about it."""

    line: int
    concept: Concept
    # (code, message, term text): "empty" (an empty <term/> left out), "status" (an unknown
    # status value, read as a variant).
    issues: list[tuple[str, str, str]] = field(default_factory=list)


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _ns(element: etree._Element) -> str:
    return etree.QName(element).namespace or "" if isinstance(element.tag, str) else ""


def _text(element: etree._Element) -> str:
    # Notes and definitions keep no XML indentation: runs of whitespace become one space.
    return " ".join("".join(element.itertext()).split())


def _category(element: etree._Element) -> str | None:
    """The data category an element carries: DCA's type attribute, or DCT's element name."""
    name = _local(element)
    if name in ("descrip", "termNote", "admin", "transac", "transacNote", "xref", "ref"):
        return (element.get("type") or "").lower() or None
    namespace = _ns(element)
    if namespace and namespace != TBX_NS:
        return name.lower()
    return None


def parse_safely(path: Path) -> etree._ElementTree:
    """Parse XML without network, DTD loading or entity expansion; refuse declared entities.

    A DOCTYPE that only names the TBX DTD (as other tools write) is read, never loaded; a
    FIFO, a device or a folder is refused before anything is read.
    """
    try:
        return parse_xml_file(path, GlossaryError, allow_doctype=True).getroottree()
    except GlossaryError as error:
        reason = str(error)
        if " is not well-formed XML: " in reason:
            reason = f"{path} is not readable XML: {reason.split(' is not well-formed XML: ')[1]}"
        raise GlossaryError(reason) from None


def read_tbx(path: Path) -> list[TbxEntry]:
    """Every conceptEntry (TBX v3) or termEntry (TBX 2008) of the file, as written.

    Concepts are not validated here: the import plan resolves or rejects them one by one.
    """
    root = parse_safely(path).getroot()
    if _local(root) not in ("tbx", "martif"):
        raise GlossaryError(f"{path} is not a TBX file (root element <{_local(root)}>)")
    return [
        _entry(entry)
        for entry in root.iter()
        if _local(entry) in ("conceptEntry", "termEntry") and _ns(entry) in ("", TBX_NS)
    ]


def _entry(entry: etree._Element) -> TbxEntry:
    read = TbxEntry(entry.sourceline or 0, Concept())
    concept = read.concept
    notes: list[str] = []
    for child in entry:
        name, category = _local(child), _category(child)
        if name == "note" and _text(child).startswith(STATUS_NOTE):
            concept.status = _text(child).removeprefix(STATUS_NOTE).strip().lower()
        elif name == "note":
            notes.append(_text(child))
        elif name == "transacGrp":
            _transaction(child, concept.details)
        elif name in ("langSec", "langSet"):
            _language(child, read)
        elif category == "subjectfield" and not concept.domain:
            concept.domain = _text(child)
        elif category == "x-conceptstatus":
            concept.status = _text(child).lower()
        else:
            _describe(child, concept.details, _CONCEPT_CATEGORIES, notes)
    concept.note = "\n".join(n for n in notes if n)
    concept.created_at = concept.details.get("origination/date", "")
    concept.updated_at = concept.details.get("modification/date", "")
    for kind in TRANSACTIONS:
        if f"{kind}/responsibility" not in concept.details:
            concept.details.pop(f"{kind}/date", None)  # the concept's dates hold it
    return read


def _describe(
    element: etree._Element, details: dict[str, str], known: dict[str, str], notes: list[str]
) -> None:
    """A description (descrip, admin, DCT element or descripGrp) into details by category."""
    if _local(element) in ("descripGrp", "adminGrp"):
        main = None
        for part in element:
            category = _category(part)
            if main is None and category:
                main = _key(part, category, known)
                _describe(part, details, known, notes)
            elif _local(part) == "note":
                notes.append(_text(part))
            elif main and category:
                # The source of a definition or context: "definition/source".
                _add(details, f"{main}/{known.get(category, category)}", _text(part))
        return
    category = _category(element)
    key = _key(element, category, known) if category else None
    if key:
        _add(details, key, _text(element))


def _key(element: etree._Element, category: str, known: dict[str, str]) -> str | None:
    """The details key of a data category: its TBX-Basic name, or for another tool's own
    category (Weblate's "Usage note") the name as written; links and transactions: None."""
    if category in known:
        return known[category]
    if category in _NOT_DETAILS or _local(element) in ("xref", "ref", "transac", "transacNote"):
        return None
    return element.get("type") or _local(element)


def _add(details: dict[str, str], key: str, text: str) -> None:
    if text:
        details[key] = f"{details[key]}\n{text}" if details.get(key) else text


def _transaction(group: etree._Element, details: dict[str, str]) -> None:
    """An origination or modification transacGrp (date, responsibility) into details: the
    first origination and the latest modification of the level; other transactions are
    ignored."""
    kinds = [_text(c).lower() for c in group if _category(c) == "transactiontype"]
    if any(kind in _CREATED for kind in kinds):
        kind = "origination"
    elif any(kind in _UPDATED for kind in kinds):
        kind = "modification"
    else:
        return
    date = next((_text(c) for c in group if _local(c) == "date"), "")
    user = next((_text(c) for c in group if _category(c) == "responsibility"), "")
    if not (date or user):
        return
    if f"{kind}/date" in details or f"{kind}/responsibility" in details:
        if kind == "origination" or date <= details.get(f"{kind}/date", ""):
            return
    details.pop(f"{kind}/date", None)
    details.pop(f"{kind}/responsibility", None)
    if date:
        details[f"{kind}/date"] = date
    if user:
        details[f"{kind}/responsibility"] = user


def _language(section: etree._Element, read: TbxEntry) -> None:
    lang = section.get(XML_LANG) or section.get("lang") or ""
    details: dict[str, str] = {}
    notes: list[str] = []
    terms: list[tuple[Term, bool]] = []  # (term, had a status)
    for child in section:
        name = _local(child)
        if name in ("termSec", "tig", "ntig"):
            found = _term(child, lang, read)
            if found:
                terms.append(found)
        elif name == "note":
            notes.append(_text(child))
        elif name == "transacGrp":
            _transaction(child, details)
        else:
            _describe(child, details, _CONCEPT_CATEGORIES, notes)
    if notes:
        details["note"] = "\n".join(n for n in notes if n)
    if details:
        read.concept.lang_details[lang] = details
    # A form without any status is preferred only when no form of the language is: an
    # explicit status always wins over position, and nothing is promoted past what it says.
    has_preferred = any(t.kind == TermKind.PREFERRED for t, stated in terms if stated)
    for term, stated in terms:
        if not stated:
            term.kind = TermKind.VARIANT if has_preferred else TermKind.PREFERRED
            has_preferred = True
        read.concept.terms.append(term)


def _term(holder: etree._Element, lang: str, read: TbxEntry) -> tuple[Term, bool] | None:
    text, kind, notes, unknown = None, None, [], None
    details: dict[str, str] = {}
    for group in (holder, *(c for c in holder if _local(c) == "termGrp")):
        for child in group:
            name, category = _local(child), _category(child)
            if name == "term":
                text = _text(child)
            elif category in _STATUS_CATEGORIES:
                value = _text(child)
                found = _STATUS_IN.get(value.lower().removesuffix("-admn-sts").replace(" ", ""))
                if found is None:
                    found = TermKind.VARIANT
                    unknown = value
                # Two statuses (administrative and normative): the stricter one holds.
                if kind is None or _STRICTNESS[found] > _STRICTNESS[kind]:
                    kind = found
            elif name == "note":
                notes.append(_text(child))
            elif name == "transacGrp":
                _transaction(child, details)
            elif name != "termGrp":
                _describe(child, details, _TERM_CATEGORIES, notes)
    if not text:
        read.issues.append(
            ("empty", f"an empty {lang or 'language-less'} term slot was left out", "")
        )
        return None
    if unknown is not None:
        read.issues.append(
            ("status", f"{lang} {text!r} has the unknown status {unknown!r}: a variant?", text)
        )
    term = Term(lang, text, kind or TermKind.VARIANT, "\n".join(n for n in notes if n), details)
    return term, kind is not None


# -- writing ---------------------------------------------------------------------------------


def write_tbx(
    concepts: Iterable[Concept], path: Path, source_lang: str = "en", style: str = "basic"
) -> None:
    """Write TBX-Basic: TBX 2008 martif (style "basic", what OmegaT and translate-toolkit read,
    valid against the TBX-Basic DTD and XCS) or TBX v3 DCA (style "v3").

    TBX-Basic has no category for the desk's concept status and its dates are days: a proposed
    concept gets a note "Hanbit Desk status: proposed", and dates are written to the day.
    """
    if style not in STYLES:
        raise GlossaryError(f"unknown TBX style {style!r}; use one of {', '.join(STYLES)}")
    concepts = list(concepts)
    if not concepts:
        raise GlossaryError("the glossary is empty; a TBX file needs at least one concept")
    v3 = style == "v3"
    root = _root(v3, source_lang)
    body = _sub(_sub(root, v3, "text"), v3, "body")
    for number, concept in enumerate(concepts, 1):
        _write_concept(body, concept, number, source_lang, v3)
    try:
        with open(path, "wb") as stream:
            stream.write(
                etree.tostring(
                    etree.ElementTree(root),
                    xml_declaration=True,
                    encoding="UTF-8",
                    pretty_print=True,
                    doctype=None if v3 else BASIC_DOCTYPE,
                )
            )
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or error
        raise GlossaryError(f"cannot write {path}: {reason}") from None


def _name(v3: bool, name: str) -> str:
    if v3:
        name = {"martifHeader": "tbxHeader", "langSet": "langSec", "tig": "termSec"}.get(name, name)
        name = {"termEntry": "conceptEntry"}.get(name, name)
        return f"{{{TBX_NS}}}{name}"
    return name


def _sub(
    parent: etree._Element, v3: bool, name: str, text: str | None = None, **attrs: str
) -> etree._Element:
    element = etree.SubElement(parent, _name(v3, name), attrib=attrs)
    if text is not None:
        element.text = strip_controls(text)  # an older termbase may hold a stray U+0001
    return element


def _root(v3: bool, source_lang: str) -> etree._Element:
    if v3:
        root = etree.Element(_name(v3, "tbx"), nsmap={None: TBX_NS}, type="TBX-Basic", style="dca")
    else:
        root = etree.Element("martif", type="TBX-Basic")
    root.set(XML_LANG, source_lang)
    header = _sub(root, v3, "martifHeader")
    file_desc = _sub(header, v3, "fileDesc")
    _sub(_sub(file_desc, v3, "sourceDesc"), v3, "p", "Exported from Hanbit Desk")
    if not v3:
        _sub(_sub(header, v3, "encodingDesc"), v3, "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    return root


def _write_concept(
    body: etree._Element, concept: Concept, number: int, source_lang: str, v3: bool
) -> None:
    entry = _sub(body, v3, "termEntry", id=f"c{concept.id or f'-{number}'}")
    notes = [concept.note] if concept.note else []
    if concept.domain:
        _sub(entry, v3, "descrip", concept.domain, type="subjectField")
    details = dict(concept.details)
    dates = {"origination": concept.created_at, "modification": concept.updated_at}
    transactions = _pop_transactions(details, dates)
    _write_details(entry, details, v3, notes, level="entry")
    if concept.status and concept.status != "approved":
        notes.append(STATUS_NOTE + concept.status)
    _write_transactions(entry, transactions, v3)
    _notes(entry, v3, notes)
    languages = concept.languages()
    # The source language first: readers such as translate-toolkit take the first as source.
    languages.sort(key=lambda lang: lang != source_lang)
    for lang in languages:
        section = _sub(entry, v3, "langSet")
        section.set(XML_LANG, lang)
        lang_notes: list[str] = []
        extra = dict(concept.lang_details.get(lang, {}))
        if extra.get("note"):
            lang_notes.append(extra.pop("note"))
        transactions = _pop_transactions(extra)
        _write_details(section, extra, v3, lang_notes, level="lang")
        _write_transactions(section, transactions, v3)
        _notes(section, v3, lang_notes)
        for term in (t for t in concept.terms if t.lang == lang):
            _write_term(section, term, v3)


def _write_details(
    parent: etree._Element, details: dict[str, str], v3: bool, notes: list[str], level: str
) -> None:
    """definition/context (with their source in a descripGrp), admin categories; what
    TBX-Basic has no place for at this level becomes a note "category: value"."""
    for key, value in details.items():
        if "/" in key:
            continue  # written with its main category below
        sources = {k.split("/", 1)[1]: v for k, v in details.items() if k.startswith(key + "/")}
        allowed = key in _DESCRIP and (key != "context" or level == "term")
        allowed = allowed and (key != "subjectField" or level == "entry")
        if allowed:
            target = _sub(parent, v3, "descripGrp") if sources.get("source") else parent
            _sub(target, v3, "descrip", value, type=key)
            if sources.get("source"):
                _sub(target, v3, "admin", sources.pop("source"), type="source")
        elif key in _ADMIN:
            _sub(parent, v3, "admin", value, type=key)
        else:
            notes.append(f"{key}: {value}")
        notes.extend(f"{key} {name}: {text}" for name, text in sources.items())


def _pop_transactions(
    details: dict[str, str], dates: dict[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """(kind, date, responsibility) of each transaction kept in details, taken out of them.
    dates: the concept's own (created_at, updated_at), which win; a responsibility goes out
    only with the date it was read with."""
    found = []
    for kind in TRANSACTIONS:
        stated = details.pop(f"{kind}/date", "")
        user = details.pop(f"{kind}/responsibility", "")
        date = stated if dates is None else dates[kind]
        if date != stated:
            user = ""  # changed since: the date is the desk's, the person not known
        if date or user:
            found.append((kind, date, user))
    return found


def _write_transactions(
    parent: etree._Element, transactions: list[tuple[str, str, str]], v3: bool
) -> None:
    for kind, date, user in transactions:
        group = _sub(parent, v3, "transacGrp")
        _sub(group, v3, "transac", kind, type="transactionType")
        if date:
            _sub(group, v3, "date", date[:10])  # TBX-Basic dates are days (xsd:date)
        if user:
            _sub(group, v3, "transacNote", user, type="responsibility")


def _write_term(section: etree._Element, term: Term, v3: bool) -> None:
    holder = _sub(section, v3, "tig")
    _sub(holder, v3, "term", term.text)
    notes = [term.note] if term.note else []
    details = dict(term.details)
    for key in sorted(_TERM_NOTES & set(details)):
        value = details[key]
        if key in _PICKLISTS and value not in _PICKLISTS[key]:
            continue  # left in details: written as a note below, not as an invalid value
        _sub(holder, v3, "termNote", details.pop(key), type=key)
    _sub(holder, v3, "termNote", _STATUS_OUT[term.kind], type="administrativeStatus")
    transactions = _pop_transactions(details)
    _write_details(holder, details, v3, notes, level="term")
    _write_transactions(holder, transactions, v3)
    _notes(holder, v3, notes)


def _notes(parent: etree._Element, v3: bool, notes: list[str]) -> None:
    # One <note> per line: readers normalise whitespace inside a note, and the desk joins
    # the notes of one element with newlines, so a multi-line note comes back as it was.
    for note in notes:
        for line in note.split("\n"):
            if line.strip():
                _sub(parent, v3, "note", line.strip())
