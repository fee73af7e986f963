"""Korean and Chinese news conventions: bylines, photo credits, dates, copyright, related links."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from documents.web_article import Article, Block

DROPPED_COPYRIGHT = "copyright line"
DROPPED_BYLINE = "byline"
DROPPED_DATE = "date line"
DROPPED_CREDIT = "photo credit"
DROPPED_RELATED = "related articles"
DROPPED_AFTER = "after the end of the article"

_COPYRIGHT = re.compile(
    r"무단\s*전재|재배포\s*금지|재배포금지|무단\s*복제|저작권자|all rights reserved|copyright\b|"
    r"[ⓒ©]|版权所有|未经授权|不得转载|禁止转载",
    re.IGNORECASE,
)
# 아주경제 김근정 기자 = ...   (서울=연합뉴스) 홍길동 기자 = ...   [베이징=신화통신] ...
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:[\[(【]\s*[^\])】]{1,30}=\s*[^\])】]{1,30}[\])】]\s*)?"
    r"(?:[^\s=]{1,15}\s+){0,2}[가-힣]{2,4}\s*(?:선임)?(?:기자|특파원|통신원|객원기자)\s*=\s*"
)
_AGENCY_PREFIX = re.compile(r"^\s*[\[(【]\s*[^\])】]{1,20}=\s*[^\])】]{1,20}[\])】]\s*")
_BYLINE_LINE = re.compile(
    r"^[\[(【（]?\s*(?:[^\s\])】]{1,20}\s*=\s*)?(?:\S+\s+){0,2}[가-힣]{2,4}\s*"
    r"(?:선임)?(?:기자|특파원|통신원|객원기자)(?:\s+[\w.+-]+@[\w.-]+)?\s*[\])】）]?$"
    r"|^[\[(【（]?\s*(?:责任编辑|编辑|记者|作者|责编|通讯员|来源)\s*[:：].{0,40}$"
    r"|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$"
    r"|^\S{0,8}记者\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})?$"
)
_CREDIT = re.compile(
    r"\s*[\[(（【]\s*(?:사진|자료|그래픽|영상|출처|제공|图片|图|来源|摄影|Photo|Image)\s*"
    r"[=:：/]\s*[^\])）】]{0,40}[\])）】]",
    re.IGNORECASE,
)
_TRAILING_CREDIT = re.compile(
    r"[.。\s]\s*(?:(?:사진|자료|그래픽)\s*=\s*[^.=]{1,30}"
    r"|(?:新华社|中新社)?(?:记者)?\s*[\u4e00-\u9fff]{2,4}(?:\s+[\u4e00-\u9fff]{2,4})?\s*摄)$"
)
_DATE = (
    r"\d{4}\s*[.\-/년]\s*\d{1,2}\s*[.\-/월]\s*\d{1,2}\s*[.일]?"
    r"(?:\s*\(\s*[월화수목금토일]\s*\))?(?:\s*(?:오전|오후)?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_DATE_LINE = re.compile(
    rf"^(?:(?:입력|수정|등록|기사입력|최종수정|업데이트|승인|발행|게재|송고|"
    rf"发布时间|发布日期|时间|日期|Published|Updated)\s*[:：]?\s*)?{_DATE}"
    rf"(?:\s*(?:\S*(?:수정|입력|来源)\S*\s*[:：]?\s*\S+)){{0,2}}\s*$",
    re.IGNORECASE,
)
_DATE_IN = re.compile(_DATE)
_RELATED = re.compile(
    r"^[\[<【]?\s*(?:관련\s*기사|관련\s*뉴스|관련\s*기사\s*보기|함께\s*보면\s*좋은\s*(?:기사|뉴스)|"
    r"추천\s*기사|많이\s*본\s*(?:기사|뉴스)|이\s*시각\s*주요\s*뉴스|相关新闻|相关阅读|延伸阅读|"
    r"热门推荐|推荐阅读|related\s+(?:articles|stories|news|coverage)|read\s+more|more\s+stories)"
    r"\s*[\]>】]?\s*[:：]?$",
    re.IGNORECASE,
)
_PROMO = re.compile(r"^[▶▷☞►➤]")
_BULLET = re.compile(r"^[•·◆◇■□▪●○\-–]\s*")


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text).strip()


def is_copyright(text: str) -> bool:
    return len(text) <= 160 and _COPYRIGHT.search(text) is not None


def is_date_line(text: str) -> bool:
    return len(text) <= 60 and _DATE_LINE.match(text.strip()) is not None


def copyright_index(blocks: list[Block], start: int) -> int | None:
    """The first copyright line after block start: in Korean news it ends the article."""
    for block in blocks:
        if block.index > start and is_copyright(block.original):
            return block.index
    return None


def apply(article: Article) -> None:
    """Drop copyright, byline, date and related-article blocks; take bylines and photo
    credits out of the text they sit in; record what they said on the article."""
    seen_body = False
    in_related = False
    ended = False
    for block in article.blocks:
        text = block.original.strip()
        if is_date_line(text) and not article.date and (date := _DATE_IN.search(text)):
            article.date = date.group().strip()
        if not block.keep:
            # Say what a dropped line is when we know: the preview reads better for it.
            if _BYLINE_LINE.match(text):
                article.byline = article.byline or text.strip("[]()【】（） ")
                block.reason = DROPPED_BYLINE
            elif is_date_line(text):
                block.reason = DROPPED_DATE
            elif is_copyright(text) and block.reason != DROPPED_AFTER:
                block.reason = DROPPED_COPYRIGHT
            continue
        if block.role == "title":
            continue
        if ended:
            block.keep, block.reason = False, DROPPED_AFTER
            continue
        if is_copyright(text) and seen_body:
            block.keep, block.reason = False, DROPPED_COPYRIGHT
            ended = True
            continue
        if _RELATED.match(text) or _PROMO.match(text):
            block.keep, block.reason = False, DROPPED_RELATED
            in_related = bool(_RELATED.match(text))
            continue
        if in_related and len(text) < 80 and not _ends_like_prose(text):
            block.keep, block.reason = False, DROPPED_RELATED
            continue
        in_related = False
        if is_date_line(text):
            block.keep, block.reason = False, DROPPED_DATE
            continue
        if _BYLINE_LINE.match(text):
            block.keep, block.reason = False, DROPPED_BYLINE
            article.byline = article.byline or text.strip("[]()【】（） ")
            continue
        cleaned = _take_byline(article, block.text)
        cleaned = _take_credits(article, cleaned)
        if not cleaned.strip():
            block.keep, block.reason = False, DROPPED_CREDIT
            continue
        block.text = cleaned
        seen_body = True


def _ends_like_prose(text: str) -> bool:
    return bool(re.search(r"[.?!。？！][\"'”’」』)）]*$", text)) and len(text) >= 30


def _take_byline(article: Article, text: str) -> str:
    match = _BYLINE_PREFIX.match(text) or _AGENCY_PREFIX.match(text)
    if not match:
        return text
    byline = match.group().strip().rstrip("=").strip()
    if not article.byline:
        article.byline = byline
    return text[match.end() :].strip()


def _take_credits(article: Article, text: str) -> str:
    for credit in _CREDIT.findall(text):
        credit = re.sub(r"\s*([=\])】）])\s*", r"\1", credit.strip())
        if credit not in article.credits:
            article.credits.append(credit)
    text = _CREDIT.sub("", text).strip()
    trailing = _TRAILING_CREDIT.search(text)
    if trailing and len(text) < 200:
        credit = trailing.group().lstrip(". 。").strip()
        if credit not in article.credits:
            article.credits.append(credit)
        text = text[: trailing.start() + 1].strip()
    return text
