"""The pair selector: installed pairs and pivots for a new project, an open project's fixed pair."""

from __future__ import annotations

from desktop.pair_selector import PairDialog, PairSelector, route_label
from translation.engine import Engine


def test_new_project_lists_routes_then_other_pairs_marked(qtbot, tiny_packages_dir):
    routes = Engine(tiny_packages_dir).routes()
    dialog = PairDialog(routes, "ko", "zh-Hans")
    qtbot.addWidget(dialog)
    labels = dialog.selector.labels()
    assert labels[: len(routes)] == [route_label(r) for r in routes]
    assert "ko → zh-Hans via en" in labels
    assert "zh-Hant → ko (no package)" in labels
    assert dialog.pair() == ("ko", "zh-Hans")
    assert dialog.selector.select("en", "ko")
    assert dialog.pair() == ("en", "ko")


def test_open_project_pair_is_fixed_and_names_its_route(qtbot, tiny_packages_dir):
    selector = PairSelector()
    qtbot.addWidget(selector)
    selector.set_routes(Engine(tiny_packages_dir).routes())
    selector.set_project_pair("ko", "zh-Hans")
    assert not selector.combo.isEnabled()
    assert selector.labels() == ["ko → zh-Hans via en"]
    assert selector.route_info.text().startswith("pivot")
    selector.set_project_pair("zh-Hant", "ko")
    assert selector.route_info.text() == "no package"
    assert selector.current_pair() == ("zh-Hant", "ko")
