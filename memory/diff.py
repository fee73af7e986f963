"""What changed between a memory source and the current source, for highlighting a match."""

from __future__ import annotations

import re

from rapidfuzz.distance import Indel

from memory.languages import is_cjk

EQUAL = "equal"
DELETE = "delete"  # in the memory's source only: the translator must drop it from the target
INSERT = "insert"  # in the current source only: missing from the memory's target

DiffOp = tuple[str, str]

# Words, runs of whitespace and single punctuation marks, so the pieces join back to the text.
_WORD_TOKENS = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _tokens(text: str, language: str) -> list[str]:
    if is_cjk(language):
        return list(text)
    return _WORD_TOKENS.findall(text)


def diff_ops(old: str, new: str, language: str = "ko") -> list[DiffOp]:
    """Segments (op, text) turning the memory's source `old` into the current source `new`.

    Character level for Korean and Chinese, word level otherwise. Joining the EQUAL and DELETE
    pieces gives `old`; joining the EQUAL and INSERT pieces gives `new`.
    """
    a, b = _tokens(old, language), _tokens(new, language)
    ops: list[DiffOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        # A replacement shows its old text first, then the new one, whatever order Indel found.
        if deleted:
            ops.append((DELETE, "".join(deleted)))
        if inserted:
            ops.append((INSERT, "".join(inserted)))
        deleted.clear()
        inserted.clear()

    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            flush()
            ops.append((EQUAL, "".join(a[op.src_start : op.src_end])))
        else:
            deleted.extend(a[op.src_start : op.src_end])
            inserted.extend(b[op.dest_start : op.dest_end])
    flush()
    return ops
