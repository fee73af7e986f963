"""Plain paragraphs out of Markdown, HTML and Word documents, one paragraph per line."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import lxml.etree
import lxml.html

from storage.xmlsafe import bound_html_attributes

# A paragraph break in the output: segmentation reads every non-empty line as a paragraph.
_BREAK = "\n\n"
_MAX_DOCX_XML = 200 * 1024 * 1024  # uncompressed document.xml: refuse zip bombs

# --- Markdown -------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+\s*)?$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Every inline pattern is linear in the paragraph: what an opening mark may span stops at the
# next mark of its kind (or the next "[", "(", "<"), so a paragraph of unclosed marks ("*a *a
# *a …", 60 KB) costs one pass, not one pass per mark (9-10 s before).
_INLINE = [
    (re.compile(r"!\[([^\[\]]*)\]\([^()]*\)"), r"\1"),  # images: their alt text
    (re.compile(r"\[([^\[\]]+)\]\([^()]*\)"), r"\1"),  # links: their text
    (re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<((?:https?|mailto):[^<>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),  # inline HTML tags
    (re.compile(r"(?<!`)(``+)((?:[^`]|`(?!`))+?)\1(?!`)"), r"\2"),  # ``code with a ` in it``
    (re.compile(r"(?<!`)`([^`]+)`(?!`)"), r"\1"),
    (re.compile(r"\*\*\*(?=\S)((?:[^*]|\*(?!\*\*))+?)(?<=\S)\*\*\*"), r"\1"),
    (re.compile(r"___(?=\S)((?:[^_]|_(?!__))+?)(?<=\S)___"), r"\1"),
    (re.compile(r"\*\*(?=\S)((?:[^*]|\*(?!\*))+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"__(?=\S)((?:[^_]|_(?!_))+?)(?<=\S)__"), r"\1"),
    (re.compile(r"\*(?=[^\s*])([^*]+?)(?<=\S)\*"), r"\1"),
    (re.compile(r"(?<![\w])_(?=[^\s_])([^_]+?)(?<=\S)_(?![\w])"), r"\1"),
    (re.compile(r"~~(?=\S)((?:[^~]|~(?!~))+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),  # backslash escapes
]
_CJK_END = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _without_comments(text: str) -> str:
    """text without <!-- … --> comments (an unclosed one is left as it is)."""
    parts, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[at:start])
        at = end + 3
    parts.append(text[at:])
    return "".join(parts)


def _inline(text: str) -> str:
    text = _without_comments(text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text.strip()


def _join_wrapped(lines: list[str]) -> str:
    """Soft-wrapped lines of one paragraph; Chinese and Japanese join without a space."""
    joined = ""
    for line in lines:
        if joined and not (_CJK_END.search(joined) and _CJK_START.match(line)):
            joined += " "
        joined += line
    return joined


def markdown_text(markdown: str) -> str:
    """Headings, paragraphs, list items, quotes and table cells as paragraphs, markup removed.

    Code blocks, front matter, rules and link definitions are left out: nothing to translate.
    """
    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            text = _inline(_join_wrapped(current))
            if text:
                paragraphs.append(text)
            current.clear()

    lines = markdown.split("\n")
    if lines and lines[0].strip() == "---" and "---" in (s.strip() for s in lines[1:]):
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        lines = lines[end + 1 :]  # YAML front matter
    fence = ""
    for raw in lines:
        opened = _FENCE.match(raw)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            flush()
            fence = opened.group(1)
            continue
        line = _QUOTE.sub("", raw)
        stripped = line.strip()
        hard_break = raw.endswith("  ") or raw.endswith("\\")
        if not stripped or _LINK_DEF.match(line) or _TABLE_RULE.match(line):
            flush()
        elif _SETEXT.match(line) and current:
            flush()  # the underline of a heading written as "Title\n====="
        elif _RULE.match(line):
            flush()
        elif heading := _HEADING.match(line):
            flush()
            current.append(heading.group(1))
            flush()
        elif stripped.startswith("|") or (stripped.count("|") >= 2 and not current):
            flush()
            for cell in stripped.strip("|").split("|"):
                current.append(cell.strip())
                flush()
        elif item := _LIST_ITEM.match(line):
            flush()
            current.append(line[item.end() :].strip())
        elif raw.startswith(("    ", "\t")) and not current:
            continue  # an indented code block
        else:
            current.append(stripped.rstrip("\\").strip())
            if hard_break:
                flush()
    flush()
    return _BREAK.join(paragraphs)


# --- HTML -----------------------------------------------------------------------------------

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


def html_text(html: str, error: type[Exception]) -> str:
    """The text of a page's block elements, one per paragraph; scripts, styles and hidden
    elements left out. Nothing is fetched: no network, no external entities."""
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)  # lxml refuses a declaration in a str
    html = bound_html_attributes(html)  # libxml2 slows quadratically on 40k attributes a tag
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
    )
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as problem:
        raise error(f"The page cannot be read as HTML: {problem}") from None
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(buffer)).strip()
        if text:
            paragraphs.append(text)
        buffer.clear()

    def walk(element, pre: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        hidden = (
            tag in _SKIP
            or element.get("hidden") is not None
            or _HIDDEN_STYLE.search(element.get("style", "") or "")
        )
        if not hidden and tag:
            block = tag in _BLOCKS
            pre = pre or tag == "pre"
            if block or tag == "br":
                flush()
            if element.text:
                _add(element.text, pre)
            for child in element:
                walk(child, pre)
            if block:
                flush()
        if element.tail:
            _add(element.tail, pre)

    def _add(text: str, pre: bool) -> None:
        if pre and "\n" in text:
            first, *rest = text.split("\n")
            buffer.append(first)
            for line in rest:
                flush()
                buffer.append(line)
        else:
            buffer.append(text)

    walk(root, False)
    flush()
    return _BREAK.join(paragraphs)


# --- Word -----------------------------------------------------------------------------------


def docx_text(path: Path, error: type[Exception]) -> str:
    """Every paragraph of the body in order (tables and text boxes included, tracked
    deletions left out, tracked insertions kept); line breaks inside a paragraph split it."""
    import docx  # noqa: PLC0415 - python-docx (~35 ms) loads only for a .docx source
    from docx.oxml.ns import qn  # noqa: PLC0415 - as docx

    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("word/document.xml")
            if info.file_size > _MAX_DOCX_XML:
                raise error(
                    f"{path.name} unpacks to {info.file_size // 1048576} MB of text: too big"
                )
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as problem:
        hint = " (an old .doc saved as .docx? save it again as .docx)" if path.suffix else ""
        raise error(f"{path.name} is not a Word .docx document{hint}: {problem}") from None
    except Exception as problem:  # python-docx raises assorted errors for broken packages
        if isinstance(problem, error):
            raise
        raise error(f"{path.name} cannot be read as a Word document: {problem}") from None
    w_p, w_t, w_tab, w_br, w_cr = (qn(t) for t in ("w:p", "w:t", "w:tab", "w:br", "w:cr"))
    paragraphs: list[str] = []
    for paragraph in document.element.body.iter(w_p):
        parts: list[str] = []
        for node in paragraph.iter(w_t, w_tab, w_br, w_cr, w_p):
            if node is paragraph:
                continue
            if _inside_nested_paragraph(node, paragraph, w_p):
                continue  # a text box's own paragraph: read on its own
            if node.tag == w_t:
                parts.append(node.text or "")
            elif node.tag == w_tab:
                parts.append("\t")
            elif node.tag in (w_br, w_cr):
                parts.append("\n")
        for line in "".join(parts).split("\n"):
            line = re.sub(r"[ \t]+", " ", line).strip()
            if line:
                paragraphs.append(line)
    return _BREAK.join(paragraphs)


def _inside_nested_paragraph(node, paragraph, w_p: str) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag == w_p:
            return True
        parent = parent.getparent()
    return False
