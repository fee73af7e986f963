"""Shared fixtures: the tiny copy-model Argos packages, built once per test session.

Helpers import as `from support.tiny_package import ...`: pytest puts tests/ on sys.path
for this conftest, and `tests` itself cannot be imported because argostranslate's wheel
installs a top-level package of that name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.tiny_package import build_argosmodel, build_copy_package, train_sentencepiece


@pytest.fixture(scope="session")
def tiny_sentencepiece(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sentencepiece model every tiny package shares (trained once, about a second)."""
    return train_sentencepiece(tmp_path_factory.mktemp("sentencepiece") / "sentencepiece.model")


@pytest.fixture(scope="session")
def tiny_packages_dir(tmp_path_factory: pytest.TempPathFactory, tiny_sentencepiece: Path) -> Path:
    """A packages folder with ko->en and en->zh copy packages: ko->zh-Hans is a pivot.

    Shared by the whole session: read it, never install into it or remove from it (use
    tiny_packages_copy for that).
    """
    folder = tmp_path_factory.mktemp("packages")
    build_copy_package(folder, "ko", "en", sentencepiece_model=tiny_sentencepiece)
    build_copy_package(folder, "en", "zh", sentencepiece_model=tiny_sentencepiece)
    return folder


@pytest.fixture
def tiny_packages_copy(tmp_path: Path, tiny_packages_dir: Path) -> Path:
    """A private copy of tiny_packages_dir that a test may install into or remove from."""
    return Path(shutil.copytree(tiny_packages_dir, tmp_path / "packages"))


@pytest.fixture(scope="session")
def tiny_argosmodel(tmp_path_factory: pytest.TempPathFactory, tiny_sentencepiece: Path) -> Path:
    """A zh->en copy package zipped as a .argosmodel (not in tiny_packages_dir)."""
    return build_argosmodel(
        tmp_path_factory.mktemp("argosmodel"), "zh", "en", sentencepiece_model=tiny_sentencepiece
    )


@pytest.fixture(scope="session")
def curated_concepts(tmp_path_factory: pytest.TempPathFactory) -> list:
    """The bundled curated glossary's concepts, read through a real termbase once a session."""
    from glossary.curated import load_curated
    from glossary.store import Termbase

    with Termbase(tmp_path_factory.mktemp("termbase") / "glossary.db") as termbase:
        load_curated(termbase)
        return termbase.concepts()


@pytest.fixture(scope="session")
def article_segments() -> list[str]:
    """The bundled article's source segments, as a project makes them."""
    import paths
    from documents.segmentation import segment_document

    text = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
    return [segment.text for segment in segment_document(text, "ko")]
