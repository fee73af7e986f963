"""Term candidates of a document: pre-filled forms, accept as proposed, dismiss for good."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.glossary.candidates_dialog import CandidatesDialog
from desktop.tasks import task_runner
from glossary.store import Concept, Term, Termbase, TermKind

SEGMENTS = [
    "알리바바가 제3자 결제서비스 '알리페이(支付寶 즈푸바오)'를 운영한다.",
    "알리페이는 호주에 진출했다. 마윈(馬雲) 회장이 밝혔다.",
    "알리페이와 위어바오(餘額寶)가 인기다.",
]


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    base = Termbase(tmp_path / "glossary.db")
    base.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
    yield base
    base.close()


def _dialog(qtbot, termbase: Termbase) -> CandidatesDialog:
    dialog = CandidatesDialog(termbase, SEGMENTS, "ko")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "candidate" in dialog.status.text(), timeout=10000)
    return dialog


def _row_of(dialog: CandidatesDialog, ko: str) -> int:
    return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == ko)


def test_lists_names_the_glossary_lacks_with_prefilled_forms(qtbot, termbase):
    dialog = _dialog(qtbot, termbase)
    names = [c.forms.get("ko") for c in dialog.candidates()]
    assert "알리페이" in names and "마윈" in names
    assert "위어바오" not in names  # already in the glossary
    row = _row_of(dialog, "알리페이")
    assert dialog.table.item(row, dialog.languages.index("zh-Hans")).text() == "支付宝"
    assert dialog.table.item(row, dialog.languages.index("zh-Hant")).text() == "支付寶"


def test_accept_adds_a_proposed_concept_with_the_edited_forms(qtbot, termbase):
    dialog = _dialog(qtbot, termbase)
    row = _row_of(dialog, "알리페이")
    dialog.table.item(row, dialog.languages.index("en")).setText("Alipay")
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.sig_glossary_changed):
        assert dialog.accept_selected("proposed") == 1
    concept = termbase.concept(termbase.find_form("ko", "알리페이")[0])
    assert concept.status == "proposed"
    assert concept.preferred("en") == "Alipay"
    assert concept.forms("ko", TermKind.VARIANT) == ["즈푸바오"]
    assert "알리페이" not in [c.forms.get("ko") for c in dialog.candidates()]


def test_dismissed_candidates_stay_dismissed(qtbot, termbase):
    dialog = _dialog(qtbot, termbase)
    dialog.table.selectRow(_row_of(dialog, "마윈"))
    dialog.dismiss_selected()
    assert "마윈" not in [c.forms.get("ko") for c in dialog.candidates()]
    assert termbase.find_form("ko", "마윈") == []
    again = _dialog(qtbot, termbase)
    assert "마윈" not in [c.forms.get("ko") for c in again.candidates()]
    task_runner().wait()
