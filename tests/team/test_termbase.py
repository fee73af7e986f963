"""The termbase on a real PostgreSQL server: the same behaviour as the SQLite file, plus
server-enforced rights, who-changed-it on stale edits, notifications and lost connections."""

from __future__ import annotations

import threading
import time

import pytest

from glossary.model import Concept, GlossaryError, Term, TermKind
from glossary.pg_schema import MIGRATIONS
from glossary.pg_store import (
    ServerTermbase,
    StaleConceptError,
    TermbaseListener,
    TermbaseOffline,
    TermbasePermissionError,
)
from glossary.protocol import TermbaseStore, open_termbase
from support.team_servers import make_login


def alipay(status: str = "approved") -> Concept:
    return Concept(
        terms=[
            Term("ko", "알리페이"),
            Term("zh-Hans", "支付宝"),
            Term("en", "Alipay"),
            Term("en", "Ali Pay", TermKind.FORBIDDEN),
        ],
        domain="finance",
        status=status,
    )


def test_url_opens_the_server_backend_with_the_store_interface(team_db: str) -> None:
    with open_termbase(team_db) as termbase:
        assert isinstance(termbase, ServerTermbase)
        assert isinstance(termbase, TermbaseStore)
        concept_id = termbase.add_concept(alipay())
        stored = termbase.concept(concept_id)
        assert [t.text for t in stored.terms] == ["알리페이", "支付宝", "Alipay", "Ali Pay"]
        assert stored.terms[3].kind == TermKind.FORBIDDEN
        assert termbase.find_form("en", "alipay") == [concept_id]
        # Both Chinese scripts are searchable, and hangul substrings too (trigram index).
        assert [c.id for c in termbase.search("支付寶")] == [concept_id]
        assert [c.id for c in termbase.search("페이")] == [concept_id]
        assert termbase.count("nothing-like-it") == 0
        with pytest.raises(GlossaryError, match="already belongs to concept"):
            termbase.add_concept(Concept(terms=[Term("en", "ALIPAY")]))


def test_schema_is_versioned_and_reopening_does_not_migrate_again(team_db: str) -> None:
    ServerTermbase(team_db).close()
    with ServerTermbase(team_db) as termbase:
        termbase.add_concept(alipay())
        version = termbase._rows("SELECT version FROM hanbit_schema WHERE name = 'termbase'")
        assert version == [(len(MIGRATIONS),)]
        termbase._conn.execute("UPDATE hanbit_schema SET version = 99 WHERE name = 'termbase'")
    with pytest.raises(GlossaryError, match="newer Hanbit Desk"):
        ServerTermbase(team_db)


def test_a_termbase_of_the_first_schema_is_brought_up_to_date_with_its_concepts(team_db):
    import psycopg

    from storage.postgres import migrate

    with psycopg.connect(team_db, autocommit=True) as conn:
        migrate(conn, "termbase", MIGRATIONS[:1])  # no details columns yet
        concept_id = conn.execute(
            "INSERT INTO tb_concepts (status, created_at, updated_at) VALUES ('approved',"
            " '2020-01-01T00:00:00+00:00', '2020-01-01T00:00:00+00:00') RETURNING id"
        ).fetchone()[0]
        conn.execute(
            "INSERT INTO tb_terms (concept_id, position, lang, text, key, kind)"
            " VALUES (%s, 0, 'en', 'Alipay', 'alipay', 'preferred')",
            (concept_id,),
        )
    with ServerTermbase(team_db) as termbase:  # migrated on opening
        concept = termbase.concept(concept_id)
        assert ([t.text for t in concept.terms], concept.details) == (["Alipay"], {})
        concept.details = {"definition": "Ant Group's payment service"}
        termbase.update_concept(concept)
        assert termbase.concept(concept_id).details == concept.details


def test_fuzzy_search_finds_a_misspelt_form(team_db: str) -> None:
    with ServerTermbase(team_db) as termbase:
        target = termbase.add_concept(alipay())
        termbase.add_concept(Concept(terms=[Term("ko", "위어바오"), Term("en", "Yu'e Bao")]))
        found = termbase.fuzzy_search("Alipey")
        assert found and found[0][0].id == target


def test_stale_edit_is_refused_naming_who_changed_it_and_when(team_db: str, pg_server) -> None:
    kim = make_login(pg_server, team_db, "kim", "hanbit_terminologist")
    lee = make_login(pg_server, team_db, "lee", "hanbit_terminologist")
    ServerTermbase(team_db).close()  # the owner creates the schema
    with ServerTermbase(kim) as desk_a, ServerTermbase(lee) as desk_b:
        concept_id = desk_a.add_concept(alipay())
        mine = desk_a.concept(concept_id)
        theirs = desk_b.concept(concept_id)
        theirs.note = "Ant Group's payment app"
        desk_b.update_concept(theirs)
        mine.domain = "payments"
        with pytest.raises(StaleConceptError) as refused:
            desk_a.update_concept(mine)
        assert refused.value.changed_by == "lee"
        assert "changed by lee at" in str(refused.value)
        assert refused.value.changed_at == theirs.updated_at
        # Nothing of the stale copy was written; the colleague's note stands.
        stored = desk_a.concept(concept_id)
        assert (stored.note, stored.domain) == ("Ant Group's payment app", "finance")


def test_translator_cannot_forbid_or_approve_the_server_refuses(team_db: str, pg_server) -> None:
    ServerTermbase(team_db).close()
    park = make_login(pg_server, team_db, "park", "hanbit_translator")
    boss = make_login(pg_server, team_db, "choi", "hanbit_terminologist")
    with ServerTermbase(park) as translator, ServerTermbase(boss) as terminologist:
        proposed = Concept(terms=[Term("ko", "마윈"), Term("en", "Jack Ma")], status="proposed")
        concept_id = translator.add_concept(proposed)  # proposing is allowed
        with pytest.raises(TermbasePermissionError, match="only a terminologist may approve"):
            translator.add_concept(Concept(terms=[Term("ko", "앤트"), Term("en", "Ant")]))
        mine = translator.concept(concept_id)
        mine.terms.append(Term("en", "Ma Yun", TermKind.FORBIDDEN))
        with pytest.raises(TermbasePermissionError, match="only a terminologist may forbid"):
            translator.update_concept(mine)
        assert [t.text for t in terminologist.concept(concept_id).terms] == ["마윈", "Jack Ma"]
        # Not only the desk's check: a raw INSERT from the translator's login is refused too.
        with pytest.raises(Exception, match="only a terminologist may forbid"):
            translator._conn.execute(
                "INSERT INTO tb_terms (concept_id, position, lang, text, key, kind)"
                " VALUES (%s, 9, 'en', 'Ma Yun', 'ma yun', 'forbidden')",
                (concept_id,),
            )
        # The terminologist may; then the translator may still edit a note, keeping the ban.
        approved = terminologist.concept(concept_id)
        approved.status = "approved"
        approved.terms.append(Term("en", "Ma Yun", TermKind.FORBIDDEN))
        terminologist.update_concept(approved)
        again = translator.concept(concept_id)
        again.note = "founder of Alibaba"
        translator.update_concept(again)
        assert translator.concept(concept_id).terms[-1].kind == TermKind.FORBIDDEN
        lifted = translator.concept(concept_id)
        lifted.terms = [t for t in lifted.terms if t.kind != TermKind.FORBIDDEN]
        with pytest.raises(TermbasePermissionError, match="lift the ban"):
            translator.update_concept(lifted)
        with pytest.raises(TermbasePermissionError, match="lift a ban"):
            translator.delete_concept(concept_id)


def test_a_colleagues_change_is_notified_within_a_second(team_db: str) -> None:
    ServerTermbase(team_db).close()
    seen: list[dict] = []
    arrived = threading.Event()

    def on_change(payload: dict) -> None:
        seen.append(payload)
        arrived.set()

    listener = TermbaseListener(team_db, on_change)
    listener.start()
    try:
        assert listener.ready.wait(10)
        with ServerTermbase(team_db) as colleague:
            started = time.monotonic()
            concept_id = colleague.add_concept(alipay())
            assert arrived.wait(5)
            assert time.monotonic() - started < 1.0
        assert seen[0]["concept"] == concept_id
        assert seen[0]["op"] == "insert"
    finally:
        listener.stop()


def test_killed_server_loses_no_committed_edit_and_says_what_was_not_saved(
    pg_server, team_db: str
) -> None:
    with ServerTermbase(team_db) as termbase:
        first = termbase.add_concept(alipay())
        pg_server.kill()
        try:
            with pytest.raises(TermbaseOffline, match="adding Jack Ma was not saved"):
                termbase.add_concept(Concept(terms=[Term("ko", "마윈"), Term("en", "Jack Ma")]))
        finally:
            pg_server.start()
        # The same object reconnects on its next call; the committed concept is there and
        # the one that failed is not (not half-written).
        assert [c.id for c in termbase.concepts()] == [first]
        termbase.add_concept(Concept(terms=[Term("ko", "마윈"), Term("en", "Jack Ma")]))
        assert termbase.count() == 2


def test_cut_network_mid_edit_refuses_cleanly_and_reconnects(team_db: str, proxy_for) -> None:
    ServerTermbase(team_db).close()
    proxy, url = proxy_for(team_db)
    with ServerTermbase(url) as termbase:
        concept_id = termbase.add_concept(alipay())
        edited = termbase.concept(concept_id)
        edited.note = "edited while the cable was out"
        proxy.cut()
        with pytest.raises(TermbaseOffline, match="saving Alipay was not saved"):
            termbase.update_concept(edited)
        proxy.restore()
        # The edit still carries the version it was read with: saved now, nobody else wrote.
        termbase.update_concept(edited)
        assert termbase.concept(concept_id).note == "edited while the cable was out"


def test_a_new_migration_step_runs_once_on_an_existing_database(team_db: str) -> None:
    from storage.postgres import connect, migrate

    step1 = "CREATE TABLE demo_units (id int PRIMARY KEY)"
    step2 = "ALTER TABLE demo_units ADD COLUMN note text NOT NULL DEFAULT ''"
    with connect(team_db) as conn:
        assert migrate(conn, "demo", [step1]) == 1
        conn.execute("INSERT INTO demo_units (id) VALUES (1)")
        assert migrate(conn, "demo", [step1, step2]) == 2  # only step 2 runs
        assert migrate(conn, "demo", [step1, step2]) == 2  # and never again
        assert conn.execute("SELECT id, note FROM demo_units").fetchall() == [(1, "")]
        with pytest.raises(RuntimeError, match="newer Hanbit Desk"):
            migrate(conn, "demo", [step1])


def test_a_desk_can_ask_whether_its_login_may_approve(pg_server, team_db: str) -> None:
    ServerTermbase(team_db).close()
    kim = make_login(pg_server, team_db, "kim", "hanbit_terminologist")
    lee = make_login(pg_server, team_db, "lee_translator", "hanbit_translator")
    with ServerTermbase(team_db) as owner, ServerTermbase(kim) as terminologist:
        assert owner.may_decide() and terminologist.may_decide()
    with ServerTermbase(lee) as translator:
        assert not translator.may_decide()
        # What the editor should then save: a proposal, which the server accepts.
        concept_id = translator.add_concept(
            Concept(terms=[Term("ko", "텐페이"), Term("en", "Tenpay")], status="proposed")
        )
        assert translator.concept(concept_id).status == "proposed"
