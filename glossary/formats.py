"""Glossary import and export (TBX, CSV/TSV): plan first, then apply all-or-nothing."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind, term_key
from glossary.table import Decoding, TableRead, read_table, write_table
from glossary.tbx import TbxEntry, read_tbx, write_tbx
from storage.atomic import atomic_path
from storage.inputs import check_input_file

FORMATS = ("tbx", "csv", "tsv")


@dataclass
class ImportWarning:
    """Something in the file the translator decides on in the preview; the plan already follows
    `choice` (the safe default), and planning again with another choice changes it."""

    line: int
    key: str  # stable for the file ("12/preferred/en"): what choices= refers to
    message: str
    options: list[tuple[str, str]] = field(default_factory=list)  # (option, what it does)
    choice: str = ""

    def label(self, option: str | None = None) -> str:
        option = self.choice if option is None else option
        return next((text for key, text in self.options if key == option), option)


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
    warnings: list[ImportWarning] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, why) by a choice
    decoding: Decoding | None = None  # a table's encoding; guessed ones must be confirmed
    # What the plan was made from, so apply_import can plan again if the termbase moved on.
    request: dict = field(default_factory=dict)

    def summary(self) -> str:
        text = (
            f"{len(self.added)} new, {len(self.changed)} changed, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected"
        )
        if self.warnings:
            text += f", {len(self.warnings)} to check"
        if self.skipped:
            text += f", {len(self.skipped)} skipped"
        return text

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
        out += [
            f"line {w.line}: check: {w.message} -> {w.label()} [{w.key}]" for w in self.warnings
        ]
        out += [f"line {line}: skipped: {why}" for line, why in self.skipped]
        out += [f"line {line}: rejected: {reason}" for line, reason in self.rejected]
        return out

    def signature(self) -> tuple:
        """What applying the plan writes; two plans with one signature do the same."""
        return (
            tuple(_content(c) for c in self.added),
            tuple((c.id, _content(c)) for c in self.changed),
            tuple(self.rejected),
        )


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
    path: Path,
    langs: Sequence[str] | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
) -> TableRead:
    """The entries of a glossary file as written (not validated), with a table's encoding."""
    fmt = fmt or detect_format(path)
    path = Path(path)
    if path.is_dir():
        raise GlossaryError(f"{path} is a folder, not a glossary file")
    check_input_file(path, GlossaryError)  # a FIFO or /dev/zero is refused, never read
    if fmt == "tbx":
        return TableRead(entries=read_tbx(path))
    return read_table(path, langs, encoding)


def plan_import(
    termbase: Termbase,
    path: Path,
    langs: Sequence[str] | None = None,
    fmt: str | None = None,
    *,
    choices: dict[str, str] | None = None,
    encoding: str | None = None,
) -> ImportPlan:
    """Match each concept of the file to the termbase by its forms: new concepts are added,
    known ones merged (new forms appended, kinds, notes, domain updated).

    What real termbases hold (empty term slots, several preferred forms, a form shared by two
    entries or two concepts, unknown statuses) becomes an ImportWarning per entry, resolved by
    `choices` (warning key -> option) or its safe default; only entries that cannot be stored
    at all are rejected with their line. A file that cannot be read raises GlossaryError.
    """
    fmt = fmt or detect_format(path)
    choices = dict(choices or {})
    read = read_concepts(path, langs, fmt, encoding)
    plan = ImportPlan(revision=termbase.revision, decoding=read.decoding)
    plan.request = {
        "path": Path(path), "langs": langs, "fmt": fmt, "choices": choices, "encoding": encoding
    }  # fmt: skip
    plan.rejected.extend(read.broken)
    planner = _Planner(termbase, plan, choices, tables=fmt != "tbx")
    for entry in read.entries:
        try:
            planner.add(entry)
        except _Skip as skip:
            plan.skipped.append((entry.line, str(skip)))
        except GlossaryError as error:
            plan.rejected.append((entry.line, str(error)))
    plan.rejected.sort()
    return plan


class _Skip(Exception):
    """The translator chose to leave this entry out."""


class _Planner:
    """Builds an ImportPlan entry by entry, remembering which line planned which concept."""

    def __init__(self, termbase: Termbase, plan: ImportPlan, choices: dict, tables: bool) -> None:
        self.termbase, self.plan, self.choices = termbase, plan, choices
        # Rows of a table that share a form are synonym rows (OmegaT, DeepL): one concept.
        # Entries of a TBX that share a form are two meanings of it (polysemy): kept apart.
        self.shared_default = "merge" if tables else "apart"
        self.claimed: dict[tuple[str, str], int] = {}  # form -> line that planned it
        self.planned: dict[int, Concept] = {}  # line -> the concept it adds or changes
        self.touched: dict[int, int] = {}  # existing concept id -> line that changes it

    def warn(self, line: int, key: str, message: str, options: list[tuple[str, str]]) -> str:
        key = f"{line}/{key}"
        choice = self.choices.get(key)
        if choice not in {option for option, _ in options}:
            choice = options[0][0]
        self.plan.warnings.append(ImportWarning(line, key, message, options, choice))
        return choice

    def add(self, entry: TbxEntry) -> None:
        line = entry.line
        for code, message, text in entry.issues:
            if code == "empty":
                options = [("drop", "import the entry without the empty slot"),
                           ("skip", "skip this entry")]  # fmt: skip
                if self.warn(line, f"empty{len(self.plan.warnings)}", message, options) == "skip":
                    raise _Skip("it has an empty term slot")
            elif code == "status":
                options = [("variant", f"{text!r} is a variant"),
                           ("forbidden", f"{text!r} is forbidden")]  # fmt: skip
                if self.warn(line, f"status/{text}", message, options) == "forbidden":
                    for term in entry.concept.terms:
                        if term.text == text:
                            term.kind = TermKind.FORBIDDEN
        imported = desk_languages(_strip(entry.concept))
        if imported.terms and all(t.kind == TermKind.FORBIDDEN for t in imported.terms):
            # A retired concept (every form obsolete): nothing in it may be used, and the desk
            # keeps a forbidden form only beside an allowed one. Not a broken file: a check.
            listed = ", ".join(repr(t.text) for t in imported.terms)
            options = [("skip", "skip it: a concept needs one form that may be used")]
            self.warn(line, "all-forbidden", f"every form is forbidden ({listed})", options)
            raise _Skip("every form is forbidden")
        self._one_preferred(line, imported)
        shared = self._shared_in_file(line, imported)
        if shared is None:
            return
        imported = shared
        forms = _forms(imported)
        ids = sorted({i for lang, key in forms for i in self.termbase.find_form(lang, key)})
        if len(ids) > 1:
            ids = [self._choose_owner(line, imported, ids)]
        if ids and ids[0] in self.touched:
            # Another line of the file already changes this concept: both changes go in.
            earlier = self.touched[ids[0]]
            self._merge_planned(earlier, imported, line)
            return
        if ids:
            self._merge_existing(line, ids[0], imported)
        else:
            concept = self.termbase.check(imported)
            self.plan.added.append(concept)
            self._claim(line, concept)

    def _claim(self, line: int, concept: Concept) -> None:
        self.planned[line] = concept
        for form in _forms(concept):
            self.claimed.setdefault(form, line)

    def _one_preferred(self, line: int, concept: Concept) -> None:
        for lang in concept.languages():
            preferred = [
                t for t in concept.terms if t.lang == lang and t.kind == TermKind.PREFERRED
            ]
            if len(preferred) < 2:
                continue
            options = [(t.text, f"{t.text!r} is the preferred {lang} form") for t in preferred]
            names = ", ".join(repr(t.text) for t in preferred)
            choice = self.warn(
                line, f"preferred/{lang}", f"{len(preferred)} preferred {lang} forms: {names}",
                options,
            )  # fmt: skip
            for term in preferred:
                if term.text != choice:
                    term.kind = TermKind.VARIANT

    def _shared_in_file(self, line: int, concept: Concept) -> Concept | None:
        shared = {form: self.claimed[form] for form in _forms(concept) if form in self.claimed}
        if not shared:
            return concept
        other = min(shared.values())
        texts = ", ".join(repr(_text_of(concept, form)) for form in shared)
        options = [
            ("merge", f"same concept as line {other}: merge the two"),
            ("apart", f"another meaning: import it without {texts}"),
            ("skip", "skip this entry"),
        ]
        if self.shared_default == "apart":
            options.insert(0, options.pop(1))
        choice = self.warn(line, "shared", f"{texts} also on line {other}", options)
        if choice == "skip":
            raise _Skip(f"{texts} also on line {other}")
        if choice == "merge":
            self._merge_planned(other, concept, line)
            return None
        kept = [t for t in concept.terms if (t.lang, term_key(t.text)) not in shared]
        if not any(t.kind != TermKind.FORBIDDEN for t in kept):
            raise GlossaryError(f"without {texts} (line {other}) nothing of it is left")
        concept.terms = kept
        return concept

    def _choose_owner(self, line: int, concept: Concept, ids: list[int]) -> int:
        owners = self.termbase.concepts_by_ids(ids)
        options = [(f"#{c.id}", f"merge into #{c.id} ({c.label()})") for c in owners]
        options.append(("skip", "skip this entry"))
        listed = ", ".join(f"#{c.id}" for c in owners)
        choice = self.warn(line, "owners", f"its forms belong to concepts {listed}", options)
        if choice == "skip":
            raise _Skip(f"its forms belong to concepts {listed}")
        chosen = int(choice[1:])
        # Forms of the other concepts stay theirs; the rest joins the chosen one.
        concept.terms = [
            t
            for t in concept.terms
            if t.kind == TermKind.FORBIDDEN
            or not (set(self.termbase.find_form(t.lang, t.text)) - {chosen})
        ]
        return chosen

    def _merge_existing(self, line: int, concept_id: int, imported: Concept) -> None:
        existing = self.termbase.concept(concept_id)
        base = copy.deepcopy(existing)  # `existing` stays as it is, for the preview's "before"
        self._forbidden_but_preferred(line, base, imported)
        merged = self.termbase.check(merge(base, imported))
        for lang in imported.languages():
            wanted, kept = imported.preferred(lang), existing.preferred(lang)
            if wanted and kept and term_key(wanted) != term_key(kept):
                self.plan.kept.append(
                    (line, f"{lang} preferred form stays {kept!r}; {wanted!r} is a variant")
                )
        if _content(merged) == _content(existing):
            self.plan.unchanged += 1
            self._claim(line, existing)
            return
        self.plan.changed.append(merged)
        self.plan.before[concept_id] = existing
        self.plan.lines[concept_id] = line
        self.touched[concept_id] = line
        self._claim(line, merged)

    def _forbidden_but_preferred(self, line: int, existing: Concept, imported: Concept) -> None:
        """The file forbids a form the termbase enforces: the translator decides; by default
        the termbase's preferred form stays (an import never silently changes enforcement)."""
        held = {(t.lang, term_key(t.text)): t for t in existing.terms}
        for term in imported.terms:
            before = held.get((term.lang, term_key(term.text)))
            if term.kind != TermKind.FORBIDDEN or not before or before.kind == TermKind.FORBIDDEN:
                continue
            options = [
                ("keep", f"keep {term.text!r} as it is in the glossary ({before.kind})"),
                ("forbid", f"make {term.text!r} forbidden"),
            ]
            message = f"the file forbids {term.text!r}, the glossary has it as {before.kind}"
            if self.warn(line, f"forbid/{term.lang}/{term.text}", message, options) == "forbid":
                before.kind = TermKind.FORBIDDEN

    def _merge_planned(self, other: int, imported: Concept, line: int) -> None:
        """Merge this entry into the concept line `other` already plans (synonym rows)."""
        target = self.planned[other]
        merged = merge(target, imported)
        for form in _forms(merged):
            owners = set(self.termbase.find_form(*form)) - {target.id}
            if owners or self.claimed.get(form, other) != other:
                raise GlossaryError(
                    f"{_text_of(merged, form)!r} belongs to another concept; merging with line"
                    f" {other} is not possible"
                )
        merged = self.termbase.check(merged)
        for bucket in (self.plan.added, self.plan.changed):
            for index, concept in enumerate(bucket):
                if concept is target:
                    bucket[index] = merged
        if target.id is not None and target.id not in self.plan.before:
            # `other` found the concept unchanged; this line changes it after all.
            self.plan.unchanged -= 1
            self.plan.changed.append(merged)
            self.plan.before[target.id] = target
            self.plan.lines[target.id] = other
            self.touched[target.id] = other
        for known_line, concept in self.planned.items():
            if concept is target:
                self.planned[known_line] = merged
        for form in _forms(merged):
            self.claimed.setdefault(form, other)


def _forms(concept: Concept) -> set[tuple[str, str]]:
    return {(t.lang, term_key(t.text)) for t in concept.terms if t.kind != TermKind.FORBIDDEN}


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
        terms=[Term(t.lang, t.text, t.kind, t.note, dict(t.details)) for t in concept.terms],
        domain=concept.domain,
        note=concept.note,
        details=dict(concept.details),
        lang_details={lang: dict(d) for lang, d in concept.lang_details.items()},
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
    terms = tuple(
        (t.lang, t.text, t.kind, t.note, tuple(sorted(t.details.items()))) for t in concept.terms
    )
    langs = tuple(sorted((k, tuple(sorted(v.items()))) for k, v in concept.lang_details.items()))
    details = tuple(sorted(concept.details.items()))
    return terms, concept.domain, concept.note, concept.status, details, langs


def merge(existing: Concept, imported: Concept) -> Concept:
    """existing with imported's forms added or updated; nothing of existing is dropped.

    An existing preferred form is never demoted: a file's other preferred form for that
    language (an OmegaT row 위어바오,Yuebao against Yu'e Bao) is added as a variant, and a
    file cannot turn the preferred form into a variant or forbidden one. Changing the
    preferred form is an edit in the glossary manager, not a side effect of an import.
    """
    terms = [Term(t.lang, t.text, t.kind, t.note, dict(t.details)) for t in existing.terms]
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
            held.details = {**held.details, **new.details}
        else:
            added = Term(new.lang, new.text, kind, new.note, dict(new.details))
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
        details={**existing.details, **imported.details},
        lang_details={
            lang: {**existing.lang_details.get(lang, {}), **imported.lang_details.get(lang, {})}
            for lang in {*existing.lang_details, *imported.lang_details}
        },
    )


def apply_import(termbase: Termbase, plan: ImportPlan) -> ImportPlan:
    """Write the plan in one transaction: all of it, or (on any error) nothing.

    If the termbase changed since planning (another desk or import wrote to it), the file is
    planned again under the write lock; when that plan does the same (an unrelated glossary
    came in meanwhile) it is applied, otherwise nothing is written and the error says why.
    Returns the plan that was applied.
    """
    try:
        with termbase.transaction():
            if plan.revision != termbase.revision:
                if not plan.request:
                    raise GlossaryError(
                        "the glossary changed since this import was planned; plan it again"
                    )
                request = plan.request
                fresh = plan_import(
                    termbase, request["path"], request["langs"], request["fmt"],
                    choices=request["choices"], encoding=request["encoding"],
                )  # fmt: skip
                if fresh.signature() != plan.signature():
                    raise GlossaryError(
                        "the glossary changed since this import was planned and the import "
                        f"would now do something else ({fresh.summary()}); plan it again"
                    )
                plan = fresh
            for concept in plan.added:
                termbase.add_concept(concept)  # keeps the file's dates
            for concept in plan.changed:
                termbase.update_concept(concept)
    except GlossaryError as error:
        raise GlossaryError(f"nothing was imported: {error}") from None
    return plan


def export_glossary(
    source: Termbase | Iterable[Concept],
    path: Path,
    langs: Sequence[str] | None = None,
    fmt: str | None = None,
    two_column: bool = False,
    tbx_style: str = "basic",
) -> int:
    """Write every concept to path (format from the suffix unless fmt); returns the count.

    TBX is TBX-Basic (martif, TBX 2008) unless tbx_style is "v3".

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
                write_tbx(
                    concepts, temporary, source_lang=langs[0] if langs else "en", style=tbx_style
                )
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
