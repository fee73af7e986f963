"""The import preview: warnings the translator resolves, and the encoding picker of a guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.store import Concept, Term, Termbase, TermKind

pytest.importorskip("pytestqt")

from desktop.glossary.import_dialog import ImportDialog  # noqa: E402

AGENCY = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="ko"><martifHeader><fileDesc><sourceDesc><p>agency</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="t1"><descrip type="subjectField">payments</descrip>
 <langSet xml:lang="ko"><tig><term>알리페이</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Alipay</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>Alipay Wallet</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term/></tig></langSet></termEntry>
<termEntry id="t2"><descrip type="subjectField">finance</descrip>
 <langSet xml:lang="ko"><tig><term>알리페이</term></tig><tig><term>즈푸바오</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Zhifubao</term>
   <termNote type="administrativeStatus">flagged</termNote></tig></langSet></termEntry>
<termEntry id="t3"><langSet xml:lang="ko"><tig><term>위어바오</term></tig></langSet>
 <langSet xml:lang="en"><tig><term>Yu'e Bao</term>
   <termNote type="administrativeStatus">obsolete</termNote></tig></langSet></termEntry>
</body></text></martif>"""


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    with Termbase(tmp_path / "glossary.db") as opened:
        opened.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
        yield opened


def test_each_warning_has_a_choice_and_a_changed_choice_replans(qtbot, termbase, tmp_path):
    path = tmp_path / "agency.tbx"
    path.write_text(AGENCY, encoding="utf-8")
    dialog = ImportDialog(termbase, path)
    qtbot.addWidget(dialog)
    checks = dialog.section_rows("To check")
    assert [line for line, _ in checks] == ["line 4", "line 4", "line 11", "line 11", "line 15"]
    assert dialog.section_rows("Rejected") == []
    # Nothing refused, so the import can go ahead with the safe defaults as they are shown.
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import 2 concepts"
    box = dialog.choice_box("11/shared")
    assert box.currentData() == "apart"
    box.setCurrentIndex(box.findData("merge"))
    qtbot.waitUntil(lambda: dialog.choices.get("11/shared") == "merge")
    assert dialog.import_button.text() == "Import 1 concept"
    # The file calls Yu'e Bao obsolete: the glossary's preferred form stays until chosen.
    forbid = dialog.choice_box("15/forbid/en/Yu'e Bao")
    assert forbid.currentData() == "keep"
    dialog.accept()
    concept = termbase.concept(termbase.find_form("ko", "알리페이")[0])
    assert concept.forms("ko") == ["알리페이", "즈푸바오"]
    yuebao = termbase.concept(termbase.find_form("ko", "위어바오")[0])
    assert yuebao.preferred("en") == "Yu'e Bao"
    assert yuebao.forms("en", TermKind.FORBIDDEN) == []


def test_a_guessed_encoding_must_be_confirmed_or_changed(qtbot, termbase, tmp_path):
    path = tmp_path / "short.csv"
    path.write_bytes("zh-Hant,en\n支付寶,Alipay\n".encode("big5"))
    dialog = ImportDialog(termbase, path)
    qtbot.addWidget(dialog)
    assert not dialog.encoding_row.isHidden()
    assert not dialog.import_button.isEnabled()  # a guess is never imported unseen
    # UTF-8 cannot read it: said so, and nothing can be imported.
    dialog.encodings.setCurrentIndex(dialog.encodings.findData("utf-8"))
    assert not dialog.error.isHidden() and "not UTF-8" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    dialog.encodings.setCurrentIndex(dialog.encodings.findData("big5"))
    assert dialog.error.isHidden()
    assert dialog.section_rows("New")[0][0] == "支付寶 · Alipay"
    assert dialog.import_button.isEnabled()
    dialog.accept()
    assert termbase.find_form("zh-Hant", "支付寶")


def test_editing_an_imported_concept_keeps_what_the_form_does_not_show(qtbot):
    from desktop.glossary.concept_editor import ConceptEditor

    concept = Concept(
        id=7,
        terms=[
            Term("ko", "알리페이"),
            Term("en", "Alipay", details={"partOfSpeech": "properNoun", "context": "Alipay said"}),
        ],
        lang_details={"en": {"definition": "a wallet"}},
    )
    form = ConceptEditor(["ko", "en"], lambda c: None, concept)
    qtbot.addWidget(form)
    edited = form.concept()
    assert edited.terms[1].details == {"partOfSpeech": "properNoun", "context": "Alipay said"}
    assert edited.lang_details == {"en": {"definition": "a wallet"}}


def test_the_file_is_read_and_planned_off_the_ui_thread(qtbot, termbase, tmp_path):
    path = tmp_path / "agency.tbx"
    path.write_text(AGENCY, encoding="utf-8")
    dialog = ImportDialog(termbase, path, background=True)
    qtbot.addWidget(dialog)
    # Until the worker's plan arrives (delivered through the event loop): a busy bar and
    # nothing to import.
    assert dialog.plan is None and not dialog.busy.isHidden()
    assert not dialog.import_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.busy.isHidden(), timeout=10000)
    assert dialog.import_button.text() == "Import 2 concepts"
    dialog.choose("11/shared", "merge")  # planned again by the worker
    qtbot.waitUntil(lambda: dialog.import_button.text() == "Import 1 concept", timeout=10000)
    dialog.accept()
    assert termbase.concept(termbase.find_form("ko", "즈푸바오")[0]).preferred("ko") == "알리페이"
    # A file that cannot be read says why in the dialog; Import stays off.
    broken = tmp_path / "broken.tbx"
    broken.write_text("<martif><unclosed></martif>", encoding="utf-8")
    dialog = ImportDialog(termbase, broken, background=True)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.error.isHidden(), timeout=10000)
    assert "not readable XML" in dialog.error.text() and not dialog.import_button.isEnabled()
