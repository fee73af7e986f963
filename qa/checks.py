"""QA checks on bilingual segments: glossary terms, forbidden renderings, figures, form."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from glossary.forms import find_form
from glossary.matching import TermMatcher
from glossary.model import Concept, TermKind
from qa.issues import QAIssue, Severity
from qa.numbers import compare_figures

# A forbidden rendering, and the approved form to use instead ("" when unknown)
Forbidden = Sequence[str] | Mapping[str, str]


def forbidden_renderings(concepts: Iterable[Concept], target_lang: str) -> dict[str, str]:
    """Every forbidden target form of the concepts, mapped to the approved form to use instead."""
    found: dict[str, str] = {}
    for concept in concepts:
        approved = concept.preferred(target_lang) or ""
        for form in concept.forms(target_lang, TermKind.FORBIDDEN):
            found.setdefault(form, approved)
    return found


# Concepts whose note says this are common words (countries, listing, e-commerce): a translation
# may rightly say "the Chinese market" or drop the word, so their absence is FUNCTIONAL, not
# CRITICAL. Names (Alipay, Jack Ma) carry no such note and stay CRITICAL.
GENERIC_MARK = "Common word:"


def generic_concepts(concepts: Iterable[Concept]) -> frozenset[int]:
    """Ids of the concepts marked as common words (GENERIC_MARK in the note), for check_segment."""
    return frozenset(c.id for c in concepts if c.id is not None and GENERIC_MARK in c.note)


@lru_cache(maxsize=4096)
def _inflected_pattern(form: str) -> re.Pattern[str] | None:
    """An English common word with its inflections: list -> lists, listed, listing."""
    if not re.fullmatch(r"[a-z]{3,}", form):
        return None  # names (Alipay), abbreviations (IPO) and phrases are written as they are
    stem = re.escape(form[:-1] if form.endswith("e") else form)
    double = re.escape(form[-1]) if form[-1] not in "aeiouwxy" else ""
    endings = rf"(?:e?s|e?d|ing|{double}ed|{double}ing)" if double else r"(?:e?s|e?d|ing)"
    body = rf"(?:{re.escape(form)}|{stem}{endings})"
    return re.compile(rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", re.IGNORECASE)


def _find_inflected(text: str, form: str) -> list[tuple[int, int]]:
    pattern = _inflected_pattern(form)
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def check_segment(
    source: str,
    target: str,
    *,
    source_lang: str,
    target_lang: str,
    matcher: TermMatcher | None = None,
    forbidden: Forbidden = (),
    generic: Collection[int] = (),
    article_date: date | None = None,
) -> list[QAIssue]:
    """Every issue of one segment, most severe first; an empty target only reports that.

    generic: concept ids (generic_concepts) whose missing term is INFO, not CRITICAL.
    article_date: the story's date (project metadata, a dateline): a day rendered as a weekday
    must fit it; unknown, any weekday is accepted.
    """
    if not target.strip():
        if not source.strip():
            return []
        return [QAIssue("empty", Severity.FUNCTIONAL, "The target is empty", key="empty")]
    from qa.tags import mask_tags, tag_issues  # noqa: PLC0415 - cycle: qa.tags imports QAIssue from here (inline-code tags; the other checks skip them)

    issues: list[QAIssue] = tag_issues(source, target)
    source, target = mask_tags(source), mask_tags(target)
    approved_spans: list[tuple[int, int]] = []
    if matcher is not None:
        term_issues, approved_spans = _term_issues(source, target, matcher, generic)
        issues += term_issues
    issues += _forbidden_issues(target, forbidden, approved_spans)
    issues += _figure_issues(source, source_lang, target, target_lang, article_date)
    issues += _untranslated_issues(source, source_lang, target, target_lang)
    issues += _bracket_issues(source, target)
    issues += _space_issues(source, target)
    issues += _broken_text_issues(source, target)
    from qa.spelling import spelling_issues  # noqa: PLC0415 - cycle: qa.spelling builds on this module

    issues += spelling_issues(source, target, target_lang, matcher)
    order = list(Severity)
    return sorted(issues, key=lambda issue: order.index(issue.severity))


def check_document(
    pairs: Iterable[tuple[str, str]],
    *,
    source_lang: str,
    target_lang: str,
    matcher: TermMatcher | None = None,
    forbidden: Forbidden = (),
    generic: Collection[int] = (),
    article_date: date | None = None,
) -> list[tuple[int, QAIssue]]:
    """check_segment over (source, target) pairs; the index is 0-based and set on each issue."""
    found: list[tuple[int, QAIssue]] = []
    for index, (source, target) in enumerate(pairs):
        for issue in check_segment(
            source,
            target,
            source_lang=source_lang,
            target_lang=target_lang,
            matcher=matcher,
            forbidden=forbidden,
            generic=generic,
            article_date=article_date,
        ):
            found.append((index, replace(issue, segment=index)))
    return found


def _term_issues(
    source: str, target: str, matcher: TermMatcher, generic: Collection[int] = ()
) -> tuple[list[QAIssue], list[tuple[int, int]]]:
    issues: list[QAIssue] = []
    spans: list[tuple[int, int]] = []
    seen: set[int] = set()
    for match in matcher.find(source):
        if not match.targets or match.concept_id in seen:
            continue
        seen.add(match.concept_id)
        found = [span for form in match.targets for span in find_form(target, form)]
        spans += found
        if found:
            continue
        loose = [
            span for form in match.targets for span in find_form(target, form, ignore_case=True)
        ]
        if not loose:
            # a common word may be inflected: 상장 -> "plans to list", "the listed company"
            found = [span for form in match.targets for span in _find_inflected(target, form)]
            if found:
                spans += found
                continue
        if loose:
            spans += loose
            start, end = loose[0]
            issues.append(
                QAIssue(
                    "term-case",
                    Severity.COSMETIC,
                    f"{match.text}: the glossary writes {match.target!r}, the target "
                    f"{target[start:end]!r}",
                    source_span=(match.start, match.end),
                    target_span=loose[0],
                    key=f"term-case:{match.concept_id}:{target[start:end]}",
                    params=(
                        ("term", match.text),
                        ("glossary", match.target),
                        ("found", target[start:end]),
                    ),
                )
            )
            continue
        issues.append(
            QAIssue(
                "term-missing",
                # a verbal noun used as a verb (상장했다) is rendered by a verb the noun form
                # cannot stand for ("went public"): a hint, never CRITICAL
                Severity.INFO
                if match.concept_id in generic or match.predicate
                else Severity.CRITICAL,
                f"{match.text}: {_either(match.targets)} is not in the target",
                source_span=(match.start, match.end),
                key=f"term-missing:{match.concept_id}",
                params=(("term", match.text), ("forms", _either(match.targets))),
            )
        )
    return issues, spans


def _either(forms: Sequence[str]) -> str:
    """'Jack Ma' (or 'Ma Yun'): the approved form first, the accepted ones after it."""
    rest = " or ".join(repr(f) for f in forms[1:])
    return f"{forms[0]!r} (or {rest})" if rest else repr(forms[0])


def _forbidden_issues(
    target: str, forbidden: Forbidden, approved_spans: list[tuple[int, int]]
) -> list[QAIssue]:
    mapping = dict(forbidden) if isinstance(forbidden, Mapping) else dict.fromkeys(forbidden, "")
    issues = []
    for form, approved in mapping.items():
        for start, end in find_form(target, form, ignore_case=True):
            # a forbidden short form inside an approved long one is the approved one
            if any(a <= start and end <= b for a, b in approved_spans):
                continue
            advice = f"; use {approved!r}" if approved else ""
            issues.append(
                QAIssue(
                    "term-forbidden",
                    Severity.CRITICAL,
                    f"{target[start:end]!r} is a forbidden rendering{advice}",
                    target_span=(start, end),
                    key=f"term-forbidden:{form.casefold()}",
                    params=(("found", target[start:end]), ("approved", approved)),
                )
            )
            break
    return issues


_LEVELS = {"critical": Severity.CRITICAL, "functional": Severity.FUNCTIONAL, "info": Severity.INFO}


def _figure_issues(
    source: str, source_lang: str, target: str, target_lang: str, article_date: date | None
) -> list[QAIssue]:
    issues = []
    for found in compare_figures(
        source, source_lang, target, target_lang, article_date=article_date
    ):
        # A dropped currency (10조원 -> 10 trillion) leaves the amount right but the reader
        # guessing which money: the segment falls short, the figure is not wrong.
        detail = "->".join(f.text for f in (found.source, found.target) if f is not None)
        check = "unit-mismatch" if found.kind == "unit" else f"number-{found.kind}"
        issues.append(
            QAIssue(
                check,
                _LEVELS[found.level],
                found.message,
                source_span=found.source.span if found.source else None,
                target_span=found.target.span if found.target else None,
                key=f"{check}:{detail}",
                params=tuple(found.params.items()),
            )
        )
    return issues


_SCRIPTS = {
    "ko": re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+"),
    "zh": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+"),
}


def _script(lang: str) -> re.Pattern[str] | None:
    return _SCRIPTS.get(lang.split("-")[0]) if lang != "zt" else _SCRIPTS["zh"]


def _untranslated_issues(
    source: str, source_lang: str, target: str, target_lang: str
) -> list[QAIssue]:
    script = _script(source_lang)
    # only text in the source's own script needs translating: V-Key or 2014 stay as they are
    own = script.search(source) if script else re.search(r"[^\W\d_]", source)
    if source_lang == target_lang or not own:
        return []
    if target.strip() == source.strip():
        return [
            QAIssue(
                "untranslated", Severity.FUNCTIONAL, "The target is the source", key="untranslated"
            )
        ]
    if script is None or script is _script(target_lang):
        return []
    # a gloss in parentheses is deliberate: 알리페이(支付寶) in a Korean target
    glosses = [m.span() for m in re.finditer(r"[(（][^()（）]*[)）]", target)]
    found = [m for m in script.finditer(target) if not any(a <= m.start() < b for a, b in glosses)]
    if not found:
        return []
    left = [m.group() for m in found]
    return [
        QAIssue(
            "untranslated",
            Severity.FUNCTIONAL,
            f"Source-language text left in the target: {', '.join(left)}",
            target_span=found[0].span(),
            key=f"untranslated:{'|'.join(left)}",
            params=(("text", ", ".join(left)),),
        )
    ]


_PAIRS = {"(": ")", "[": "]", "{": "}", "「": "」", "『": "』", "“": "”", "‘": "’"}


def _unbalanced(text: str) -> list[str]:
    """Bracket and quote pairs that do not close in text: '()', '“”', ...."""
    stack: list[str] = []
    broken: list[str] = []
    closers = {v: k for k, v in _PAIRS.items()}
    for i, char in enumerate(text):
        if char == "’" and i > 0 and text[i - 1].isalnum() and "‘" not in stack:
            continue  # an apostrophe: Alibaba’s, investors’
        if char in _PAIRS:
            stack.append(char)
        elif char in closers:
            if stack and stack[-1] == closers[char]:
                stack.pop()
            elif closers[char] in stack:
                broken.append(closers[char] + char)
                while stack and stack.pop() != closers[char]:
                    pass
            else:
                broken.append(closers[char] + char)
    broken += [opener + _PAIRS[opener] for opener in stack]
    if text.count('"') % 2:
        broken.append('""')
    return broken


def _bracket_issues(source: str, target: str) -> list[QAIssue]:
    # A segment cut inside a quotation is unbalanced on both sides; only the target's own
    # imbalance is the translator's
    if _unbalanced(source):
        return []
    return [
        QAIssue(
            "brackets",
            Severity.COSMETIC,
            f"Unbalanced {pair[0]} {pair[1]} in the target",
            key=f"brackets:{pair}",
            params=(("open", pair[0]), ("close", pair[1])),
        )
        for pair in dict.fromkeys(_unbalanced(target))
    ]


def _space_issues(source: str, target: str) -> list[QAIssue]:
    issues = []
    double = re.search(r"\S( {2,})\S", target)
    if double and not re.search(r"\S {2,}\S", source):
        issues.append(
            QAIssue(
                "double-space",
                Severity.COSMETIC,
                "Double space in the target",
                target_span=double.span(1),
                key="double-space",
            )
        )
    for where, pattern in (("leading", r"^\s*"), ("trailing", r"\s*$")):
        source_match = re.search(pattern, source)
        target_match = re.search(pattern, target)
        assert source_match and target_match  # \s* at an anchor matches any text, even ""
        if source_match.group() != target_match.group():
            issues.append(
                QAIssue(
                    "whitespace",
                    Severity.COSMETIC,
                    f"The {where} whitespace differs from the source's",
                    target_span=target_match.span(),
                    key=f"whitespace:{where}",
                    params=(("where", where),),
                )
            )
    return issues


def _broken_text_issues(source: str, target: str) -> list[QAIssue]:
    """U+FFFD in a target the source does not have: bytes a decoder or a paste mangled."""
    start = target.find("\ufffd")
    if start < 0 or "\ufffd" in source:
        return []
    return [
        QAIssue(
            "broken-text",
            Severity.CRITICAL,
            "The target contains a replacement character (\ufffd): text was mangled",
            target_span=(start, start + 1),
            key="broken-text",
        )
    ]
