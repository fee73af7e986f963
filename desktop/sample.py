"""Project files for the window: the bundled sample article (made once) and new projects."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from documents.project import Project, ProjectError, ProjectExistsError
from paths import SAMPLE_ARTICLE, projects_dir

PROJECT_SUFFIX = ".hanbit"
SAMPLE_NAME = "alipay-australia-2014"


def sample_project(data: Path, *, target_lang: str = "en", article: Path = SAMPLE_ARTICLE) -> Path:
    """The sample project in data's projects folder, made from the bundled article once."""
    path = projects_dir(data) / f"{SAMPLE_NAME}.ko-{target_lang}{PROJECT_SUFFIX}"
    if path.exists():
        return path
    if not article.is_file():
        raise ProjectError(f"The bundled sample article is missing: {article}")
    project = Project.create(
        path,
        source_text=article.read_text(encoding="utf-8"),
        source_lang="ko",
        target_lang=target_lang,
        name="Alipay in Australia (Aju Business Daily, 2014)",
        origin=str(article),
    )
    project.close()
    return path


def _free_path(folder: Path, stem: str) -> Path:
    stem = re.sub(r"[^\w.-]+", "-", stem).strip("-") or "project"
    path = folder / f"{stem}{PROJECT_SUFFIX}"
    counter = 2
    while path.exists():
        path = folder / f"{stem}-{counter}{PROJECT_SUFFIX}"
        counter += 1
    return path


def _create_free(folder: Path, stem: str, create: Callable[[Path], Project]) -> Project:
    """create at the first free name; a desk that takes the name meanwhile (three new projects
    from one article at once) moves this one on to the next name instead of failing."""
    for _ in range(100):
        try:
            return create(_free_path(folder, stem))
        except ProjectExistsError:
            continue
    raise ProjectError(f"Cannot find a free project name for {stem} in {folder}")


def project_from_source(
    source: Path,
    data: Path,
    *,
    source_lang: str = "ko",
    target_lang: str = "en",
    encoding: str | None = None,
) -> Path:
    """A new project (never overwriting one) in data's projects folder from an article file.

    Raises ProjectError for a file that is not an article, SourceError for one that cannot
    be read (both say why).
    """
    from documents.sources import FORMATS, read_source

    if source.suffix.lower() not in FORMATS:
        raise ProjectError(
            f"Cannot make a project from {source.name}: use a {', '.join(sorted(FORMATS))} "
            f"file or open a {PROJECT_SUFFIX} project."
        )
    from desktop.project.files import article_stem

    text = read_source(source, encoding=encoding).text  # encoding: as the translator chose
    stem = article_stem(source.stem, source_lang, target_lang)  # not wind_article.ko.ko-en
    project = _create_free(
        projects_dir(data),
        f"{stem}.{source_lang}-{target_lang}",
        lambda path: Project.create(
            path,
            source_text=text,
            source_lang=source_lang,
            target_lang=target_lang,
            name=stem,
            origin=str(source),
        ),
    )
    project.close()
    return project.path


XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2", ".xliff2", ".sdlxliff", ".mqxliff")


def project_from_xliff(
    source: Path,
    data: Path,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    untagged_translated: bool = False,
) -> Path:
    """A new project (never overwriting one) in data's projects folder from an XLIFF file,
    its languages, targets and statuses as the file has them.

    Raises XliffImportError for a file that is not a usable XLIFF, ProjectError for a
    project that cannot be made (both say why).
    """
    from documents.xliff_import import import_xliff, read_xliff

    # Languages given (missing or wrong in the file) win; the pair names the project file.
    options = {"source_lang": source_lang, "target_lang": target_lang}
    content = read_xliff(source, **options)
    stem = f"{source.stem}.{content.source_lang}-{content.target_lang}"
    project = _create_free(
        projects_dir(data), stem,
        lambda path: import_xliff(
            source, path, **options, untagged_translated=untagged_translated
        ),
    )  # fmt: skip
    path = project.path
    project.close()
    return path
