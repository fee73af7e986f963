"""File ▸ Export…: the format chosen by name, a save dialog, the export on a worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from documents.client_file import stored_original
from documents.export import FORMATS, ExportError, ExportFormat, ExportReport, export_segments

# The registry's descriptions, marked here so that lupdate offers them for translation;
# a format added later without a mark still shows, in English.
_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("ExportDialog", "Bilingual review table (Word)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Target text only (Word)"),
    QT_TRANSLATE_NOOP("ExportDialog", "XLIFF 1.2"),
    QT_TRANSLATE_NOOP("ExportDialog", "XLIFF 2.0"),
    QT_TRANSLATE_NOOP("ExportDialog", "TMX 1.4b (confirmed segments)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Side-by-side web page"),
    QT_TRANSLATE_NOOP("ExportDialog", "CSV table (UTF-8 with BOM)"),
    QT_TRANSLATE_NOOP("ExportDialog", "Tab-separated table"),
    QT_TRANSLATE_NOOP("ExportDialog", "Target text only (plain text)"),
    QT_TRANSLATE_NOOP(
        "ExportDialog", "Imported XLIFF/SDLXLIFF/MQXLIFF with the translations written back"
    ),
)
# Formats without an extension of their own (target-only Word) are saved as this.
_FALLBACK_EXTENSION = {"docx-target": ".docx", "html-target": ".html"}
# Formats that deliver in the client's own file (documents/client_file.py), marked for lupdate.
_CLIENT_DESCRIPTIONS = (QT_TRANSLATE_NOOP("ExportDialog", "Translated web page (its own markup)"),)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def suffix_of(fmt: ExportFormat) -> str:
    """The extension a save dialog suggests for the format."""
    return fmt.extensions[0] if fmt.extensions else _FALLBACK_EXTENSION.get(fmt.name, "")


class ExportDialog(QDialog):
    """The formats listed by what they are for; the translator picks one by name."""

    def __init__(self, selected: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose what to write:"), self))
        self.formats = QListWidget(self)
        for fmt in FORMATS.values():
            extensions = " ".join(fmt.extensions) or suffix_of(fmt)
            item = QListWidgetItem(f"{_tr(fmt.description)}   ({extensions})", self.formats)
            item.setData(Qt.ItemDataRole.UserRole, fmt.name)
            if fmt.name == selected:
                self.formats.setCurrentItem(item)
        if self.formats.currentRow() < 0:
            self.formats.setCurrentRow(0)
        self.formats.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.formats)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.formats.currentRowChanged.connect(self._describe)
        self._describe()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(480, 380)

    def format_name(self) -> str:
        item = self.formats.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ""

    def _describe(self) -> None:
        fmt = FORMATS.get(self.format_name())
        notes = {
            "docx": self.tr("Send it to a reviewer; File ▸ Import Review brings the edits back."),
            "tmx": self.tr("Only translated and reviewed segments go into a memory."),
        }
        text = notes.get(fmt.name, "") if fmt else ""
        if fmt is not None and fmt.uses_terms:
            text = self.tr("Glossary terms are marked.")
        self.note.setText(text)


class Exporter(QObject):
    """One per window: asks, snapshots the segments, writes the file on a worker."""

    sig_finished = Signal(object)  # the ExportReport, or the error that stopped the export

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False

    def ask(self) -> None:
        """File ▸ Export…: the format by name, then where to save it."""
        window = self.window
        if window.project is None or self.busy:
            return
        settings = window.settings
        dialog = ExportDialog(settings.export_format(), window)
        if not dialog.exec() or not (name := dialog.format_name()):
            return
        settings.set_export_format(name)
        fmt = FORMATS[name]
        from desktop.project.files import dialog_folder, export_name  # noqa: PLC0415 - start-up: the file dialogs' folders load on first use

        # The last export folder, else Documents (not the desk's data folder); the article's
        # name with the target language (wind_article.en.docx).
        folder = settings.export_folder() or dialog_folder(settings, "export")
        suggested = folder / (export_name(window.project) + suffix_of(fmt))
        patterns = " ".join(f"*{ext}" for ext in (fmt.extensions or (suffix_of(fmt),)))
        chosen, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Export as %s") % _tr(fmt.description),
            str(suggested),
            f"{_tr(fmt.description)} ({patterns})",
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix == "":
            path = path.with_suffix(suffix_of(fmt))
        settings.set_export_folder(path.parent)
        self.export(name, path)

    def export(self, name: str, path: Path) -> bool:
        """Write the project as format name to path in the background; False if not started.

        The segments are read here, on the main thread, from the window's own connection:
        the file holds exactly what the translator saw when choosing Export (the open editor
        stored first), works for read-only projects, and needs no second connection; the
        slow part (glossary marks, rendering, writing) runs on the worker.
        """
        window = self.window
        project = window.project
        if project is None or self.busy:
            return False
        fmt = FORMATS[name]
        path = Path(path)
        if path.resolve() == Path(project.path).resolve():
            self._failed(ExportError(f"Refusing to export over the project file itself: {path}"))
            return False
        window.view.commit_editor()
        segments = project.segments()
        source, target, title = project.source_lang, project.target_lang, project.name

        client_file = stored_original(project)
        from documents.formats.xliff_writeback import original_of  # noqa: PLC0415 - heavy: the XLIFF write-back (lxml) loads for an XLIFF export (for "original" (XLIFF))

        original = original_of(project)
        matcher, load_glossary = None, None
        if fmt.uses_terms:
            matcher = window.features.glossary.lookup.matcher()
            if matcher is None:  # the termbase is not open yet: read it on the worker
                from workflows.pair_glossary import pair_glossary_factory  # noqa: PLC0415 - heavy: the MT glossary (matcher, opencc) loads for a machine export

                load_glossary = pair_glossary_factory(window.data_dir, source, target)

        def work() -> ExportReport:
            terms = matcher if load_glossary is None else load_glossary().matcher
            return export_segments(
                segments, path, name, source_lang=source, target_lang=target, name=title,
                matcher=terms, original=original, client_file=client_file,
            )  # fmt: skip

        self.busy = True
        window.statusBar().showMessage(self.tr("Exporting to %s…") % path.name)
        window.runner.run_task(work, self._done, self._failed, context=window)
        return True

    def _done(self, report: ExportReport) -> None:
        self.busy = False
        if report.exported != report.segments:  # TMX: the confirmed segments only
            text = self.tr("Exported {done} of {count} segments (the confirmed ones) to {file}")
        elif report.untranslated:
            text = self.tr("Exported {count} segments to {file}; {untranslated} not translated yet")
        else:
            text = self.tr("Exported {count} segments to {file}")
        text = text.format(
            done=report.exported,
            count=report.segments,
            untranslated=report.untranslated,
            file=report.path,
        )
        self.window.statusBar().showMessage(text, 15000)
        self.sig_finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.window.statusBar().clearMessage()
        self.sig_finished.emit(error)
        if not isinstance(error, (ExportError, OSError)):
            error = ExportError(f"{type(error).__name__}: {error}")
        QMessageBox.warning(self.window, self.tr("Export failed"), str(error))


def exporter_of(desk) -> Exporter:
    """The window's exporter, made on first use."""
    return desk.features.project.exporter()
