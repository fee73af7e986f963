"""The curated glossary shipped with the desk, merged into a termbase without touching user edits.

resources/glossary/curated.json:

    {
      "format": "hanbit-curated-glossary",
      "version": 3,                      # raise it whenever the content changes
      "concepts": [
        {
          "key": "alipay",               # stable id, never reused; becomes Concept.origin
          "domain": "product",           # company person product finance media place event
          "note": "what it is, and why a form was chosen",
          "status": "approved",          # optional: approved (default) | proposed
          "preferred": {"ko": "알리페이", "zh-Hans": "支付宝", "zh-Hant": "支付寶", "en": "Alipay"},
          "variants": {"ko": ["즈푸바오"]},                     # accepted forms
          "forbidden": {"en": [{"text": "Ali Pay", "note": "one word"}]}   # never in a target
        }
      ]
    }

Every form is a string or {"text": ..., "note": ...}. Variants and forbidden forms are lists.

Merging: a curated concept the user deleted stays deleted; one the user edited (its content
differs from what the loader last wrote) is left alone; an untouched one is updated to the new
version; a new one is added unless it clashes with the user's own concepts (then reported).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from glossary.store import Concept, GlossaryError, Term, Termbase, TermKind, clean_concept

CURATED_FORMAT = "hanbit-curated-glossary"
DOMAINS = ("company", "person", "product", "finance", "media", "place", "event")


@dataclass
class CuratedReport:
    """What load_curated did; unchanged is True when the file was already merged."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_user_edits: list[str] = field(default_factory=list)
    kept_deleted: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (key, reason)
    unchanged: bool = False


def _forms(entry: dict, section: str, key: str) -> list[tuple[str, str, str]]:
    """(lang, text, note) triples of one section of an entry."""
    raw = entry.get(section, {})
    if not isinstance(raw, dict):
        raise GlossaryError(f"curated concept {key!r}: {section} must map languages to forms")
    out = []
    for lang, forms in raw.items():
        if section == "preferred":
            forms = [forms]
        elif not isinstance(forms, list):
            raise GlossaryError(f"curated concept {key!r}: {section}.{lang} must be a list")
        for form in forms:
            if isinstance(form, str):
                out.append((lang, form, ""))
            elif isinstance(form, dict) and isinstance(form.get("text"), str):
                out.append((lang, form["text"], str(form.get("note", ""))))
            else:
                raise GlossaryError(f"curated concept {key!r}: bad form {form!r} in {section}")
    return out


def read_curated(path: Path) -> tuple[int, list[Concept]]:
    """The version and concepts (origin = key, id None) of a curated file, or GlossaryError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise GlossaryError(f"cannot read curated glossary {path}: {error}") from None
    if not isinstance(data, dict) or data.get("format") != CURATED_FORMAT:
        raise GlossaryError(f"{path} is not a curated glossary (format {CURATED_FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int):
        raise GlossaryError(f"{path}: version must be an integer")
    concepts: list[Concept] = []
    seen: set[str] = set()
    for number, entry in enumerate(data.get("concepts", []), 1):
        key = entry.get("key") if isinstance(entry, dict) else None
        if not isinstance(key, str) or not key:
            raise GlossaryError(f"{path}: concept {number} has no key")
        if key in seen:
            raise GlossaryError(f"{path}: key {key!r} is used twice")
        seen.add(key)
        if entry.get("domain") not in DOMAINS:
            raise GlossaryError(f"{path}: concept {key!r} has domain {entry.get('domain')!r}")
        terms = [
            Term(lang, text, TermKind.PREFERRED, note)
            for lang, text, note in _forms(entry, "preferred", key)
        ]
        terms += [
            Term(lang, text, TermKind.VARIANT, note)
            for lang, text, note in _forms(entry, "variants", key)
        ]
        terms += [
            Term(lang, text, TermKind.FORBIDDEN, note)
            for lang, text, note in _forms(entry, "forbidden", key)
        ]
        concept = Concept(
            terms=terms,
            domain=entry["domain"],
            note=str(entry.get("note", "")),
            status=str(entry.get("status", "approved")),
            origin=key,
        )
        try:
            concepts.append(clean_concept(concept))
        except GlossaryError as error:
            raise GlossaryError(f"{path}: concept {key!r}: {error}") from None
    return version, concepts


def content_hash(concept: Concept) -> str:
    """A fingerprint of what a translator can edit (forms, notes, domain, status)."""
    content = [
        [[t.lang, t.text, str(t.kind), t.note] for t in concept.terms],
        concept.domain,
        concept.note,
        concept.status,
    ]
    import hashlib  # noqa: PLC0415 - OpenSSL (~2.5 ms): only when the curated glossary is merged

    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


def load_curated(termbase: Termbase, path: Path | None = None) -> CuratedReport:
    """Merge the curated glossary into termbase (cheap when this file was merged before)."""
    if path is None:
        # glossary/ sits below the edge: the desk's folders (paths) only when no file is given
        from paths import CURATED_GLOSSARY  # noqa: PLC0415 - layering

        path = CURATED_GLOSSARY
    # The file as last merged, by its size and modification time (as git's index knows a
    # file unchanged): every start of the desk and every headless command comes here, and
    # only a file that changed since is read and hashed.
    try:
        info = os.stat(path)
        stamp = f"{os.fspath(path)}|{info.st_size}|{info.st_mtime_ns}"
    except OSError:
        stamp = ""
    if stamp and termbase.meta("curated_stat") == stamp and termbase.meta("curated_hash"):
        return CuratedReport(unchanged=True)
    import hashlib  # noqa: PLC0415 - OpenSSL (~2.5 ms): only when the file may have changed

    raw = Path(path).read_bytes() if Path(path).is_file() else b""
    file_hash = hashlib.sha256(raw).hexdigest()
    if raw and termbase.meta("curated_hash") == file_hash:
        _remember_stamp(termbase, stamp)  # the same content, touched: no need to hash again
        return CuratedReport(unchanged=True)
    version, concepts = read_curated(Path(path))
    report = CuratedReport()
    state = termbase.curated_state()
    with termbase.transaction():
        for concept in concepts:
            key = concept.origin
            wanted = content_hash(concept)
            applied, deleted = state.get(key, ("", False))
            existing = termbase.concept_by_origin(key)
            if deleted or (existing is None and key in state):
                report.kept_deleted.append(key)
                continue
            try:
                if existing is None:
                    termbase.add_concept(concept)
                    report.added.append(key)
                elif content_hash(existing) != applied:
                    report.kept_user_edits.append(key)
                    continue
                elif wanted != applied:
                    concept.id = existing.id
                    termbase.update_concept(concept)
                    report.updated.append(key)
                termbase.record_curated(key, wanted)
            except GlossaryError as error:
                report.skipped.append((key, str(error)))
        termbase.set_meta("curated_hash", file_hash)
        termbase.set_meta("curated_version", str(version))
        termbase.set_meta("curated_stat", stamp)
    return report


def _remember_stamp(termbase: Termbase, stamp: str) -> None:
    """Keep the file's stamp so the next start skips the hash; a termbase that cannot be
    written to (read-only) only hashes again next time."""
    if not stamp:
        return
    try:
        with termbase.transaction(bump=False):
            termbase.set_meta("curated_stat", stamp)
    except GlossaryError:
        pass
