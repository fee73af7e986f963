"""Translate all with the tiny real package: background, progressive, cancellable, glossary kept."""

from __future__ import annotations

import pytest
from desk_helpers import open_window, press, stored
from PySide6.QtCore import Qt, QTimer

from desktop.grid.segment_model import COL_TARGET
from documents.project import Project, Status
from translation.engine import Engine, EngineOptions


@pytest.fixture
def engine(tiny_packages_dir):
    # Batches of four: the article takes many batches, so progress and cancel can be seen.
    engine = Engine(tiny_packages_dir, EngineOptions(max_batch_size=4, idle_unload_s=0))
    yield engine
    engine.close()


def test_translate_all_fills_every_target_while_the_event_loop_runs(
    qtbot, article_project, tiny_packages_dir, data_dir, engine
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir, engine=engine)
    ticks = []
    probe = QTimer(window, interval=0)
    probe.timeout.connect(lambda: ticks.append(1))
    ticks_at_progress = []
    window.translator.sig_progress.connect(lambda done, total: ticks_at_progress.append(len(ticks)))
    probe.start()
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000) as finished:
        assert window.translate_all()
        assert window.summary.progress.isVisible()
    probe.stop()
    assert finished.args == [True]
    assert len(ticks_at_progress) > 2  # several batches reached the window one by one
    assert ticks_at_progress[-1] > 0  # the event loop ran while the engine worked
    segments = stored(article_project)
    model = window.view.model()
    for row, segment in enumerate(segments):
        assert segment.target.strip(), f"segment {segment.number} came back empty"
        assert segment.status == Status.DRAFT and segment.mt == segment.target
        assert model.index(row, COL_TARGET).data() == segment.target
    assert not window.summary.progress.isVisible()
    assert f"0/{len(segments)} translated" in window.summary.counts.text()
    # An MT draft is one undo step away from the empty target it filled.
    window.view.go_to_row(3)
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = stored(article_project)[3]
    assert (undone.target, undone.status, undone.mt) == ("", Status.NEW, segments[3].mt)


def test_translate_all_keeps_what_the_translator_wrote(
    qtbot, article_project, tiny_packages_dir, data_dir, engine
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir, engine=engine)
    first = window.model.segment_ids()[0]
    window.model.change(first, "my own words", Status.TRANSLATED)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000):
        window.translate_all()
    segment = stored(article_project)[0]
    assert (segment.target, segment.status) == ("my own words", Status.TRANSLATED)


def test_cancel_stops_translate_all_and_a_second_run_finishes_it(
    qtbot, article_project, tiny_packages_dir, data_dir, engine
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir, engine=engine)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000) as finished:
        assert window.translate_all()
        window.summary.cancel_button.click()
    assert finished.args == [False]
    segments = stored(article_project)
    assert any(not s.target for s in segments)
    assert all(s.status == Status.DRAFT for s in segments if s.target)
    assert window.actions["translate.all"].isEnabled()
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000) as finished:
        assert window.translate_all()
    assert finished.args == [True]
    assert all(s.target for s in stored(article_project))


def test_glossary_term_reaches_the_draft_with_its_record(
    qtbot, article_project, tiny_packages_dir, data_dir, engine
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir, engine=engine)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000):
        window.translate_all()
    with_terms = [s for s in stored(article_project) if s.mt_info.get("terms")]
    assert with_terms, "the curated glossary matched nothing in the article"
    segment = with_terms[0]
    term = segment.mt_info["terms"][0]
    assert term["target"] in segment.target
    tooltip = window.model.index(window.model.row_of(segment.id), COL_TARGET).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert term["target"] in tooltip


def test_closing_the_window_stops_translate_all_and_keeps_what_arrived(
    qtbot, article_project, tiny_packages_dir, data_dir, engine
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir, engine=engine)
    assert window.translate_all()
    worker = window.translator.worker
    window.close()
    assert not window.translator.running()
    assert not worker.running()
    segments = stored(article_project)
    assert all(s.status == Status.DRAFT for s in segments if s.target)
    assert all(s.status == Status.NEW for s in segments if not s.target)


def test_an_engine_failure_is_shown_and_changes_nothing(
    qtbot, article_project, tiny_packages_dir, data_dir, engine, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("model.bin of the ko→en package is damaged")

    monkeypatch.setattr(engine, "translate", broken)
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir, engine=engine)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000) as finished:
        assert window.translate_all()
    assert finished.args == [False]
    assert "model.bin of the ko→en package is damaged" in window.banner.text()
    assert all(not s.target for s in stored(article_project))
    assert window.actions["translate.all"].isEnabled()


def test_translate_all_through_a_pivot(qtbot, tmp_path, tiny_packages_dir, data_dir, engine):
    path = tmp_path / "pivot.hanbit"
    Project.create(
        path,
        source_text="알리페이가 호주에 진출한다.\n\n마윈 회장은 계획을 밝혔다.",
        source_lang="ko",
        target_lang="zh-Hans",
    ).close()
    window = open_window(qtbot, path, tiny_packages_dir, data_dir, engine=engine)
    assert window.summary.route.text().startswith("pivot")
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000) as finished:
        assert window.translate_all()
    assert finished.args == [True]
    segments = stored(path)
    assert all(s.target and s.status == Status.DRAFT for s in segments)
    # The curated glossary's Chinese form reached the draft through both hops.
    assert "支付宝" in segments[0].target
