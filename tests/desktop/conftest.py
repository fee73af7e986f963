"""Desktop fixtures: every test gets its own data folder, packages folder and QSettings file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

import paths
from desktop.app import protect_true_from_emit_leak
from documents.project import Project

# The desk's start-up (make_application) applies this; the test process emits as many signals.
protect_true_from_emit_leak()


@pytest.fixture(autouse=True)
def isolated_desk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> Path:
    """HANBIT_DATA_DIR, ARGOS_PACKAGES_DIR and QSettings all point into tmp_path."""
    data = tmp_path / "data"
    empty_packages = tmp_path / "no-packages"
    empty_packages.mkdir()
    monkeypatch.setenv("HANBIT_DATA_DIR", str(data))
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(empty_packages))
    monkeypatch.delenv("HANBIT_GLOSSARY", raising=False)
    QCoreApplication.setOrganizationName("HanbitTest")
    QCoreApplication.setApplicationName("HanbitDeskTest")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    # Confirming a target with a CRITICAL QA issue asks first (a modal question); tests that
    # confirm made-up targets turn it off, tests of the question turn it on.
    QSettings().setValue("qa/ask_before_confirming_critical", False)
    return data


@pytest.fixture
def data_dir(isolated_desk: Path) -> Path:
    return paths.data_dir()


@pytest.fixture
def empty_packages_dir(tmp_path: Path) -> Path:
    return tmp_path / "no-packages"


@pytest.fixture
def article_project(tmp_path: Path) -> Path:
    """The bundled article as a fresh ko -> en project file."""
    path = tmp_path / "article.hanbit"
    Project.create(
        path,
        source_text=paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"),
        source_lang="ko",
        target_lang="en",
        name="article",
    ).close()
    return path
