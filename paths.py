"""Where the desk keeps its files: option, then environment variable, then the OS default."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "HanbitDesk"
RESOURCES = Path(__file__).resolve().parent / "resources"
SAMPLE_ARTICLE = RESOURCES / "article" / "alipay-australia-2014.ko.txt"
CURATED_GLOSSARY = RESOURCES / "glossary" / "curated.json"


def data_dir(option: str | Path | None = None) -> Path:
    """The desk's data folder: --data-dir, then HANBIT_DATA_DIR, then the OS's user data folder."""
    chosen = option or os.environ.get("HANBIT_DATA_DIR")
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def glossary_path(option: str | Path | None = None, data: Path | None = None) -> Path | str:
    """The termbase file: --glossary, then HANBIT_GLOSSARY, then glossary.db in the data folder;
    a postgresql:// URL (a team server's, docs/team.md) stays a str."""
    chosen = option or os.environ.get("HANBIT_GLOSSARY")
    if isinstance(chosen, str) and chosen.lower().startswith(("postgresql://", "postgres://")):
        return chosen
    return Path(chosen) if chosen else (data or data_dir()) / "glossary.db"


def memory_path(option: str | Path | None = None, data: Path | None = None) -> Path | str:
    """The translation memory: --memory, then HANBIT_MEMORY, then memory.db in the data folder;
    a postgresql:// URL (a team server's, docs/team.md) stays a str."""
    chosen = option or os.environ.get("HANBIT_MEMORY")
    if isinstance(chosen, str) and chosen.lower().startswith(("postgresql://", "postgres://")):
        return chosen
    return Path(chosen) if chosen else (data or data_dir()) / "memory.db"


def projects_dir(data: Path | None = None) -> Path:
    path = (data or data_dir()) / "projects"
    path.mkdir(parents=True, exist_ok=True)
    return path


def packages_dir(option: str | Path | None = None) -> Path:
    """Argos packages: --packages, then ARGOS_PACKAGES_DIR, then Argos Translate's own folder."""
    if option:
        return Path(option)
    # paths is imported by every command; the package module only when its folder is asked for
    from translation.packages import default_packages_dir  # noqa: PLC0415 - start-up

    return default_packages_dir()
