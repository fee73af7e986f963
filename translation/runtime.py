"""Where CTranslate2 runs: the device, the compute type, and opening a translator that works."""

from __future__ import annotations

from pathlib import Path

from translation.tokenizers import Tokenizer

# Set once CUDA failed to run a model in this process: trying again costs every new Engine
# seconds (13 s on an H100 whose CUDA 13 lacked the libcublas.so.12 CTranslate2 wants).
cuda_unusable: str | None = None


def pick_device(option: str) -> str:
    """ "cuda" or "cpu" for an option of "auto", "cpu" or "cuda"."""
    if option != "auto":
        return option
    import ctranslate2  # noqa: PLC0415 - heavy (~0.2 s with its libraries): with a model

    usable = cuda_unusable is None and ctranslate2.get_cuda_device_count() > 0
    return "cuda" if usable else "cpu"


def pick_compute_type(device: str, option: str) -> str:
    """option unless "auto": then int8 on CPU, int8_float16 on CUDA, when supported."""
    if option != "auto":
        return option
    import ctranslate2  # noqa: PLC0415 - heavy (~0.2 s with its libraries): with a model

    supported = ctranslate2.get_supported_compute_types(device)
    preferred = ("int8", "int8_float32") if device == "cpu" else ("int8_float16", "float16")
    return next((wanted for wanted in preferred if wanted in supported), "default")


def mark_cuda_unusable(reason: str) -> None:
    global cuda_unusable
    cuda_unusable = reason


def open_translator(
    model_path: Path,
    tokenizer: Tokenizer,
    *,
    device: str,
    compute_type: str,
    inter_threads: int = 1,
    intra_threads: int = 0,
    decode_one: bool = False,
):
    """A CTranslate2 translator; one that has decoded one token on a GPU or when decode_one
    is set, so a broken device or model shows now."""
    import ctranslate2  # noqa: PLC0415 - heavy (~0.2 s with its libraries): with a model

    translator = ctranslate2.Translator(
        str(model_path),
        device=device,
        compute_type=compute_type,
        inter_threads=inter_threads,
        intra_threads=intra_threads,
    )
    if decode_one or device != "cpu":
        # CUDA libraries load lazily: without this a missing libcublas would surface in the
        # middle of the translator's first batch instead of here. (A CPU has nothing to find
        # out, and its first decode pays the same start-up whether it comes now or later.)
        translator.translate_batch([tokenizer.encode("a") or ["<unk>"]], max_decoding_length=2)
    return translator
