"""Two desk windows on one team termbase: a term one translator adds is highlighted in the
other's grid within a second, without a restart; Team ▸ Team Servers keeps the URLs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

import paths
from desktop.app import protect_true_from_emit_leak
from documents.project import Project
from glossary.model import Concept, Term, TermKind
from glossary.pg_store import ServerTermbase
from support.team_servers import make_login

protect_true_from_emit_leak()


@pytest.fixture
def desk_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    empty = tmp_path / "no-packages"
    empty.mkdir()
    monkeypatch.setenv("HANBIT_DATA_DIR", str(data))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty))
    for variable in ("HANBIT_GLOSSARY", "HANBIT_MEMORY", "HANBIT_MT_URL", "HANBIT_MT_KEY"):
        monkeypatch.delenv(variable, raising=False)
    QCoreApplication.setOrganizationName("HanbitTest")
    QCoreApplication.setApplicationName("HanbitTeamTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    return data


def _project(path: Path) -> Path:
    Project.create(
        path,
        source_text=paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"),
        source_lang="ko",
        target_lang="en",
        name=path.stem,
    ).close()
    return path


def open_desk(qtbot, monkeypatch, tmp_path: Path, name: str, glossary_url: str):
    from desktop.settings import Settings
    from desktop.team.sync import apply_team_settings
    from desktop.window.main_window import MainWindow

    monkeypatch.setenv("HANBIT_GLOSSARY", glossary_url)
    data = tmp_path / f"data-{name}"
    data.mkdir()
    apply_team_settings(Settings(), data)
    window = MainWindow(
        _project(tmp_path / f"{name}.hanbit"), data_dir=data,
        packages_dir=tmp_path / "no-packages", settings=Settings(),
    )  # fmt: skip
    qtbot.addWidget(window)
    panels = window.features
    panels.glossary.glossary_loaded()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: panels.team.online is True, timeout=10000)
    return window, panels


def alipay_segment(window) -> str:
    return next(s.source for s in window.model.segments() if "알리페이" in s.source)


def test_a_term_added_in_one_desk_is_highlighted_in_the_other_within_a_second(
    qtbot, monkeypatch, tmp_path, desk_env, pg_server, team_db
) -> None:
    ServerTermbase(team_db).close()
    kim = make_login(pg_server, team_db, "kim_desk", "hanbit_terminologist")
    lee = make_login(pg_server, team_db, "lee_desk", "hanbit_translator")
    window_a, panels_a = open_desk(qtbot, monkeypatch, tmp_path, "kim", kim)
    window_b, panels_b = open_desk(qtbot, monkeypatch, tmp_path, "lee", lee)
    sentence = alipay_segment(window_b)
    assert panels_b.glossary.lookup.matches(sentence) == []  # the termbase starts empty

    started = time.monotonic()
    panels_a.glossary.termbase.add_concept(
        Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay"),
                       Term("en", "Ali Pay", TermKind.FORBIDDEN)])
    )  # fmt: skip
    qtbot.waitUntil(lambda: panels_b.glossary.lookup.matches(sentence) != [], timeout=2000)
    assert time.monotonic() - started < 1.0
    assert [m.text for m in panels_b.glossary.lookup.matches(sentence)][:1] == ["알리페이"]
    qtbot.waitUntil(lambda: panels_b.team.last_change.get("op") == "insert", timeout=2000)
    assert "kim_desk added Alipay" in window_b.statusBar().currentMessage()
    assert panels_b.team.status.text() == "Team: online"
    # The translator's desk cannot forbid a form: the server refuses, the window says why.
    concept = panels_b.glossary.termbase.concept(panels_b.glossary.termbase.concept_ids()[0])
    concept.terms.append(Term("en", "Zhifubao", TermKind.FORBIDDEN))
    with pytest.raises(Exception, match="only a terminologist may forbid"):
        panels_b.glossary.termbase.update_concept(concept)
    window_a.close()
    window_b.close()


def test_team_servers_dialog_keeps_the_urls_and_refuses_a_wrong_one(
    qtbot, monkeypatch, desk_env
) -> None:
    import desktop.team.sync as team_sync
    from desktop.settings import Settings
    from desktop.team.sync import VARIABLES, TeamServersDialog

    warnings: list[str] = []
    monkeypatch.setattr(
        team_sync.QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text)
    )
    settings = QSettings()
    dialog = TeamServersDialog(Settings(settings))
    qtbot.addWidget(dialog)
    dialog.fields["glossary"].setText("http://not-a-database")
    dialog.save()  # refused: a message box, nothing saved
    assert warnings == ["http://not-a-database is not a postgresql:// URL; nothing was saved."]
    assert settings.value("team/glossary_url", "") == ""
    dialog.fields["glossary"].setText("postgresql://kim@team-server/hanbit")
    dialog.fields["mt"].setText("http://gpu-box:5000")
    dialog.save()
    assert settings.value("team/glossary_url") == "postgresql://kim@team-server/hanbit"
    assert set(VARIABLES) == set(dialog.fields)


def test_the_window_lists_the_servers_pairs_and_translates_through_it_with_the_glossary(
    qtbot, monkeypatch, tmp_path, desk_env, lt_server
) -> None:
    """No local package at all: the pair comes from the LibreTranslate server, Translate all
    runs through it, and the desk still enforces the curated glossary on the way back."""
    from desktop.settings import Settings
    from desktop.window.main_window import MainWindow
    from translation.libretranslate import FallbackEngine

    monkeypatch.setenv("HANBIT_MT_URL", lt_server.url)
    monkeypatch.setenv("HANBIT_MT_KEY", lt_server.api_key)
    window = MainWindow(
        _project(tmp_path / "article.hanbit"), data_dir=desk_env,
        packages_dir=tmp_path / "no-packages", settings=Settings(),
    )  # fmt: skip
    qtbot.addWidget(window)
    assert isinstance(window.engine, FallbackEngine)
    panels = window.features
    window.show()
    qtbot.waitUntil(lambda: panels.glossary.lookup.matcher() is not None, timeout=60_000)
    assert ("ko", "en") in {(r.source, r.target) for r in window.routes()}
    assert window.actions["translate.all"].isEnabled()
    panels.memory.panel.autofill.setChecked(False)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000):
        assert window.translate_all()
    targets = [s.target for s in window.model.segments()]
    assert all(targets)
    alipay = next(t for t in targets if "Australia" in t and "Alipay" in t)
    assert "알리페이" not in alipay  # the term was placed by the desk, not left in hangul
    window.close()


def test_an_edit_made_while_the_network_is_cut_waits_visibly_then_reaches_the_server(
    qtbot, monkeypatch, tmp_path, desk_env, pg_server, team_db, proxy_for
) -> None:
    from glossary.pg_store import TermbaseQueued

    ServerTermbase(team_db).close()
    with ServerTermbase(team_db) as admin:
        concept_id = admin.add_concept(
            Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")])
        )
    proxy, url = proxy_for(team_db)
    window, panels = open_desk(qtbot, monkeypatch, tmp_path, "kim", url)
    concept = panels.glossary.termbase.concept(concept_id)
    concept.note = "Ant Group's wallet"
    proxy.cut()
    with pytest.raises(TermbaseQueued, match="saving Alipay waits on this computer"):
        panels.glossary.termbase.update_concept(concept)  # what the concept editor's Save calls
    qtbot.waitUntil(lambda: panels.team.online is False, timeout=5000)
    qtbot.waitUntil(lambda: "1 waiting" in panels.team.status.text(), timeout=5000)
    assert panels.team.waiting() == ["saving Alipay"]
    with qtbot.waitSignal(panels.team.sig_flushed, timeout=15000) as flushed:
        proxy.restore()  # the listener reconnects and the waiting save is replayed
    assert flushed.args == [1, []]
    with ServerTermbase(team_db) as admin:
        assert admin.concept(concept_id).note == "Ant Group's wallet"
    qtbot.waitUntil(lambda: panels.team.status.text() == "Team: online", timeout=5000)
    window.close()


def test_when_the_mt_server_is_down_the_local_packages_translate_and_the_window_says_so(
    qtbot, monkeypatch, tmp_path, desk_env, tiny_packages_dir
) -> None:
    from desktop.settings import Settings
    from desktop.window.main_window import MainWindow

    monkeypatch.setenv("HANBIT_MT_URL", "http://127.0.0.1:9")  # nothing listens there
    window = MainWindow(
        _project(tmp_path / "article.hanbit"), data_dir=desk_env,
        packages_dir=tiny_packages_dir, settings=Settings(),
    )  # fmt: skip
    qtbot.addWidget(window)
    window.engine.remote.options = type(window.engine.remote.options)(
        timeout_s=1, retries=1, backoff_s=0.01
    )
    panels = window.features
    window.show()
    qtbot.waitUntil(lambda: panels.glossary.lookup.matcher() is not None, timeout=60_000)
    panels.memory.panel.autofill.setChecked(False)
    with qtbot.waitSignal(window.sig_translation_finished, timeout=120_000):
        assert window.translate_all()
    assert all(s.target for s in window.model.segments())
    message = window.statusBar().currentMessage()
    assert "did not answer after 2 tries" in message
    assert "translated with the local packages instead" in message
    window.close()


def test_a_translator_login_proposes_terms_and_a_terminologist_approves_them(
    qtbot, monkeypatch, tmp_path, desk_env, pg_server, team_db
) -> None:
    """The glossary manager asks the server who may decide: a translator's new concept is
    proposed, "approved" is not offered, forbidden forms are read-only; the terminologist's
    editor offers both. What the server would refuse is never offered."""
    ServerTermbase(team_db).close()
    kim = make_login(pg_server, team_db, "kim_lead", "hanbit_terminologist")
    lee = make_login(pg_server, team_db, "lee_trans", "hanbit_translator")
    window_lee, panels_lee = open_desk(qtbot, monkeypatch, tmp_path, "lee", lee)
    manager = panels_lee.glossary.open_manager()
    assert manager is not None and manager.may_decide is False
    editor = manager.open_add_dialog("알리페이", "Alipay")
    assert editor.status.currentText() == "proposed"
    approved = editor.status.model().item(editor.status.findText("approved"))
    assert not approved.isEnabled()
    assert editor.field("en", "forbidden").isReadOnly()
    editor.accept()  # a proposal: the server takes it
    qtbot.waitUntil(lambda: panels_lee.glossary.termbase.count() == 1, timeout=5000)
    concept = panels_lee.glossary.termbase.concepts()[0]
    assert concept.status == "proposed"
    editor.close()
    candidates = panels_lee.glossary.open_candidates()  # the same rule for Term Candidates
    assert candidates is not None and candidates.may_decide is False
    assert not candidates.approved_button.isEnabled()
    assert "terminologist" in candidates.approved_button.toolTip()
    candidates.close()
    window_lee.close()

    window_kim, panels_kim = open_desk(qtbot, monkeypatch, tmp_path, "kim", kim)
    lead = panels_kim.glossary.open_manager()
    assert lead is not None and lead.may_decide is True
    approving = lead.open_add_dialog("위어바오", "Yu'e Bao")
    assert approving.status.currentText() == "approved"
    assert not approving.field("en", "forbidden").isReadOnly()
    approving.close()
    window_kim.close()
