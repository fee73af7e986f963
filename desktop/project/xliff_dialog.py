"""New project from XLIFF: the file's languages shown, missing or wrong ones given, then made."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from documents.project_model import LANG


def _tr(text: str) -> str:
    return QCoreApplication.translate("XliffDialog", text)


def file_languages(path: Path) -> tuple[str, str, str]:
    """The source and target languages the file declares ("" when missing) and its flavour;
    raises XliffImportError for a file that is no XLIFF at all."""
    from documents.formats.xliff_doc import flavour  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file
    from documents.xliff_import import XliffImportError, file_languages, parse_original  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file

    root = parse_original(Path(path).read_bytes(), Path(path).name)
    kind = flavour(root)
    if kind is None:
        raise XliffImportError(f"{Path(path).name}: this XLIFF version is not supported")
    source, target = file_languages(root, kind)
    return source or "", target or "", kind.value


class XliffImportDialog(QDialog):
    """Shows what the file says about its languages; the translator fixes or fills them."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("New project from XLIFF"))
        self.declared_source, self.declared_target, kind = file_languages(path)
        layout = QVBoxLayout(self)
        none = _tr("(not given)")
        summary = QLabel(
            _tr("{file} ({kind}) says: source {source}, target {target}.").format(
                file=Path(path).name,
                kind=kind,
                source=self.declared_source or none,
                target=self.declared_target or none,
            )
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        form = QFormLayout()
        self.source = QLineEdit(self.declared_source)
        self.target = QLineEdit(self.declared_target)
        for edit in (self.source, self.target):
            edit.setPlaceholderText("ko, en, zh-Hans …")
            edit.textChanged.connect(self._check)
        form.addRow(_tr("Source language:"), self.source)
        form.addRow(_tr("Target language:"), self.target)
        layout.addLayout(form)
        self.targets_translated = QCheckBox(
            _tr("Take targets the file gives no state as translated (Xcode, Angular)")
        )
        layout.addWidget(self.targets_translated)
        note = QLabel(_tr("A language you change here is also written into the exported file."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        ok = all(LANG.match(edit.text().strip()) for edit in (self.source, self.target))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ok))

    def given(self) -> dict[str, str | None]:
        """Only what differs from the file: the rest stays exactly as the file has it."""
        source, target = self.source.text().strip(), self.target.text().strip()
        return {
            "source_lang": source if source != self.declared_source else None,
            "target_lang": target if target != self.declared_target else None,
        }


def new_project_from_xliff(parent: QWidget, path: Path, data_dir: Path) -> Path | None:
    """Ask for the languages of an XLIFF, make the project; None when cancelled or refused."""
    from documents.project import ProjectError  # noqa: PLC0415 - heavy: documents.project (sqlite3) loads when a project is made
    from documents.xliff_import import XliffImportError  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file
    from workflows.new_project import project_from_xliff  # noqa: PLC0415 - heavy: project creation loads when a project is made

    title = _tr("Cannot make a project")
    try:
        dialog = XliffImportDialog(path, parent)
    except (XliffImportError, OSError) as error:
        QMessageBox.warning(parent, title, str(error))
        return None
    if not dialog.exec():
        return None
    try:
        return project_from_xliff(
            path, data_dir, **dialog.given(),
            untagged_translated=dialog.targets_translated.isChecked(),
        )  # fmt: skip
    except (XliffImportError, ProjectError, OSError) as error:
        QMessageBox.warning(parent, title, str(error))
        return None
