"""Installed Argos Translate packages: find, validate, install from file, remove."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class PackageError(Exception):
    """A package folder or archive that cannot be used; the message says exactly why."""


@dataclass(frozen=True)
class Package:
    path: Path  # the package folder (holds metadata.json, model/, sentencepiece.model)
    from_code: str  # desk language code (ko, en, zh-Hans, zh-Hant), see translation.languages
    to_code: str
    version: str
    name: str
    size_bytes: int


def default_packages_dir() -> Path:
    """ARGOS_PACKAGES_DIR if set, else Argos Translate's own package folder for this user."""
    raise NotImplementedError


def installed_packages(packages_dir: Path) -> list[Package]:
    """Every valid package under packages_dir; broken folders are skipped (and logged)."""
    raise NotImplementedError


def install_package_file(archive: Path, packages_dir: Path) -> Package:
    """Validate a .argosmodel archive fully, then install it atomically; PackageError if bad."""
    raise NotImplementedError


def remove_package(packages_dir: Path, from_code: str, to_code: str) -> None:
    raise NotImplementedError
