"""The headless-translate yardstick: CTranslate2 and sentencepiece decoding the same segments.

Run as a child by bench.translate_headless with an installed Argos package folder and a file
of the article's segments (one per line): import the two libraries, load the package, encode,
decode with the engine's settings (beam 2, batches of 32, longest first), decode the pieces
and print each line. Nothing else: the floor any offline translator stands on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import ctranslate2
import sentencepiece as spm


def main() -> int:
    package, segments = Path(sys.argv[1]), Path(sys.argv[2])
    lines = segments.read_text(encoding="utf-8").splitlines()
    processor = spm.SentencePieceProcessor(model_file=str(package / "sentencepiece.model"))
    translator = ctranslate2.Translator(str(package / "model"), device="cpu", compute_type="int8")
    tokens = [processor.encode(line, out_type=str) for line in lines]
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]), reverse=True)
    out = [""] * len(lines)
    for start in range(0, len(order), 32):
        indexes = order[start : start + 32]
        results = translator.translate_batch(
            [tokens[i] for i in indexes], beam_size=2, max_decoding_length=256
        )
        for i, result in zip(indexes, results, strict=True):
            out[i] = processor.decode(result.hypotheses[0]).replace("▁", " ").strip()
    sys.stdout.write("".join(f"{n}\t{line}\t{text}\n" for n, (line, text) in enumerate(
        zip(lines, out, strict=True), 1)))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
