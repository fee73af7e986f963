"""The application object: names for QSettings, CJK fonts, Korean UI strings when present."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase

from desktop.app import FONT_STACK, cjk_font, install_translator

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context><name>MainWindow</name>
<message><source>&amp;File</source><translation>파일(&amp;F)</translation></message>
</context>
</TS>
"""


def test_font_stack_puts_installed_cjk_families_first(qapp):
    font = cjk_font(13)
    assert font.pointSizeF() == 13
    installed = [f for f in FONT_STACK if f in QFontDatabase.families()]
    # The installed CJK families lead, in the stack's order; missing ones are not named.
    assert font.families()[: len(installed)] == installed
    assert not set(FONT_STACK) - set(installed) & set(font.families())


def test_english_needs_no_translation_file(qapp, tmp_path):
    assert install_translator(qapp, QLocale(QLocale.Language.English), tmp_path) is None


def test_missing_korean_file_leaves_english(qapp, tmp_path):
    assert install_translator(qapp, QLocale(QLocale.Language.Korean), tmp_path) is None
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


LRELEASE = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")


@pytest.mark.skipif(not Path(LRELEASE).exists(), reason="pyside6-lrelease is not installed")
def test_korean_ui_strings_load_from_a_qm_file(qapp, tmp_path):
    ts = tmp_path / "hanbit_ko.ts"
    ts.write_text(TS, encoding="utf-8")
    lrelease = LRELEASE
    subprocess.run(
        [lrelease, str(ts), "-qm", str(tmp_path / "hanbit_ko.qm")], check=True, capture_output=True
    )
    translator = install_translator(qapp, QLocale(QLocale.Language.Korean), tmp_path)
    try:
        assert translator is not None
        assert QCoreApplication.translate("MainWindow", "&File") == "파일(&F)"
    finally:
        QCoreApplication.removeTranslator(translator)
