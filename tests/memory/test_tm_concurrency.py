"""Two processes writing to one memory file lose nothing."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from memory.store import TranslationMemory

SHARED = "알리페이가 호주에 지사를 세운다."
ROUNDS = 40


def _writer(path: str, name: str, barrier) -> None:
    # Each process opens its own connection, as a second window or a CLI import would.
    with TranslationMemory(path) as memory:
        shared_id = memory.add(SHARED, "shared", "ko", "en", name).id
        barrier.wait()
        for number in range(ROUNDS):
            memory.add(f"{name} 기자가 {number}번째 기사를 썼다.", f"{name} {number}", "ko", "en")
            memory.add(f"공동 기사 {number}번", f"by {name}", "ko", "en", name)
            memory.record_use(shared_id)


def test_two_processes_adding_at_once_lose_no_update(tmp_path: Path):
    path = tmp_path / "memory.db"
    TranslationMemory(path).close()
    context = multiprocessing.get_context("fork")
    # Timeouts so that a writer dying early fails the test instead of hanging its partner.
    barrier = context.Barrier(2, timeout=30)
    writers = [
        context.Process(target=_writer, args=(str(path), name, barrier)) for name in ("김", "이")
    ]
    for process in writers:
        process.start()
    for process in writers:
        process.join(60)
        if process.is_alive():
            process.terminate()
    assert [process.exitcode for process in writers] == [0, 0]

    with TranslationMemory(path) as memory:
        units = {unit.source: unit for unit in memory.units()}
        # Own units of both writers, the co-written ones once each, the shared one once.
        assert len(units) == 2 * ROUNDS + ROUNDS + 1
        for name in ("김", "이"):
            for number in range(ROUNDS):
                assert (
                    units[f"{name} 기자가 {number}번째 기사를 썼다."].target == f"{name} {number}"
                )
        assert {units[f"공동 기사 {n}번"].target for n in range(ROUNDS)} <= {"by 김", "by 이"}
        assert units[SHARED].usage == 2 * ROUNDS
        # The slower writer's target replaced the other one; the replaced target is in history.
        co_written = units["공동 기사 0번"]
        [(replaced, _, _)] = memory.history(co_written.id)
        assert {replaced, co_written.target} == {"by 김", "by 이"}
