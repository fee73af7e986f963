"""Reliability suite settings: slow soaks only with HANBIT_SOAK=1, reproducible fuzzing, a tally."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from reliability_kit import FIGURES, SOAK, TALLY


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # CI runs `pytest` with no marker filter, so the soak tests skip themselves unless asked.
    if SOAK:
        return
    skip = pytest.mark.skip(reason="soak test: set HANBIT_SOAK=1 to run it")
    for item in items:
        if "slow" in item.keywords and "reliability" in str(item.path):
            item.add_marker(skip)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With HANBIT_RELIABILITY_REPORT=FILE, write the cases tried/imported/refused/lost."""
    target = os.environ.get("HANBIT_RELIABILITY_REPORT")
    if target and TALLY:
        Path(target).write_text(
            json.dumps(
                {"soak": SOAK, "areas": TALLY, "figures": FIGURES}, indent=2, ensure_ascii=False
            ),
            encoding="utf-8",
        )
