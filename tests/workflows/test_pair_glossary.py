"""The pair glossary: one object with the concepts, matcher, forbidden forms and common words."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from glossary.model import GlossaryError
from glossary.store import Termbase
from qa.checks import forbidden_renderings, generic_concepts
from workflows.pair_glossary import (
    PairGlossary,
    load_concepts,
    load_pair_glossary,
    merge_curated,
    open_desk_termbase,
    pair_glossary_factory,
    read_termbase,
)


def test_built_from_concepts_it_holds_what_mt_and_qa_need(curated_concepts):
    glossary = PairGlossary.build(curated_concepts, "ko", "en", revision=7)
    assert glossary.pair == ("ko", "en") and glossary.revision == 7
    assert glossary.concepts == tuple(curated_concepts)
    assert glossary.matcher is not None
    assert any(m.target == "Alipay" for m in glossary.matcher.find("알리페이가 호주에 진출했다"))
    assert glossary.forbidden == forbidden_renderings(curated_concepts, "en")
    assert glossary.generic == generic_concepts(curated_concepts)
    assert glossary.forbidden and glossary.generic


def test_it_is_frozen_and_plain_mt_has_no_matcher():
    glossary = PairGlossary("ko", "en")
    assert glossary.matcher is None and glossary.forbidden == {} and glossary.generic == set()
    with pytest.raises(dataclasses.FrozenInstanceError):
        glossary.source_lang = "zh-Hans"  # type: ignore[misc]
    empty = PairGlossary.build([], "ko", "en")
    assert empty.matcher is not None and empty.matcher.find("알리페이") == []


def test_the_desk_termbase_gets_the_curated_glossary_once(tmp_path: Path):
    path = tmp_path / "glossary.db"
    assert merge_curated(path) == []
    revision, concepts = read_termbase(path)
    assert concepts and revision is not None
    glossary = load_pair_glossary(path, "ko", "zh-Hans")
    assert glossary.revision == revision  # merging again changed nothing
    assert len(glossary.concepts) == len(concepts)
    factory = pair_glossary_factory(tmp_path, "ko", "en")
    assert factory().pair == ("ko", "en") and len(factory().concepts) == len(concepts)


def test_load_concepts_reads_a_termbase_a_curated_file_or_the_desk_termbase(tmp_path: Path):
    import paths

    desk = load_concepts(None, tmp_path / "data")
    assert desk and (tmp_path / "data" / "glossary.db").is_file()
    curated = load_concepts(paths.CURATED_GLOSSARY)
    assert [c.id for c in curated] == list(range(1, len(curated) + 1))
    with Termbase(tmp_path / "own.db") as termbase:
        termbase_file = termbase.path
    assert load_concepts(termbase_file) == []
    with pytest.raises(GlossaryError, match="does not exist"):
        load_concepts(tmp_path / "missing.db")


def test_open_desk_termbase_refuses_a_curated_file_and_says_what_it_skipped(tmp_path: Path):
    with pytest.raises(GlossaryError, match="curated glossary file"):
        open_desk_termbase(tmp_path, tmp_path / "terms.json")
    warned: list[str] = []
    termbase = open_desk_termbase(tmp_path, warn=warned.append)
    try:
        assert termbase.concepts()
    finally:
        termbase.close()
    assert warned == []
