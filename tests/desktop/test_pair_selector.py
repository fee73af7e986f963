"""The pair selector: installed pairs and pivots for a new project, an open project's fixed pair."""

from __future__ import annotations

from desktop.translate.pair_selector import PairDialog, PairSelector, route_label
from translation.engine import Engine


def test_new_project_lists_routes_then_other_pairs_marked(qtbot, tiny_packages_dir):
    routes = Engine(tiny_packages_dir).routes()
    dialog = PairDialog(routes, "ko", "zh-Hans")
    qtbot.addWidget(dialog)
    labels = dialog.selector.labels()
    assert labels[: len(routes)] == [route_label(r) for r in routes]
    assert "Korean → Chinese (Simplified) via English" in labels
    assert "Chinese (Traditional) → Korean (no package)" in labels
    assert dialog.pair() == ("ko", "zh-Hans")
    assert dialog.selector.select("en", "ko")
    assert dialog.pair() == ("en", "ko")


def test_open_project_lists_every_pair_from_its_source(qtbot, tiny_packages_dir):
    selector = PairSelector()
    qtbot.addWidget(selector)
    selector.set_routes(Engine(tiny_packages_dir).routes())
    chosen = []
    selector.sig_pair_changed.connect(lambda s, t: chosen.append((s, t)))
    selector.set_project_pair("ko", "zh-Hans")
    assert selector.combo.isEnabled()
    assert selector.combo.currentText() == "Korean → Chinese (Simplified) via English"
    assert "Korean → English" in selector.labels()
    assert "Korean → Chinese (Traditional) (no package)" in selector.labels()
    assert all(label.startswith("Korean → ") for label in selector.labels())
    assert selector.route_info.text().startswith("pivot: Korean → English + English → ")
    assert chosen == []  # showing the project's pair is no choice
    assert selector.select("ko", "en")
    assert chosen == [("ko", "en")]
    selector.set_project_pair("zh-Hant", "ko", editable=False)
    assert not selector.combo.isEnabled()
    assert selector.route_info.text() == "no package"
    assert selector.current_pair() == ("zh-Hant", "ko")
