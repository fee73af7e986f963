"""New project: the detected encoding shown with a preview; a doubtful guess must be confirmed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from documents.sources import CONFIDENT, SourceError, SourceInfo, read_source

PREVIEW_CHARS = 2000
# Offered besides the detected one and its alternatives: the encodings of Korean and
# Chinese news sites (EUC-KR and GBK are read by their supersets CP949 and GB18030).
COMMON = ("utf-8", "cp949", "gb18030", "big5", "utf-16")


def needs_confirmation(info: SourceInfo) -> bool:
    return info.encoding is not None and (bool(info.warnings) or info.confidence < CONFIDENT)


class EncodingDialog(QDialog):
    """The first lines of the article as decoded; another encoding re-reads them at once.
    encoding() is the one to use once accepted."""

    def __init__(self, path: Path, info: SourceInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path, self.info = Path(path), info
        self.setWindowTitle(self.tr("Check the encoding of %s") % self.path.name)
        self.resize(720, 520)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(
            "background: #ffe3e3; border: 1px solid #d08080; padding: 6px; color: #5a0000;"
        )
        self.encodings = QComboBox(self)
        for name in dict.fromkeys((info.encoding or "", *info.alternatives, *COMMON)):
            if name:
                self.encodings.addItem(name.upper(), name)
        self.encodings.currentIndexChanged.connect(self._reread)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("The text reads correctly")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Encoding:"), self.encodings)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The beginning of the article:"), self))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self._reread()

    def encoding(self) -> str:
        return str(self.encodings.currentData())

    def _reread(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            text, info = read_source(self.path, encoding=self.encoding())
        except SourceError as error:
            self.preview.setPlainText("")
            self.warning.setText(str(error))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        self.preview.setPlainText(text[:PREVIEW_CHARS])
        if self.encoding() == self.info.encoding:
            self.warning.setText(
                self.tr(
                    "The encoding was guessed as {encoding} (confidence {confidence:.0%}). "
                    "If the text below looks garbled, choose another encoding."
                ).format(encoding=self.encoding().upper(), confidence=self.info.confidence)
                + "\n"
                + "\n".join(self.info.warnings)
            )
        else:
            self.warning.setText(
                self.tr("Read as {encoding}, as you chose.").format(
                    encoding=self.encoding().upper()
                )
            )
