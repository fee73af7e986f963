"""The language package manager: installed pairs and pivots, install, download, remove, settings."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings
from desktop.tasks import run_task
from translation.packages import (
    Package,
    PackageError,
    install_package_file,
    installed_packages,
    remove_package,
)

DEVICES = ("auto", "cpu", "cuda")
PACKAGE_ROLE = Qt.ItemDataRole.UserRole + 1
COL_PAIR, COL_VERSION, COL_SIZE, COL_FOLDER = range(4)


# Argos names Chinese zh and zt; the desk's names (and their translations) use zh-Hans/zh-Hant.
_ARGOS_CODES = {"zh": "zh-Hans", "zt": "zh-Hant"}


def pair_label(source: str, target: str) -> str:
    """ "Korean → English" in the UI language (한국어 → 영어 under the Korean interface)."""
    from desktop.language_names import display_name  # noqa: PLC0415 - start-up: language names load with the first label

    def name(code: str) -> str:
        return display_name(_ARGOS_CODES.get(code, code))

    return f"{name(source)} → {name(target)}"


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def pivot_pairs(packages: list[Package]) -> list[tuple[str, str]]:
    """Pairs reachable through English only (X→en then en→Y) with no direct package."""
    direct = {(p.from_code, p.to_code) for p in packages}
    into = {p.from_code for p in packages if p.to_code == "en"}
    out_of = {p.to_code for p in packages if p.from_code == "en"}
    return sorted((s, t) for s in into for t in out_of if s != t and (s, t) not in direct)


def _ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


class PackageManager(QDialog):
    """Installed packages of one folder; sig_packages_changed tells the desk to reload routes."""

    sig_packages_changed = Signal()
    sig_settings_changed = Signal()  # threads, beam size or device: the engine should reload

    def __init__(
        self,
        packages_dir: Path,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Language packages"))
        self.packages_dir = Path(packages_dir)
        self.settings = settings or Settings()
        # Replaced by tests; a real user answers a dialog.
        self.confirm: Callable[[QWidget, str, str], bool] = _ask_yes_no
        self._busy = False
        self.index_url: str | None = None  # None: the Argos index; tests give a local file
        self.packages: list[Package] = []

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [self.tr("Pair"), self.tr("Version"), self.tr("Size"), self.tr("Folder")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a path's end says the most
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        for column in (COL_PAIR, COL_VERSION, COL_SIZE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemSelectionChanged.connect(self._update_buttons)

        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        self.install_button = QPushButton(self.tr("Install from file…"), self)
        self.download_button = QPushButton(self.tr("Download…"), self)
        self.update_button = QPushButton(self.tr("Update"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        for button in (
            self.install_button,
            self.download_button,
            self.update_button,
            self.remove_button,
        ):
            button.setAutoDefault(False)  # Enter must never remove or install by surprise
        self.install_button.clicked.connect(self.choose_file)
        self.download_button.clicked.connect(self.open_download)
        self.update_button.clicked.connect(self.open_update)
        self.remove_button.clicked.connect(self.remove_selected)
        self.update_button.setToolTip(self.tr("Look for newer versions of the installed packages"))

        self.threads = QSpinBox(self)
        self.threads.setRange(0, max(os.cpu_count() or 1, 1) * 2)
        self.threads.setSpecialValueText(self.tr("automatic"))
        self.beam = QSpinBox(self)
        self.beam.setRange(1, 8)
        self.beam.setToolTip(self.tr("1 is fastest; 2–4 gives slightly better translations"))
        self.device = QComboBox(self)
        self.device.addItems(DEVICES)
        self._load_settings()
        self.threads.valueChanged.connect(self.save_settings)
        self.beam.valueChanged.connect(self.save_settings)
        self.device.currentTextChanged.connect(self.save_settings)
        engine = QGroupBox(self.tr("Translation engine"), self)
        form = QFormLayout(engine)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("CPU threads"), self.threads)
        form.addRow(self.tr("Beam size"), self.beam)
        form.addRow(self.tr("Device"), self.device)

        buttons = QHBoxLayout()
        for button in (
            self.install_button,
            self.download_button,
            self.update_button,
            self.remove_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        folder = QLabel(self.tr("Folder: {folder}").format(folder=self.packages_dir), self)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("Change &Folder…"), self)
        self.folder_button.clicked.connect(lambda: self.choose_folder())
        folder_row = QHBoxLayout()
        folder_row.addWidget(folder, 1)
        folder_row.addWidget(self.folder_button)

        layout = QVBoxLayout(self)
        layout.addLayout(folder_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(engine)
        layout.addWidget(close)
        self.resize(760, 480)
        self.reload()

    # ---- the list --------------------------------------------------------------------------

    def reload(self) -> None:
        self.tree.clear()
        packages = installed_packages(self.packages_dir) if self.packages_dir.exists() else []
        self.packages = sorted(packages, key=lambda p: (p.from_code, p.to_code))
        for package in self.packages:
            item = QTreeWidgetItem(
                [
                    pair_label(package.from_code, package.to_code),
                    package.version,
                    human_size(package.size_bytes),
                    str(package.path),
                ]
            )
            item.setData(COL_PAIR, PACKAGE_ROLE, package)
            item.setToolTip(COL_PAIR, package.name)
            item.setToolTip(COL_FOLDER, str(package.path))
            item.setTextAlignment(COL_SIZE, Qt.AlignmentFlag.AlignRight)
            self.tree.addTopLevelItem(item)
        for source, target in pivot_pairs(self.packages):
            item = QTreeWidgetItem(
                [self.tr("{pair} (pivot through English)").format(pair=pair_label(source, target))]
            )
            item.setForeground(COL_PAIR, Qt.GlobalColor.darkGray)
            item.setToolTip(
                COL_PAIR, self.tr("Translated in two steps with the two packages above")
            )
            self.tree.addTopLevelItem(item)
        if not self.packages:
            item = QTreeWidgetItem(["No language packages installed yet"])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(item)
        self._update_buttons()

    def selected_package(self) -> Package | None:
        items = self.tree.selectedItems()
        return items[0].data(COL_PAIR, PACKAGE_ROLE) if items else None

    def pair_rows(self) -> list[str]:
        """The pair column as shown, one entry per row."""
        return [
            self.tree.topLevelItem(i).text(COL_PAIR) for i in range(self.tree.topLevelItemCount())
        ]

    # ---- install / remove ------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Install a language package"),
            "",
            self.tr("Argos Translate packages") + " (*.argosmodel)",
        )
        if name:
            self.install_file(Path(name))

    def install_file(self, archive: Path) -> None:
        """Validate and install an .argosmodel off the UI thread; the outcome shows inline."""
        self._set_busy(True, self.tr("Installing {name}…").format(name=archive.name))
        run_task(
            lambda: install_package_file(archive, self.packages_dir),
            self._installed,
            lambda error: self._failed(self.tr("Could not install"), error, archive.name),
            context=self,
        )

    def _installed(self, package: Package) -> None:
        self._set_busy(False)
        self.reload()
        self.show_message(
            self.tr("Installed {pair} {version}.").format(
                pair=pair_label(package.from_code, package.to_code), version=package.version
            )
        )
        self.sig_packages_changed.emit()

    def remove_selected(self) -> None:
        package = self.selected_package()
        if package is None:
            return
        label = pair_label(package.from_code, package.to_code)
        question = self.tr("Remove {label} ({version})?").format(
            label=label, version=package.version
        )
        if not self.confirm(self, self.tr("Remove package"), question):
            return
        try:
            remove_package(self.packages_dir, package.from_code, package.to_code)
        except (PackageError, OSError) as error:
            self.show_message(
                self.tr("Could not remove {label}: {error}").format(label=label, error=error),
                error=True,
            )
            return
        self.reload()
        self.show_message(self.tr("Removed {label}.").format(label=label))
        self.sig_packages_changed.emit()

    # ---- download / update -----------------------------------------------------------------

    def open_download(self) -> QDialog:
        from desktop.packages.download import DownloadDialog  # noqa: PLC0415 - start-up: the download dialog (ssl, email) is built on first use

        dialog = DownloadDialog(
            self.packages_dir, self.packages, **self._index_option(), parent=self
        )
        dialog.sig_installed.connect(self._downloaded)
        dialog.open()
        return dialog

    def open_update(self) -> QDialog:
        from desktop.packages.download import DownloadDialog  # noqa: PLC0415 - start-up: the download dialog (ssl, email) is built on first use

        dialog = DownloadDialog(
            self.packages_dir, self.packages, updates_only=True, **self._index_option(), parent=self
        )
        dialog.sig_installed.connect(self._downloaded)
        dialog.open()
        return dialog

    def _index_option(self) -> dict:
        return {"index_url": self.index_url} if self.index_url else {}

    def _downloaded(self, package: Package) -> None:
        self.reload()
        self.show_message(
            self.tr("Installed {pair} {version}.").format(
                pair=pair_label(package.from_code, package.to_code), version=package.version
            )
        )
        self.sig_packages_changed.emit()

    # ---- settings --------------------------------------------------------------------------

    def _load_settings(self) -> None:
        options = self.settings.engine_options()
        self.threads.setValue(options.intra_threads)
        self.beam.setValue(options.beam_size)
        self.device.setCurrentIndex(max(0, self.device.findText(options.device)))

    def save_settings(self, *_args) -> None:
        options = replace(
            self.settings.engine_options(),
            intra_threads=self.threads.value(),
            beam_size=self.beam.value(),
            device=self.device.currentText(),
        )
        self.settings.set_engine_options(options)
        self.sig_settings_changed.emit()

    # ---- messages --------------------------------------------------------------------------

    def choose_folder(self, folder: Path | None = None) -> Path | None:
        """Another packages folder (a shared one, a bigger disk), asked for when None: kept in
        the settings and used from the desk's next start."""
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(
                self, self.tr("Folder of the translation packages"), str(self.packages_dir)
            )
            if not chosen:
                return None
            folder = Path(chosen)
        if not folder.is_dir():
            self.show_message(
                self.tr("{folder} is not a folder.").format(folder=folder), error=True
            )
            return None
        self.settings.set_packages_dir(folder)
        self.show_message(
            self.tr("Hanbit Desk uses {folder} from its next start.").format(folder=folder)
        )
        return folder

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "color: #1b5e20;")
        self.message.setText(text)
        self.message.show()

    def _failed(self, what: str, error: BaseException, name: str = "") -> None:
        self._set_busy(False)
        text = str(error) or type(error).__name__
        # PackageError messages already name the file; others get it added.
        prefix = what if not name or name in text else f"{what} {name}"
        self.show_message(f"{prefix}: {text}", error=True)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(text)
            self.message.show()
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._busy
        self.install_button.setEnabled(idle)
        self.download_button.setEnabled(idle)
        self.update_button.setEnabled(idle and bool(self.packages))
        self.remove_button.setEnabled(idle and self.selected_package() is not None)
