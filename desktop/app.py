"""The QApplication: names for QSettings, a font stack for hangul and hanzi, UI translations."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop.window.ui_language import ui_locale
from paths import RESOURCES

ORGANIZATION = "Hanbit"
APPLICATION = "HanbitDesk"

# First installed family wins for Latin; the rest are fallbacks Qt tries for glyphs the first
# lacks, so a line mixing hangul and hanzi renders without tofu on Linux, Windows and macOS.
FONT_STACK = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Malgun Gothic",
    "Apple SD Gothic Neo",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Microsoft YaHei",
    "PingFang SC",
    "Microsoft JhengHei",
    "PingFang TC",
    "Source Han Sans K",
    "NanumGothic",
    "WenQuanYi Micro Hei",
)

I18N_DIR = RESOURCES / "i18n"
ICON = RESOURCES / "icons" / "hanbit-desk-256.png"

# PySide6 6.12.0's SignalInstance.emit() drops a reference to True on every call. On Python
# 3.11, where True is an ordinary object, a few hundred signals bring its count to zero and
# CPython aborts ("bool_dealloc: deallocating True or False"): the desk dies mid-session.
# Python 3.12 made True immortal and PySide6 6.11.3 has no such bug. The leak is measured
# rather than assumed from the version, so a later PySide6 with the same bug is covered too.
_true_protected = False


class _Probe(QObject):
    sig_ping = Signal()


def _measure_emit_leak() -> bool:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False  # True is immortal: nothing can run out
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.sig_ping.emit()
    return sys.getrefcount(True) < before


EMIT_LEAKS_TRUE = _measure_emit_leak()


def protect_true_from_emit_leak() -> bool:
    """Where emit() leaks True, raise True's reference count once by 2**40 (what Python 3.12
    does for every such constant), so no session can use it up. Returns whether it was needed.

    ob_refcnt is the first field of every object in CPython 3.11 and before.
    """
    global _true_protected
    if not EMIT_LEAKS_TRUE:
        return False
    if not _true_protected:
        ctypes.c_ssize_t.from_address(id(True)).value += 1 << 40
        _true_protected = True
    return True


def cjk_font(point_size: float = 0) -> QFont:
    """The application font with the CJK stack; families missing on this system are skipped."""
    installed = set(QFontDatabase.families())
    families = [f for f in FONT_STACK if f in installed]
    font = QFont(QApplication.font())
    if families:
        rest = [f for f in font.families() if f not in families]
        font.setFamilies([*families, *rest])
    if point_size:
        font.setPointSizeF(point_size)
    return font


def install_translator(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path = I18N_DIR
) -> QTranslator | None:
    """Load folder/hanbit_<lang>.qm (hanbit_ko.qm for Korean) for the system language.

    The source strings are English, so English needs no file; a missing file leaves English.
    """
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.English:
        return None
    translator = QTranslator(app)
    if not translator.load(locale, "hanbit", "_", str(folder)):
        return None
    app.installTranslator(translator)
    # Qt's own strings (the Cancel/OK of standard buttons, file dialogs) in the same language.
    qt_strings = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_strings.load(locale, "qtbase", "_", qt_folder):
        app.installTranslator(qt_strings)
        translator.setProperty("qt_strings", qt_strings)  # so a caller can remove both
    return translator


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused when it already exists, as under pytest-qt)."""
    protect_true_from_emit_leak()
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Hanbit Desk")
    # The .desktop file's name (cli/desktop_entry.py): Wayland and docks match the window to it.
    app.setDesktopFileName("hanbit-desk")
    app.setWindowIcon(QIcon(str(ICON)))
    app.setFont(cjk_font())
    install_translator(app, ui_locale())
    return app
