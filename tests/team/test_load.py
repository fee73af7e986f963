"""Five desk processes edit one termbase and one memory at once (a short run of bench.team):
no save and no confirmed unit is lost, and every desk hears every change."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_five_desks_at_once_lose_no_update_and_hear_every_change(pg_server) -> None:
    sys.path.insert(0, str(ROOT))
    from bench.team import run_load

    glossary = pg_server.create_database("load_glossary")
    memory = pg_server.create_database("load_memory")
    result = run_load(glossary, memory, desks=5, seconds=4.0)
    assert result.errors == []
    assert result.saves >= 25 and result.units == result.saves  # every desk got work done
    assert result.lost_saves == []  # each save's token is in the concept's note
    assert result.lost_units == []  # each confirmed target is the unit's or in its history
    assert result.unheard == []  # each desk's listener heard every save
