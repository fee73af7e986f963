"""The offline MT engine: CTranslate2 and the package tokenizer, batched, with pivot routes."""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translation import runtime
from translation.languages import language_name, to_argos
from translation.packages import Package, PackageError, installed_packages, version_key
from translation.tokenizers import Tokenizer, load_tokenizer

if TYPE_CHECKING:  # numpy loads with the first alignment asked for, not with a translation
    import ctranslate2

    from translation.alignment import Alignment

# One row of attention per output piece (float32, as numpy would hold it): numpy is imported
# only when an alignment is read, which most translations never need.
Attention = list[array]

log = logging.getLogger(__name__)

PIVOT = "en"  # Argos publishes nearly every language to and from English
BROKEN = "\ufffd"  # what sentencepiece decodes an invalid byte-piece sequence to


class NoRouteError(Exception):
    """No installed package (direct or through English) for a pair; the message says what to do."""


class Cancelled(Exception):
    """The caller's cancel() returned True between two batches."""


@dataclass(frozen=True)
class Route:
    source: str
    target: str
    packages: tuple[Package, ...]  # one for a direct pair, two for a pivot through English

    @property
    def pivot(self) -> bool:
        return len(self.packages) > 1

    @property
    def label(self) -> str:
        """How a pair selector shows it: "ko → zh-Hans (via en)" for a pivot."""
        text = f"{self.source} → {self.target}"
        return f"{text} (via {self.packages[0].to_code})" if self.pivot else text


@dataclass(frozen=True)
class _Hop:
    """One hop of a translation: what went in, what came out, and the attention between."""

    source: str
    source_pieces: tuple[str, ...]
    target: str
    target_pieces: tuple[str, ...]
    attention: Attention | None  # [target pieces x source pieces]; None when not returned
    source_tokenizer: Tokenizer
    target_tokenizer: Tokenizer
    # Where the attention comes from when the decode did not return it (Engine._replay)
    attend: Callable[[], Attention | None] | None = field(default=None, compare=False)

    def weights(self) -> Attention | None:
        """The attention of this hop: as returned, or asked for on first need."""
        if self.attention is not None or self.attend is None:
            return self.attention
        return self.attend()

    def alignment(self) -> Alignment | None:
        attention = self.weights()
        if attention is None:
            return None
        from translation.alignment import from_attention  # noqa: PLC0415 - heavy: numpy

        return from_attention(
            attention,
            self.source,
            self.source_pieces,
            self.target,
            self.target_pieces,
            self.source_tokenizer,
            self.target_tokenizer,
        )


class Translation(str):
    """A translation that is a plain str to every caller, and remembers how it was decoded.

    glossary.enforce reads alignment (where each output piece looked in the source) to find
    where a garbled term came out, and resume() to decode again from a corrected prefix.
    """

    hops: tuple[_Hop, ...]
    route: tuple[str, str]
    resume: Callable[..., list[Translation]] | None
    _alignment: Alignment | None  # computed on first use
    _edited_from: str | None  # the decoded text, when with_text edited it
    _source_edit: tuple[str, str] | None  # (the source the decoder saw, the caller's)

    @classmethod
    def make(
        cls,
        text: str,
        hops: Sequence[_Hop] = (),
        route: tuple[str, str] = ("", ""),
        resume: Callable[..., list[Translation]] | None = None,
    ) -> Translation:
        made = cls(text)
        made.hops = tuple(hops)
        made.route = route
        made.resume = resume
        made._alignment = None
        made._edited_from = None
        made._source_edit = None
        return made

    def with_text(self, text: str, source: str | None = None) -> Translation:
        """The same decode with its text edited (tag placeholders turned back into tags),
        and the source as the caller knows it (with its tags): the alignment follows both
        edits. It cannot be resumed, since the decoder never saw the edited texts."""
        made = Translation.make(text, self.hops, self.route, None)
        made._edited_from = str(self) if self._edited_from is None else self._edited_from
        made._source_edit = (self.hops[0].source, source) if source and self.hops else None
        return made

    @property
    def alignment(self) -> Alignment | None:
        """Attention from the output pieces to the first hop's source, through a pivot too.

        Character spans index str(self) and the text the engine was given; computed on first
        use only, since most translations never need it.
        """
        if self._alignment is None and self.hops:
            from translation.alignment import compose, follow_edit  # noqa: PLC0415 - numpy

            alignments = [a for hop in self.hops if (a := hop.alignment()) is not None]
            if len(alignments) == len(self.hops):  # every hop returned its attention
                combined = alignments[0]
                for hop, following in zip(self.hops[1:], alignments[1:], strict=True):
                    combined = compose(combined, following, hop.source)
                if self._edited_from is not None:
                    combined = follow_edit(combined, self._edited_from, str(self))
                if self._source_edit is not None:
                    combined = follow_edit(combined, *self._source_edit, source=True)
                self._alignment = combined
        return self._alignment


class _Decoded(str):
    """One hop's output for one segment, with its pieces and attention when returned."""

    pieces: tuple[str, ...] = ()
    attention: Attention | None = None
    call: _Call | None = None  # the translate_batch call that decoded it
    position: int = 0  # ... and its place in that call


@dataclass
class _Call:
    """One translate_batch call without attention, kept so that its attention can be had
    later, exactly as the call would have returned it (Engine._replay)."""

    batch: list[list[str]]
    options: dict[str, Any]  # the call's keyword arguments but target_prefix and attention
    hypotheses: list[list[str]]  # each output as decoded, its forced prefix included
    skip: list[int]  # rows of each output that are no output piece (the package's prefix)
    rows: list[Attention | None] | None = None  # after the replay
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class EngineOptions:
    device: str = "auto"  # "auto" (CUDA when present, else CPU), "cpu", "cuda"
    compute_type: str = "auto"  # "auto": int8 on CPU, int8_float16 on CUDA
    beam_size: int = 2
    max_batch_size: int = 32
    inter_threads: int = 1
    intra_threads: int = 0  # 0: CTranslate2's default
    max_decoding_length: int = 256
    idle_unload_s: float = 600.0  # free a model's memory after this long unused; 0: never


@dataclass
class _Model:
    translator: ctranslate2.Translator
    tokenizer: Tokenizer
    key: tuple[Path, int]
    last_used: float
    in_use: int = 0
    # Decode with return_attention: set once a repair needed this model's attention, since
    # outputs of a model that garbles a term are likely to need it again (see _replay).
    attention: bool = False
    unknown: str = "<unk>"  # the piece the model writes for one it cannot spell


def _unknown_piece(model_path: Path) -> str:
    """The model's unknown token, from the config.json CTranslate2's converters write (older
    models have none: "<unk>", CTranslate2's default)."""
    try:
        config = json.loads((model_path / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "<unk>"
    token = config.get("unk_token") if isinstance(config, dict) else None
    return token if isinstance(token, str) and token else "<unk>"


@dataclass
class _Job:
    """One translate() call: the models it holds for its whole duration."""

    models: list[_Model] = field(default_factory=list)


class Engine:
    """Routes pairs to installed packages and translates lists of segments.

    Models load lazily on first use and are cached per package.

    Threads: every public method may be called from any thread. The desktop calls
    translate() on a worker while the window calls routes(); both only read the package
    list and take a short lock around the model cache. A model in use by a translate() call
    is never unloaded under it (unload() and the idle timer skip or merely forget it; the
    call keeps its own reference). CTranslate2 translators are themselves thread-safe, so
    overlapping translate() calls are correct, though they share the same CPU threads.
    """

    def __init__(
        self,
        packages_dir: Path,
        options: EngineOptions | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.packages_dir = packages_dir
        self.options = options or EngineOptions()
        self._clock = clock
        self._lock = threading.RLock()  # the package list and the model cache, held briefly
        self._load_lock = threading.Lock()  # one model load at a time
        self._models: dict[Path, _Model] = {}
        self._packages: list[Package] = []
        self._scanned: int | None = None  # packages_dir mtime at the last scan
        self._timer: threading.Timer | None = None
        self._device: str | None = None

    # --- packages and routes -------------------------------------------------------------

    def packages(self) -> list[Package]:
        """Installed packages, rescanned whenever packages_dir changed (install, remove)."""
        try:
            stamp = self.packages_dir.stat().st_mtime_ns
        except OSError:
            stamp = -1
        with self._lock:
            if stamp != self._scanned:
                self._packages = installed_packages(self.packages_dir)
                self._scanned = stamp
            return list(self._packages)

    def refresh(self) -> None:
        """Forget the package list (a package changed in place) and unused models."""
        with self._lock:
            self._scanned = None
        self.unload()

    def routes(self) -> list[Route]:
        """Every pair that can be translated: direct packages, then pivots through English."""
        direct = self._direct()
        routes = [Route(s, t, (p,)) for (s, t), p in sorted(direct.items())]
        for (source, middle), first in sorted(direct.items()):
            if middle != PIVOT:
                continue
            for (start, target), second in sorted(direct.items()):
                if start == PIVOT and target != source and (source, target) not in direct:
                    routes.append(Route(source, target, (first, second)))
        return routes

    def route(self, source: str, target: str) -> Route:
        if source == target:
            raise NoRouteError(f"Source and target are both {language_name(source)} ({source}).")
        for candidate in self.routes():
            if (candidate.source, candidate.target) == (source, target):
                return candidate
        raise NoRouteError(self._no_route_message(source, target))

    def _direct(self) -> dict[tuple[str, str], Package]:
        """The newest package per pair."""
        best: dict[tuple[str, str], Package] = {}
        for package in self.packages():
            current = best.get(package.pair)
            if current is None or version_key(package.version) > version_key(current.version):
                best[package.pair] = package
        return best

    def _no_route_message(self, source: str, target: str) -> str:
        direct = self._direct()
        if PIVOT in (source, target):
            missing = [(source, target)]
        else:
            missing = [p for p in ((source, PIVOT), (PIVOT, target)) if p not in direct]
        downloads = " and ".join(f"{s}→{t}" for s, t in missing)
        return (
            f"No {language_name(source)} → {language_name(target)} ({source}→{target}) "
            f"translation is installed in {self.packages_dir}: install a .argosmodel file "
            f"with Packages ▸ Install from file, or download {downloads} when online."
        )

    # --- translation ---------------------------------------------------------------------

    def translate(
        self,
        texts: Sequence[str],
        source: str,
        target: str,
        *,
        forbidden: Sequence[str] = (),
        on_batch: Callable[[list[int], list[str]], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> list[str]:
        """Translate texts (each one sentence) in batched calls.

        forbidden: target-language strings the decoder must not produce (tokenized with the
        last hop's target tokenizer and passed as CTranslate2 suppress_sequences). Blocking
        works on whole pieces: a forbidden string that the tokenizer merges with its
        neighbours (支付宝在 as one piece) can slip through, and a segment that blocking
        pushes into broken byte pieces (U+FFFD) is decoded again without it, so callers
        repair and verify the output (glossary.enforce does).
        on_batch(indexes, translations) is called after each finished batch of the last hop.
        Each translation is a Translation: a str that also carries the decoder's alignment
        and can be resumed from a corrected prefix (Engine.resume).
        Raises Cancelled when cancel() turns True, NoRouteError when the pair has no route.
        """
        route = self.route(source, target)
        results: list[str] = [""] * len(texts)
        if not any(text.strip() for text in texts):
            return results  # nothing to load a model for
        job = self._acquire(route)
        try:
            first, last = job.models[0], job.models[-1]
            suppress = self._suppress(last, forbidden)
            tokens = {i: first.tokenizer.encode(t) for i, t in enumerate(texts) if t.strip()}
            # Longest first: similar lengths share a batch, so little padding is decoded.
            order = sorted(tokens, key=lambda i: len(tokens[i]), reverse=True)
            size = max(1, self.options.max_batch_size)
            for start in range(0, len(order), size):
                indexes = order[start : start + size]
                batch = [tokens[i] for i in indexes]
                inputs = [texts[i] for i in indexes]
                hops: list[list[_Hop]] = [[] for _ in indexes]
                outputs: list[_Decoded] = []
                for hop, (package, model) in enumerate(
                    zip(route.packages, job.models, strict=True)
                ):
                    if cancel is not None and cancel():
                        raise Cancelled()
                    if hop > 0:
                        inputs = [str(text) for text in outputs]
                        batch = [model.tokenizer.encode(text) for text in inputs]
                    is_last = hop == len(job.models) - 1
                    outputs = self._run(package, model, batch, suppress if is_last else [])
                    for record, text, pieces, output in zip(
                        hops, inputs, batch, outputs, strict=True
                    ):
                        record.append(self._hop(package, model, text, pieces, output))
                done = [
                    Translation.make(str(output), record, (source, target), self.resume)
                    for output, record in zip(outputs, hops, strict=True)
                ]
                for index, made in zip(indexes, done, strict=True):
                    results[index] = made
                if on_batch is not None:
                    on_batch(list(indexes), list(done))
        finally:
            self._release(job)
        return results

    def resume(
        self,
        items: Sequence[tuple[Translation, str]],
        *,
        forbidden: Sequence[str] = (),
        cancel: Callable[[], bool] | None = None,
    ) -> list[Translation]:
        """Decode the last hop of each translation again, forced to begin with its prefix.

        items: (a translation this engine made, the text its new version must start with).
        The earlier hops of a pivot are not decoded again. The result carries the alignment
        of the whole new decode, prefix included.
        """
        results: list[Translation] = []
        groups: dict[tuple[str, str], list[int]] = {}
        for index, (translation, _prefix) in enumerate(items):
            groups.setdefault(translation.route, []).append(index)
        done: dict[int, Translation] = {}
        for (source, target), indexes in groups.items():
            route = self.route(source, target)
            if cancel is not None and cancel():
                raise Cancelled()
            job = self._acquire(route)
            try:
                package, model = route.packages[-1], job.models[-1]
                suppress = self._suppress(model, forbidden)
                batch, prefixes = [], []
                for index in indexes:
                    translation, prefix = items[index]
                    last = translation.hops[-1]
                    batch.append(list(last.source_pieces))
                    prefixes.append(model.tokenizer.encode(prefix) if prefix.strip() else [])
                outputs = self._run(package, model, batch, suppress, prefixes=prefixes)
                for index, pieces, output in zip(indexes, batch, outputs, strict=True):
                    translation = items[index][0]
                    last = translation.hops[-1]
                    hop = self._hop(package, model, last.source, pieces, output)
                    record = [*translation.hops[:-1], hop]
                    done[index] = Translation.make(
                        str(output), record, translation.route, self.resume
                    )
            finally:
                self._release(job)
        results = [done[i] for i in range(len(items))]
        return results

    def _hop(
        self, package: Package, model: _Model, source: str, pieces: Sequence[str], output: str
    ) -> _Hop:
        return _Hop(
            source=source,
            source_pieces=tuple(pieces),
            target=str(output),
            target_pieces=tuple(getattr(output, "pieces", ())),
            attention=getattr(output, "attention", None),
            source_tokenizer=model.tokenizer,
            target_tokenizer=model.tokenizer,
            attend=functools.partial(self._replay, package, output.call, output.position)
            if isinstance(output, _Decoded) and output.call is not None
            else None,
        )

    def _replay(self, package: Package, call: _Call, position: int) -> Attention | None:
        """The attention of one output of a call that did not return it.

        The whole call is decoded again as it was (the same segments in the same batch, the
        same options) with each output forced as its target_prefix and return_attention on:
        beam search picks the same pieces with or without attention, and the same batch
        gives the same numbers to the last bit, so a repair reads exactly the attention the
        first decode would have returned. (One segment decoded alone would not: its float
        rounding differs from its batch's, and a repair reading flat attention could differ.)
        The rows of every output of the call are kept for the next one a repair asks for.
        None when the model cannot be had again (removed since): repair falls back on
        similarity.
        """
        with call.lock:
            if call.rows is None:
                call.rows = self._replayed(package, call)
        return call.rows[position]

    def _replayed(self, package: Package, call: _Call) -> list[Attention | None]:
        job = _Job()
        try:
            job.models.append(self._model(package))
            model = job.models[0]
            results = model.translator.translate_batch(
                call.batch, target_prefix=call.hypotheses, return_attention=True, **call.options
            )
            model.attention = True  # its outputs need repairs: ask with every decode now
        except (PackageError, RuntimeError, ValueError, OSError) as error:
            log.warning("no attention for a repair in %s: %s", package.path.name, error)
            return [None] * len(call.batch)
        finally:
            self._release(job)
        rows: list[Attention | None] = []
        for result, decoded, skip in zip(results, call.hypotheses, call.skip, strict=True):
            attention = getattr(result, "attention", None)
            if not attention or list(result.hypotheses[0][: len(decoded)]) != decoded:
                rows.append(None)
                continue
            rows.append([array("f", row) for row in attention[0][skip : len(decoded)]])
        return rows

    def _suppress(self, model: _Model, forbidden: Sequence[str]) -> list[list[str]]:
        return [v for text in forbidden if text.strip() for v in model.tokenizer.variants(text)]

    def _run(
        self,
        package: Package,
        model: _Model,
        batch: list[list[str]],
        suppress: list[list[str]],
        *,
        prefixes: list[list[str]] | None = None,
    ) -> list[_Decoded]:
        prefix = package.target_prefix
        longest = max((len(tokens) for tokens in batch), default=0)
        forced = [([prefix] if prefix else []) + list(p) for p in prefixes or [[]] * len(batch)]
        options: dict[str, Any] = {
            "beam_size": self.options.beam_size,
            "max_batch_size": self.options.max_batch_size,
            # A long sentence must not come back silently cut: allow for its length.
            "max_decoding_length": max(self.options.max_decoding_length, longest * 2 + 10),
            "suppress_sequences": suppress or None,
        }
        # Attention (where each output piece looked, which glossary.enforce repairs a term
        # with) only once this model needed it: most outputs never do, and returning it costs
        # every decode. Without it the call is kept, so a repair can have it (_replay).
        # replace_unknowns needs the attention too, so it is asked for with it, and otherwise
        # only for the outputs that hold an unknown piece (_spelled).
        try:
            results = model.translator.translate_batch(
                batch,
                target_prefix=forced if any(forced) else None,
                return_attention=model.attention,
                replace_unknowns=model.attention,
                **options,
            )
        except RuntimeError as error:  # a model that loads but cannot decode (on the CPU, the
            # first decode is the first time it is tried: runtime.open_translator)
            raise PackageError(f"{package.path}: the model cannot translate ({error})") from error
        decoded = [list(result.hypotheses[0]) for result in results]
        call = None
        if not model.attention:
            skip = [int(bool(prefix) and h[:1] == [prefix]) for h in decoded]
            call = _Call(batch, options, decoded, skip)
            decoded = self._spelled(model, batch, decoded, options)
        outputs: list[_Decoded] = []
        for position, (result, pieces) in enumerate(zip(results, decoded, strict=True)):
            attention = getattr(result, "attention", None)
            rows = [array("f", row) for row in attention[0]] if attention else None
            if prefix and pieces[:1] == [prefix]:
                pieces = pieces[1:]
                rows = rows[1:] if rows is not None else None
            output = _Decoded(model.tokenizer.decode(pieces))
            output.pieces = tuple(pieces)
            output.attention = rows
            output.call = call
            output.position = position
            outputs.append(output)
        broken = [i for i, text in enumerate(outputs) if BROKEN in text]
        if suppress and broken:
            # Blocked from its best piece, a model may fall back on byte pieces that make no
            # valid UTF-8 ("Ali\ufffd"): garbage is worse than the forbidden form, which the
            # caller repairs and flags. Decode those segments again without blocking.
            again = self._run(
                package,
                model,
                [batch[i] for i in broken],
                [],
                prefixes=[prefixes[i] for i in broken] if prefixes else None,
            )
            for index, text in zip(broken, again, strict=True):
                if text.count(BROKEN) < outputs[index].count(BROKEN):
                    log.info("blocking broke segment %d; decoded again without it", index)
                    outputs[index] = text
        model.last_used = self._clock()
        return outputs

    @staticmethod
    def _spelled(
        model: _Model,
        batch: list[list[str]],
        decoded: list[list[str]],
        options: dict[str, Any],
    ) -> list[list[str]]:
        """decoded with each unknown piece replaced by the source piece it attended to most,
        as replace_unknowns does (a rare name or hanja the model's vocabulary lacks comes
        through as written, not as ⁇). Only the outputs holding one are decoded again, their
        pieces forced, so the pieces stay those of the batch; the rest cost nothing more."""
        unknown = [i for i, pieces in enumerate(decoded) if model.unknown in pieces]
        if not unknown:
            return decoded
        again = model.translator.translate_batch(
            [batch[i] for i in unknown],
            target_prefix=[decoded[i] for i in unknown],
            replace_unknowns=True,
            **options,
        )
        spelled = list(decoded)
        for index, result in zip(unknown, again, strict=True):
            first = decoded[index]
            pieces = list(result.hypotheses[0])[: len(first)]
            if len(pieces) == len(first) and all(
                piece == was for piece, was in zip(pieces, first, strict=True)
                if was != model.unknown
            ):
                spelled[index] = pieces
        return spelled

    # --- the model cache -----------------------------------------------------------------

    @property
    def device(self) -> str:
        """The device translations run on: "cuda" or "cpu"."""
        if self._device is None:
            self._device = runtime.pick_device(self.options.device)
        return self._device

    def compute_type(self) -> str:
        """The CTranslate2 compute type: int8 on CPU, int8_float16 on CUDA, when supported."""
        return runtime.pick_compute_type(self.device, self.options.compute_type)

    def loaded_packages(self) -> list[Path]:
        """Folders of the packages whose model is in memory now."""
        with self._lock:
            return sorted(self._models)

    def _acquire(self, route: Route) -> _Job:
        job = _Job()
        try:
            for package in route.packages:
                job.models.append(self._model(package))
        except BaseException:
            self._release(job)
            raise
        return job

    def _release(self, job: _Job) -> None:
        with self._lock:
            for model in job.models:
                model.in_use -= 1
                model.last_used = self._clock()
        self._schedule_idle_unload()

    def _model(self, package: Package) -> _Model:
        key = (package.path, _stamp(package))
        # Loads take seconds for a real model: they queue on their own lock, so the window's
        # routes() (which takes only _lock) never waits for one.
        with self._load_lock:
            with self._lock:
                model = self._models.get(package.path)
            if model is None or model.key != key:
                model = self._load(package, key)
            with self._lock:
                self._models[package.path] = model
                model.in_use += 1
                model.last_used = self._clock()
            return model

    def _load(self, package: Package, key: tuple[Path, int]) -> _Model:
        try:
            tokenizer = load_tokenizer(
                package.tokenizer_path, to_argos(package.from_code), to_argos(package.to_code)
            )
        except (RuntimeError, ValueError, OSError) as error:
            raise PackageError(
                f"{package.path}: the tokenizer cannot be loaded ({error})"
            ) from error
        try:
            translator = self._translator(package, tokenizer)
        except (RuntimeError, ValueError, OSError) as error:
            if not (self.device == "cuda" and self.options.device == "auto"):
                raise PackageError(
                    f"{package.path}: the model cannot be loaded ({error})"
                ) from error
            # A GPU without the CUDA libraries CTranslate2 was built for (libcublas.so.12)
            # is common; "auto" then means the CPU rather than no translation at all.
            log.warning("CUDA unusable (%s); translating on the CPU", error)
            runtime.mark_cuda_unusable(str(error))
            self._device = "cpu"
            try:
                translator = self._translator(package, tokenizer)
            except (RuntimeError, ValueError, OSError) as cpu_error:
                raise PackageError(
                    f"{package.path}: the model cannot be loaded ({cpu_error})"
                ) from cpu_error
        log.info("loaded %s on %s", package.path.name, self.device)
        return _Model(
            translator, tokenizer, key, self._clock(), unknown=_unknown_piece(package.model_path)
        )

    def _translator(self, package: Package, tokenizer: Tokenizer):
        return runtime.open_translator(
            package.model_path,
            tokenizer,
            device=self.device,
            compute_type=self.compute_type(),
            inter_threads=self.options.inter_threads,
            intra_threads=self.options.intra_threads,
        )

    def unload(self) -> None:
        """Free every model now; one still translating finishes and is then dropped."""
        with self._lock:
            self._models.clear()
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    def unload_idle(self) -> list[Path]:
        """Free the models unused for idle_unload_s; return their package folders."""
        limit = self.options.idle_unload_s
        if limit <= 0:
            return []
        now = self._clock()
        with self._lock:
            idle = [
                path
                for path, model in self._models.items()
                if model.in_use == 0 and now - model.last_used >= limit
            ]
            for path in idle:
                del self._models[path]
            self._timer = None
        self._schedule_idle_unload()
        return idle

    def _schedule_idle_unload(self) -> None:
        if self.options.idle_unload_s <= 0:
            return
        with self._lock:
            if self._timer is not None or not self._models:
                return
            self._timer = threading.Timer(self.options.idle_unload_s, self.unload_idle)
            self._timer.daemon = True  # never keeps the desk from quitting
            self._timer.start()

    def close(self) -> None:
        self.unload()


def _stamp(package: Package) -> int:
    """Changes when a package is replaced in place, so the cached model is reloaded."""
    try:
        return (package.model_path / "model.bin").stat().st_mtime_ns
    except OSError:
        return 0
