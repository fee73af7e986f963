"""A page's text blocks with the text nodes they come from, so a translation goes back in place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree
import lxml.html

# The same elements documents.source_formats skips and breaks at, so a page reads the same
# whether its text or its article is asked for.
_SKIP = {
    "script", "style", "noscript", "template", "head", "svg", "math", "canvas", "iframe",
    "object", "embed", "video", "audio", "select", "button", "input", "textarea", "option",
}  # fmt: skip
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
    "tr", "ul",
}  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

MAX_PAGE_CHARS = 10 * 1024 * 1024  # a saved news page is well under 1 MB


class PageError(ValueError):
    """A page that cannot be read as HTML; the message says why."""


@dataclass
class PageBlock:
    """The text between two block boundaries and where each piece of it sits."""

    role: str  # "page-title" for <title>, else "body"
    after_break: bool = False  # began after a <br>: maybe the next visual line of a paragraph
    # (node, "text" or "tail"): where each piece of the block's text sits
    pieces: list[tuple[lxml.etree._Element, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(_get(n, a) or "" for n, a in self.pieces)).strip()


def _get(node: lxml.etree._Element, attr: str) -> str | None:
    return node.text if attr == "text" else node.tail


def parse_page(html: str) -> lxml.html.HtmlElement:
    """The page's element tree; no network, no entities, comments and PIs dropped."""
    if len(html) > MAX_PAGE_CHARS:
        size = len(html) // 1048576
        raise PageError(f"The page is {size} MB of text; pages are limited to 10 MB")
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses a declaration in a str
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
    )
    try:
        return lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as problem:
        raise PageError(f"The page cannot be read as HTML: {problem}") from None


def blocks_of(root: lxml.etree._Element) -> list[PageBlock]:
    """The visible text blocks in page order, the <title> first; scripts, styles, hidden
    elements left out; a <br> ends a block as a paragraph does."""
    blocks: list[PageBlock] = []
    title = root.find(".//head/title")
    if title is not None and (title.text or "").strip():
        blocks.append(PageBlock("page-title", pieces=[(title, "text")]))
    current = PageBlock("body")

    def flush(by_break: bool = False) -> None:
        nonlocal current
        if current.text:
            blocks.append(current)
            current = PageBlock("body", after_break=by_break)
        else:  # a second <br> or a block boundary: a paragraph break, not a wrapped line
            current.after_break = False

    def walk(element: lxml.etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        hidden = (
            tag in _SKIP
            or element.get("hidden") is not None
            or _HIDDEN_STYLE.search(element.get("style", "") or "")
        )
        if not hidden and tag:
            block = tag in _BLOCKS
            if block or tag == "br":
                flush(by_break=tag == "br")
            if element.text:
                current.pieces.append((element, "text"))
            for child in element:
                walk(child)
                if child.tail:
                    current.pieces.append((child, "tail"))
            if block:
                flush()

    walk(root)
    flush()
    return blocks


def page_blocks(html: str) -> list[PageBlock]:
    return blocks_of(parse_page(html))
