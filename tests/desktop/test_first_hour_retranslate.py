"""Issue 15 item 1: retranslate selected segments, those whose glossary terms changed, and every
unconfirmed draft, with the tiny real package; confirmed work is replaced only when asked."""

from __future__ import annotations

import pytest
from desk_helpers import stored
from first_hour_helpers import open_with_panels
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QMessageBox

import paths
from documents.project import Status
from glossary.model import Term
from glossary.store import Termbase
from translation.engine import Engine, EngineOptions


@pytest.fixture
def engine(tiny_packages_dir):
    engine = Engine(tiny_packages_dir, EngineOptions(max_batch_size=8, idle_unload_s=0))
    yield engine
    engine.close()


@pytest.fixture
def translated(qtbot, article_project, tiny_packages_dir, data_dir, engine):
    window, panels = open_with_panels(
        qtbot, article_project, tiny_packages_dir, data_dir, engine=engine
    )
    qtbot.waitUntil(lambda: panels.glossary.lookup.matcher() is not None, timeout=60_000)
    panels.memory.panel.autofill.setChecked(False)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000):
        assert window.translate_all()
    return window, panels


def _answer(monkeypatch, button) -> list[str]:
    asked: list[str] = []

    def exec_(box):
        asked.append(box.text())
        return button

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def _run(qtbot, window, scope: str) -> int:
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000) as done:
        count = window.retranslate(scope)
        assert count
    assert done.args == [True]
    return count


def test_changed_terms_retranslate_only_the_segments_that_use_them(
    qtbot, translated, article_project, data_dir, monkeypatch
):
    window, panels = translated
    before = stored(article_project)
    using = [s for s in before if "호주" in s.source]
    other = [s for s in before if "호주" not in s.source]
    assert using and other
    # The translator confirms one of them, edits another, then changes the term.
    confirmed, edited = using[0], using[1]
    window.model.change(confirmed.id, "Confirmed by hand.", Status.TRANSLATED)
    window.model.change(edited.id, "My draft.", Status.DRAFT)
    with Termbase(paths.glossary_path(data=data_dir)) as termbase:
        concept = next(c for c in termbase.concepts() if "호주" in c.forms("ko"))
        concept.terms = [t for t in concept.terms if t.lang != "en"] + [
            Term("en", "Commonwealth of Australia")
        ]
        termbase.update_concept(concept)
    panels.glossary.lookup.refresh()
    qtbot.waitUntil(
        lambda: (
            "Commonwealth of Australia"
            in [m.target for m in panels.glossary.lookup.matches(using[2].source)]
        ),
        timeout=30_000,
    )

    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)  # keep confirmed and typed work
    count = _run(qtbot, window, "changed-terms")
    assert count == len(using)
    assert "1 confirmed segment(s)" in asked[0] and "1 draft(s) you edited" in asked[0]
    after = {s.id: s for s in stored(article_project)}
    for segment in using[2:]:
        assert "Commonwealth of Australia" in after[segment.id].target
        assert after[segment.id].status == Status.DRAFT
    assert after[confirmed.id].target == "Confirmed by hand."
    assert after[confirmed.id].status == Status.TRANSLATED
    assert "Commonwealth of Australia" in after[confirmed.id].mt  # the new MT is there for Ctrl+M
    assert after[edited.id].target == "My draft."
    for segment in other:
        assert after[segment.id].target == segment.target
    # Nothing changed since: a second run finds nothing to do.
    assert window.retranslate("changed-terms") == 0


def test_selected_segments_are_retranslated_and_confirmed_ones_only_when_asked(
    qtbot, translated, article_project, monkeypatch
):
    window, _panels = translated
    ids = window.model.segment_ids()
    window.model.change(ids[1], "Mine, confirmed.", Status.TRANSLATED)
    window.model.change(ids[2], "stale draft", Status.DRAFT, origin="mt")
    selection = window.view.selectionModel()
    selection.clearSelection()
    for row in (1, 2):
        selection.select(
            window.view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert window.view.selected_segment_ids() == [ids[1], ids[2]]

    _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert window.retranslate("selected") == 0
    assert stored(article_project)[1].target == "Mine, confirmed."

    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    assert _run(qtbot, window, "selected") == 2
    after = stored(article_project)
    assert after[1].target == after[1].mt and after[1].status == Status.DRAFT
    assert after[2].target == after[2].mt != "stale draft"
    # One undo step gives the confirmed target back.
    window.go_to_source_row(1)
    window.undo_segment()
    assert (stored(article_project)[1].target, stored(article_project)[1].status) == (
        "Mine, confirmed.",
        Status.TRANSLATED,
    )


def test_all_unconfirmed_segments_never_touch_confirmed_work(
    qtbot, translated, article_project, monkeypatch
):
    window, _panels = translated
    ids = window.model.segment_ids()
    window.model.change(ids[0], "Confirmed.", Status.TRANSLATED)
    for sid in ids[1:4]:
        window.model.change(sid, "old MT", Status.DRAFT, origin="mt")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    count = _run(qtbot, window, "drafts")
    assert count == len(ids) - 1
    assert asked and "confirmed" not in asked[0]  # only the typed drafts were asked about
    after = stored(article_project)
    assert after[0].target == "Confirmed." and after[0].status == Status.TRANSLATED
    assert all(s.target == s.mt and s.target != "old MT" for s in after[1:4])


def test_going_to_a_segment_selects_it_alone(qtbot, article_project, empty_packages_dir, data_dir):
    """Ctrl+Enter moves on while Ctrl is held: that must not add rows to the selection."""
    from desk_helpers import open_window as open_plain
    from desk_helpers import press
    from PySide6.QtCore import Qt

    window = open_plain(qtbot, article_project, empty_packages_dir, data_dir)
    window.go_to_source_row(0, edit=True)
    for text in ("One.", "Two."):
        qtbot.keyClicks(window.view.target_delegate.editor, text)
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.view.selected_segment_ids() == [window.model.segment_ids()[2]]
