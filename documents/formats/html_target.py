"""The translated web page: the client's own page and markup, the article's text translated."""

from __future__ import annotations

import json
import re

import lxml.html

from documents.atomic import ExportError
from documents.formats.base import ExportDocument
from documents.formats.docx_target import paragraph_targets
from documents.html_blocks import blocks_of, parse_page
from documents.inline_tags import FLAG_ON, plain

_FLAG_STYLE = "background:#fff176"
_INLINE = {"a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub", "sup"}


def render(document: ExportDocument) -> bytes:
    """The original page with each kept block's text replaced by its target, lang set to the
    target language on <html> and wherever the page named the source language."""
    if not document.client_file or document.client_format != "html":
        raise ExportError(
            "This project was not made from a web page: there is no original page to translate "
            "into (export as side-by-side HTML instead)"
        )
    try:
        kept = json.loads(document.client_file.decode("utf-8"))
        page = kept["page"]
        # each kept block's page index, with the wrapped lines joined to it
        groups = [[int(i) for i in (g if isinstance(g, list) else [g])] for g in kept["blocks"]]
        indexes = [g[0] for g in groups]
    except (ValueError, KeyError, TypeError):
        raise ExportError("The web page kept in the project is damaged") from None
    root = parse_page(page)
    blocks = blocks_of(root)
    flag = document.untranslated_mode == "flag"
    targets = paragraph_targets(document, flag_untranslated=flag)
    if len(targets) != len(indexes) or any(i >= len(blocks) for g in groups for i in g):
        raise ExportError(
            f"The project has {len(targets)} paragraphs but its page kept {len(indexes)} blocks: "
            "they no longer fit each other"
        )
    for group, target in zip(groups, targets, strict=True):
        index = group[0]
        headline = blocks[index].text  # read before it changes
        pieces = [piece for i in group for piece in blocks[i].pieces]
        _replace(pieces, target)
        if index == indexes[0]:
            _retitle(blocks, indexes, headline, plain(target))
    _set_language(root, document.source_lang, document.target_lang)
    _declare_utf8(root)
    doctype = root.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    html = lxml.html.tostring(root, encoding="unicode", method="html")
    return f"{doctype}\n{html}\n".encode()


def _replace(pieces, target: str) -> None:
    """The whole target into the block's first text node; the others emptied, and inline
    elements left empty by that removed (their tails kept)."""
    if not pieces:
        return
    node, attr = pieces[0]
    flagged = FLAG_ON in target
    text = plain(target)
    if flagged:
        # A block with an untranslated segment is shown marked: its text inside a <mark>.
        mark = lxml.html.Element("mark", {"class": "untranslated", "style": _FLAG_STYLE})
        mark.text = text
        _set(node, attr, "")
        if attr == "text":
            node.insert(0, mark)
            mark.tail = None
        else:
            node.addnext(mark)
            mark.tail = None
    else:
        _set(node, attr, text)
    for other, other_attr in pieces[1:]:
        _set(other, other_attr, "")
    for other, other_attr in pieces[1:]:
        if other_attr == "text" and other.tag in _INLINE and _empty(other):
            if other.getparent() is not None:
                other.drop_tag()  # an emptied link or <b>: gone, its tail kept


def _retitle(blocks, indexes: list[int], headline: str, translated: str) -> None:
    """The <title> usually repeats the headline plus the site's name: translate that part."""
    if not blocks or blocks[0].role != "page-title" or 0 in indexes or not headline:
        return
    node, _ = blocks[0].pieces[0]
    if node.text and headline in node.text:
        node.text = node.text.replace(headline, translated)


def _set(node, attr: str, value: str) -> None:
    if attr == "text":
        node.text = value
    else:
        node.tail = value


def _empty(element) -> bool:
    return not (element.text or "").strip() and len(element) == 0


def _set_language(root, source_lang: str, target_lang: str) -> None:
    source_base = source_lang.split("-")[0].lower()
    root.set("lang", target_lang)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in ("lang", "{http://www.w3.org/XML/1998/namespace}lang"):
            value = element.get(attribute)
            if value and value.split("-")[0].lower() == source_base:
                element.set(attribute, target_lang)


def _declare_utf8(root) -> None:
    """The page is written as UTF-8: say so, replacing an EUC-KR or GB2312 declaration."""
    head = root.find("head")
    if head is None:
        return
    for meta in head.findall("meta"):
        if meta.get("charset"):
            meta.set("charset", "utf-8")
            return
        if (meta.get("http-equiv") or "").lower() == "content-type":
            meta.set(
                "content", re.sub(r"charset=[^;\s]+", "charset=utf-8", meta.get("content", ""))
            )
            return
    head.insert(0, lxml.html.Element("meta", {"charset": "utf-8"}))
