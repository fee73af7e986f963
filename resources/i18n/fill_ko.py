"""Carry Korean translations over in resources/i18n/hanbit_ko.ts after pyside6-lupdate; lists
what is left to translate. The .ts is the one home of the Korean UI strings: translate new
strings in it (Qt Linguist, or by hand), then build the .qm.

    pyside6-lupdate $(git ls-files 'desktop/*.py' 'desktop/**/*.py') \\
        -ts resources/i18n/hanbit_ko.ts
    python resources/i18n/fill_ko.py
    pyside6-lrelease resources/i18n/hanbit_ko.ts -qm resources/i18n/hanbit_ko.qm

Run lupdate without -no-obsolete: a string that moved to another class (a new context) comes
back unfinished, and its old entry stays behind as "vanished"; this script gives the unfinished
one the translation of the same English text found anywhere in the file, then drops the
vanished and obsolete entries. Exit status 1 while something is left untranslated.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

TS = Path(__file__).with_name("hanbit_ko.ts")
GONE = ("vanished", "obsolete")  # lupdate's marks for a string no longer in the code


def _text(translation: etree._Element) -> str:
    return "".join(translation.itertext()).strip()


def main(path: Path = TS) -> int:
    tree = etree.parse(str(path))
    messages = list(tree.iter("message"))
    known: dict[str, str] = {}
    for message in messages:
        translation = message.find("translation")
        if translation.get("type") in (None, *GONE) and _text(translation):
            known.setdefault(message.findtext("source"), _text(translation))
    missing = []
    for message in messages:
        translation = message.find("translation")
        if translation.get("type") in GONE:
            message.getparent().remove(message)
            continue
        if translation.get("type") != "unfinished" and _text(translation):
            continue
        source = message.findtext("source")
        korean = known.get(source)
        if korean is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        for child in list(translation):
            translation.remove(child)
        if message.get("numerus") == "yes":
            translation.text = None
            form = etree.SubElement(translation, "numerusform")  # Korean has one plural form
            form.text = korean
        else:
            translation.text = korean
    for context in list(tree.iter("context")):
        if context.find("message") is None:
            context.getparent().remove(context)
    tree.write(str(path), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
