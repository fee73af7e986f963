"""What the team tests share about the server memory and about desks working at once."""

from __future__ import annotations

import threading
from collections.abc import Callable

# Keys whose count in tm_key_counts differs from a count from scratch (none while the counts
# kept by tm_key_changes and tm_fold_key_counts() are right).
MISCOUNTED = """
    WITH actual AS (
      SELECT false AS long, k AS key, count(*)::int AS units
      FROM tm_units, unnest(grams) k GROUP BY k
      UNION ALL
      SELECT true, k, count(*)::int
      FROM tm_units, unnest(tm_long_grams(source_norm, source_lang)) k GROUP BY k)
    SELECT coalesce(a.long, c.long), coalesce(a.key, c.key), a.units, c.units
    FROM actual a FULL JOIN (SELECT * FROM tm_key_counts WHERE units <> 0) c
      ON a.long = c.long AND a.key = c.key
    WHERE a.units IS DISTINCT FROM c.units
"""


def at_once(desk: Callable[[int], None], desks: int = 5) -> list[BaseException]:
    """Run desk(0) … desk(desks - 1) in threads at the same time; what each raised, if anything
    (an exception in a thread would otherwise be lost, and the test pass on what it left)."""
    errors: list[BaseException] = []

    def run(number: int) -> None:
        try:
            desk(number)
        except BaseException as error:  # reported to the test, which asserts there is none
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(desks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
