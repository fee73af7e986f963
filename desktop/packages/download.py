"""Download… and Update in the package manager: the Argos index, progress, Cancel, offline."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import CancellableWorker, run_task
from translation.engine import Cancelled
from translation.index import (
    DEFAULT_INDEX_URL,
    AvailablePackage,
    download_package,
    fetch_index,
)
from translation.packages import Package, install_package_file, version_key

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
INDEX_TIMEOUT_S = 8.0  # the dialog must answer quickly when the machine is offline


def newer(entry: AvailablePackage, installed: Package) -> bool:
    return version_key(entry.version) > version_key(installed.version)


class _Download(CancellableWorker):
    """Downloads one index entry to a scratch folder, then validates and installs it."""

    def __init__(self, entry: AvailablePackage, packages_dir: Path) -> None:
        super().__init__()
        self.entry = entry
        self.packages_dir = packages_dir
        self.package: Package | None = None

    def work(self) -> None:
        with tempfile.TemporaryDirectory(prefix="hanbit-download-") as scratch:
            try:
                archive = download_package(
                    self.entry,
                    Path(scratch),
                    progress=lambda done, total: self.sig_progress.emit(done, total or 0),
                    cancel=self.cancelled,
                )
            except Cancelled:
                return  # sig_finished(False, "") follows: a cancel is not an error
            if not self.cancelled():
                self.package = install_package_file(archive, self.packages_dir)


class DownloadDialog(QDialog):
    """Lists what the index offers (or, for Update, newer versions of installed pairs)."""

    sig_installed = Signal(object)  # Package

    def __init__(
        self,
        packages_dir: Path,
        installed: Sequence[Package],
        updates_only: bool = False,
        index_url: str = DEFAULT_INDEX_URL,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Update packages") if updates_only else self.tr("Download packages")
        )
        self.packages_dir = packages_dir
        self.installed = {(p.from_code, p.to_code): p for p in installed}
        self.updates_only = updates_only
        self.index_url = index_url
        self._worker: _Download | None = None

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Pair", "Version", "Installed"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel(self.tr("Loading the package list…"), self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.hide()
        self.download_button = QPushButton(self.tr("Download and install"), self)
        self.download_button.setAutoDefault(False)
        self.download_button.clicked.connect(self.download_selected)
        self.cancel_button = QPushButton(self.tr("Cancel download"), self)
        self.cancel_button.clicked.connect(self.cancel_download)
        self.cancel_button.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.download_button)
        layout.addWidget(self.cancel_button)
        layout.addWidget(close)
        self.resize(520, 420)
        self._update_buttons()
        self.load_index()

    # ---- the index -------------------------------------------------------------------------

    def load_index(self) -> None:
        self.status.setText(self.tr("Loading the package list…"))
        run_task(
            lambda: fetch_index(self.index_url, timeout=INDEX_TIMEOUT_S),
            self._show_index,
            self._index_failed,
            context=self,
        )

    def _show_index(self, entries: Sequence[AvailablePackage]) -> None:
        self.tree.clear()
        from desktop.packages.manager import pair_label  # noqa: PLC0415 - cycle: desktop.packages.manager opens this dialog

        newest: dict[tuple[str, str], AvailablePackage] = {}
        for entry in entries:  # the index keeps old versions too; offer the newest only
            current = newest.get(entry.pair)
            if current is None or version_key(entry.version) > version_key(current.version):
                newest[entry.pair] = entry
        for pair, entry in sorted(newest.items()):
            have = self.installed.get(pair)
            if self.updates_only and (have is None or not newer(entry, have)):
                continue
            item = QTreeWidgetItem([pair_label(*pair), entry.version, have.version if have else ""])
            item.setData(0, ENTRY_ROLE, entry)
            self.tree.addTopLevelItem(item)
        count = self.tree.topLevelItemCount()
        if self.updates_only:
            if count == 0:
                self.status.setText(self.tr("Every installed package is up to date."))
            elif count == 1:
                self.status.setText(self.tr("1 update available."))
            else:
                self.status.setText(self.tr("{count} updates available.").format(count=count))
        elif count == 1:
            self.status.setText(self.tr("1 package available."))
        else:
            self.status.setText(self.tr("{count} packages available.").format(count=count))
        self._update_buttons()

    def _index_failed(self, error: BaseException) -> None:
        self.status.setText(
            self.tr(
                "Could not load the package list. Check the internet connection, or install a "
                ".argosmodel file instead."
            )
            + f"\n({error})"
        )
        self.status.setStyleSheet("color: #b00020;")
        self._update_buttons()

    # ---- downloading -----------------------------------------------------------------------

    def download_selected(self) -> None:
        items = self.tree.selectedItems()
        if not items or self._worker is not None:
            return
        entry = items[0].data(0, ENTRY_ROLE)
        self._worker = _Download(entry, self.packages_dir)
        self._worker.sig_progress.connect(self._progress)
        self._worker.sig_finished.connect(self._finished)
        self.progress.setRange(0, 0)  # busy until the size is known
        self.progress.show()
        self.cancel_button.show()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Downloading {name}…").format(name=items[0].text(0)))
        self._update_buttons()
        self._worker.start()

    def cancel_download(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:  # 0: the server did not say; the bar stays busy
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))
            self.progress.setFormat(
                self.tr("{done:.1f} of {total:.1f} MB").format(done=done / 1e6, total=total / 1e6)
            )

    def _finished(self, completed: bool, error: str) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()  # the work is over; wait for its thread before dropping the last ref
        self.progress.hide()
        self.cancel_button.hide()
        if completed and worker is not None and worker.package is not None:
            self.status.setText(
                self.tr("Installed {name} {version}.").format(
                    name=worker.package.name, version=worker.package.version
                )
            )
            self.sig_installed.emit(worker.package)
        elif error:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(self.tr("Download failed: {error}").format(error=error))
        else:
            self.status.setText(self.tr("Download cancelled; nothing was installed."))
        self._update_buttons()

    def done(self, result: int) -> None:
        if self._worker is not None:
            self._worker.stop()  # never leave a thread writing into the packages folder
        super().done(result)

    def _update_buttons(self) -> None:
        idle = self._worker is None
        self.download_button.setEnabled(idle and bool(self.tree.selectedItems()))
