"""Exchange with the outside in the window: File ▸ Export and File ▸ Import Review, each made
on first use (python-docx and friends load then, not at start-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.desk import Desk

if TYPE_CHECKING:
    from desktop.project.export_dialog import Exporter
    from desktop.project.review_dialog import ReviewImport


class ProjectFeature(QObject):
    def __init__(self, desk: Desk) -> None:
        super().__init__(desk.widget())
        self.desk = desk
        self._exporter: Exporter | None = None
        self._review_import: ReviewImport | None = None

    def exporter(self) -> Exporter:
        if self._exporter is None:
            from desktop.project.export_dialog import Exporter  # noqa: PLC0415 - start-up: the export dialog is built on first use

            self._exporter = Exporter(self.desk)
        return self._exporter

    def review_import(self) -> ReviewImport:
        if self._review_import is None:
            from desktop.project.review_dialog import ReviewImport  # noqa: PLC0415 - start-up: the review import is built on first use

            self._review_import = ReviewImport(self.desk)
        return self._review_import
