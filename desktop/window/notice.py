"""A banner atop the window: no translation package for the pair, and buttons to get one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from desktop.language_names import display_name


def no_package_message(source: str, target: str) -> str:
    return QCoreApplication.translate(
        "NoticeBanner",
        "No {source} → {target} translation package is installed: install a .argosmodel file, or "
        "download one in the package manager when online. Meanwhile you can translate by hand.",
    ).format(source=display_name(source), target=display_name(target))


class NoticeBanner(QFrame):
    """Hidden until show_message(); the translator can close it and keep working by hand.
    With package_actions it offers to install a package file or open the package manager."""

    sig_closed = Signal()
    sig_install_requested = Signal()
    sig_manager_requested = Signal()

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
        self.install_button = QPushButton(self.tr("Install package file…"), self)
        self.install_button.clicked.connect(self.sig_install_requested)
        self.manager_button = QPushButton(self.tr("Package manager…"), self)
        self.manager_button.clicked.connect(self.sig_manager_requested)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        close.clicked.connect(self._close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.manager_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, text: str, *, package_actions: bool = False) -> None:
        self.label.setText(text)
        self.install_button.setVisible(package_actions)
        self.manager_button.setVisible(package_actions)
        self.show()

    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def _close(self) -> None:
        self.hide()
        self.sig_closed.emit()
