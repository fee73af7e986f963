"""A sentence of the source with its paragraph: what segmentation gives a project. Apart from
documents.segmentation so that opening a project does not build the segmenter's patterns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceSegment:
    """One sentence of the source and the paragraph (0-based) it belongs to."""

    text: str
    paragraph: int


# Languages written without spaces between sentences: a terminal mark ends a sentence by itself.
UNSPACED_LANGS = frozenset({"zh", "ja", "yue", "lzh", "wuu"})
