"""Translation throughput: our engine with the glossary enforced, against raw CTranslate2.

`python -m bench.throughput [--device cuda]`. Both sides run the same random-weight model of
Argos dimensions (bench.random_model) with the same options. Ours starts from the article's
text: segmentation, term matching, injection, tokenization, batching, decoding with the
glossary's forbidden forms suppressed, detokenization, repair and verification. Raw replays
the very translate_batch calls our engine makes (recorded in a second run, outside the clock):
the same token lists, options, suppressed forms and, for a term the model cut short, the
constrained re-decode from the approved form (glossary.enforce resumes at most three rounds).
So the ratio is what the desk adds around the decoder for the same decoding, and the note
says how many of those decodes were re-decodes. A random-weight model never writes a term
right, so every segment with a term is re-decoded: far more than a real model needs.
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
    from glossary.enforce import translate_with_glossary  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    seen: list[str] = []

    def record(prepared, **_options):
        seen.extend(prepared)
        return list(prepared)

    translate_with_glossary(
        texts, record, matcher, source_lang="ko", target_lang="en", concepts=concepts
    )
    return seen[: len(texts)]


class _Setup:
    """The article, glossary, package and token lists both sides share."""

    def __init__(self) -> None:
        import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from bench.enforcement import load_concepts  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from bench.random_model import package_dir  # noqa: PLC0415 - heavy: bench.random_model brings numpy
        from documents.segmentation import segment_document  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from glossary.matching import TermMatcher  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from translation.tokenizers import SentencePieceTokenizer  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

        self.packages = package_dir()
        self.package = self.packages / "translate-ko_en-1_0"
        self.article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
        self.texts = [s.text for s in segment_document(self.article, "ko")]
        self.concepts = load_concepts(None)  # the bundled curated glossary
        # Built once per glossary revision in the desk, so not per run here either.
        self.matcher = TermMatcher(self.concepts, "ko", "en")
        self.tokenizer = SentencePieceTokenizer(self.package / "sentencepiece.model")
        prepared = _prepared_texts(self.texts, self.matcher, self.concepts)
        self.tokens = [self.tokenizer.encode(t) for t in prepared]
        # One cap for both sides, at least what the engine allows any batch (2 x longest + 10).
        self.cap = 2 * max(len(t) for t in self.tokens) + 10
        self.shared = False
        self.decodes: list[int] = []  # segments per translate_batch call of one run of ours
        self.calls: list[tuple[tuple, dict]] = []

    def ours_and_raw(self, device: str, threads: int):
        """(ours, raw, options, close): two callables translating the article, same options."""
        import ctranslate2  # noqa: PLC0415 - heavy: ctranslate2 loads when this measurement runs

        from documents.segmentation import segment_document  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from glossary.enforce import translate_with_glossary  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from translation.engine import Engine, EngineOptions  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

        options = EngineOptions(
            device=device,
            compute_type="int8" if device == "cpu" else "int8_float16",
            beam_size=2,
            max_batch_size=32,
            inter_threads=1,
            intra_threads=threads,
            max_decoding_length=self.cap,
            idle_unload_s=0,
        )
        engine = Engine(self.packages, options)
        translate = functools.partial(engine.translate, source="ko", target="en")
        engine.translate(["모델을 불러온다."], "ko", "en")  # loads the model outside the clock
        # Raw decodes with the very Translator the engine loaded: two instances of the same
        # model, same options, differ by up to 10% in speed (memory placement), more than
        # the difference being measured. A separate one only if the engine's cannot be had.
        loaded = getattr(engine, "_models", {}).get(self.package)
        translator = getattr(loaded, "translator", None) or ctranslate2.Translator(
            str(self.package / "model"),
            device=device,
            compute_type=options.compute_type,
            inter_threads=options.inter_threads,
            intra_threads=options.intra_threads,
        )
        self.shared = translator is getattr(loaded, "translator", None)
        calls: list[tuple[tuple, dict]] = []
        if loaded is not None:
            loaded.translator = _Recording(translator, calls)

        def ours() -> None:
            calls.clear()  # only the last run's calls are kept
            segments = [s.text for s in segment_document(self.article, "ko")]
            translate_with_glossary(
                segments,
                translate,
                self.matcher,
                source_lang="ko",
                target_lang="en",
                concepts=self.concepts,
            )

        def raw() -> None:
            for args, kwargs in replay:
                translator.translate_batch(*args, **kwargs)

        # Two runs outside the clock: the first allocates buffers and may leave the engine in
        # another state than it started (a repair that needed attention makes it ask for
        # attention with every later decode instead of replaying a call); the second records
        # the calls every timed run makes, which raw replays.
        ours()
        ours()
        replay = list(calls)
        self.calls = calls  # the last run's calls: checked against the replay after timing
        if loaded is None:  # no engine Translator to watch: one call with the prepared tokens
            replay = [((self.tokens,), {"beam_size": options.beam_size,
                       "max_batch_size": options.max_batch_size,
                       "max_decoding_length": self.cap, "replace_unknowns": True})]  # fmt: skip
        self.decodes = [len(args[0]) for args, _ in replay]
        calls.clear()
        raw()
        return ours, raw, options, engine.close

    def around_decoder(self) -> float:
        """Best of 5, seconds: our work with decoding replaced by tokenize + detokenize."""
        from documents.segmentation import segment_document  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
        from glossary.enforce import translate_with_glossary  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

        def echo(prepared, **_options):
            return [self.tokenizer.decode(self.tokenizer.encode(text)) for text in prepared]

        def around() -> None:
            segments = [s.text for s in segment_document(self.article, "ko")]
            translate_with_glossary(
                segments,
                echo,
                self.matcher,
                source_lang="ko",
                target_lang="en",
                concepts=self.concepts,
            )

        return min(_timed(around, time.perf_counter) for _ in range(5))


class _Recording:
    """The engine's Translator, with every translate_batch call kept (args, kwargs)."""

    def __init__(self, translator, calls: list) -> None:
        self._translator, self._calls = translator, calls

    def translate_batch(self, *args, **kwargs):
        self._calls.append((args, kwargs))
        return self._translator.translate_batch(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._translator, name)


def _timed(function, clock) -> float:
    started = clock()
    function()
    return clock() - started


def _alternate(ours, raw, repeats: int, clock) -> tuple[list[float], list[float]]:
    """Alternating runs, so a busy moment on the machine hits both sides alike."""
    ours_s, raw_s = [], []
    for _ in range(repeats):
        raw_s.append(_timed(raw, clock))
        ours_s.append(_timed(ours, clock))
    return ours_s, raw_s


def measure(device: str = "cpu", repeats: int = 5, cpu_time: bool = True) -> list[Figure]:
    """Wall-clock ratio with all cores; on the CPU also the CPU-time ratio on one thread,
    which other processes on a shared machine barely disturb."""
    setup = _Setup()
    bench = f"throughput ({device})"
    threads = (os.cpu_count() or 1) if device == "cpu" else 1
    ours, raw, options, close = setup.ours_and_raw(device, threads)
    ours_s, raw_s = _alternate(ours, raw, repeats, time.perf_counter)
    last = [len(args[0]) for args, _ in setup.calls]
    close()
    unequal = (
        f"; CAUTION: the last timed run decoded {sum(last)} segments in {len(last)} calls, "
        "not the replayed ones"
        if setup.shared and last != setup.decodes
        else ""
    )
    best, reference = min(ours_s), min(raw_s)
    paired = sorted(o / r for o, r in zip(ours_s, raw_s, strict=True))[len(raw_s) // 2]
    figures = [
        Figure(
            bench,
            "engine + enforcement / raw translate_batch",
            best / reference,
            TARGET_RATIO,
            "x",
            note=f"wall clock, best of {repeats}: {best:.2f} s vs {reference:.2f} s raw "
            f"for {len(setup.texts)} segments (median of paired ratios {paired:.3f}); "
            f"beam 2, batch 32, {options.compute_type}, {threads} thread(s), "
            f"cap {setup.cap} steps; raw runs on "
            + ("the engine's own Translator" if setup.shared else "a Translator of its own")
            + f"; both decode {sum(setup.decodes)} segments in {len(setup.decodes)} "
            f"translate_batch calls ({sum(setup.decodes) - len(setup.texts)} re-decodes of a "
            "term the random model cut short)" + unequal,
        ),
    ]
    if device == "cpu" and cpu_time:
        ours, raw, options, close = setup.ours_and_raw(device, 1)
        ours_c, raw_c = _alternate(ours, raw, max(2, repeats // 2), time.process_time)
        close()
        figures.append(
            Figure(
                bench,
                "same, CPU time on one thread",
                min(ours_c) / min(raw_c),
                TARGET_RATIO,
                "x",
                note=f"process CPU time, best of {len(raw_c)}: {min(ours_c):.2f} s vs "
                f"{min(raw_c):.2f} s raw",
            )
        )
    own = setup.around_decoder()
    figures += [
        Figure(
            bench,
            "our work outside the decoder / raw translate_batch",
            own / reference,
            TARGET_RATIO - 1,
            "x",
            note=f"{own * 1000:.1f} ms per article: segmentation, matching, enforcement, "
            "tokenization, detokenization",
        ),
        Figure(
            bench,
            f"article, {len(setup.texts)} segments, ours",
            best,
            None,
            "s",
            note="random weights, Argos dimensions: absolute time says little",
        ),
    ]
    return figures


def cuda_available() -> bool:
    try:
        import ctranslate2  # noqa: PLC0415 - heavy: ctranslate2 loads when this measurement runs

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
