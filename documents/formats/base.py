"""What every writer receives: the segments, the language pair and the glossary matches."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING

from documents.project import Segment, Status
from translation.languages import is_chinese

if TYPE_CHECKING:
    from glossary.matching import TermMatch

TOOL_ID = "hanbit-desk"
TOOL_NAME = "Hanbit Desk"

STATUS_LABELS: dict[Status, str] = {
    Status.NEW: "New",
    Status.DRAFT: "Draft",
    Status.TRANSLATED: "Translated",
    Status.REVIEWED: "Reviewed",
}


# Characters XML 1.0 cannot carry at all (lxml refuses them); stray ones come from pasted text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def tool_version() -> str:
    try:
        return metadata.version(TOOL_ID)
    except metadata.PackageNotFoundError:
        return "0.1.0"  # running from a checkout that was never pip-installed


def joins_without_spaces(lang: str) -> bool:
    """Chinese and Japanese write sentences back to back; other languages put a space."""
    return is_chinese(lang) or lang.split("-")[0] in {"ja", "zh"}


@dataclass(frozen=True)
class ExportDocument:
    segments: Sequence[Segment]
    source_lang: str
    target_lang: str
    name: str = ""
    # Glossary matches in each segment's source, by segment id; empty when no glossary.
    terms: Mapping[int, Sequence[TermMatch]] = field(default_factory=dict)
    # The client's own file the project was made from (.docx or web page), for the writers
    # that deliver in its layout; "source" or "flag" for what they do with untranslated text.
    client_file: bytes | None = None
    client_format: str = ""
    untranslated_mode: str = "source"
    # The XLIFF the project was imported from (xliff_writeback.Original), for write-back.
    original: object = None

    def paragraphs(self) -> list[list[Segment]]:
        """Segments grouped by source paragraph, in document order."""
        groups: list[list[Segment]] = []
        last: int | None = None
        for segment in self.segments:
            if not groups or segment.paragraph != last:
                groups.append([])
                last = segment.paragraph
            groups[-1].append(segment)
        return groups

    def terms_for(self, segment: Segment) -> Sequence[TermMatch]:
        return self.terms.get(segment.id, ())

    def target_paragraphs(self) -> list[str]:
        """The target text paragraph by paragraph; an untranslated segment keeps its source."""
        joiner = "" if joins_without_spaces(self.target_lang) else " "
        return [
            joiner.join((s.target or s.source).strip() for s in group)
            for group in self.paragraphs()
        ]

    @property
    def untranslated(self) -> int:
        return sum(1 for s in self.segments if not s.target.strip())
