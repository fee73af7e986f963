"""Term matches per segment for the panels: cached, rebuilt when the glossary revision changes."""

from __future__ import annotations

import html
import logging
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.tasks import run_task
from glossary.matching import TermMatch, TermMatcher
from glossary.store import Concept, GlossaryError, Termbase, TermKind
from workflows.pair_glossary import PairGlossary, read_termbase

log = logging.getLogger(__name__)

CACHE_SIZE = 2048  # segments; a long article has a few hundred
# Up to this many concepts the matcher is built at once (well under 0.1 s); a bigger
# glossary (100,000 concepts take about 2 s) is read and built on a worker meanwhile.
BUILD_INLINE_UP_TO = 5000


def _build(path: Path | str, source_lang: str, target_lang: str) -> PairGlossary:
    """On a worker: its own connection, the concepts and their matcher."""
    revision, concepts = read_termbase(path)  # a file, or a team server's URL
    return PairGlossary.build(concepts, source_lang, target_lang, revision)


class TermLookup(QObject):
    """Shared by the glossary panel, the grid delegate and the editor highlighter so that a
    segment is matched once, whatever the number of views showing it."""

    sig_changed = Signal()  # the termbase, the pair or the glossary revision changed

    def __init__(
        self,
        termbase: Termbase | None = None,
        source_lang: str = "ko",
        target_lang: str = "en",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._termbase = termbase
        self.source_lang = source_lang
        self.target_lang = target_lang
        self._glossary: PairGlossary | None = None
        self._revision: int | None = None
        self._building: tuple | None = None  # (revision, pair) a worker is building for
        self._matches: OrderedDict[str, list[TermMatch]] = OrderedDict()
        self._concepts: dict[int, Concept] = {}

    @property
    def termbase(self) -> Termbase | None:
        return self._termbase

    def set_termbase(self, termbase: Termbase | None, source_lang: str, target_lang: str) -> None:
        self._termbase = termbase
        self.source_lang, self.target_lang = source_lang, target_lang
        self._install(None, None)
        self._building = None
        self.matcher()
        self.sig_changed.emit()

    def refresh(self) -> bool:
        """Re-read the glossary revision; True when it changed. sig_changed follows as soon
        as the new matches are ready (at once for a glossary of ordinary size)."""
        if self._termbase is None or self._termbase.revision == self._revision:
            return False
        before = self._glossary
        self.matcher()
        if self._glossary is not before:
            self.sig_changed.emit()
        return True

    def pair_glossary(self) -> PairGlossary | None:
        """The pair's glossary as it is; while a big glossary is rebuilt on a worker, the
        previous one (None before the first build). Read-only once built, so QA on a worker
        thread may share it."""
        termbase = self._termbase
        if termbase is None:
            return None
        revision = termbase.revision
        if revision == self._revision:
            return self._glossary
        pair = (self.source_lang, self.target_lang)
        if self._building == (revision, pair):
            return self._glossary  # on its way
        if termbase.count() <= BUILD_INLINE_UP_TO:
            self._install(revision, PairGlossary.build(termbase.concepts(), *pair, revision))
        else:
            self._building = (revision, pair)
            path = getattr(termbase, "url", termbase.path)  # a server's URL, not its label
            run_task(lambda: _build(path, *pair), self._built, self._build_failed, context=self)
        return self._glossary

    def matcher(self) -> TermMatcher | None:
        """The pair glossary's matcher (see pair_glossary)."""
        glossary = self.pair_glossary()
        return glossary.matcher if glossary is not None else None

    def matches(self, text: str) -> list[TermMatch]:
        """Leftmost-longest term matches in text (cached per text and glossary revision)."""
        if self._termbase is None or not text:
            return []
        matcher = self.matcher()
        if matcher is None:
            return []
        found = self._matches.get(text)
        if found is not None:
            self._matches.move_to_end(text)
            return found
        found = matcher.find(text)
        self._matches[text] = found
        if len(self._matches) > CACHE_SIZE:
            self._matches.popitem(last=False)
        return found

    def concepts(self) -> list[Concept]:
        """Every concept the current matcher was built from (read once per revision)."""
        glossary = self.pair_glossary()
        return list(glossary.concepts) if glossary is not None else []

    def concept(self, concept_id: int) -> Concept | None:
        """The concept behind a match (cached until the glossary changes); None if deleted."""
        if self._termbase is None:
            return None
        if concept_id not in self._concepts:
            try:
                self._concepts[concept_id] = self._termbase.concept(concept_id)
            except (LookupError, GlossaryError):
                return None  # deleted since the match was cached
        return self._concepts[concept_id]

    def match_at(self, text: str, index: int) -> TermMatch | None:
        for match in self.matches(text):
            if match.start <= index < match.end:
                return match
        return None

    def tooltip(self, match: TermMatch) -> str:
        """Rich-text tooltip for a match: the entry as the glossary holds it."""
        return term_tooltip(match, self.concept(match.concept_id), self.target_lang)

    def _install(self, revision: int | None, glossary: PairGlossary | None) -> None:
        self._revision, self._glossary = revision, glossary
        self._matches.clear()
        self._concepts.clear()

    def _built(self, glossary: PairGlossary) -> None:
        revision, pair = glossary.revision, glossary.pair
        if self._building == (revision, pair):
            self._building = None
        if pair != (self.source_lang, self.target_lang):
            return  # built for a pair the window has left
        if self._revision is not None and revision is not None and self._revision >= revision:
            return  # never replace a newer matcher with an older one
        self._install(revision, glossary)
        self.sig_changed.emit()

    def _build_failed(self, error: BaseException) -> None:
        self._building = None  # the next call tries again
        log.error("cannot build the term matcher: %s", error)


def term_tooltip(match: TermMatch, concept: Concept | None, target_lang: str) -> str:
    esc = html.escape
    lines = [f"<b>{esc(match.term)}</b>"]
    if match.particle:
        lines[0] += f" <span style='color:#777'>+{esc(match.particle)}</span>"
    if match.targets:
        first, *rest = match.targets
        line = f"→ <b>{esc(first)}</b>"
        if rest:
            also = ", ".join(esc(t) for t in rest)
            also = QCoreApplication.translate("TermLookup", "(also {forms})").format(forms=also)
            line += f" <span style='color:#555'>{also}</span>"
        lines.append(line)
    else:
        missing = QCoreApplication.translate("TermLookup", "no {language} form in the glossary")
        lines.append(f"<i>{missing.format(language=esc(target_lang))}</i>")
    if concept is not None:
        forbidden = concept.forms(target_lang, TermKind.FORBIDDEN)
        if forbidden:
            never = QCoreApplication.translate("TermLookup", "never:")
            lines.append(never + " " + ", ".join(f"<s>{esc(f)}</s>" for f in forbidden))
        notes = [concept.note] + [t.note for t in concept.terms if t.note]
        for note in dict.fromkeys(filter(None, notes)):
            lines.append(f"<i>{esc(note)}</i>")
        extra = " · ".join(filter(None, [concept.domain, concept.status]))
        if extra:
            lines.append(f"<span style='color:#777'>{esc(extra)}</span>")
    return "<br>".join(lines)
