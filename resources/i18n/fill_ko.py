"""Fill resources/i18n/hanbit_ko.ts from ko_strings.KO after pyside6-lupdate; lists what is missing.

pyside6-lupdate desktop/*.py -ts resources/i18n/hanbit_ko.ts -no-obsolete
python resources/i18n/fill_ko.py
pyside6-lrelease resources/i18n/hanbit_ko.ts -qm resources/i18n/hanbit_ko.qm
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
from ko_strings import KO  # noqa: E402

TS = Path(__file__).with_name("hanbit_ko.ts")


def main() -> int:
    tree = etree.parse(str(TS))
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        korean = KO.get(source)
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
    tree.write(str(TS), encoding="utf-8", xml_declaration=True, doctype="<!DOCTYPE TS>")
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
