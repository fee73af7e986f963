"""Sentence segmentation for Korean, Chinese and English, keeping paragraph boundaries."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceSegment:
    """One sentence of the source and the paragraph (0-based) it belongs to."""

    text: str
    paragraph: int


def split_sentences(text: str, lang: str) -> list[str]:
    """Split one paragraph into sentences (lang: ko, zh-Hans, zh-Hant, en, ...).

    Contract: "".join-ing the results with single spaces (en, ko) or nothing (zh) gives back
    the paragraph up to whitespace; no sentence is empty; figures (3조8729억, 3.8729, 1,500),
    abbreviations (Mr., U.S.), quotes and parentheses never cause a split inside them.
    """
    raise NotImplementedError


def segment_document(text: str, lang: str) -> list[SourceSegment]:
    """Segments of a whole document: paragraphs are non-empty lines, each split into sentences."""
    raise NotImplementedError
