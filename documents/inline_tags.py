"""Formatting of a client's file as the desk's protected inline tags (documents.inline).

A Word paragraph's bold, italic, underlined, linked or otherwise formatted stretch becomes a
pair ⟨n⟩…⟨/n⟩; a footnote mark, picture, text box, field, line break or tab a standalone ⟨n/⟩.
Numbers are per paragraph, one per occurrence, so QA and MT treat them as XLIFF's codes are.
"""

from __future__ import annotations

from dataclasses import dataclass

from documents.inline import TOKEN, TagKind, strip_tags, token

# Marks an untranslated stretch the writer flags (highlights): private-use characters that
# never come from a translator or a model, and never leave the writer.
FLAG_ON, FLAG_OFF = "\ue000", "\ue001"


@dataclass(frozen=True)
class Token:
    """A piece of tagged text: text, a pair's opening or closing, a standalone, a flag mark."""

    kind: str  # "text", "open", "close", "standalone", "flag-on", "flag-off"
    value: str = ""  # the text, or the tag as written
    number: int = 0


def open_tag(number: int) -> str:
    return token(number, TagKind.OPEN)


def close_tag(number: int) -> str:
    return token(number, TagKind.CLOSE)


def standalone(number: int) -> str:
    return token(number, TagKind.STANDALONE)


def tokens(text: str) -> list[Token]:
    """Split tagged text into tokens; anything that is not a tag is text."""
    result: list[Token] = []
    for piece, flag in _split_flags(text):
        if flag:
            result.append(Token(flag))
            continue
        position = 0
        for match in TOKEN.finditer(piece):
            before, number, after = match.groups()
            if before and after:
                continue  # ⟨/1/⟩ is no tag: left as text
            if match.start() > position:
                result.append(Token("text", piece[position : match.start()]))
            kind = "close" if before else "standalone" if after else "open"
            result.append(Token(kind, match.group(), int(number)))
            position = match.end()
        if position < len(piece):
            result.append(Token("text", piece[position:]))
    return result


def _split_flags(text: str) -> list[tuple[str, str]]:
    pieces: list[tuple[str, str]] = []
    current = ""
    for char in text:
        if char in (FLAG_ON, FLAG_OFF):
            if current:
                pieces.append((current, ""))
                current = ""
            pieces.append(("", "flag-on" if char == FLAG_ON else "flag-off"))
        else:
            current += char
    if current:
        pieces.append((current, ""))
    return pieces


def plain(text: str) -> str:
    """The text without tags or flag marks."""
    return strip_tags(text).replace(FLAG_ON, "").replace(FLAG_OFF, "")
