"""The tokenizer of an Argos package: sentencepiece (nearly all) or BPE (a few old ones)."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import sentencepiece as spm

# argostranslate.tokenizer is light (sentencepiece and sacremoses only); Argos's translate
# module is the one that pulls in torch and stanza, and is never imported.
from argostranslate.tokenizer import BPETokenizer as ArgosBPE

SPACE_PIECE = "▁"  # sentencepiece's word-boundary marker (U+2581)


class Tokenizer(Protocol):
    def encode(self, text: str) -> list[str]: ...

    def decode(self, pieces: list[str]) -> str: ...

    def variants(self, text: str) -> list[list[str]]:
        """Every piece sequence text may take inside a translation (for suppress_sequences)."""
        ...


class SentencePieceTokenizer:
    def __init__(self, model_file: Path) -> None:
        self._processor = spm.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        return self._processor.encode(text, out_type=str)

    def decode(self, pieces: list[str]) -> str:
        # decode() rather than joining pieces: it turns byte-fallback pieces back into text,
        # which matters for hangul and hanzi the model has no piece for.
        return self._processor.decode(pieces).replace(SPACE_PIECE, " ").strip()

    def variants(self, text: str) -> list[list[str]]:
        # sentencepiece marks a word start with ▁. After a space the term keeps it; glued to
        # the previous character (Chinese, Korean particles) it has none, so block both forms.
        pieces = self.encode(text)
        found = [pieces] if pieces else []
        if pieces and pieces[0] == SPACE_PIECE and len(pieces) > 1:
            found.append(pieces[1:])
        elif pieces and pieces[0].startswith(SPACE_PIECE):
            glued = self._glued(text)
            if glued and glued != pieces:
                found.append(glued)
        return found

    def _glued(self, text: str) -> list[str]:
        """Pieces of text right after another character, with no word boundary before it."""
        anchor = "a"
        pieces = self.encode(anchor + text)
        joined = "".join(pieces)
        if not joined.startswith(SPACE_PIECE + anchor):
            return []
        # Drop the pieces that cover the anchor; keep only a clean split after it.
        covered = ""
        for index, piece in enumerate(pieces):
            covered += piece
            if covered == SPACE_PIECE + anchor:
                return pieces[index + 1 :]
            if len(covered) > len(SPACE_PIECE + anchor):
                return []
        return []


class BPETokenizer:
    """Moses tokenization plus BPE, exactly as Argos does it (sacremoses)."""

    def __init__(self, model_file: Path, source: str, target: str) -> None:
        self._bpe = ArgosBPE(model_file, source, target)

    def encode(self, text: str) -> list[str]:
        return self._bpe.encode(text)

    def decode(self, pieces: list[str]) -> str:
        return self._bpe.decode(pieces).strip()

    def variants(self, text: str) -> list[list[str]]:
        pieces = self.encode(text)
        return [pieces] if pieces else []


def load_tokenizer(path: Path, source: str, target: str) -> Tokenizer:
    """The tokenizer at path; source and target are Argos codes (Moses needs them)."""
    if path.name == "bpe.model":
        return BPETokenizer(path, source, target)
    return SentencePieceTokenizer(path)
