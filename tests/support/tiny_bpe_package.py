"""A tiny real Argos package with a BPE tokenizer (Moses + subword-nmt codes), as old packages have.

A few Argos packages still ship `bpe.model` (subword-nmt merge codes applied after Moses
tokenization) instead of `sentencepiece.model`. This builds one the same way the copy
package is built: BPE codes learned here from English lines, a vocabulary of every token
those codes produce, and the hand-set CTranslate2 Transformer that copies its input.
"""

from __future__ import annotations

import collections
import json
from pathlib import Path

from support.corpus import english_lines
from support.tiny_package import LANGUAGE_NAMES, copy_model_spec

SPECIALS = ["<unk>", "<s>", "</s>"]
END = "</w>"


def learn_bpe(words: list[str], merges: int) -> list[tuple[str, str]]:
    """subword-nmt's learning loop (format 0.2): merge the most frequent adjacent pair, repeat."""
    vocab = collections.Counter(tuple(word[:-1]) + (word[-1] + END,) for word in words if word)
    codes: list[tuple[str, str]] = []
    for _ in range(merges):
        pairs: collections.Counter[tuple[str, str]] = collections.Counter()
        for symbols, count in vocab.items():
            for pair in zip(symbols, symbols[1:], strict=False):
                pairs[pair] += count
        if not pairs:
            break
        best, frequency = pairs.most_common(1)[0]
        if frequency < 2:
            break
        codes.append(best)
        merged: collections.Counter[tuple[str, str]] = collections.Counter()
        for symbols, count in vocab.items():
            out, i = [], 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(symbols[i] + symbols[i + 1])
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            merged[tuple(out)] += count
        vocab = merged
    return codes


def build_bpe_copy_package(
    dest_dir: Path, from_code: str = "en", to_code: str = "ko", *, merges: int = 300
) -> Path:
    """Write an installed-style BPE package folder (bpe.model, model/, metadata.json)."""
    from sacremoses.tokenize import MosesTokenizer

    from translation.tokenizers import BPETokenizer

    folder = dest_dir / f"translate-{from_code}_{to_code}-bpe-1_0"
    folder.mkdir(parents=True)
    lines = english_lines()
    moses = MosesTokenizer(from_code)
    words = [token for line in lines for token in moses.tokenize(line, escape=False)]
    codes = learn_bpe(words, merges)
    bpe_path = folder / "bpe.model"
    bpe_path.write_text(
        "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in codes), encoding="utf-8"
    )

    # Every token the codes can produce on this text, plus every single character in both
    # its word-inner (x@@) and word-final (x) form, so unseen words still have pieces.
    tokenizer = BPETokenizer(bpe_path, from_code, to_code)
    seen: dict[str, None] = dict.fromkeys(SPECIALS)
    for line in lines:
        seen.update(dict.fromkeys(tokenizer.encode(line)))
    for char in sorted({c for line in lines for c in line if not c.isspace()}):
        seen.update({char: None, char + "@@": None})
    vocabulary = list(seen)

    spec = copy_model_spec(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    (folder / "model").mkdir()
    spec.save(str(folder / "model"))
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    return folder
