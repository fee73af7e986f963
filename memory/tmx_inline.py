"""TMX inline elements (bpt, ept, ph, it, ut, hi) as the desk's tag tokens, and back again."""

from __future__ import annotations

import re

from lxml import etree

from documents.inline import TOKEN

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
# Indentation of a pretty-printed TMX: a line break followed by spaces or tabs, and line breaks
# at either end of a segment. Tabs and spaces on one line are content (the LISA compliance kit
# checks they survive), and so is a bare line break inside a segment.
_INDENT = re.compile(r"[ \t]*\n[ \t]+")
_EDGES = re.compile(r"^\s*\n\s*|\s*\n\s*$")


class Numbering:
    """The tag numbers of one translation unit: a code keeps its number in every language
    (bpt/ept by i, other codes by x, else by their order), so ⟨1⟩ in the source and the
    target is the same code."""

    def __init__(self) -> None:
        self.numbers: dict[tuple, int] = {}

    def number(self, key: tuple) -> int:
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
        return self.numbers[key]


def seg_text(
    seg: etree._Element,
    numbering: Numbering,
    codes: dict[str, dict[str, str]],
    *,
    verbatim: bool = False,
) -> str:
    """The text of a <seg> with every inline element as a tag token (⟨1⟩…⟨/1⟩, ⟨2/⟩);
    codes gets the element as written per number, so the export can restore it.
    verbatim: keep edge and indentation newlines (a file known not to be pretty-printed)."""
    counters: dict[str, int] = {}
    text = _walk(seg, numbering, codes, counters)
    if verbatim or _preserved(seg):
        return text
    return _INDENT.sub(" ", _EDGES.sub("", text)) if "\n" in text else text


def _preserved(element: etree._Element) -> bool:
    for node in (element, *element.iterancestors()):
        if node.get(XML_SPACE):
            return node.get(XML_SPACE) == "preserve"
    return False


def _markup(element: etree._Element) -> str:
    copy = etree.fromstring(etree.tostring(element, with_tail=False))
    return etree.tostring(copy, encoding="unicode")


def _walk(element, numbering: Numbering, codes: dict, counters: dict[str, int]) -> str:
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        name = child.tag
        if name in ("bpt", "ept"):
            key = ("pair", child.get("i") or _next(counters, name))
            number = str(numbering.number(key))
            codes.setdefault(number, {})["open" if name == "bpt" else "close"] = _markup(child)
            parts.append(f"⟨{number}⟩" if name == "bpt" else f"⟨/{number}⟩")
        elif name in ("ph", "it", "ut"):
            key = (name, child.get("x") or _next(counters, name))
            number = str(numbering.number(key))
            codes.setdefault(number, {})["standalone"] = _markup(child)
            parts.append(f"⟨{number}/⟩")
        elif name == "hi":
            # Highlighted text is translatable: its content stays, between a pair of tags.
            key = ("hi", child.get("x") or _next(counters, name))
            number = str(numbering.number(key))
            shell = etree.Element("hi", dict(child.attrib))
            codes.setdefault(number, {})["hi"] = etree.tostring(shell, encoding="unicode")
            parts.append(f"⟨{number}⟩{_walk(child, numbering, codes, counters)}⟨/{number}⟩")
        else:
            parts.append(_walk(child, numbering, codes, counters))
        parts.append(child.tail or "")
    return "".join(parts)


def _next(counters: dict[str, int], name: str) -> str:
    # Codes without i/x are matched by order: the second <ph> of the source is the second of
    # the target.
    counters[name] = counters.get(name, 0) + 1
    return f"#{counters[name]}"


def fill_seg(seg: etree._Element, text: str, codes: dict[str, dict[str, str]]) -> None:
    """Write text into seg, each tag token as the element it was read from (or, for a tag the
    memory never saw written, a generic bpt/ept/ph with the same number)."""
    stack: list[etree._Element] = [seg]
    position = 0

    def add_text(piece: str) -> None:
        parent = stack[-1]
        if not piece:
            return
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + piece
        else:
            parent.text = (parent.text or "") + piece

    for match in TOKEN.finditer(text):
        closing, number, alone = match.groups()
        if closing and alone:
            continue
        add_text(text[position : match.start()])
        position = match.end()
        known = codes.get(number, {})
        if "hi" in known and not alone:
            if not closing:
                element = etree.fromstring(known["hi"])
                stack[-1].append(element)
                stack.append(element)
            elif len(stack) > 1:
                stack.pop()
            continue
        kind = "close" if closing else "standalone" if alone else "open"
        if known.get(kind):
            element = etree.fromstring(known[kind])
        else:
            name = {"open": "bpt", "close": "ept", "standalone": "ph"}[kind]
            element = etree.Element(name, {"i" if name != "ph" else "x": number})
        element.tail = None
        stack[-1].append(element)
    add_text(text[position:])
