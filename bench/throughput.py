"""Translation throughput: our engine with the glossary enforced, against raw CTranslate2.

`python -m bench.throughput [--device cuda]`. Both sides run the same random-weight model of
Argos dimensions (bench.random_model) with the same options. Ours starts from the article's
text: segmentation, term matching, injection, tokenization, batching, decoding with the
glossary's forbidden forms suppressed, detokenization, repair and verification. Raw gets the
very token lists our engine decodes (the segments with their terms injected), tokenized
beforehand and outside the clock, in one translate_batch call.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time

from bench.common import Figure, print_table

TARGET_RATIO = 1.10


def _prepared_texts(texts: list[str], matcher, concepts) -> list[str]:
    """What translate_with_glossary hands the engine: a translate() that returns its input."""
    from glossary.enforce import translate_with_glossary

    seen: list[str] = []

    def record(prepared, **_options):
        seen.extend(prepared)
        return list(prepared)

    translate_with_glossary(
        texts, record, matcher, source_lang="ko", target_lang="en", concepts=concepts
    )
    return seen[: len(texts)]


def measure(device: str = "cpu", repeats: int = 5) -> list[Figure]:
    import ctranslate2

    import paths
    from bench.enforcement import load_concepts
    from bench.random_model import package_dir
    from documents.segmentation import segment_document
    from glossary.enforce import translate_with_glossary
    from glossary.matching import TermMatcher
    from translation.engine import Engine, EngineOptions
    from translation.tokenizers import SentencePieceTokenizer

    packages = package_dir()
    package = packages / "translate-ko_en-1_0"
    article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
    texts = [s.text for s in segment_document(article, "ko")]
    concepts = load_concepts(None)  # the bundled curated glossary
    matcher = TermMatcher(concepts, "ko", "en")  # built once per glossary revision, not per run

    tokenizer = SentencePieceTokenizer(package / "sentencepiece.model")
    tokens = [tokenizer.encode(t) for t in _prepared_texts(texts, matcher, concepts)]
    # One cap for both sides, at least what the engine allows any batch (2 x longest + 10).
    cap = 2 * max(len(t) for t in tokens) + 10
    threads = (os.cpu_count() or 1) if device == "cpu" else 1
    options = EngineOptions(
        device=device,
        compute_type="int8" if device == "cpu" else "int8_float16",
        beam_size=2,
        max_batch_size=32,
        inter_threads=1,
        intra_threads=threads,
        max_decoding_length=cap,
        idle_unload_s=0,
    )
    engine = Engine(packages, options)
    translate = functools.partial(engine.translate, source="ko", target="en")
    engine.translate(["모델을 불러온다."], "ko", "en")  # loads the model outside the clock
    raw = ctranslate2.Translator(
        str(package / "model"),
        device=device,
        compute_type=options.compute_type,
        inter_threads=options.inter_threads,
        intra_threads=options.intra_threads,
    )

    def ours() -> None:
        segments = [s.text for s in segment_document(article, "ko")]
        translate_with_glossary(
            segments, translate, matcher, source_lang="ko", target_lang="en", concepts=concepts
        )

    def theirs() -> None:
        raw.translate_batch(
            tokens,
            beam_size=options.beam_size,
            max_batch_size=options.max_batch_size,
            max_decoding_length=cap,
            replace_unknowns=True,
        )

    def timed(function) -> float:
        started = time.perf_counter()
        function()
        return time.perf_counter() - started

    theirs()  # the first call allocates buffers; neither side pays for it
    ours_s, raw_s = [], []
    for _ in range(repeats):  # alternating, so a busy moment on the machine hits both alike
        raw_s.append(timed(theirs))
        ours_s.append(timed(ours))
    engine.close()

    # Our own work around the decoder, timed without it: segmentation, matching, injection,
    # repair and verification, plus tokenizing and detokenizing every segment. Steady on a
    # busy machine, where the two timings above swing by tens of percent.
    def around() -> None:
        segments = [s.text for s in segment_document(article, "ko")]
        translate_with_glossary(
            segments, echo, matcher, source_lang="ko", target_lang="en", concepts=concepts
        )

    def echo(prepared, **_options):
        return [tokenizer.decode(tokenizer.encode(text)) for text in prepared]

    own = min(timed(around) for _ in range(5))
    best, reference = min(ours_s), min(raw_s)
    paired = sorted(o / r for o, r in zip(ours_s, raw_s, strict=True))[len(raw_s) // 2]
    note = (
        f"best of {repeats}: {best:.2f} s vs {reference:.2f} s raw for {len(texts)} segments "
        f"(median of paired ratios {paired:.3f}); beam 2, batch 32, {options.compute_type}, "
        f"{threads} thread(s), cap {cap} steps"
    )
    return [
        Figure(
            f"throughput ({device})",
            "engine + enforcement / raw translate_batch",
            best / reference,
            TARGET_RATIO,
            "x",
            note=note,
        ),  # fmt: skip
        Figure(
            f"throughput ({device})",
            "our work outside the decoder / raw translate_batch",
            own / reference,
            TARGET_RATIO - 1,
            "x",
            note=f"{own * 1000:.1f} ms per article: segmentation, matching, enforcement, "
            "tokenization, detokenization",
        ),  # fmt: skip
        Figure(
            f"throughput ({device})",
            f"article, {len(texts)} segments, ours",
            best,
            None,
            "s",
            note="random weights, Argos dimensions: absolute time says little",
        ),  # fmt: skip
    ]


def cuda_available() -> bool:
    try:
        import ctranslate2

        return ctranslate2.get_cuda_device_count() > 0
    except (ImportError, RuntimeError):
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput", description=__doc__)
    parser.add_argument("--device", choices=("cpu", "cuda"), default="cpu")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if args.device == "cuda" and not cuda_available():
        parser.error("no CUDA device is visible to CTranslate2")
    figures = measure(args.device, args.repeats)
    print_table(figures)
    for figure in figures:
        print(f"  {figure.name}: {figure.note}")
    return 0 if all(f.met is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
