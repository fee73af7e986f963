"""The offline MT engine: CTranslate2 and the package tokenizer, batched, with pivot routes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from translation.packages import Package


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


@dataclass(frozen=True)
class EngineOptions:
    device: str = "auto"  # "auto" (CUDA when present, else CPU), "cpu", "cuda"
    compute_type: str = "auto"  # "auto": int8 on CPU, int8_float16 on CUDA
    beam_size: int = 2
    max_batch_size: int = 32
    inter_threads: int = 1
    intra_threads: int = 0  # 0: CTranslate2's default
    max_decoding_length: int = 256


class Engine:
    """Routes pairs to installed packages and translates lists of segments.

    Models load lazily on first use and are cached per package.
    """

    def __init__(self, packages_dir: Path, options: EngineOptions | None = None) -> None:
        raise NotImplementedError

    def routes(self) -> list[Route]:
        """Every pair that can be translated: direct packages, then pivots through English."""
        raise NotImplementedError

    def route(self, source: str, target: str) -> Route:
        raise NotImplementedError

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
        last hop's target tokenizer and passed as CTranslate2 suppress_sequences).
        on_batch(indexes, translations) is called after each finished batch of the last hop.
        Raises Cancelled when cancel() turns True, NoRouteError when the pair has no route.
        """
        raise NotImplementedError
