"""Project files for the window: the bundled sample article (made once) and new projects."""

from __future__ import annotations

import re
from pathlib import Path

from documents.project import Project, ProjectError
from paths import SAMPLE_ARTICLE, projects_dir

PROJECT_SUFFIX = ".hanbit"
SAMPLE_NAME = "alipay-australia-2014"
SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx")


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


def project_from_source(
    source: Path, data: Path, *, source_lang: str = "ko", target_lang: str = "en"
) -> Path:
    """A new project (never overwriting one) in data's projects folder from an article file."""
    if source.suffix.lower() not in SOURCE_SUFFIXES:
        raise ProjectError(
            f"Cannot make a project from {source.name}: use a {', '.join(SOURCE_SUFFIXES)} file "
            f"or open a {PROJECT_SUFFIX} project."
        )
    if not source.is_file():
        raise ProjectError(f"No such file: {source}")
    from documents.sources import read_source

    text = _source_text(read_source(source))
    path = _free_path(projects_dir(data), f"{source.stem}.{source_lang}-{target_lang}")
    project = Project.create(
        path,
        source_text=text,
        source_lang=source_lang,
        target_lang=target_lang,
        name=source.stem,
        origin=str(source),
    )
    project.close()
    return path


def _source_text(read: object) -> str:
    """read_source's text, whether it hands back a str or an object carrying .text."""
    if isinstance(read, str):
        return read
    text = getattr(read, "text", None)
    if isinstance(text, str):
        return text
    raise ProjectError("The source file gave no text to translate.")
