"""The application object: names for QSettings, CJK fonts, Korean UI strings when present."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFontDatabase

from desktop.app import EMIT_LEAKS_TRUE, FONT_STACK, cjk_font, install_translator
from documents.project import Project

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


EMITS = """
import sys
from PySide6.QtCore import QObject, Signal
if sys.argv[1] == "protect":
    from desktop.app import protect_true_from_emit_leak
    protect_true_from_emit_leak()
class Source(QObject):
    changed = Signal(int)
source = Source()
for n in range(5000):  # a long session's worth of signals
    source.changed.emit(n)
print("done", flush=True)
"""


def run_emits(mode: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", EMITS, mode],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_thousands_of_signals_do_not_kill_the_desk():
    done = run_emits("protect")
    assert done.returncode == 0, done.stderr[-300:]
    assert done.stdout.strip() == "done"


@pytest.mark.skipif(not EMIT_LEAKS_TRUE, reason="this PySide6/Python pair has no emit() leak")
def test_without_the_workaround_this_pyside6_aborts():
    # The control: the test above would fail without protect_true_from_emit_leak().
    assert run_emits("plain").returncode != 0


SESSION = """
import sys
from desktop.app import make_application
from desktop.grid.segment_model import COL_TARGET, SegmentModel
from documents.project import Project

app = make_application([])
model = SegmentModel(Project.open(sys.argv[1]))
for row in range(model.rowCount()):
    assert model.setData(model.index(row, COL_TARGET), f"edit {row}")
print("done", flush=True)
"""


def test_a_long_editing_session_in_the_desk_survives(tmp_path):
    path = tmp_path / "session.hanbit"
    rows = [(f"{i}번째 문장이다.", "", "new", i) for i in range(1000)]
    Project.create_from_segments(path, rows, source_lang="ko", target_lang="en").close()
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(path)],
        cwd=Path(__file__).resolve().parents[2],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-300:]
    assert done.stdout.strip() == "done"
