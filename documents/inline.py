"""Inline codes (XLIFF g, x, ph, bpt/ept, pc, sc/ec …) as numbered tag tokens in segment text.

The tokens and their way through machine translation; the XML elements they stand for are
documents.inline_codes' (a translation of plain text never loads those).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

# A segment's text carries each inline code as a token the translator sees as a chip:
# ⟨1⟩…⟨/1⟩ a pair (bold, a link), ⟨2/⟩ a standalone code (a line break, a variable).
# U+27E8/U+27E9 never occur in Korean or Chinese news (Chinese quotes 〈〉 are U+3008/9).
OPEN, CLOSE = "\u27e8", "\u27e9"
TOKEN = re.compile(r"\u27e8(/?)(\d+)(/?)\u27e9")


class TagKind(StrEnum):
    OPEN = "open"
    CLOSE = "close"
    STANDALONE = "standalone"


def token(number: int, kind: TagKind) -> str:
    if kind is TagKind.OPEN:
        return f"{OPEN}{number}{CLOSE}"
    if kind is TagKind.CLOSE:
        return f"{OPEN}/{number}{CLOSE}"
    return f"{OPEN}{number}/{CLOSE}"


@dataclass(frozen=True)
class TagToken:
    start: int
    end: int
    number: int
    kind: TagKind

    @property
    def text(self) -> str:
        return token(self.number, self.kind)


def tag_tokens(text: str) -> list[TagToken]:
    """Every tag token of text, in order (a malformed ⟨/1/⟩ is not a token)."""
    found = []
    for match in TOKEN.finditer(text):
        slash_before, number, slash_after = match.groups()
        if slash_before and slash_after:
            continue
        kind = (
            TagKind.CLOSE if slash_before else TagKind.STANDALONE if slash_after else TagKind.OPEN
        )
        found.append(TagToken(match.start(), match.end(), int(number), kind))
    return found


def strip_tags(text: str) -> str:
    """The text without its tag tokens (what a reader of the plain sentence sees)."""
    return TOKEN.sub("", text)


def has_tags(text: str) -> bool:
    return bool(TOKEN.search(text))


# --- tags through machine translation ------------------------------------------------------

# The form glossary enforcement already uses for its placeholders: the sentencepiece of an
# Argos package keeps it apart and every model we tried copies the number. Tags take numbers
# above any placeholder already in the text, so the two never collide.
_MT_PLACEHOLDER = "\u2997{n}\u2998"
_MT_BACK = re.compile(r"\u2997\s*(\d+)\s*\u2998")

TranslateFn = Callable[..., list[str]]


@dataclass
class _Protected:
    text: str
    tags: dict[int, str]  # placeholder number -> tag token


def protect(text: str) -> _Protected:
    """text with each tag token replaced by a numbered placeholder the MT engine copies."""
    tokens = tag_tokens(text)
    if not tokens:
        return _Protected(text, {})
    taken = [int(m.group(1)) for m in _MT_BACK.finditer(text)]
    number = max(taken, default=0) + 100  # far above enforcement's 1…n term placeholders
    tags: dict[int, str] = {}
    pieces, cursor = [], 0
    for found in tokens:
        pieces.append(text[cursor : found.start])
        tags[number] = found.text
        pieces.append(_MT_PLACEHOLDER.format(n=number))
        number += 1
        cursor = found.end
    pieces.append(text[cursor:])
    return _Protected("".join(pieces), tags)


def restore(output: str, protected: _Protected) -> str:
    """The MT output with its placeholders turned back into tag tokens; a tag the engine lost
    is put back at the end so that no tag is ever dropped (QA still flags its position)."""
    if not protected.tags:
        return output
    restored: set[int] = set()

    def back(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number not in protected.tags or number in restored:
            return match.group()
        restored.add(number)
        return protected.tags[number]

    text = _MT_BACK.sub(back, output)
    lost = [tag for number, tag in protected.tags.items() if number not in restored]
    return text + "".join(lost) if lost else text


def _restored(output: str, protected: _Protected, source: str) -> str:
    text = restore(output, protected)
    # An engine Translation keeps its alignment through the edit (glossary repair reads it)
    follow = getattr(output, "with_text", None)
    return follow(text, source) if callable(follow) and text is not output else text


def protecting_tags(translate: TranslateFn) -> TranslateFn:
    """translate(texts, ...) that carries every tag token of texts through to its outputs.

    Wraps the engine's translate (the function glossary enforcement calls), so term
    placeholders and tags travel side by side; on_batch callbacks see restored text too.
    """

    def wrapped(texts: Sequence[str], *args: object, **kwargs: object) -> list[str]:
        protected = [protect(text) for text in texts]
        if not any(p.tags for p in protected):
            return translate(texts, *args, **kwargs)
        on_batch = kwargs.get("on_batch")
        if callable(on_batch):

            def batch(indexes: list[int], outputs: list[str]) -> None:
                on_batch(
                    indexes,
                    [
                        _restored(o, protected[i], texts[i])
                        for i, o in zip(indexes, outputs, strict=True)
                    ],
                )

            kwargs["on_batch"] = batch
        outputs = translate([p.text for p in protected], *args, **kwargs)
        return [_restored(o, p, text) for o, p, text in zip(outputs, protected, texts, strict=True)]

    return wrapped
