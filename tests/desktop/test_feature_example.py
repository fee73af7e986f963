"""docs/architecture.md's worked example of a feature runs against a real window: the Desk
gives a new feature everything it needs (a dock, a command with keys, the current segment)."""

from __future__ import annotations

import re
from pathlib import Path

from desk_helpers import open_window
from PySide6.QtGui import QKeySequence

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def _example() -> str:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(r"```python\n(# desktop/wordcount/feature.py\n.*?)```", text, re.S)
    assert block, "the worked example is gone from docs/architecture.md"
    return block.group(1)


def test_the_documented_feature_plugs_into_the_window(
    qtbot, article_project, empty_packages_dir, data_dir
):
    namespace: dict = {}
    exec(compile(_example(), "docs/architecture.md", "exec"), namespace)  # noqa: S102
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    feature = namespace["WordCountFeature"](window)
    assert feature.dock in window.findChildren(type(feature.dock))
    assert feature.dock.toggleViewAction() in window.menu("panels").actions()
    action = window.actions["wordcount.show"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+W")
    window.go_to_source_row(1)
    second = window.model.segment_at(1).source
    assert feature.label.text() == str(len(second.split()))
