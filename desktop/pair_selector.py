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

from translation.engine import Route
from translation.languages import LANGUAGE_NAMES


def pair_label(source: str, target: str) -> str:
    return f"{source} → {target}"


def route_label(route: Route) -> str:
    """How a pair reads: "ko → en" for a direct package, "ko → zh-Hans via en" for a pivot."""
    label = pair_label(route.source, route.target)
    if route.pivot:
        hops = [p.to_code for p in route.packages[:-1]]
        via = QCoreApplication.translate("PairSelector", "{pair} via {hops}")
        label = via.format(pair=label, hops=", ".join(hops))
    return label


class PairSelector(QWidget):
    """A combo of translatable pairs. For an open project it is fixed to the project's pair
    (changing languages makes a new project) and says which route the MT takes."""

    pair_changed = Signal(str, str)  # source, target

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

    def set_project_pair(self, source: str, target: str) -> None:
        """Show an open project's pair, fixed, with the route its MT uses (or that none exists)."""
        route = self.route_for(source, target)
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(
            route_label(route) if route else pair_label(source, target), (source, target)
        )
        self.combo.blockSignals(False)
        self.combo.setEnabled(False)
        self.combo.setToolTip(
            self.tr("A project keeps its languages; a new project can use another pair.")
        )
        if route is None:
            self.route_info.setText(self.tr("no package"))
        else:
            names = " + ".join(p.name or f"{p.from_code}→{p.to_code}" for p in route.packages)
            kind = self.tr("pivot") if route.pivot else self.tr("direct")
            self.route_info.setText(f"{kind}: {names}")

    def select(self, source: str, target: str) -> bool:
        for i in range(self.combo.count()):
            if tuple(self.combo.itemData(i)) == (source, target):
                self.combo.setCurrentIndex(i)
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
            self.pair_changed.emit(*pair)


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
