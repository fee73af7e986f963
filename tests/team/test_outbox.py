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


ROUNDS = 50


def test_server_killed_and_restarted_while_a_desk_keeps_editing_loses_nothing(
    pg_server, team_db: str, tmp_path: Path
) -> None:
    """A desk saves and confirms without pause; the server is SIGKILLed after a few writes and
    restarted a second later. Every write is either on the server or waits in the outbox,
    and once flushed all of them are there."""
    import threading
    import time

    from glossary.pg_store import TermbaseOffline
    from memory.pg_store import MemoryOffline

    ServerTermbase(team_db).close()
    ServerMemory(team_db).close()
    with ServerTermbase(team_db) as termbase:
        concept_id = termbase.add_concept(jack_ma())
    written = threading.Event()
    done: list[str] = []
    attempted: list[str] = []  # edits made to a copy read from the server
    queued: list[str] = []  # rounds whose save or confirm waited in the outbox
    failures: list[str] = []

    def desk() -> None:
        try:
            edit()
        except BaseException as error:  # the test reports it: a thread's error is silent
            failures.append(f"{type(error).__name__}: {error}")

    def edit() -> None:
        with ServerTermbase(team_db, tmp_path / "tb-out") as tb, \
                ServerMemory(team_db, tmp_path / "tm-out") as tm:  # fmt: skip
            for n in range(ROUNDS):
                token = f"edit{n}"
                try:
                    concept = tb.concept(concept_id)
                    concept.note = f"{concept.note} {token}".strip()
                except TermbaseOffline:
                    concept = None  # cannot even read: nothing was edited this round
                try:
                    if concept is not None:
                        attempted.append(token)
                        tb.update_concept(concept)
                    tm.add(f"마윈은 {n}번째로 말했다.", f"Ma spoke ({n}).", "ko", "en")
                    done.append(token)
                except (TermbaseOffline, MemoryOffline) as error:
                    if "waits on this computer" not in str(error):
                        failures.append(str(error))
                    queued.append(token)
                    done.append(token)
                if n == 5:
                    written.set()
                time.sleep(0.05)

    thread = threading.Thread(target=desk)
    thread.start()
    assert written.wait(20)
    pg_server.kill()
    time.sleep(1.0)
    pg_server.start()
    thread.join(60)
    assert failures == []
    with ServerTermbase(team_db, tmp_path / "tb-out") as tb, \
            ServerMemory(team_db, tmp_path / "tm-out") as tm:  # fmt: skip
        tb.flush()
        tm.flush()
        assert tb.outbox.waiting() == [] and tm.outbox.waiting() == []
        assert tb.outbox.failed() == []
        sources = {u.source for u in tm.units()}
        assert sources == {f"마윈은 {n}번째로 말했다." for n in range(ROUNDS)}
        # Every edit made to a copy that was read is there, in order, none lost, none twice
        # (rounds that could not even read the concept while it was down edited nothing).
        assert tb.concept(concept_id).note.split() == attempted
        assert queued and len(done) == ROUNDS
        assert attempted[-1] == f"edit{ROUNDS - 1}"  # the desk went on after the restart


def test_two_replays_of_one_outbox_write_each_item_once(tmp_path: Path) -> None:
    """The window's background replay and a store's own may run at once on one folder."""
    import threading
    import time

    from storage.outbox import Outbox

    first = Outbox(tmp_path / "outbox")
    for n in range(20):
        first.put("unit.add", f"storing unit {n}", {"n": n})
    second = Outbox(tmp_path / "outbox")
    written: list[int] = []
    lock = threading.Lock()

    def write(item) -> None:
        time.sleep(0.005)
        with lock:
            written.append(item.payload["n"])

    threads = [
        threading.Thread(target=box.replay, args=(write, (ConnectionError,)))
        for box in (first, second)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(written) == list(range(20))  # each once
    assert first.waiting() == [] and second.waiting() == []
