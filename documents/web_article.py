"""The article in a saved web page or a pasted text: every block, kept or dropped, and why."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from documents import news_rules
from documents.language_detect import LanguageGuess, detect_language

# Why a block is kept or dropped, in words the preview shows (and translates).
KEPT_TITLE = "title"
KEPT_ARTICLE = "article text"
KEPT_WHOLE = "whole text (no article was detected)"
DROPPED_PAGE = "page furniture (menus, links, lists around the article)"
DROPPED_AFTER = "after the end of the article"
DROPPED_DUPLICATE = "repeats the title"
DROPPED_JOINED = "joined to the line before (a paragraph wrapped over lines)"
MIN_ARTICLE_CHARS = 60  # less than this is no article: a caption or a menu
# A sentence end: before a space, the end, or a photo credit in brackets ("...예정이다.[사진=...]").
_PROSE_END = re.compile(r"[.?!。？！…][\"'”’」』)）\]]*(?:\s|$|[\[(（])")


class NoArticleError(ValueError):
    """No article could be told apart from the rest of the page; the whole text is offered."""


@dataclass
class Block:
    """One block of the page or text: a heading, paragraph, list item, caption or line."""

    index: int  # position among the page's blocks (what the HTML writer maps back)
    original: str  # as on the page
    text: str  # what becomes source text: a byline prefix or photo credit taken out
    keep: bool
    reason: str
    role: str = "body"  # "title", "page-title", "body"
    follows_line: bool = False  # the next line of the one before, no paragraph break between
    joined: list[int] = field(default_factory=list)  # blocks whose text was joined to this one


@dataclass
class Article:
    """What extraction found: the blocks in page order and the page's metadata."""

    blocks: list[Block]
    found: bool  # False: no article detected, every block kept (the whole text)
    title: str = ""
    byline: str = ""
    date: str = ""
    site: str = ""
    url: str = ""
    credits: list[str] = field(default_factory=list)
    language: LanguageGuess | None = None
    kind: str = "html"  # "html" or "text"

    @property
    def kept(self) -> list[Block]:
        return [b for b in self.blocks if b.keep and b.text.strip()]

    @property
    def dropped(self) -> list[Block]:
        return [b for b in self.blocks if not b.keep]

    def source_text(self) -> str:
        """The kept blocks, one paragraph per line, ready to segment."""
        return "\n\n".join(_one_line(b.text) for b in self.kept)

    def metadata(self) -> dict[str, str]:
        """What a project keeps about the page (only the keys that have a value)."""
        values = {
            "source_title": self.title, "source_byline": self.byline,
            "source_date": self.date, "source_site": self.site, "source_url": self.url,
            "source_credits": "; ".join(self.credits),
        }  # fmt: skip
        return {k: v for k, v in values.items() if v}

    def set_keep(self, index: int, keep: bool) -> None:
        """The translator's choice in the preview: keep a dropped block or drop a kept one."""
        for block in self.blocks:
            if block.index == index:
                block.keep = keep
                return
        raise IndexError(f"There is no block {index}")


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_prose(text: str) -> bool:
    """A sentence or more of running text, not a menu item or a headline."""
    return len(text) >= 30 and bool(_PROSE_END.search(text))


# --- web pages ------------------------------------------------------------------------------


def extract_web_article(html: str, *, url: str = "") -> Article:
    """The article of a saved page: trafilatura picks the main content; every other block of
    the page is listed as dropped, and the news rules take out bylines, credits, copyright
    lines and related-article lists. Nothing is fetched."""
    import trafilatura  # noqa: PLC0415 - heavy (~0.3 s): loads only when a page is imported
    from trafilatura.settings import Document  # noqa: PLC0415 - as trafilatura

    # start-up: the window imports this module; lxml.html loads with the first saved page
    from documents.html_blocks import page_blocks  # noqa: PLC0415 - start-up
    from storage.xmlsafe import bound_html_attributes  # noqa: PLC0415 - start-up

    html = bound_html_attributes(html)  # libxml2 slows quadratically on 40k attributes a tag
    page = page_blocks(html)
    if not page:
        raise NoArticleError("The page has no text")
    found = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, favor_precision=False, output_format="python",
    )  # fmt: skip
    paragraphs = set()
    meta: dict[str, Any] = {}
    if isinstance(found, Document):  # (a dict only when as_dict=True, which is not asked)
        paragraphs = {_one_line(p) for p in (found.text or "").split("\n") if p.strip()}
        meta = {
            "title": found.title or "", "author": found.author or "", "date": found.date or "",
            "site": found.sitename or "", "url": found.url or url,
        }  # fmt: skip
    blocks = [
        Block(
            i, b.text, b.text, _one_line(b.text) in paragraphs, KEPT_ARTICLE, b.role,
            follows_line=b.after_break,
        )
        for i, b in enumerate(page)
    ]  # fmt: skip
    for block in blocks:
        if not block.keep:
            block.reason = DROPPED_PAGE
    article = Article(blocks, found=True, kind="html")
    article.title = _mark_title(blocks, meta.get("title", ""))
    article.site, article.url = meta.get("site", ""), meta.get("url", "") or url
    article.date, article.byline = meta.get("date", ""), meta.get("author", "")
    news_rules.apply(article)
    join_wrapped_lines(article)
    if sum(len(b.text) for b in article.kept if b.role != "title") < MIN_ARTICLE_CHARS:
        _keep_everything(article)
        join_wrapped_lines(article)
    article.language = detect_language(article.source_text() or html)
    return article


def _mark_title(blocks: list[Block], title: str) -> str:
    """Keep the block that carries the page's title (the h1, else the <title>)."""
    wanted = _one_line(title)
    heading = None
    for block in blocks:
        text = _one_line(block.original)
        if block.role == "page-title" or len(text) < 4:
            continue
        if text == wanted or (wanted.startswith(text) and len(text) >= 0.6 * len(wanted)):
            heading = block
            break
    page_title = next((b for b in blocks if b.role == "page-title"), None)
    if heading is None and page_title is None:
        return wanted
    if heading is not None:
        first_kept = next((b for b in blocks if b.keep and b.role != "page-title"), None)
        if first_kept is None or heading.index <= first_kept.index:
            heading.keep, heading.reason, heading.role = True, KEPT_TITLE, "title"
            if page_title is not None:
                page_title.keep, page_title.reason = False, DROPPED_DUPLICATE
            return _one_line(heading.original)
    if page_title is not None and wanted and not heading:
        page_title.keep, page_title.reason, page_title.role = True, KEPT_TITLE, "title"
        page_title.text = wanted
        return wanted
    if page_title is not None:
        page_title.keep, page_title.reason = False, DROPPED_DUPLICATE
    return wanted


_WRAP_END = re.compile(r"[.?!。？！…:：;；][\"'”’」』)）\]]*$")
_LIST_START = re.compile(r"^(?:[•·◆◇■□▪●○\-–*▶▷☞※○◎]|\d{1,2}[.)]\s|[가-하][.)]\s|[①-⑳])")
_UNSPACED_EDGE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def join_wrapped_lines(article: Article) -> None:
    """Join the visual lines of one paragraph (a text or page broken at every line, as
    copies of HWP and PDF releases are) back into the paragraph: a long line that ends
    no sentence, followed directly by a line that starts no list item."""
    blocks = article.blocks
    # the lines of wrapped runs: a line that follows another, or that another follows
    lines = [
        b for i, b in enumerate(blocks)
        if b.keep and (b.follows_line or (i + 1 < len(blocks) and blocks[i + 1].follows_line))
    ]  # fmt: skip
    if not any(b.follows_line for b in lines):
        return
    width = max(len(b.original) for b in lines)
    previous: Block | None = None
    last_line = ""
    for block in article.blocks:
        joinable = (
            previous is not None and block.keep and block.follows_line and block.role == "body"
            and block.index == (previous.joined or [previous.index])[-1] + 1
            and len(last_line) >= max(20, 0.7 * width) and not _WRAP_END.search(last_line)
            and not _LIST_START.match(block.text)
        )  # fmt: skip
        if joinable and previous is not None:
            unspaced = _UNSPACED_EDGE.match(previous.text[-1:]) and _UNSPACED_EDGE.match(
                block.text[:1]
            )
            previous.text += ("" if unspaced else " ") + block.text
            previous.joined.append(block.index)
            block.keep, block.reason = False, DROPPED_JOINED
            last_line = block.original
            continue
        if block.keep and block.role == "body":
            previous, last_line = block, block.original
        else:
            previous, last_line = None, ""


def _keep_everything(article: Article) -> None:
    article.found = False
    titled = any(b.role == "title" for b in article.blocks)
    for block in article.blocks:
        if block.reason == DROPPED_JOINED or (block.role == "page-title" and titled):
            continue  # a wrapped line stays part of its paragraph
        if not block.joined:
            block.text = block.original
        block.keep, block.reason = True, KEPT_WHOLE


# --- plain text -----------------------------------------------------------------------------


def extract_text_article(text: str) -> Article:
    """The article in a text copied off a web page: the stretch of running prose from the
    headline to the copyright line is kept; tool bars, comment forms and lists around it are
    shown as dropped. Lines of one paragraph wrapped at a fixed width are joined first. A
    text with no such stretch keeps every line."""
    raw = [line.strip() for line in text.splitlines()]
    blocks: list[Block] = []
    for number, line in enumerate(raw):
        if line:
            follows = number > 0 and bool(raw[number - 1])
            blocks.append(Block(len(blocks), line, line, True, KEPT_ARTICLE, follows_line=follows))
    if not blocks:
        raise NoArticleError("The text is empty")
    article = Article(blocks, found=True, kind="text")
    join_wrapped_lines(article)  # on every line: prose is judged on whole paragraphs
    lines = [b for b in blocks if b.reason != DROPPED_JOINED]
    for block in lines:
        block.keep, block.reason = False, DROPPED_PAGE
    prose = [b.index for b in lines if is_prose(b.text)]
    if not prose:
        _keep_everything(article)
        article.language = detect_language(text)
        return article
    first, last = prose[0], prose[-1]
    end = news_rules.copyright_index(lines, first)
    if end is not None:
        last = end
    for block in lines:
        if first <= block.index <= last:
            block.keep, block.reason = True, KEPT_ARTICLE
        elif block.index > last:
            block.reason = DROPPED_AFTER
    # Before the body: the headline (the first line) and summary bullets stay, short
    # tool-bar lines ("도구모음", "글자크기 설정") do not.
    head = [b for b in lines if b.index < first]
    if head and len(head[0].text) >= 8 and not news_rules.is_date_line(head[0].text):
        head[0].keep, head[0].reason, head[0].role = True, KEPT_TITLE, "title"
        article.title = head[0].text
    for block in head[1:]:
        body = news_rules.strip_bullet(block.text)
        if len(body) >= 20 and body != block.text:
            block.keep, block.reason, block.text = True, KEPT_ARTICLE, body
    news_rules.apply(article)
    if sum(len(b.text) for b in article.kept) < MIN_ARTICLE_CHARS:
        _keep_everything(article)
    article.language = detect_language(article.source_text() or text)
    return article
