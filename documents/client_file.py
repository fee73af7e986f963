"""The client's own file kept in a project (a .docx or a web page), to deliver in its layout."""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING

from documents.project_file import ProjectError

if TYPE_CHECKING:
    from documents.project import Project

# Project settings (documents.project's meta table) that hold it.
META_CLIENT_FILE = "client_file"  # base64 of the .docx, or of {"page": ..., "blocks": [...]}
META_CLIENT_FORMAT = "client_format"  # "docx" or "html"
META_STRUCTURE = "source_structure"  # JSON list: where each source paragraph comes from


def store(project: Project, data: bytes, kind: str, where: list[str]) -> None:
    """Keep the client's file and each paragraph's origin in the project."""
    project.set_meta(META_CLIENT_FORMAT, kind)
    project.set_meta(META_CLIENT_FILE, base64.b64encode(data).decode("ascii"))
    if where:
        project.set_meta(META_STRUCTURE, json.dumps(where, ensure_ascii=False))


def stored_original(project: Project) -> tuple[bytes, str] | None:
    """The client's file the project was made from, (bytes, "docx" or "html"), if it keeps one."""
    encoded = project.get_meta(META_CLIENT_FILE)
    kind = project.get_meta(META_CLIENT_FORMAT) or ""
    if not encoded or kind not in ("docx", "html"):
        return None
    try:
        return base64.b64decode(encoded, validate=True), kind
    except ValueError:
        raise ProjectError(
            f"The original document kept in {project.path.name} is damaged"
        ) from None


def paragraph_origins(project: Project) -> list[str]:
    """Where each source paragraph comes from ("Footnote 2", "Table 1, row 2, cell 1", ...)."""
    raw = project.get_meta(META_STRUCTURE)
    try:
        where = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [str(w) for w in where] if isinstance(where, list) else []


def segment_origins(project: Project) -> dict[int, str]:
    """Where each segment comes from, by segment id, for the grid or a tooltip."""
    where = paragraph_origins(project)
    return {s.id: where[s.paragraph] for s in project.segments() if 0 <= s.paragraph < len(where)}
