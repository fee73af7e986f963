"""A unit edited from a stale copy is refused, saying who changed it and when, as a concept is:
on the team server (real PostgreSQL) and in the local file alike."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from memory.pg_store import ServerMemory
from memory.protocol import MemoryStore, StaleUnitError, later_stamp
from memory.store import TranslationMemory

SOURCE = "알리페이가 호주에 첫 지사를 세운다."
TARGET = "Alipay opens its first branch in Australia."


@pytest.fixture(params=["server", "file"])
def open_twice(request, tmp_path: Path) -> Callable[[], MemoryStore]:
    """Opens the same memory as another desk (or window) would: a new connection each call."""
    if request.param == "server":
        url = request.getfixturevalue("team_db")
        return lambda: ServerMemory(url)
    return lambda: TranslationMemory(tmp_path / "memory.db")


def test_an_edit_from_a_stale_copy_is_refused_with_who_and_when(open_twice) -> None:
    with open_twice() as mine, open_twice() as theirs:
        read = mine.add(SOURCE, TARGET, "ko", "en")
        theirs.edit(read.id, target="Alipay's first Australian branch.",
                    expected_version=read.updated_at)  # fmt: skip
        with pytest.raises(StaleUnitError) as refused:
            mine.edit(read.id, target="Mine.", expected_version=read.updated_at)
        stored = mine.get(read.id)
        assert stored.target == "Alipay's first Australian branch."  # theirs kept, not mine
        assert refused.value.changed_at == stored.updated_at
        assert stored.updated_at in str(refused.value)
        assert "was not saved" in str(refused.value)
        if isinstance(mine, ServerMemory):
            assert refused.value.changed_by == "hanbit_admin"
            assert "changed by hanbit_admin at" in str(refused.value)
        # Read again, the same edit goes through.
        edited = mine.edit(read.id, target="Mine.", expected_version=stored.updated_at)
        assert edited.target == "Mine."


def test_two_changes_within_one_second_are_two_versions(open_twice) -> None:
    with open_twice() as mine, open_twice() as theirs:
        read = mine.add(SOURCE, TARGET, "ko", "en")
        # A colleague confirms a new target for the same source, at once: a new version.
        again = theirs.add(SOURCE, "Alipay heads for Australia.", "ko", "en")
        assert again.updated_at > read.updated_at
        with pytest.raises(StaleUnitError):
            mine.edit(read.id, status="draft", expected_version=read.updated_at)
        first = theirs.edit(read.id, target="One.", expected_version=again.updated_at)
        second = theirs.edit(read.id, target="Two.", expected_version=first.updated_at)
        assert first.updated_at < second.updated_at
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", second.updated_at)


def test_an_edit_without_a_version_still_writes_as_before(open_twice) -> None:
    with open_twice() as mine, open_twice() as theirs:
        read = mine.add(SOURCE, TARGET, "ko", "en")
        theirs.edit(read.id, target="Theirs.")
        assert mine.edit(read.id, target="Mine.").target == "Mine."  # the CLI's edit


def test_undo_is_refused_when_a_colleague_changed_the_unit_since(open_twice) -> None:
    with open_twice() as mine, open_twice() as theirs:
        before = mine.add(SOURCE, TARGET, "ko", "en")
        after = mine.add(SOURCE, "My new target.", "ko", "en")
        theirs.edit(after.id, target="Their later target.", expected_version=after.updated_at)
        with pytest.raises(StaleUnitError):
            mine.restore(after.id, before, expected_version=after.updated_at)
        assert mine.get(after.id).target == "Their later target."
        # Nobody in between: the undo goes through and the unit is as it was.
        current = mine.get(after.id)
        mine.edit(after.id, target="Mine again.", expected_version=current.updated_at)
        latest = mine.get(after.id)
        mine.restore(after.id, current, expected_version=latest.updated_at)
        assert mine.get(after.id).target == "Their later target."


def test_undoing_an_add_a_colleague_has_since_changed_keeps_the_unit(open_twice) -> None:
    with open_twice() as mine, open_twice() as theirs:
        added = mine.add(SOURCE, TARGET, "ko", "en")
        theirs.edit(added.id, target="Theirs.", expected_version=added.updated_at)
        with pytest.raises(StaleUnitError):
            mine.restore(added.id, None, expected_version=added.updated_at)
        assert mine.get(added.id).target == "Theirs."


def test_later_stamp_is_after_any_earlier_version() -> None:
    assert later_stamp("2999-01-01T00:00:00Z") == "2999-01-01T00:00:01Z"
    assert later_stamp("not a date") > "2020"
