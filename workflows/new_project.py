"""Make a project from any supported file: the one path the window and `main.py new` share."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from documents import client_file, sources
from documents.language_detect import LanguageGuess, detect_language
from documents.project import Project, ProjectError, ProjectExistsError
from documents.sources import FORMATS, MAX_SOURCE_BYTES, SourceError, read_source
from documents.web_article import Article, NoArticleError, extract_text_article, extract_web_article
from storage.inputs import InputFileError, read_input_bytes
from workflows.suffixes import PROJECT_SUFFIX, XLIFF_SUFFIXES, article_stem

SAMPLE_NAME = "alipay-australia-2014"


class NewProjectError(ValueError):
    """A file no project can be made from; the message says why and nothing was written."""


@dataclass
class Prepared:
    """A file read and understood, before the project is made: what the preview shows."""

    path: Path
    kind: str  # "web", "text", "docx", "markdown", "xliff"
    language: LanguageGuess
    article: Article | None = None  # web pages and texts copied off one
    text: str = ""  # the source text of docx, markdown and plain text without cruft
    where: list[str] = field(default_factory=list)  # docx: each paragraph's origin
    client_file: bytes | None = None
    client_format: str = ""
    warnings: list[str] = field(default_factory=list)

    def source_text(self) -> str:
        """What gets segmented: the kept blocks (as the translator left them) or the text."""
        if self.article is not None:
            return self.article.source_text()
        return self.text

    def metadata(self) -> dict[str, str]:
        return self.article.metadata() if self.article is not None else {}


def prepare(path: Path, *, encoding: str | None = None) -> Prepared:
    """Read a file and find what to translate in it; NewProjectError says why not."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in XLIFF_SUFFIXES:
        return Prepared(path, "xliff", LanguageGuess("", 0.0, "the file names its languages"))
    kind = FORMATS.get(suffix)
    if kind is None:
        known = ", ".join(sorted({*FORMATS, *XLIFF_SUFFIXES}))
        raise NewProjectError(f"Cannot make a project from {path.name}: use a {known} file")
    data = _read(path)
    if kind == "docx":
        return _prepare_docx(path, data)
    if kind == "html":
        return _prepare_web(path, data, encoding)

    try:
        text, info = read_source(path, encoding=encoding)
    except SourceError as error:
        raise NewProjectError(str(error)) from None
    if kind == "markdown":
        return Prepared(
            path, "markdown", detect_language(text), text=text, warnings=[*info.warnings]
        )

    article = extract_text_article(text)
    if article.found and article.dropped:  # text copied off a page: offer the article
        return Prepared(
            path, "text", _language(article), article=article, warnings=[*info.warnings]
        )
    return Prepared(path, "text", detect_language(text), text=text, warnings=[*info.warnings])


def _language(article: Article) -> LanguageGuess:
    """The language of an extracted article (both extractors always guess one)."""
    assert article.language is not None
    return article.language


def _read(path: Path) -> bytes:
    try:
        return read_input_bytes(path, MAX_SOURCE_BYTES, NewProjectError, "a source file")
    except InputFileError as error:
        raise NewProjectError(str(error)) from None


def _prepare_docx(path: Path, data: bytes) -> Prepared:
    from documents.docx_source import DocxSourceError, read_docx  # noqa: PLC0415 - heavy: the Word reader (lxml, zipfile) loads for the first .docx

    try:
        units = read_docx(data, path.name)
    except DocxSourceError as error:
        raise NewProjectError(str(error)) from None
    if not units:
        raise NewProjectError(f"{path.name} has no text to translate")
    text = "\n\n".join(_one_line(u.text) for u in units)
    return Prepared(
        path, "docx", detect_language(_plain(text)), text=text, where=[u.where for u in units],
        client_file=data, client_format="docx",
    )  # fmt: skip


def _prepare_web(path: Path, data: bytes, encoding: str | None) -> Prepared:
    from documents.html_blocks import PageError  # noqa: PLC0415 - heavy: lxml.html loads for the first web page

    page = _decode_page(data, path.name, encoding)
    try:
        article = extract_web_article(page, url=_saved_url(page))
    except (NoArticleError, PageError) as error:
        raise NewProjectError(f"{path.name}: {error}") from None
    warnings = []
    if not article.found:
        warnings.append(
            f"No article was found in {path.name}: the whole text of the page is offered. "
            "Drop what is not to be translated."
        )
    return Prepared(
        path, "web", _language(article), article=article, client_format="html",
        client_file=page.encode("utf-8"), warnings=warnings,
    )  # fmt: skip


def _decode_page(data: bytes, name: str, encoding: str | None) -> str:
    decode = getattr(sources, "_decode_html", None)  # the page's own charset declaration first
    try:
        found = decode(data, name, encoding) if decode else sources.decode_text(data, name)
    except SourceError as error:
        raise NewProjectError(str(error)) from None
    return found.text


def _saved_url(page: str) -> str:
    """The address a browser wrote into a saved page (canonical link, og:url, saved-from)."""
    for pattern in (
        r"<link[^>]+rel=[\"']canonical[\"'][^>]+href=[\"']([^\"']+)",
        r"<meta[^>]+property=[\"']og:url[\"'][^>]+content=[\"']([^\"']+)",
        r"<!-- saved from url=\(\d+\)(\S+) -->",
    ):
        found = re.search(pattern, page[:200_000], re.IGNORECASE)
        if found and found.group(1).startswith(("http://", "https://")):
            return found.group(1)
    return ""


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _plain(text: str) -> str:
    from documents.inline import strip_tags  # noqa: PLC0415 - start-up: the window opens without the inline-code tokens

    return strip_tags(text)


def default_target(source_lang: str) -> str:
    return "ko" if source_lang == "en" else "en"


def default_path(source: Path, source_lang: str, target_lang: str) -> Path:
    """Beside the source: article.ko-en.hanbit, then article.ko-en-2.hanbit, ..."""
    return free_path(source.parent, source, source_lang, target_lang)


def free_path(folder: Path, source: Path, source_lang: str, target_lang: str) -> Path:
    """A project path in folder that is not taken: article.ko-en.hanbit, article.ko-en-2..."""
    base = source.stem
    if base.lower().endswith(f".{source_lang.lower()}"):  # article.ko.txt: not article.ko.ko-en
        base = base[: -len(source_lang) - 1]
    stem = f"{base}.{source_lang}-{target_lang}"
    candidate = folder / (stem + PROJECT_SUFFIX)
    counter = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{counter}{PROJECT_SUFFIX}"
        counter += 1
    return candidate


def create_project(
    prepared: Prepared,
    out: Path | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    name: str | None = None,
    targets_translated: bool = False,
) -> Path:
    """Write the project (never over an existing file) and return its path.

    targets_translated: an XLIFF target without a state counts as translated, not draft."""
    if prepared.kind == "xliff":  # the file names its languages unless they are given
        out = Path(out) if out else prepared.path.with_suffix(PROJECT_SUFFIX)
        if out.exists():
            raise NewProjectError(f"{out} already exists; choose another name with --out")
        return _create_from_xliff(prepared.path, out, source_lang, target_lang, targets_translated)
    source_lang = source_lang or prepared.language.code or "ko"
    target_lang = target_lang or default_target(source_lang)
    if source_lang == target_lang:
        raise NewProjectError(f"The source and target languages are both {source_lang}")
    out = Path(out) if out else default_path(prepared.path, source_lang, target_lang)
    if out.exists():
        raise NewProjectError(f"{out} already exists; choose another name with --out")
    text = prepared.source_text()
    if not text.strip():
        raise NewProjectError(f"Nothing of {prepared.path.name} is kept: keep at least one block")
    project = Project.create(
        out, source_text=text, source_lang=source_lang, target_lang=target_lang,
        name=name or prepared.path.stem, origin=str(prepared.path),
    )  # fmt: skip
    try:
        with project.batch():
            for key, value in prepared.metadata().items():
                project.set_meta(key, value)
            project.set_meta("source_format", prepared.kind)
            where = prepared.where or _article_where(prepared.article)
            client = _client_payload(prepared)
            if client:
                client_file.store(project, client, prepared.client_format, where)
            elif where:
                project.set_meta(client_file.META_STRUCTURE, json.dumps(where, ensure_ascii=False))
    finally:
        project.close()
    return out


def _article_where(article: Article | None) -> list[str]:
    if article is None:
        return []
    return [f"{b.role.replace('-', ' ').capitalize()}, block {b.index + 1}" for b in article.kept]


def _client_payload(prepared: Prepared) -> bytes | None:
    if prepared.client_file is None:
        return None
    if prepared.client_format == "html" and prepared.article is not None:
        kept = [[b.index, *b.joined] for b in prepared.article.kept]  # joined: wrapped lines
        page = prepared.client_file.decode("utf-8")
        return json.dumps({"page": page, "blocks": kept}, ensure_ascii=False).encode("utf-8")
    return prepared.client_file


def _create_from_xliff(
    path: Path,
    out: Path,
    source_lang: str | None,
    target_lang: str | None,
    targets_translated: bool = False,
) -> Path:
    from documents.xliff_import import XliffImportError  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file
    from documents.xliff_import import project_from_xliff as make_from_xliff  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file

    try:
        return make_from_xliff(
            path, out, source_lang=source_lang, target_lang=target_lang,
            untagged_translated=targets_translated,
        )  # fmt: skip
    except XliffImportError as error:
        raise NewProjectError(str(error)) from None


def new_project(
    path: Path,
    out: Path | None = None,
    *,
    source_lang: str | None = None,
    target_lang: str | None = None,
    encoding: str | None = None,
) -> Path:
    """Headless: read, extract (the article of a page), make the project, return its path."""
    prepared = prepare(path, encoding=encoding)
    return create_project(prepared, out, source_lang=source_lang, target_lang=target_lang)


# -- projects in the desk's projects folder: the sample, and new ones at the first free name --


def sample_project(data: Path, *, target_lang: str = "en", article: Path | None = None) -> Path:
    """The sample project in data's projects folder, made from the bundled article once."""
    from paths import SAMPLE_ARTICLE, projects_dir  # noqa: PLC0415 - start-up: paths brings platformdirs; core code gets its folders passed in

    article = article or SAMPLE_ARTICLE
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


def _free_name(folder: Path, stem: str) -> Path:
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
            return create(_free_name(folder, stem))
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
    from paths import projects_dir  # noqa: PLC0415 - start-up: paths brings platformdirs; core code gets its folders passed in

    if source.suffix.lower() not in FORMATS:
        raise ProjectError(
            f"Cannot make a project from {source.name}: use a {', '.join(sorted(FORMATS))} "
            f"file or open a {PROJECT_SUFFIX} project."
        )
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
    from documents.xliff_import import import_xliff, read_xliff  # noqa: PLC0415 - heavy: the XLIFF reader (lxml) loads for the first XLIFF file
    from paths import projects_dir  # noqa: PLC0415 - start-up: paths brings platformdirs; core code gets its folders passed in

    # Languages given (missing or wrong in the file) win; the pair names the project file.
    content = read_xliff(source, source_lang=source_lang, target_lang=target_lang)
    stem = f"{source.stem}.{content.source_lang}-{content.target_lang}"
    project = _create_free(
        projects_dir(data), stem,
        lambda path: import_xliff(
            source, path, source_lang=source_lang, target_lang=target_lang,
            untagged_translated=untagged_translated,
        ),
    )  # fmt: skip
    path = project.path
    project.close()
    return path
