"""The termbase: validation, search, paging, revisions, foreign and damaged files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind


def alipay() -> Concept:
    return Concept(
        terms=[
            Term("ko", "알리페이"),
            Term("zh-Hant", "支付寶"),
            Term("en", "Alipay"),
            Term("ko", "즈푸바오", TermKind.VARIANT, "reading"),
            Term("en", "Ali Pay", TermKind.FORBIDDEN),
        ],
        domain="product",
        note="payment service of Alibaba",
    )


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    with Termbase(tmp_path / "glossary.db") as opened:
        yield opened


def test_a_concept_survives_reopening_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Termbase(path) as termbase:
        concept_id = termbase.add_concept(alipay())
    with Termbase(path) as termbase:
        stored = termbase.concept(concept_id)
    assert [(t.lang, t.text, t.kind, t.note) for t in stored.terms] == [
        ("ko", "알리페이", TermKind.PREFERRED, ""),
        ("zh-Hant", "支付寶", TermKind.PREFERRED, ""),
        ("en", "Alipay", TermKind.PREFERRED, ""),
        ("ko", "즈푸바오", TermKind.VARIANT, "reading"),
        ("en", "Ali Pay", TermKind.FORBIDDEN, ""),
    ]
    assert (stored.domain, stored.note, stored.status) == (
        "product",
        "payment service of Alibaba",
        "approved",
    )
    assert stored.created_at and stored.updated_at


def test_the_file_is_in_wal_mode(tmp_path: Path) -> None:
    Termbase(tmp_path / "g.db").close()
    mode = sqlite3.connect(tmp_path / "g.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ([], "at least one preferred or variant"),
        ([Term("en", "Ali Pay", TermKind.FORBIDDEN)], "at least one preferred or variant"),
        ([Term("en", "   ")], "is empty"),
        ([Term("en", "Alipay"), Term("en", "ALIPAY", TermKind.VARIANT)], "appears twice"),
        ([Term("en", "Alipay"), Term("en", "AliPay Inc")], "two preferred en forms"),
        ([Term("", "Alipay")], "no valid language code"),
        ([Term("en", "Alipay", "approved")], "unknown kind"),
    ],
)
def test_invalid_concepts_are_refused_and_change_nothing(termbase, terms, message) -> None:
    before = termbase.revision
    with pytest.raises(GlossaryError, match=message):
        termbase.add_concept(Concept(terms=terms))
    assert termbase.count() == 0
    assert termbase.revision == before


def test_a_form_already_used_by_another_concept_is_refused(termbase) -> None:
    first = termbase.add_concept(alipay())
    with pytest.raises(GlossaryError, match=r"'alipay' already belongs to concept #\d+ \(Alipay\)"):
        termbase.add_concept(Concept(terms=[Term("en", "alipay"), Term("ko", "알리")]))
    # The same forbidden form in two concepts is fine: it is never looked up in a source.
    termbase.add_concept(
        Concept(terms=[Term("en", "Alibaba"), Term("en", "Ali Pay", TermKind.FORBIDDEN)])
    )
    # An update may keep its own forms.
    concept = termbase.concept(first)
    concept.note = "changed"
    termbase.update_concept(concept)
    assert termbase.concept(first).note == "changed"


def test_forms_are_trimmed_and_nfc_normalised(termbase) -> None:
    decomposed = "\u1109\u1175\u1103\u1173\u1102\u1175"  # 시드니 as conjoining jamo
    concept_id = termbase.add_concept(Concept(terms=[Term("ko", f"  {decomposed} ")]))
    assert termbase.concept(concept_id).terms[0].text == "시드니"


def test_revision_grows_on_every_change(termbase) -> None:
    seen = [termbase.revision]
    concept_id = termbase.add_concept(alipay())
    seen.append(termbase.revision)
    concept = termbase.concept(concept_id)
    concept.domain = "company"
    termbase.update_concept(concept)
    seen.append(termbase.revision)
    deleted = termbase.delete_concept(concept_id)
    seen.append(termbase.revision)
    termbase.restore_concept(deleted)
    seen.append(termbase.revision)
    assert seen == sorted(set(seen))


def test_delete_then_restore_gives_back_the_same_concept(termbase) -> None:
    concept_id = termbase.add_concept(alipay())
    deleted = termbase.delete_concept(concept_id)
    assert termbase.count() == 0
    assert termbase.restore_concept(deleted) == concept_id
    assert termbase.concept(concept_id) == deleted


def test_updating_a_missing_concept_says_so(termbase) -> None:
    with pytest.raises(GlossaryError, match="no concept #42"):
        termbase.update_concept(Concept(id=42, terms=[Term("en", "x")]))


@pytest.mark.parametrize(
    "query",
    ["Alipay", "alipay", "支付寶", "支付宝", "알리페이", "알리", "payment", "product", "Ali Pay"],
)
def test_search_finds_forms_notes_domains_and_both_chinese_scripts(termbase, query) -> None:
    termbase.add_concept(alipay())
    termbase.add_concept(Concept(terms=[Term("en", "Baidu"), Term("ko", "바이두")]))
    assert [c.preferred("en") for c in termbase.search(query)] == ["Alipay"]


def test_search_needs_every_word(termbase) -> None:
    termbase.add_concept(alipay())
    assert termbase.search("alipay payment")
    assert termbase.search("alipay banana") == []


def test_paging_ids_then_lazy_fetch_over_many_concepts(termbase) -> None:
    with termbase.transaction():
        for n in range(3000):
            termbase.add_concept(Concept(terms=[Term("en", f"term {n}"), Term("ko", f"용어{n}")]))
    ids = termbase.concept_ids()
    assert len(ids) == termbase.count() == 3000
    page = termbase.concepts_by_ids(ids[1200:1210][::-1])
    assert [c.preferred("en") for c in page] == [f"term {n}" for n in range(1209, 1199, -1)]
    assert termbase.count("용어299") == 1 + 10  # 용어299 and 용어2990-용어2999


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(GlossaryError, match="another application"):
        Termbase(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    path.write_bytes(b"TBX is not a database" * 100)
    with pytest.raises(GlossaryError, match="not a usable termbase"):
        Termbase(path)


def test_a_damaged_termbase_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Termbase(path) as termbase:
        with termbase.transaction():
            for n in range(400):
                termbase.add_concept(Concept(terms=[Term("en", f"term number {n}" * 5)]))
        termbase.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 6] = b"\xff" * (4096 * 3)  # overwrite pages in the middle
    path.write_bytes(bytes(data))
    with pytest.raises(GlossaryError, match="damaged|not a usable"):
        Termbase(path)


def test_a_second_connection_sees_changes_and_revisions(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Termbase(path) as window, Termbase(path) as worker:
        before = worker.revision
        window.add_concept(alipay())
        assert worker.revision > before
        assert [c.preferred("en") for c in worker.concepts_page(0, 10)] == ["Alipay"]


def test_a_locked_termbase_reports_instead_of_crashing(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Termbase(path) as termbase:
        other = sqlite3.connect(path, timeout=0)
        other.execute("BEGIN EXCLUSIVE")
        termbase.db.execute("PRAGMA busy_timeout = 0")  # fail now rather than in 5 seconds
        with pytest.raises(GlossaryError, match="cannot write"):
            termbase.add_concept(alipay())
        other.rollback()
        other.close()
        termbase.add_concept(alipay())
        assert termbase.count() == 1


def test_search_lists_whole_form_matches_first(termbase) -> None:
    termbase.add_concept(Concept(terms=[Term("ko", "알리페이월렛"), Term("en", "Alipay Wallet")]))
    termbase.add_concept(
        Concept(terms=[Term("ko", "알리페이 호주"), Term("en", "Alipay Australia")])
    )
    termbase.add_concept(alipay())
    assert [c.preferred("en") for c in termbase.search("alipay")] == [
        "Alipay",
        "Alipay Wallet",
        "Alipay Australia",
    ]


# --- two desks on one glossary ---------------------------------------------------------------


def test_a_stale_copy_cannot_revert_another_desks_save(tmp_path: Path) -> None:
    path = tmp_path / "glossary.db"
    with Termbase(path) as desk_a, Termbase(path) as desk_b:
        concept_id = desk_a.add_concept(
            Concept(terms=[Term("ko", "알리페이"), Term("en", "Alipay")])
        )
        stale = desk_a.concept(concept_id)  # A opens the concept
        fresh = desk_b.concept(concept_id)
        fresh.note = "one word, capital A"
        desk_b.update_concept(fresh)  # B saves a note (within the same second as A's read)
        stale.domain = "finance"
        with pytest.raises(GlossaryError, match="changed by someone else since you opened it"):
            desk_a.update_concept(stale)
        kept = desk_a.concept(concept_id)
        assert (kept.note, kept.domain) == ("one word, capital A", "")
        # Read again, A's edit goes through and keeps B's note.
        again = desk_a.concept(concept_id)
        again.domain = "finance"
        desk_a.update_concept(again)
        assert (desk_b.concept(concept_id).note, desk_b.concept(concept_id).domain) == (
            "one word, capital A",
            "finance",
        )


def test_saving_the_same_concept_twice_in_a_row_works(tmp_path: Path) -> None:
    with Termbase(tmp_path / "glossary.db") as termbase:
        concept = termbase.concept(
            termbase.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
        )
        for note in ("money market fund", "Alipay's money market fund"):
            concept.note = note
            termbase.update_concept(concept)  # the saved object carries the new version
        assert termbase.concept(concept.id).note == "Alipay's money market fund"
