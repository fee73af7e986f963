"""Translate a project's segments: MT with the pair's glossary enforced, batch by batch."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from documents.project import Project
    from glossary.enforce import EnforcedSegment
    from workflows.pair_glossary import PairGlossary


class Translator(Protocol):
    """What translating needs of an engine: translation.engine.Engine and the LibreTranslate
    backend fit."""

    def translate(
        self, texts: Sequence[str], source: str, target: str, **options: Any
    ) -> list[str]: ...


@dataclass(frozen=True)
class TermRecord:
    """How one glossary term fared in a segment's MT (glossary.enforce.TermOutcome, stored)."""

    concept_id: int
    source: str  # the term as found in the source segment
    target: str  # the approved target form that had to appear
    method: str  # injected, placeholder, model, repaired, re-decoded, failed
    ok: bool = True
    original: str = ""  # for "repaired": what the model wrote there ("" when it dropped it)


@dataclass(frozen=True)
class MTRecord:
    """How the glossary was enforced in a segment's MT: what Project.set_mt stores as mt_info.

    from_info reads any stored record, old or damaged (a missing field takes its default, a
    term that is not an object is skipped), so projects written before keep opening."""

    strategy: str = ""
    ok: bool = True
    broken: bool = False  # the model produced bytes that are not valid UTF-8
    prepared: str = ""  # what the engine was given
    terms: tuple[TermRecord, ...] = ()
    forbidden_found: tuple[str, ...] = ()

    @classmethod
    def from_enforced(cls, segment: EnforcedSegment) -> MTRecord:
        """The record of a segment as enforcement left it (what from_info(segment.info())
        gives, without the round trip through a dict)."""
        return cls(
            strategy=segment.strategy,
            ok=segment.ok,
            broken=segment.broken,
            prepared=segment.prepared,
            terms=tuple(
                TermRecord(t.concept_id, t.source, t.target, t.method, t.ok, t.original)
                for t in segment.terms
            ),
            forbidden_found=tuple(segment.forbidden_found),
        )

    @classmethod
    def from_info(cls, info: Mapping[str, Any] | None) -> MTRecord:
        if not isinstance(info, Mapping):
            return cls()
        terms = tuple(
            TermRecord(
                concept_id=_int(term.get("concept_id", -1)),
                source=str(term.get("source", "")),
                target=str(term.get("target", "")),
                method=str(term.get("method", "")),
                ok=bool(term.get("ok", True)),
                original=str(term.get("original", "")),
            )
            for term in _list(info.get("terms"))
            if isinstance(term, Mapping)
        )
        return cls(
            strategy=str(info.get("strategy", "")),
            ok=bool(info.get("ok", True)),
            broken=bool(info.get("broken", False)),
            prepared=str(info.get("prepared", "")),
            terms=terms,
            forbidden_found=tuple(str(word) for word in _list(info.get("forbidden_found"))),
        )

    def to_info(self) -> dict[str, Any]:
        """The JSON-serialisable record, with the keys glossary.enforce has always written."""
        return {
            "strategy": self.strategy,
            "ok": self.ok,
            "broken": self.broken,
            "prepared": self.prepared,
            "terms": [
                {
                    "concept_id": t.concept_id,
                    "source": t.source,
                    "target": t.target,
                    "method": t.method,
                    "ok": t.ok,
                    "original": t.original,
                }
                for t in self.terms
            ],
            "forbidden_found": list(self.forbidden_found),
        }

    @property
    def failed(self) -> tuple[TermRecord, ...]:
        """The terms that did not make it into the MT."""
        return tuple(term for term in self.terms if not term.ok)

    def term_targets(self) -> set[tuple[int, str]]:
        """(concept id, target form) of every term the MT was made with."""
        return {(term.concept_id, term.target) for term in self.terms if term.target}


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class TranslatedSegment:
    """One segment's MT; record is None for plain MT (no glossary)."""

    segment_id: int
    target: str
    record: MTRecord | None = None

    def info(self) -> dict[str, Any]:
        """What Project.set_mt stores beside the MT ({} for plain MT)."""
        return self.record.to_info() if self.record is not None else {}


@dataclass
class TranslationRun:
    """What a run translated, in the order of the segments given; cancelled: stopped early
    (results then hold the batches that finished)."""

    results: list[TranslatedSegment] = field(default_factory=list)
    cancelled: bool = False


def translate_segments(
    engine: Translator,
    segments: Sequence[tuple[int, str]],
    source_lang: str,
    target_lang: str,
    glossary: PairGlossary | None,
    *,
    forbidden: Sequence[str] = (),
    on_batch: Callable[[list[TranslatedSegment]], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> TranslationRun:
    """Translate (segment id, source) pairs; with a glossary its terms are enforced (inline
    tags protected), without one (None) it is plain MT.

    on_batch gets each finished batch, on_progress(done, total) follows it; cancel() is asked
    between batches and stops the run after the batch being decoded. Errors of the engine
    (NoRouteError, PackageError, ...) reach the caller.
    """
    from translation.engine import Cancelled  # noqa: PLC0415 - heavy: translation.engine brings argostranslate

    ids = [segment_id for segment_id, _ in segments]
    texts = [text for _, text in segments]
    run = TranslationRun()
    if not texts:
        return run
    found: dict[int, TranslatedSegment] = {}

    def batch_done(batch: list[TranslatedSegment]) -> None:
        for item in batch:
            found[item.segment_id] = item
        if on_batch is not None:
            on_batch(batch)
        if on_progress is not None:
            on_progress(len(found), len(texts))

    if on_progress is not None:
        on_progress(0, len(texts))
    try:
        if glossary is None:
            outputs = engine.translate(
                texts,
                source_lang,
                target_lang,
                on_batch=lambda indexes, batch: batch_done(
                    [TranslatedSegment(ids[i], str(o)) for i, o in zip(indexes, batch, strict=True)]
                ),
                cancel=cancel,
            )
            done = [TranslatedSegment(i, str(o)) for i, o in zip(ids, outputs, strict=True)]
        else:
            done = _enforced(engine, texts, ids, source_lang, target_lang, glossary, forbidden,
                             batch_done, cancel)  # fmt: skip
        found.update((item.segment_id, item) for item in done)
    except Cancelled:
        run.cancelled = True  # a cancel seen by the engine ends the run as cancelled, not failed
    run.results = [found[i] for i in ids if i in found]
    return run


def _enforced(
    engine: Translator,
    texts: list[str],
    ids: list[int],
    source_lang: str,
    target_lang: str,
    glossary: PairGlossary,
    forbidden: Sequence[str],
    batch_done: Callable[[list[TranslatedSegment]], None],
    cancel: Callable[[], bool] | None,
) -> list[TranslatedSegment]:
    from documents.inline import protecting_tags  # noqa: PLC0415 - start-up: the window opens without the inline-code tables
    from glossary.enforce import translate_with_glossary  # noqa: PLC0415 - heavy: enforcement brings rapidfuzz, opencc and the matcher

    made: dict[int, tuple[EnforcedSegment, TranslatedSegment]] = {}  # each batch's, by index

    def translated(index: int, result: EnforcedSegment) -> TranslatedSegment:
        if index in made and made[index][0] is result:
            return made[index][1]  # reported with its batch: the same record at the end
        done = TranslatedSegment(ids[index], result.text, MTRecord.from_enforced(result))
        made[index] = (result, done)
        return done

    def on_batch(indexes: list[int], results: list[EnforcedSegment]) -> None:
        batch_done([translated(i, r) for i, r in zip(indexes, results, strict=True)])

    # inline-code tags (XLIFF) go through the MT untouched
    translate = protecting_tags(
        functools.partial(engine.translate, source=source_lang, target=target_lang)
    )
    results = translate_with_glossary(
        texts,
        translate,
        glossary.matcher,
        concepts=glossary.concepts,
        source_lang=source_lang,
        target_lang=target_lang,
        forbidden=forbidden,
        on_batch=on_batch,
        cancel=cancel,
    )
    return [translated(i, result) for i, result in enumerate(results)]


def untranslated(project: Project) -> list[tuple[int, str]]:
    """(segment id, source) of every segment with a source and an empty target."""
    return [
        (s.id, s.source) for s in project.segments() if not s.target.strip() and s.source.strip()
    ]


def store(project: Project, results: Sequence[TranslatedSegment]) -> None:
    """Keep each MT and its record in the project, filling empty targets as drafts."""
    with project.batch():
        for item in results:
            project.set_mt(item.segment_id, item.target, item.info(), fill_target=True)
