"""Export a project to a file: the format registry (by name and extension) and export_project."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from documents.atomic import ExportError, atomic_write_bytes
from documents.client_file import stored_original
from documents.formats.base import ExportDocument
from documents.project import Segment

if TYPE_CHECKING:
    from documents.project import Project
    from glossary.matching import TermMatcher

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "ExportError",
    "ExportFormat",
    "ExportReport",
    "export_project",
    "export_segments",
    "format_for",
]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extensions: tuple[str, ...]  # the first is the one to suggest in a save dialog
    description: str
    module: str  # documents.formats.<module>.<function>, imported only when used
    function: str = "render"
    uses_terms: bool = False  # the format shows glossary matches (needs a TermMatcher)

    def renderer(self) -> Callable[[ExportDocument], bytes]:
        module = importlib.import_module(f"documents.formats.{self.module}")
        return getattr(module, self.function)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("docx", (".docx",), "Bilingual review table (Word)", "docx_review"),
        ExportFormat("docx-target", (), "Target text only (Word)", "docx_target"),
        ExportFormat("html-target", (), "Translated web page (its own markup)", "html_target"),
        # Before xliff, so that .xlf stays XLIFF 1.2 for projects that did not come from XLIFF.
        ExportFormat(
            "original", (".xlf", ".sdlxliff", ".mqxliff"),
            "Imported XLIFF/SDLXLIFF/MQXLIFF with the translations written back",
            "xliff_writeback",
        ),  # fmt: skip
        ExportFormat(
            "xliff", (".xlf", ".xliff"), "XLIFF 1.2", "xliff", "render_12", uses_terms=True
        ),
        ExportFormat(
            "xliff2", (".xlf2", ".xliff2"), "XLIFF 2.0", "xliff", "render_20", uses_terms=True
        ),
        ExportFormat("tmx", (".tmx",), "TMX 1.4b (confirmed segments)", "tmx"),
        ExportFormat("html", (".html", ".htm"), "Side-by-side web page", "html", uses_terms=True),
        ExportFormat("csv", (".csv",), "CSV table (UTF-8 with BOM)", "table", "render_csv"),
        ExportFormat("tsv", (".tsv", ".tab"), "Tab-separated table", "table", "render_tsv"),
        ExportFormat("txt", (".txt",), "Target text only (plain text)", "text"),
    )
}
# .xlf means XLIFF 1.2, what most CAT tools expect; XLIFF 2.0 by --format xliff2 or .xlf2.
EXTENSIONS: dict[str, str] = {ext: f.name for f in FORMATS.values() for ext in f.extensions}


@dataclass(frozen=True)
class ExportReport:
    path: Path
    format: str
    segments: int
    untranslated: int  # segments with an empty target (target-only formats keep the source)
    exported: int  # segments written (TMX writes only translated and reviewed ones)


def format_for(path: Path, fmt: str | None = None) -> ExportFormat:
    """The format by name when given, else by the file extension; ExportError if neither fits."""
    if fmt:
        try:
            return FORMATS[fmt.lower()]
        except KeyError:
            known = ", ".join(FORMATS)
            raise ExportError(f"Unknown export format {fmt!r}; known formats: {known}") from None
    suffix = Path(path).suffix.lower()
    if suffix in EXTENSIONS:
        return FORMATS[EXTENSIONS[suffix]]
    known = ", ".join(EXTENSIONS)
    raise ExportError(
        f"Cannot tell the export format from {Path(path).name!r}; use one of the extensions "
        f"{known} or name a format ({', '.join(FORMATS)})"
    )


def _terms(segments: Sequence[Segment], matcher: TermMatcher | None) -> dict[int, list]:
    if matcher is None:
        return {}
    found = {}
    for segment in segments:
        matches = matcher.find(segment.source)
        if matches:
            found[segment.id] = matches
    return found


def export_segments(
    segments: Sequence[Segment],
    path: Path,
    fmt: str | None = None,
    *,
    source_lang: str,
    target_lang: str,
    name: str = "",
    matcher: TermMatcher | None = None,
    original: object = None,
    client_file: tuple[bytes, str] | None = None,
    untranslated: str = "source",
) -> ExportReport:
    """Write segments to path atomically; the format is fmt, else the path's extension.

    original: the imported XLIFF (documents.formats.xliff_writeback.original_of), which
    format "original" writes the targets back into."""
    path = Path(path)
    chosen = format_for(path, fmt)
    if not segments:
        raise ExportError(f"Nothing to export to {path}: the project has no segments")
    document = ExportDocument(
        segments=list(segments),
        source_lang=source_lang,
        target_lang=target_lang,
        name=name,
        terms=_terms(segments, matcher) if chosen.uses_terms else {},
        original=original,
        # the client's .docx or web page (workflows.new_project), for docx-target/html-target
        client_file=client_file[0] if client_file else None,
        client_format=client_file[1] if client_file else "",
        untranslated_mode=untranslated,
    )
    data = chosen.renderer()(document)
    atomic_write_bytes(path, data)
    if chosen.name == "tmx":
        # a format's module loads only when that format is chosen (ExportFormat.module)
        from documents.formats.tmx import EXPORTED  # noqa: PLC0415 - loaded by renderer() above

        exported = sum(1 for s in segments if s.status in EXPORTED and s.target.strip())
    else:
        exported = len(segments)
    return ExportReport(path, chosen.name, len(segments), document.untranslated, exported)


def export_project(
    project: Project,
    path: Path,
    fmt: str | None = None,
    *,
    matcher: TermMatcher | None = None,
    untranslated: str = "source",
) -> ExportReport:
    """Export a project to path (format by name or extension); matcher marks glossary terms."""
    path = Path(path)
    project_path = getattr(project, "path", None)
    if project_path is not None and path.resolve() == Path(project_path).resolve():
        raise ExportError(f"Refusing to export over the project file itself: {path}")
    # The XLIFF write-back is a format module too (with the XLIFF reader behind it)
    from documents.formats.xliff_writeback import (  # noqa: PLC0415 - loads on export only
        original_of,
        write_back_format,
    )

    original = original_of(project)
    fmt = write_back_format(original, path, fmt)  # an XLIFF project goes back into its file
    return export_segments(
        project.segments(),
        path,
        fmt,
        source_lang=project.source_lang,
        target_lang=project.target_lang,
        name=project.name or Path(project_path or "").stem,
        matcher=matcher,
        original=original,
        client_file=stored_original(project),
        untranslated=untranslated,
    )
