"""Safe XML parsing: no DTD, no entities, no network, whatever the document's encoding."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from storage.inputs import read_input_bytes

# Larger XML inputs than this are not documents a translator brings (an XLIFF of a long book
# is a few MB); the cap keeps a hostile file from filling memory before parsing starts.
MAX_XML_BYTES = 64 * 2**20


class UnsafeXmlError(ValueError):
    """XML that declares a DTD or entities, or is not well-formed; nothing was parsed from it."""


def parser(remove_comments: bool = False) -> etree.XMLParser:
    """The one hardened parser: entities are never expanded, no DTD is loaded, nothing fetched.

    The checks that follow a parse are made on the parsed tree, not by scanning bytes, so a
    DOCTYPE written in UTF-16 or UTF-32 is seen just as well as one in UTF-8.
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=remove_comments,
        remove_pis=remove_comments,
    )


def _has_entity_nodes(root: etree._Element) -> bool:
    return any(True for _ in root.iter(etree.Entity))


def parse_xml_bytes(
    data: bytes,
    name: str,
    error: type[Exception] = UnsafeXmlError,
    allow_doctype: bool = False,
    remove_comments: bool = False,
) -> etree._Element:
    """The root of data, or error: not well-formed, a DOCTYPE (unless allowed), any entity.

    allow_doctype admits a bare `<!DOCTYPE martif SYSTEM "x.dtd">` (TBX and TMX tools write
    one) but never one that declares entities; the DTD itself is never loaded.
    """
    try:
        root = etree.fromstring(data, parser(remove_comments))
    except etree.XMLSyntaxError as problem:
        raise error(f"{name} is not well-formed XML: {problem}") from None
    except ValueError as problem:  # lxml's "Unicode strings with encoding declaration…"
        raise error(f"{name} cannot be read as XML: {problem}") from None
    tree = root.getroottree()
    dtd = tree.docinfo.internalDTD
    entities = list(dtd.iterentities()) if dtd is not None else []
    external = [entity for entity in entities if entity.system_url]
    if external:
        raise error(
            f"{name} declares XML entities, among them an external entity ({external[0].name}"
            f" -> {external[0].system_url}); refused: it could read local files or the network"
        )
    if entities:
        declared = ", ".join(str(entity.name) for entity in entities[:5])
        raise error(
            f"{name} declares XML entities ({declared}); refused:"
            " a file that declares entities can expand without bound ('billion laughs')"
        )
    if _has_entity_nodes(root):
        raise error(f"{name} uses entity references that nothing declares; refused")
    if tree.docinfo.doctype and not allow_doctype:
        raise error(f"{name} declares a DOCTYPE, which this format never needs; it was refused")
    return root


def parse_xml_file(
    path: Path,
    error: type[Exception] = UnsafeXmlError,
    allow_doctype: bool = False,
    remove_comments: bool = False,
    limit: int = MAX_XML_BYTES,
) -> etree._Element:
    """parse_xml_bytes on a regular file of at most limit bytes (FIFOs, devices refused)."""
    data = read_input_bytes(Path(path), limit, error, what="an XML file")
    return parse_xml_bytes(data, Path(path).name, error, allow_doctype, remove_comments)


# One start tag with its attributes; [^<>]* never runs past the next "<", so the scan is linear.
_START_TAG = re.compile(r"<([A-Za-z][\w:.-]*)([^<>]*)>")
_ATTRIBUTE = re.compile(r"""\s*[^\s=<>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']*))?""")
# Real pages carry a few dozen attributes on a tag; libxml2's HTML parser slows down sharply
# (quadratically) once one tag carries tens of thousands, so the excess is cut before parsing.
MAX_HTML_ATTRIBUTES = 256


def bound_html_attributes(html: str, limit: int = MAX_HTML_ATTRIBUTES) -> str:
    """html with each start tag cut to its first `limit` attributes; linear in len(html)."""

    def cut(match: re.Match[str]) -> str:
        attributes = match.group(2)
        if attributes.count("=") <= limit and len(attributes) < 64 * limit:
            return match.group(0)
        kept = []
        for count, attribute in enumerate(_ATTRIBUTE.finditer(attributes)):
            if count >= limit:
                break
            kept.append(attribute.group(0))
        return f"<{match.group(1)}{''.join(kept)}>"

    return _START_TAG.sub(cut, html)
