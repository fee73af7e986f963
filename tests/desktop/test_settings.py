"""QSettings wrapper: recent projects, engine options and the packages folder survive a restart."""

from __future__ import annotations

from pathlib import Path

from desktop.settings import MAX_RECENT, Settings
from translation.engine import EngineOptions


def test_recent_projects_newest_first_without_duplicates(tmp_path):
    settings = Settings()
    assert settings.recent_projects() == [] and settings.last_project() is None
    a, b = tmp_path / "a.hanbit", tmp_path / "b.hanbit"
    settings.add_recent_project(a)
    assert Settings().recent_projects() == [a.resolve()]  # a lone item comes back as a list
    settings.add_recent_project(b)
    settings.add_recent_project(a)
    again = Settings()
    assert again.recent_projects() == [a.resolve(), b.resolve()]
    assert again.last_project() == a.resolve()


def test_recent_projects_are_capped(tmp_path):
    settings = Settings()
    for n in range(MAX_RECENT + 5):
        settings.add_recent_project(tmp_path / f"{n}.hanbit")
    recent = Settings().recent_projects()
    assert len(recent) == MAX_RECENT
    assert recent[0] == (tmp_path / f"{MAX_RECENT + 4}.hanbit").resolve()


def test_engine_options_and_packages_folder_round_trip(tmp_path):
    settings = Settings()
    assert settings.engine_options() == EngineOptions()
    settings.set_engine_options(EngineOptions(device="cpu", beam_size=4, intra_threads=2))
    settings.set_packages_dir(tmp_path / "argos")
    again = Settings()
    options = again.engine_options()
    assert (options.device, options.beam_size, options.intra_threads) == ("cpu", 4, 2)
    assert again.packages_dir() == Path(tmp_path / "argos")
