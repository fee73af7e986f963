"""The QApplication: names for QSettings, a font stack for hangul and hanzi, UI translations."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

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
    if translator.load(locale, "hanbit", "_", str(folder)):
        app.installTranslator(translator)
        return translator
    return None


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (reused when it already exists, as under pytest-qt)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Hanbit Desk")
    app.setFont(cjk_font())
    install_translator(app)
    return app
