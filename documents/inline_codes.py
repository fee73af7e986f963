"""The inline codes of one XLIFF location: the XML elements behind documents.inline's tokens,
read into a segment's text and written back from a target."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from documents.inline import TagKind, tag_tokens, token

if TYPE_CHECKING:
    from lxml import etree

# Elements that wrap translatable text: rebuilt around the target's text on write-back.
CONTAINERS = frozenset({"g", "pc", "mrk"})
# Native-code elements copied whole on write-back; the first three open a pair, then close.
OPENERS = {"bpt": "ept", "sc": "ec", "sm": "em"}
CLOSERS = frozenset(OPENERS.values())


# Characters XML 1.0 cannot carry at all (lxml refuses them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class TagError(ValueError):
    """A target whose tags cannot be written back as markup (crossed, unknown, unclosed)."""


@dataclass
class Code:
    """One inline code of a location: its number in the text and the original element(s)."""

    number: int
    name: str  # the element's local name in the file: g, x, ph, bpt, pc, sc, ...
    paired: bool  # shows as ⟨n⟩…⟨/n⟩ (else ⟨n/⟩)
    container: bool  # g/pc/mrk: an element around the text rather than a copied code
    start: etree._Element  # the element (for a container: its tag and attributes only)
    end: etree._Element | None = None  # ept/ec/em of a pair of codes
    # The same code as the file's target has it (its own ids, say), preferred on write-back.
    target_start: etree._Element | None = None
    target_end: etree._Element | None = None

    def written(self) -> tuple[etree._Element, etree._Element | None]:
        start = self.target_start if self.target_start is not None else self.start
        end = self.target_end if self.target_end is not None else self.end
        return start, end


def describe(code: Code) -> str:
    """What a tag stands for, for a tooltip: x ctype="lb", ph <a href="/n">, x {{ count }}."""
    element = code.start
    name = code.name
    equiv = element.get("equiv-text") or element.get("equiv") or element.get("disp")
    if equiv:
        return f"{name}: {equiv}"
    native = "".join(element.itertext()).strip()
    if code.end is not None:
        native = f"{native} … {''.join(code.end.itertext()).strip()}".strip(" …")
    if native and not code.container:
        return f"{name}: {native[:120]}"
    shown = " ".join(
        f'{_local(k)}="{v}"' for k, v in element.attrib.items()
        if _local(k) not in {"id", "rid", "startRef", "dataRef", "dataRefStart", "dataRefEnd"}
    )[:120]  # fmt: skip
    return f"{name} {shown}".strip()


def _local(name: str | bytes) -> str:
    """The local part of an lxml name, {namespace}local or local (what QName.localname gives,
    without loading lxml for a plain-text translation)."""
    return (name.decode() if isinstance(name, bytes) else name).rpartition("}")[2]


def local_name(element: etree._Element) -> str:
    return _local(element.tag) if isinstance(element.tag, str) else ""


@dataclass
class TagTable:
    """The codes of one location, numbered from 1 in source order; the target's join them."""

    codes: dict[int, Code] = field(default_factory=dict)
    _keys: dict[tuple[str, str, int], int] = field(default_factory=dict)

    def _number(
        self,
        key: tuple[str, str, int],
        name: str,
        paired: bool,
        container: bool,
        start: etree._Element,
    ) -> Code:
        """The code with this key, numbered next if it is the first of its key."""
        number = self._keys.get(key)
        if number is None:
            number = len(self.codes) + 1
            self._keys[key] = number
            self.codes[number] = Code(number, name, paired, container, start)
        return self.codes[number]


def _ident(element: etree._Element) -> str:
    if local_name(element) == "mrk":
        # An annotation's id differs between source and target by rule (ids are unique in a
        # unit); its type (term, comment, protected) and order are what pair them.
        return "mrk:" + (element.get("type") or element.get("mtype") or "")
    return element.get("id") or element.get("mid") or ""


def _pair_ident(element: etree._Element) -> str:
    # 1.2 ept points at its bpt by rid (1.1 by id); 2.x ec/em by startRef.
    return element.get("rid") or element.get("startRef") or element.get("id") or ""


def element_text(element: etree._Element, table: TagTable, *, target: bool = False) -> str:
    """The text of a source, target or segment marker with its inline codes as tag tokens.

    Call it for the source first, then (target=True) for the target with the same table."""
    ends_here = {
        (local_name(e), _pair_ident(e))
        for e in element.iter()
        if local_name(e) in CLOSERS and e.get("isolated") != "yes"
    }
    seen: dict[tuple[str, str], int] = {}
    parts: list[str] = []

    def key(group: str, ident: str) -> tuple[str, str, int]:
        count = seen.get((group, ident), 0)
        seen[(group, ident)] = count + 1
        return (group, ident, count)

    def mark(code: Code, element: etree._Element) -> None:
        if target and code.start is not element and code.target_start is None:
            code.target_start = element

    def walk(node: etree._Element) -> None:
        parts.append(node.text or "")
        for child in node:
            if not isinstance(child.tag, str):  # a comment or processing instruction
                parts.append(child.tail or "")
                continue
            name = local_name(child)
            if name in CONTAINERS and not (name == "mrk" and child.get("mtype") == "seg"):
                code = table._number(key(name, _ident(child)), name, True, True, child)
                mark(code, child)
                parts.append(token(code.number, TagKind.OPEN))
                walk(child)
                parts.append(token(code.number, TagKind.CLOSE))
            elif name in OPENERS and (OPENERS[name], _ident(child)) in ends_here:
                pair = (name, _ident(child), seen.get((name + "-pair", _ident(child)), 0))
                seen[(name + "-pair", _ident(child))] = pair[2] + 1
                code = table._number(pair, name, True, False, child)
                mark(code, child)
                parts.append(token(code.number, TagKind.OPEN))
            elif name in CLOSERS and child.get("isolated") != "yes":
                opener = next(o for o, c in OPENERS.items() if c == name)
                count = seen.get((opener + "-closed", _pair_ident(child)), 0)
                seen[(opener + "-closed", _pair_ident(child))] = count + 1
                number = table._keys.get((opener, _pair_ident(child), count))
                if number is None:  # its opener is in another segment: a standalone code
                    code = table._number(key(name, _pair_ident(child)), name, False, False, child)
                    mark(code, child)
                    parts.append(token(code.number, TagKind.STANDALONE))
                else:
                    paired = table.codes[number]
                    if paired.end is None:
                        paired.end = child
                    elif target and paired.target_end is None and paired.end is not child:
                        paired.target_end = child
                    parts.append(token(number, TagKind.CLOSE))
            elif name == "mrk":  # a segment marker inside a source: its text is the text
                walk(child)
            else:  # x, bx, ex, ph, it, cp, a lone bpt/sc, any other tool's inline element
                code = table._number(key(name, _ident(child)), name, False, False, child)
                mark(code, child)
                parts.append(token(code.number, TagKind.STANDALONE))
            parts.append(child.tail or "")

    walk(element)
    return "".join(parts)


def fill_element(element: etree._Element, text: str, table: TagTable) -> None:
    """Replace element's content by text, its tag tokens written back as the original markup.

    Raises TagError (element unchanged) for a token of no code of this location, a closing tag
    before its opening one, crossed pairs, or a pair left open.
    """
    from lxml import etree  # noqa: PLC0415 - lxml (~14 ms) loads with the first XML file, not when a plain text is translated

    built = etree.Element("scratch")
    stack: list[tuple[Code, etree._Element]] = []
    parent = built
    cursor = 0

    def add_text(piece: str) -> None:
        piece = _NOT_XML.sub("", piece)  # stray control characters pasted into a target
        if not piece:
            return
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + piece
        else:
            parent.text = (parent.text or "") + piece

    def copied(source: etree._Element) -> etree._Element:
        duplicate = copy.deepcopy(source)
        duplicate.tail = None
        return duplicate

    for found in tag_tokens(text):
        add_text(text[cursor : found.start])
        cursor = found.end
        code = table.codes.get(found.number)
        if code is None:
            raise TagError(f"the tag {found.text} is not one of this segment's tags")
        start, end = code.written()
        if found.kind is TagKind.STANDALONE:
            if code.paired:
                raise TagError(f"{found.text} stands for a pair of tags; write it as a pair")
            parent.append(copied(start))
        elif not code.paired:
            raise TagError(f"{found.text}: the tag {token(code.number, TagKind.STANDALONE)} "
                           "is a single tag, not a pair")  # fmt: skip
        elif found.kind is TagKind.OPEN:
            if code.container:
                made = etree.SubElement(parent, start.tag, attrib=dict(start.attrib))
                stack.append((code, parent))
                parent = made
            else:
                parent.append(copied(start))
                stack.append((code, parent))
        else:
            if not stack or stack[-1][0].number != code.number:
                raise TagError(
                    f"{found.text} closes a tag that is not the last one opened "
                    "(tags are crossed or the opening tag is missing)"
                )
            opened, outer = stack.pop()
            if opened.container:
                parent = outer
            else:
                parent.append(copied(end if end is not None else start))
    add_text(text[cursor:])
    if stack:
        raise TagError(f"{token(stack[-1][0].number, TagKind.OPEN)} is never closed")
    for child in list(element):
        element.remove(child)
    element.text = built.text
    for child in list(built):
        element.append(child)
