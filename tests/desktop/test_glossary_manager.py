"""The glossary manager: search, add with validation, edit, delete and undo, add from selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.glossary.concept_editor import ConceptEditor
from desktop.glossary.import_dialog import ImportDialog, export_glossary
from desktop.glossary.manager import GlossaryManager
from desktop.glossary.model import ConceptTableModel
from glossary.store import Concept, Term, Termbase, TermKind


def _concept(ko: str, en: str, **extra) -> Concept:
    return Concept(terms=[Term("ko", ko), Term("en", en)], **extra)


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    base = Termbase(tmp_path / "glossary.db")
    base.add_concept(
        Concept(
            terms=[
                Term("ko", "알리페이"),
                Term("zh-Hans", "支付宝"),
                Term("en", "Alipay"),
                Term("en", "Ali Pay", TermKind.FORBIDDEN, "the brand is one word"),
            ],
            domain="finance",
        )
    )
    base.add_concept(_concept("위어바오", "Yu'e Bao", domain="finance"))
    base.add_concept(_concept("호주", "Australia", domain="geography"))
    yield base
    base.close()


@pytest.fixture
def manager(qtbot, termbase: Termbase) -> GlossaryManager:
    dialog = GlossaryManager(termbase, "ko", "en")
    qtbot.addWidget(dialog)
    return dialog


def _column(manager: GlossaryManager, key: str) -> list[str]:
    column = manager.model.column_of(key)
    return [manager.model.index(row, column).data() for row in range(manager.model.rowCount())]


def test_lists_every_concept_with_its_forms(manager):
    assert _column(manager, "ko") == ["알리페이", "위어바오", "호주"]
    assert _column(manager, "en") == ["Alipay", "Yu'e Bao", "Australia"]
    assert _column(manager, "zh-Hans")[0] == "支付宝"
    tooltip = manager.model.index(0, manager.model.column_of("en")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "never use: Ali Pay" in tooltip


def test_search_as_you_type_filters_after_a_pause(qtbot, manager):
    qtbot.keyClicks(manager.search, "finance")
    assert manager.model.rowCount() == 3  # debounced: nothing yet
    qtbot.waitUntil(lambda: manager.model.rowCount() == 2)
    assert _column(manager, "en") == ["Alipay", "Yu'e Bao"]
    manager.search.clear()
    manager.search.insert("호주")  # QTest cannot type hangul; insert() is what an IME commits
    qtbot.waitUntil(lambda: _column(manager, "en") == ["Australia"])
    assert "1 concept" in manager.count.text()


def test_enter_in_the_search_box_searches_and_opens_nothing(qtbot, manager):
    manager.show()
    qtbot.waitExposed(manager)
    qtbot.keyClicks(manager.search, "Yu")
    qtbot.keyClick(manager.search, Qt.Key.Key_Return)
    assert _column(manager, "en") == ["Yu'e Bao"]  # at once, without the pause
    assert manager.findChildren(ConceptEditor) == []


def test_add_with_an_empty_form_shows_the_error_and_adds_nothing(qtbot, manager, termbase):
    editor = manager.open_add_dialog()
    qtbot.addWidget(editor)
    editor.accept()
    assert editor.isVisible()
    assert editor.error.isVisible() and "at least one" in editor.error.text()
    assert len(termbase.concept_ids()) == 3
    assert manager.model.rowCount() == 3


def test_add_a_duplicate_form_names_the_concept_that_has_it(qtbot, manager, termbase):
    editor = manager.open_add_dialog("알리페이", "Alipay Inc.")
    qtbot.addWidget(editor)
    editor.accept()
    assert editor.isVisible()
    assert "알리페이" in editor.error.text() and "already belongs" in editor.error.text()
    assert len(termbase.concept_ids()) == 3


def test_add_term_from_selection_prefills_source_and_target(qtbot, manager, termbase):
    changed = []
    manager.sig_glossary_changed.connect(lambda: changed.append(True))
    editor = manager.open_add_dialog("앤트파이낸셜", "Ant Financial")
    qtbot.addWidget(editor)
    assert editor.field("ko", "preferred").text() == "앤트파이낸셜"
    assert editor.field("en", "preferred").text() == "Ant Financial"
    editor.field("en", "variants").setText("Ant Group; Ant")
    editor.accept()
    assert not editor.isVisible()
    assert changed == [True]
    added = termbase.concept(termbase.concept_ids("앤트파이낸셜")[0])
    assert added.forms("en", TermKind.VARIANT) == ["Ant Group", "Ant"]
    assert manager.model.rowCount() == 4
    assert manager.selected_rows() == [3]


def test_edit_keeps_forms_and_saves_changes(qtbot, manager, termbase):
    manager.table.selectRow(0)
    editor = manager.edit_selected()
    qtbot.addWidget(editor)
    assert editor.field("en", "forbidden").text() == "Ali Pay"
    editor.field("en", "forbidden").setText("Ali Pay; Pay Treasure")
    editor.field("en", "note").setText("one word, capital A")
    editor.accept()
    concept = termbase.concept(manager.model.concept_id(0))
    assert concept.forms("en", TermKind.FORBIDDEN) == ["Ali Pay", "Pay Treasure"]
    assert concept.forms("zh-Hans") == ["支付宝"]
    notes = {t.text: t.note for t in concept.terms if t.lang == "en"}
    assert notes == {
        "Alipay": "one word, capital A",
        "Ali Pay": "the brand is one word",  # the forbidden form keeps its own note
        "Pay Treasure": "",
    }


def test_delete_then_undo_restores_the_concept(qtbot, manager, termbase):
    manager.table.selectRow(1)
    manager.delete_selected()
    assert _column(manager, "en") == ["Alipay", "Australia"]
    assert len(termbase.concept_ids()) == 2
    assert manager.undo_button.isEnabled()
    assert manager.undo_button.text() == "Undo delete 1 concept"

    qtbot.mouseClick(manager.undo_button, Qt.MouseButton.LeftButton)

    assert _column(manager, "en") == ["Alipay", "Yu'e Bao", "Australia"]
    restored = termbase.concept(termbase.concept_ids("위어바오")[0])
    assert restored.domain == "finance"
    assert not manager.undo_button.isEnabled()


def test_model_pages_through_many_concepts_lazily(tmp_path):
    base = Termbase(tmp_path / "big.db")
    with base.transaction():
        for n in range(1500):
            base.add_concept(_concept(f"용어{n}", f"term {n}"))
    model = ConceptTableModel(base)
    assert model.rowCount() == 1500
    en = model.column_of("en")
    assert model.index(1499, en).data() == "term 1499"
    assert model.index(700, en).data() == "term 700"
    assert len(model._cache) < 1500  # only the pages looked at were read
    base.close()


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "import.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_shows_the_plan_and_writes_only_on_import(qtbot, manager, termbase, tmp_path):
    path = _csv(
        tmp_path,
        "ko,en,domain\n"
        "앤트파이낸셜,Ant Financial,company\n"  # line 2: new
        "알리페이,Alipay,payments\n"  # line 3: a known concept, new domain
        "마윈,Alipay,person\n"  # line 4: Alipay is already claimed by line 3 (a warning)
        ",,company\n",  # line 5: no form at all: rejected
    )
    dialog = ImportDialog(termbase, path, manager)
    qtbot.addWidget(dialog)
    assert dialog.section_rows("New") == [("앤트파이낸셜 · Ant Financial", "company")]
    ((forms, change),) = dialog.section_rows("Changed")
    assert forms == "알리페이 · 支付宝 · Alipay" and "domain: 'finance' -> 'person'" in change
    ((line, reason),) = dialog.section_rows("To check")
    assert line == "line 4" and "also on line 3" in reason
    # The translator says line 4 is a different concept: it is skipped, line 3 stays as it is.
    dialog.choose("4/shared", "skip")
    ((forms, change),) = dialog.section_rows("Changed")
    assert change.endswith("domain: 'finance' -> 'payments'")
    ((line, reason),) = dialog.section_rows("Rejected")
    assert line == "line 5"
    # All or nothing: with a rejected line, nothing is imported unless the user skips it.
    assert not dialog.import_button.isEnabled() and not dialog.skip_rejected.isHidden()
    dialog.accept()
    assert len(termbase.concept_ids()) == 3 and termbase.find_form("ko", "앤트파이낸셜") == []
    dialog.skip_rejected.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.skip_rejected.setChecked(False)

    path.write_text("\n".join(path.read_text("utf-8").splitlines()[:3]) + "\n", "utf-8")
    dialog = ImportDialog(termbase, path, manager)
    qtbot.addWidget(dialog)
    assert dialog.import_button.text() == "Import 2 concepts"
    assert dialog.import_button.isEnabled() and dialog.skip_rejected.isHidden()
    assert len(termbase.concept_ids()) == 3  # nothing written yet

    dialog.accept()

    assert len(termbase.concept_ids()) == 4
    alipay = termbase.concept(termbase.find_form("ko", "알리페이")[0])
    assert alipay.domain == "payments"
    assert termbase.find_form("ko", "마윈") == []


def test_import_refuses_a_stale_plan_and_writes_nothing(qtbot, manager, termbase, tmp_path):
    path = _csv(tmp_path, "ko,en\n앤트파이낸셜,Ant Financial\n")
    dialog = ImportDialog(termbase, path, manager)
    qtbot.addWidget(dialog)
    dialog.show()
    # Someone adds the same concept meanwhile: the import would now do something else.
    termbase.add_concept(_concept("앤트그룹", "Ant Financial"))
    dialog.accept()
    assert (
        dialog.isVisible() and dialog.error.isVisible() and "plan it again" in dialog.error.text()
    )
    assert termbase.find_form("ko", "앤트파이낸셜") == []
    # An unrelated change meanwhile (another glossary imported) does not stop the import.
    path = _csv(tmp_path, "ko,en\n바이트댄스,ByteDance\n")
    dialog = ImportDialog(termbase, path, manager)
    qtbot.addWidget(dialog)
    termbase.add_concept(_concept("마윈", "Jack Ma"))
    dialog.accept()
    assert termbase.find_form("ko", "바이트댄스") != []


def test_export_writes_every_concept(manager, termbase, tmp_path):
    path = tmp_path / "out.tbx"
    assert export_glossary(termbase, manager, path) == 3
    assert "支付宝" in path.read_text(encoding="utf-8")


def test_saving_a_concept_another_desk_changed_meanwhile_shows_why(qtbot, manager, termbase):
    manager.table.selectRow(0)
    editor = manager.edit_selected()
    qtbot.addWidget(editor)
    with Termbase(termbase.path) as other_desk:
        theirs = other_desk.concept(manager.model.concept_id(0))
        theirs.note = "their note"
        other_desk.update_concept(theirs)
    editor.field("en", "note").setText("my note")
    editor.accept()
    assert editor.isVisible() and editor.error.isVisible()
    assert "changed by someone else" in editor.error.text()
    assert termbase.concept(theirs.id).note == "their note"
