"""Where each output piece of a translation looked in its source: attention mapped to characters."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from translation.tokenizers import SPACE_PIECE, Tokenizer

Span = tuple[int, int]


@dataclass(frozen=True)
class Alignment:
    """Output pieces (character spans in the translation) and source pieces (character spans
    in the text the engine was given), with the decoder's cross-attention between them."""

    source_spans: tuple[Span, ...]
    target_spans: tuple[Span, ...]
    weights: np.ndarray  # [target pieces x source pieces], each row sums to about 1

    @property
    def points(self) -> list[int]:
        """For each output piece, the source piece it attended to most."""
        if not len(self.weights):
            return []
        return [int(i) for i in np.argmax(self.weights, axis=1)]

    def source_piece_at(self, start: int, end: int) -> list[int]:
        """Source pieces whose characters overlap [start, end)."""
        return [i for i, (a, b) in enumerate(self.source_spans) if a < end and start < b and a < b]

    def mass(self, target: int, sources: Sequence[int]) -> float:
        """The share of output piece target's attention that went to the given source pieces."""
        if not sources:
            return 0.0
        return float(self.weights[target, list(sources)].sum())


def _byte_to_char(text: str) -> list[int]:
    """Index i: the character that holds UTF-8 byte i (one entry past the end as well)."""
    table: list[int] = []
    for index, char in enumerate(text):
        table.extend([index] * len(char.encode("utf-8")))
    table.append(len(text))
    return table


def source_spans(tokenizer: Tokenizer, text: str, pieces: Sequence[str]) -> list[Span]:
    """Character spans of text's pieces (as tokenizer.encode(text) gave them)."""
    processor = getattr(tokenizer, "_processor", None)  # sentencepiece knows its offsets
    if processor is not None:
        proto = processor.encode(text, out_type="proto")
        if len(proto.pieces) == len(pieces):
            table = _byte_to_char(text)
            return [_trim(text, table[p.begin], table[p.end]) for p in proto.pieces]
    return _prefix_spans(tokenizer, text, pieces)


def target_spans(tokenizer: Tokenizer, text: str, pieces: Sequence[str]) -> list[Span]:
    """Character spans, in text (tokenizer.decode(pieces)), of each output piece."""
    processor = getattr(tokenizer, "_processor", None)
    if processor is not None:
        proto = processor.decode(list(pieces), out_type="proto")
        decoded = proto.text.replace(SPACE_PIECE, " ")
        if decoded.strip() == text and len(proto.pieces) == len(pieces):
            shift = len(decoded) - len(decoded.lstrip())
            table = _byte_to_char(decoded)
            spans = []
            for p in proto.pieces:
                start, end = table[p.begin] - shift, table[p.end] - shift
                spans.append(_trim(text, max(0, start), max(0, min(end, len(text)))))
            return spans
    return _prefix_spans(tokenizer, text, pieces)


def _prefix_spans(tokenizer: Tokenizer, text: str, pieces: Sequence[str]) -> list[Span]:
    """Spans from decoding growing prefixes (BPE tokenizers have no offsets to give)."""
    ends: list[int | None] = []
    for index in range(len(pieces)):
        prefix = tokenizer.decode(list(pieces[: index + 1]))
        ends.append(len(prefix) if text.startswith(prefix) else None)
    spans: list[Span] = []
    start = 0
    pending: list[int] = []
    for end in ends:
        pending.append(start)
        if end is None:
            continue  # a byte piece that makes no character yet: it shares the next one's span
        for _ in pending:
            spans.append(_trim(text, start, end))
        pending = []
        start = end
    spans.extend((len(text), len(text)) for _ in pending)
    return spans


def _trim(text: str, start: int, end: int) -> Span:
    """A piece's span without the space sentencepiece glues to its front."""
    while start < end and text[start].isspace():
        start += 1
    return start, end


def compose(first: Alignment, second: Alignment, middle_text: str) -> Alignment:
    """Source -> middle -> target: a pivot's two attentions as one from source to target.

    The second hop re-tokenizes the middle text; each of its source pieces takes the mean
    attention of the first hop's output pieces that share its characters.
    """
    del middle_text  # spans already index it; kept in the signature for readers
    rows = []
    for start, end in second.source_spans:
        covering = [
            i
            for i, (a, b) in enumerate(first.target_spans)
            if a < max(end, start + 1) and start < b
        ]
        if covering:
            rows.append(first.weights[covering].mean(axis=0))
        else:
            rows.append(np.zeros(first.weights.shape[1]))
    middle = np.array(rows) if rows else np.zeros((0, first.weights.shape[1]))
    weights = second.weights[:, : len(middle)] @ middle if len(middle) else second.weights[:, :0]
    return Alignment(first.source_spans, second.target_spans, weights)


def from_attention(
    attention: np.ndarray | Sequence[Sequence[float]],
    source_text: str,
    source_pieces: Sequence[str],
    target_text: str,
    target_pieces: Sequence[str],
    source_tokenizer: Tokenizer,
    target_tokenizer: Tokenizer,
) -> Alignment:
    """An Alignment from CTranslate2's attention (rows for the output pieces, without any
    package target prefix; columns for the source pieces and possibly the source </s>)."""
    weights = np.asarray(attention, dtype=np.float32).reshape(len(attention), -1)
    weights = weights[: len(target_pieces), : len(source_pieces)]
    if weights.shape[0] < len(target_pieces):  # never expected; keep shapes consistent
        pad = np.zeros((len(target_pieces) - weights.shape[0], weights.shape[1]), np.float32)
        weights = np.vstack([weights, pad])
    return Alignment(
        tuple(source_spans(source_tokenizer, source_text, source_pieces)),
        tuple(target_spans(target_tokenizer, target_text, target_pieces)),
        weights,
    )


def follow_edit(alignment: Alignment, before: str, after: str, source: bool = False) -> Alignment:
    """alignment with its output spans (source spans when source) moved from text before to
    the edited text after: unchanged stretches map one for one, a changed one (⦗101⦘ -> ⟨1⟩)
    maps to its new extent."""
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()

    def moved(position: int, end: bool) -> int:
        for tag, i1, i2, j1, j2 in opcodes:
            if i1 <= position < i2 or (end and position == i2 and i1 < i2):
                if tag == "equal":
                    return j1 + position - i1
                return j2 if end else j1
        return len(after) if position >= len(before) else 0

    spans = tuple(
        (moved(a, False), max(moved(a, False), moved(b, True))) if a < b else (moved(a, False),) * 2
        for a, b in (alignment.source_spans if source else alignment.target_spans)
    )
    if source:
        return Alignment(spans, alignment.target_spans, alignment.weights)
    return Alignment(alignment.source_spans, spans, alignment.weights)
