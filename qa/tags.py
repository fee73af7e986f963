"""Tag QA: every inline code of the source once in the target, in order, properly nested."""

from __future__ import annotations

from collections import Counter

from documents.inline import TOKEN, TagKind, TagToken, tag_tokens
from qa.issues import QAIssue, Severity

# Replaces a tag token for the other checks: same length (spans stay right), no letter or
# digit (⟨12⟩ is no figure), invisible; U+2060 WORD JOINER.
_MASK = "\u2060"


def mask_tags(text: str) -> str:
    """text with each tag token blanked to invisible characters of the same length."""
    return TOKEN.sub(lambda m: _MASK * len(m.group()), text)


def _issue(kind: str, message: str, found: TagToken | None, key: str) -> QAIssue:
    span = (found.start, found.end) if found is not None else None
    return QAIssue(
        "tags", Severity.CRITICAL, message, target_span=span, key=f"tags:{kind}:{key}",
        params=(("tag", key),),
    )  # fmt: skip


def _nesting(tokens: list[TagToken]) -> list[QAIssue]:
    """Closing tags before their opening one, crossed pairs, pairs left open."""
    issues = []
    stack: list[TagToken] = []
    for found in tokens:
        if found.kind is TagKind.OPEN:
            stack.append(found)
        elif found.kind is TagKind.CLOSE:
            if stack and stack[-1].number == found.number:
                stack.pop()
            elif any(t.number == found.number for t in stack):
                issues.append(_issue(
                    "crossed", f"Tag {found.text} closes across another tag pair", found,
                    found.text,
                ))  # fmt: skip
                stack = [t for t in stack if t.number != found.number]
            else:
                issues.append(_issue(
                    "order", f"Tag {found.text} comes before its opening tag", found, found.text
                ))  # fmt: skip
    for left in stack:
        issues.append(_issue("unclosed", f"Tag {left.text} is never closed", left, left.text))
    return issues


def tag_issues(source: str, target: str) -> list[QAIssue]:
    """Missing, extra, reordered or broken tags in target: each CRITICAL (the file the client
    gets back would lose formatting, a link or a placeholder, or not build at all)."""
    source_tokens = tag_tokens(source)
    target_tokens = tag_tokens(target)
    if not source_tokens and not target_tokens:
        return []
    wanted = Counter(t.text for t in source_tokens)
    present = Counter(t.text for t in target_tokens)
    issues = []
    for text, count in wanted.items():
        if present[text] < count:
            issues.append(_issue("missing", f"Tag {text} is missing from the target", None, text))
    for found in target_tokens:
        if present[found.text] > wanted[found.text]:
            issues.append(_issue(
                "extra", f"Tag {found.text} is not in the source", found, found.text
            ))  # fmt: skip
            present[found.text] -= 1
    nesting = _nesting(target_tokens)
    issues += nesting
    if not issues:
        source_order = [t.text for t in source_tokens]
        target_order = [t.text for t in target_tokens]
        if source_order != target_order:
            first = next(
                t for t, s in zip(target_tokens, source_order, strict=False) if t.text != s
            )
            issues.append(_issue(
                "reordered", "The tags are in a different order than in the source: "
                + " ".join(target_order), first, " ".join(target_order),
            ))  # fmt: skip
    return issues
