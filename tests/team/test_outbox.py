"""A connection that drops mid-edit loses nothing: the write waits on local disk (visibly) and
is written when the server is back, or the translator is told exactly what was not saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.model import Concept, Term
from glossary.pg_store import ServerTermbase, TermbaseQueued
from memory.pg_store import MemoryQueued, ServerMemory
from support.team_servers import make_login


def jack_ma() -> Concept:
    return Concept(terms=[Term("ko", "마윈"), Term("en", "Jack Ma")], domain="people")


def test_a_save_during_a_cut_waits_and_is_written_when_the_server_is_back(
    team_db: str, proxy_for, tmp_path: Path
) -> None:
    ServerTermbase(team_db).close()
    proxy, url = proxy_for(team_db)
    outbox = tmp_path / "outbox"
    with ServerTermbase(url, outbox) as desk:
        concept_id = desk.add_concept(jack_ma())
        edited = desk.concept(concept_id)
        edited.note = "founder of Alibaba"
        proxy.cut()
        with pytest.raises(TermbaseQueued, match=r"saving Jack Ma waits on this computer \(1"):
            desk.update_concept(edited)
        with pytest.raises(TermbaseQueued, match=r"adding Tenpay waits .*\(2 waiting\)"):
            desk.add_concept(Concept(terms=[Term("ko", "텐페이"), Term("en", "Tenpay")]))
        assert [item.what for item in desk.outbox.waiting()] == ["saving Jack Ma", "adding Tenpay"]
    # The desk is closed while the network is out; the writes are on disk, not in memory.
    proxy.restore()
    with ServerTermbase(url, outbox) as desk:
        assert desk.flush() == (2, [])
        assert desk.concept(concept_id).note == "founder of Alibaba"
        assert desk.find_form("en", "Tenpay")
        assert desk.outbox.waiting() == []


def test_a_waiting_save_a_colleague_overtook_is_refused_naming_them(
    team_db: str, pg_server, proxy_for, tmp_path: Path
) -> None:
    ServerTermbase(team_db).close()
    kang = make_login(pg_server, team_db, "kang", "hanbit_terminologist")
    proxy, url = proxy_for(kang)
    with ServerTermbase(url, tmp_path / "outbox") as desk, ServerTermbase(team_db) as colleague:
        concept_id = desk.add_concept(jack_ma())
        mine = desk.concept(concept_id)
        mine.note = "mine"
        proxy.cut()
        with pytest.raises(TermbaseQueued):
            desk.update_concept(mine)
        theirs = colleague.concept(concept_id)
        theirs.note = "theirs"
        colleague.update_concept(theirs)
        proxy.restore()
        written, refused = desk.flush()
        assert written == 0
        [(item, reason)] = refused
        assert item.what == "saving Jack Ma"
        assert "changed by hanbit_admin at" in reason and "not saved" in reason
        assert desk.outbox.failed()[0][1] == reason  # stays listed until dismissed
        assert desk.concept(concept_id).note == "theirs"


def test_units_confirmed_during_a_cut_reach_the_memory_in_order(
    team_db: str, proxy_for, tmp_path: Path
) -> None:
    ServerMemory(team_db).close()
    proxy, url = proxy_for(team_db)
    with ServerMemory(url, tmp_path / "outbox") as memory:
        proxy.cut()
        with pytest.raises(MemoryQueued, match="waits on this computer"):
            memory.add("마윈은 말했다.", "Jack Ma said.", "ko", "en")
        with pytest.raises(MemoryQueued, match=r"\(2 waiting\)"):
            memory.add("마윈은 말했다.", "Ma said.", "ko", "en")
        proxy.restore()
        memory.add("알리페이.", "Alipay.", "ko", "en")  # flushes the two first, then this one
        [unit] = [u for u in memory.units() if u.source == "마윈은 말했다."]
        assert unit.target == "Ma said."  # the later confirm is the newest target
        assert [t for t, _, _ in memory.history(unit.id)] == ["Jack Ma said."]
        assert memory.count() == 2 and memory.outbox.waiting() == []
