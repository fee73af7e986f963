"""The status bar's figures: segments and words by status, a QA slot, the MT route, progress."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from documents.project import Status, StatusCount


def summary_text(counts: dict[Status, StatusCount]) -> str:
    """ "12/38 translated · 3 draft · 23 new · 310/1,024 words done": segments and source words."""
    confirmed = (Status.TRANSLATED, Status.REVIEWED)
    total = sum(c.segments for c in counts.values())
    done = sum(counts[s].segments for s in confirmed)
    parts = [
        QCoreApplication.translate("StatusSummary", "{done:,}/{total:,} translated").format(
            done=done, total=total
        )
    ]
    if counts[Status.REVIEWED].segments:
        parts.append(
            QCoreApplication.translate("StatusSummary", "{count:,} reviewed").format(
                count=counts[Status.REVIEWED].segments
            )
        )
    parts.append(
        QCoreApplication.translate("StatusSummary", "{count:,} draft").format(
            count=counts[Status.DRAFT].segments
        )
    )
    parts.append(
        QCoreApplication.translate("StatusSummary", "{count:,} new").format(
            count=counts[Status.NEW].segments
        )
    )
    words = sum(c.words for c in counts.values())
    words_done = sum(counts[s].words for s in confirmed)
    parts.append(
        QCoreApplication.translate("StatusSummary", "{done:,}/{total:,} words done").format(
            done=words_done, total=words
        )
    )
    return " · ".join(parts)


class StatusSummary:
    """Owns the status bar's widgets; qa_label is the panels' slot ("3 QA issues")."""

    def __init__(self, bar: QStatusBar, parent: QWidget) -> None:
        self._bar = bar
        self.counts = QLabel(parent)
        self.qa_label = QLabel(parent)
        self.route = QLabel(parent)
        self.progress = QProgressBar(parent)
        self.progress.setMaximumWidth(220)
        self.progress.setFormat("%v/%m")
        self.cancel_button = QPushButton(
            QCoreApplication.translate("StatusSummary", "Cancel"), parent
        )
        # Permanent widgets: a temporary message (showMessage) must not hide the figures.
        bar.addPermanentWidget(self.counts)
        bar.addPermanentWidget(self.qa_label)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.route)
        self.show_progress(False)

    def add_permanent(self, widget: QWidget) -> None:
        """A feature's own figure in the status bar (the team's connection), kept visible."""
        self._bar.addPermanentWidget(widget)

    def update_counts(self, counts: dict[Status, StatusCount]) -> None:
        self.counts.setText(summary_text(counts))

    def set_qa_issues(self, count: int | None) -> None:
        self.qa_label.setText(
            ""
            if count is None
            else QCoreApplication.translate("StatusSummary", "· 1 QA issue")
            if count == 1
            else QCoreApplication.translate("StatusSummary", "· {count:,} QA issues").format(
                count=count
            )
        )

    def show_progress(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)
        self.cancel_button.setEnabled(True)

    def set_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
