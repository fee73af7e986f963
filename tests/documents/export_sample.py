"""The sample article as a project with a realistic mix of statuses, for the export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import paths
from documents.project import Project, Status

PROJECT_NAME = "Alipay Australia 2014"


def make_project(folder: Path, *, source_lang: str = "ko", target_lang: str = "en") -> Project:
    """Every fourth segment: an MT draft, a confirmed target, a reviewed one with a comment, new."""
    project = Project.create(
        folder / "alipay.hanbit",
        source_text=paths.SAMPLE_ARTICLE.read_text(encoding="utf-8"),
        source_lang=source_lang,
        target_lang=target_lang,
        name=PROJECT_NAME,
    )
    for index, segment in enumerate(project.segments()):
        kind = index % 4
        if kind == 0:
            project.set_mt(segment.id, f"Machine draft of sentence {segment.number}.")
        elif kind == 1:
            project.set_target(
                segment.id,
                f'Alipay sentence {segment.number} <b> & "quoted" 10 trillion won',
                status=Status.TRANSLATED,
            )
        elif kind == 2:
            project.set_target(
                segment.id, f"Reviewed sentence {segment.number}.", status=Status.REVIEWED
            )
            project.set_comment(segment.id, "Check 10조 = 10 trillion won\nsecond line <&>")
    return project


def glossary_matcher(source_lang: str = "ko", target_lang: str = "en"):
    """A real TermMatcher over two concepts of the article (알리페이/Alipay, 알리바바/Alibaba)."""
    from glossary.matching import TermMatcher
    from glossary.store import Concept, Term

    concepts = [
        Concept(id=1, terms=[Term("ko", "알리페이"), Term("en", "Alipay")]),
        Concept(id=2, terms=[Term("ko", "알리바바"), Term("en", "Alibaba")]),
    ]
    try:
        return TermMatcher(concepts, source_lang, target_lang)
    except NotImplementedError:
        pytest.skip("glossary.matching.TermMatcher is not implemented yet")
