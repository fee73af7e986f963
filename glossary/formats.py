"""Glossary import and export (TBX, CSV/TSV): plan first, then apply all-or-nothing."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind, term_key
from glossary.table import read_table, write_table
from glossary.tbx import read_tbx, write_tbx
from storage.atomic import atomic_path

FORMATS = ("tbx", "csv", "tsv")


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until apply_import."""

    added: list[Concept] = field(default_factory=list)
    changed: list[Concept] = field(default_factory=list)  # merged concepts, with their ids
    rejected: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    unchanged: int = 0
    revision: int = -1  # the termbase revision the plan was made against
    before: dict[int, Concept] = field(default_factory=dict)  # changed concepts as they are
    lines: dict[int, int] = field(default_factory=dict)  # changed concept id -> file line
    kept: list[tuple[int, str]] = field(default_factory=list)  # (line, preferred form kept)

    def summary(self) -> str:
        return (
            f"{len(self.added)} new, {len(self.changed)} changed, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected"
        )

    def details(self) -> list[str]:
        """One line per new concept, per change of a known concept and per rejected line."""
        out = [f"new: {_describe(c)}" for c in self.added]
        for concept in self.changed:
            old = self.before.get(concept.id or 0)
            what = "; ".join(changes(old, concept)) if old else _describe(concept)
            line = self.lines.get(concept.id or 0)
            where = f"line {line}: " if line else ""
            out.append(f"{where}changed #{concept.id} {concept.label()}: {what}")
        out += [f"line {line}: {note}" for line, note in self.kept]
        out += [f"line {line}: rejected: {reason}" for line, reason in self.rejected]
        return out


def _describe(concept: Concept) -> str:
    parts = []
    for lang in concept.languages():
        forms = [
            t.text if t.kind == TermKind.PREFERRED else f"{t.text} ({t.kind})"
            for t in concept.terms
            if t.lang == lang
        ]
        parts.append(f"{lang} {', '.join(forms)}")
    return " | ".join(parts)


def changes(old: Concept, new: Concept) -> list[str]:
    """What turns old into new, for a person: forms added or re-kinded, fields old -> new."""
    found = []
    held = {(t.lang, term_key(t.text)): t for t in old.terms}
    for term in new.terms:
        before = held.get((term.lang, term_key(term.text)))
        if before is None:
            found.append(f"{term.lang} + {term.text!r} ({term.kind})")
        elif before.kind != term.kind:
            found.append(f"{term.lang} {term.text!r}: {before.kind} -> {term.kind}")
        elif before.note != term.note:
            found.append(f"{term.lang} {term.text!r} note: {before.note!r} -> {term.note!r}")
    for name in ("domain", "note", "status"):
        if getattr(old, name) != getattr(new, name):
            found.append(f"{name}: {getattr(old, name)!r} -> {getattr(new, name)!r}")
    return found


def detect_format(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".tbx", ".xml", ".tbxm"):
        return "tbx"
    if suffix == ".csv":
        return "csv"
    if suffix in (".tsv", ".tab", ".txt", ".utf8"):
        return "tsv"
    raise GlossaryError(f"{path}: unknown glossary format {suffix!r} (use .tbx, .csv or .tsv)")


def read_concepts(
    path: Path, langs: Sequence[str] | None = None, fmt: str | None = None
) -> list[tuple[int, Concept]]:
    """(line, concept) pairs of a glossary file, as written (not validated)."""
    fmt = fmt or detect_format(path)
    if not Path(path).is_file():
        raise GlossaryError(f"{path} does not exist")
    if fmt == "tbx":
        return read_tbx(Path(path))
    return read_table(Path(path), langs)


def plan_import(
    termbase: Termbase,
    path: Path,
    langs: Sequence[str] | None = None,
    fmt: str | None = None,
) -> ImportPlan:
    """Match each concept of the file to the termbase by its forms: new concepts are added,
    known ones merged (new forms appended, kinds, notes, domain updated), bad ones rejected
    with their line and reason. A file that cannot be read at all raises GlossaryError."""
    plan = ImportPlan(revision=termbase.revision)
    claimed: dict[tuple[str, str], int] = {}  # form -> line, to catch duplicates in the file
    touched: dict[int, int] = {}  # existing concept id -> line that changes it
    for line, imported in read_concepts(path, langs, fmt):
        try:
            imported = desk_languages(_strip(imported))
            forms = {
                (t.lang, term_key(t.text)) for t in imported.terms if t.kind != TermKind.FORBIDDEN
            }
            for form in forms:
                if form in claimed:
                    text = _text_of(imported, form)
                    raise GlossaryError(f"{form[0]} form {text!r} is also on line {claimed[form]}")
            ids = sorted({i for lang, key in forms for i in termbase.find_form(lang, key)})
            if len(ids) > 1:
                raise GlossaryError(
                    f"its forms belong to several concepts: {', '.join(f'#{i}' for i in ids)}"
                )
            if ids:
                if ids[0] in touched:
                    raise GlossaryError(
                        f"concept #{ids[0]} is already changed by line {touched[ids[0]]}"
                    )
                existing = termbase.concept(ids[0])
                merged = termbase.check(merge(existing, imported))
                for lang in imported.languages():
                    wanted, kept = imported.preferred(lang), existing.preferred(lang)
                    if wanted and kept and term_key(wanted) != term_key(kept):
                        plan.kept.append(
                            (line, f"{lang} preferred form stays {kept!r}; {wanted!r} is a variant")
                        )
                if _content(merged) == _content(existing):
                    plan.unchanged += 1
                else:
                    plan.changed.append(merged)
                    plan.before[ids[0]] = existing
                    plan.lines[ids[0]] = line
                    touched[ids[0]] = line
            else:
                plan.added.append(termbase.check(imported))
            claimed.update(dict.fromkeys(forms, line))
        except GlossaryError as error:
            plan.rejected.append((line, str(error)))
    return plan


# Other tools write locales (ko-KR, en-US, zh-CN, zh-TW); the desk keys terms by language and
# Chinese script, which is what matching and enforcement look up.
_CHINESE_SCRIPT = {
    "zh": "zh-Hans", "zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh-my": "zh-Hans",
    "zh-tw": "zh-Hant", "zh-hk": "zh-Hant", "zh-mo": "zh-Hant",
}  # fmt: skip


def desk_language(code: str) -> str:
    """ko-KR -> ko, en-GB -> en, zh-CN -> zh-Hans, zh-Hant-TW -> zh-Hant; others unchanged."""
    lower = code.strip().replace("_", "-").lower()
    if lower in _CHINESE_SCRIPT:
        return _CHINESE_SCRIPT[lower]
    if lower.startswith(("zh-hans", "zh-hant")):
        return "zh-Hans" if lower.startswith("zh-hans") else "zh-Hant"
    primary = lower.split("-")[0]
    return primary if primary in ("ko", "en") else code.strip()


def desk_languages(concept: Concept) -> Concept:
    """concept with desk language codes; a second preferred form that only arises from merging
    locales (en-US color, en-GB colour) becomes a variant."""
    preferred = {t.lang for t in concept.terms if t.kind == TermKind.PREFERRED}
    for term in concept.terms:
        lang = desk_language(term.lang)
        if lang != term.lang:
            if term.kind == TermKind.PREFERRED:
                if lang in preferred:
                    term.kind = TermKind.VARIANT
                preferred.add(lang)
            term.lang = lang
    return concept


def _strip(concept: Concept) -> Concept:
    """The imported concept without an id (ids of another termbase mean nothing here)."""
    return Concept(
        terms=[Term(t.lang, t.text, t.kind, t.note) for t in concept.terms],
        domain=concept.domain,
        note=concept.note,
        status=concept.status or "approved",
        created_at=_date(concept.created_at, "created"),
        updated_at=_date(concept.updated_at, "updated"),
    )


def _date(text: str, what: str) -> str:
    """An ISO 8601 date or timestamp as written, or GlossaryError naming the bad value."""
    text = (text or "").strip()
    if text:
        try:
            datetime.fromisoformat(text)
        except ValueError:
            raise GlossaryError(f"{what} date {text!r} is not an ISO 8601 date") from None
    return text


def _text_of(concept: Concept, form: tuple[str, str]) -> str:
    return next(t.text for t in concept.terms if (t.lang, term_key(t.text)) == form)


def _content(concept: Concept) -> tuple:
    terms = tuple((t.lang, t.text, t.kind, t.note) for t in concept.terms)
    return terms, concept.domain, concept.note, concept.status


def merge(existing: Concept, imported: Concept) -> Concept:
    """existing with imported's forms added or updated; nothing of existing is dropped.

    An existing preferred form is never demoted: a file's other preferred form for that
    language (an OmegaT row 위어바오,Yuebao against Yu'e Bao) is added as a variant, and a
    file cannot turn the preferred form into a variant or forbidden one. Changing the
    preferred form is an edit in the glossary manager, not a side effect of an import.
    """
    terms = [Term(t.lang, t.text, t.kind, t.note) for t in existing.terms]
    index = {(t.lang, term_key(t.text)): t for t in terms}
    preferred = {t.lang for t in terms if t.kind == TermKind.PREFERRED}
    for new in imported.terms:
        kind = TermKind(new.kind)
        held = index.get((new.lang, term_key(new.text)))
        if held and held.kind == TermKind.PREFERRED:
            kind = TermKind.PREFERRED
        elif kind == TermKind.PREFERRED and new.lang in preferred:
            kind = TermKind.VARIANT
        if held:
            held.kind = kind
            held.note = new.note or held.note
        else:
            added = Term(new.lang, new.text, kind, new.note)
            terms.append(added)
            index[(new.lang, term_key(new.text))] = added
        if kind == TermKind.PREFERRED:
            preferred.add(new.lang)
    return Concept(
        id=existing.id,
        terms=terms,
        domain=imported.domain or existing.domain,
        note=imported.note or existing.note,
        status=existing.status if imported.status == "approved" else imported.status,
        created_at=existing.created_at,
        updated_at=existing.updated_at,
        origin=existing.origin,
    )


def apply_import(termbase: Termbase, plan: ImportPlan) -> None:
    """Write the plan in one transaction: all of it, or (on any error) nothing."""
    if plan.revision != termbase.revision:
        raise GlossaryError("the glossary changed since this import was planned; plan it again")
    try:
        with termbase.transaction():
            for concept in plan.added:
                termbase.add_concept(concept)  # keeps the file's dates
            for concept in plan.changed:
                termbase.update_concept(concept)
    except GlossaryError as error:
        raise GlossaryError(f"nothing was imported: {error}") from None


def export_glossary(
    source: Termbase | Iterable[Concept],
    path: Path,
    langs: Sequence[str] | None = None,
    fmt: str | None = None,
    two_column: bool = False,
) -> int:
    """Write every concept to path (format from the suffix unless fmt); returns the count.

    The file is written next to path and moved into place, so a failed export leaves any
    previous file intact.
    """
    concepts = source.concepts() if isinstance(source, Termbase) else list(source)
    path = Path(path)
    fmt = fmt or detect_format(path)
    temporary = path
    try:
        # A private folder with a random name: a link planted at a guessable temporary name in
        # a shared folder would otherwise have the export written through it.
        with atomic_path(path, GlossaryError) as temporary:
            if fmt == "tbx":
                write_tbx(concepts, temporary, source_lang=langs[0] if langs else "en")
                count = len(concepts)
            else:  # write_table picks the delimiter from the suffix
                table = temporary.with_suffix(".csv" if fmt == "csv" else ".tsv")
                count = write_table(concepts, table, langs, two_column)
                os.replace(table, temporary)
    except (OSError, GlossaryError) as error:
        reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
        reason = reason.replace(str(temporary), str(path))
        if reason.startswith(("Cannot write", "cannot write")):
            raise GlossaryError("c" + reason[1:]) from None
        raise GlossaryError(f"cannot write {path}: {reason}") from None
    return count
