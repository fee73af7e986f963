"""The language pair: what the engine can translate (direct or via English), or the project's."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.language_names import display_name
from translation.engine import Route
from translation.languages import LANGUAGE_NAMES


def pair_label(source: str, target: str) -> str:
    """Language names in the UI language: "Korean → English" (한국어 → 영어)."""
    return f"{display_name(source)} → {display_name(target)}"


def route_label(route: Route) -> str:
    """How a pair reads: "Korean → English" direct, "Korean → … via English" for a pivot."""
    label = pair_label(route.source, route.target)
    if route.pivot:
        hops = [display_name(p.to_code) for p in route.packages[:-1]]
        via = QCoreApplication.translate("PairSelector", "{pair} via {hops}")
        label = via.format(pair=label, hops=", ".join(hops))
    return label


class PairSelector(QWidget):
    """A combo of translatable pairs. For an open project it is fixed to the project's pair
    (changing languages makes a new project) and says which route the MT takes."""

    sig_pair_changed = Signal(str, str)  # source, target

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.route_info = QLabel(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Pair:"), self))
        layout.addWidget(self.combo)
        layout.addWidget(self.route_info)
        self._routes: list[Route] = []
        self.combo.currentIndexChanged.connect(self._changed)

    def set_routes(self, routes: Sequence[Route], *, include_uninstalled: bool = False) -> None:
        """List the engine's pairs; include_uninstalled adds every other known pair, marked."""
        self._routes = list(routes)
        self.combo.blockSignals(True)
        self.combo.clear()
        seen = set()
        for route in self._routes:
            seen.add((route.source, route.target))
            self.combo.addItem(route_label(route), (route.source, route.target))
        if include_uninstalled:
            for source in LANGUAGE_NAMES:
                for target in LANGUAGE_NAMES:
                    if source != target and (source, target) not in seen:
                        text = pair_label(source, target) + " " + self.tr("(no package)")
                        self.combo.addItem(text, (source, target))
        self.combo.blockSignals(False)
        self.combo.setEnabled(True)
        self.route_info.clear()

    def route_for(self, source: str, target: str) -> Route | None:
        for route in self._routes:
            if (route.source, route.target) == (source, target):
                return route
        return None

    def set_project_pair(self, source: str, target: str, *, editable: bool = True) -> None:
        """An open project's pair with the route its MT uses (or that none exists). The list
        holds every pair from the project's source (direct or via English), then the targets
        that lack a package, marked; choosing one emits pair_changed (the window decides)."""
        route = self.route_for(source, target)
        self.combo.blockSignals(True)
        self.combo.clear()
        listed = set()
        for other in self._routes:
            if other.source == source:
                listed.add(other.target)
                self.combo.addItem(route_label(other), (other.source, other.target))
        for code in LANGUAGE_NAMES:
            if code not in listed and code != source:
                text = pair_label(source, code) + " " + self.tr("(no package)")
                self.combo.addItem(text, (source, code))
        self.combo.blockSignals(False)
        self.select(source, target, quiet=True)
        self.combo.setEnabled(editable)
        self.combo.setToolTip(
            self.tr("Another target language: drafts are cleared; confirmed work asks for a copy.")
            if editable
            else ""
        )
        if route is None:
            self.route_info.setText(self.tr("no package"))
        else:
            names = " + ".join(pair_label(p.from_code, p.to_code) for p in route.packages)
            kind = self.tr("pivot") if route.pivot else self.tr("direct")
            self.route_info.setText(f"{kind}: {names}")

    def select(self, source: str, target: str, *, quiet: bool = False) -> bool:
        """Make (source, target) current; quiet: without emitting pair_changed."""
        for i in range(self.combo.count()):
            if tuple(self.combo.itemData(i)) == (source, target):
                self.combo.blockSignals(quiet)
                self.combo.setCurrentIndex(i)
                self.combo.blockSignals(False)
                return True
        return False

    def current_pair(self) -> tuple[str, str] | None:
        data = self.combo.currentData()
        return tuple(data) if data else None

    def labels(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def _changed(self, index: int) -> None:
        pair = self.current_pair()
        if pair:
            self.sig_pair_changed.emit(*pair)


class PairDialog(QDialog):
    """Asks for the pair of a new project; installed routes first, others marked."""

    def __init__(
        self, routes: Sequence[Route], source: str = "ko", target: str = "en", parent=None
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Languages of the new project"))
        self.selector = PairSelector(self)
        self.selector.set_routes(routes, include_uninstalled=True)
        self.selector.select(source, target)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.selector)
        layout.addWidget(buttons)

    def pair(self) -> tuple[str, str] | None:
        return self.selector.current_pair()
