"""A plain banner atop the window: no translation package for the pair, and what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from translation.languages import language_name


def no_package_message(source: str, target: str) -> str:
    return QCoreApplication.translate(
        "NoticeBanner",
        "No {source} → {target} translation package is installed. "
        "Install a .argosmodel file (Packages ▸ Install from file…) or download one when online "
        "(Packages ▸ Download…).",
    ).format(source=language_name(source), target=language_name(target))


class NoticeBanner(QFrame):
    """Hidden until show_message(); the translator can close it and keep working by hand."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#notice { background: #fff4d6; border: 1px solid #e0c070; }"
            "#notice QLabel { color: #4a3a00; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self._close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
