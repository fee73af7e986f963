"""A random-weight Argos-sized package (6+6 layers, d_model 512, 32k vocabulary, int8), cached.

Test and bench code only: it imports ctranslate2.specs, which pulls in torch. The weights are
random, so the output is gibberish; what matters is that every matrix has the size of a real
Argos ko→en model, so a decoding step costs what it costs there. The end-of-sentence logit gets
a bias so that sentences end after a realistic number of steps instead of always running to
max_decoding_length.
"""

from __future__ import annotations

import io
import json
import random
import shutil
from pathlib import Path

import numpy as np

from bench.common import CACHE

LAYERS = 6
D_MODEL = 512
HEADS = 8
FFN = 2048
VOCABULARY = 32_000
MAX_POSITIONS = 1024
# Tuned once (3.0: every sentence runs to the cap; 4.5: most end at once): with 4.0 the
# median article sentence ends after as many pieces as its source has.
EOS_BIAS = 4.0
SEED = 2014
VERSION = "2"
ENGLISH_WORDS = (
    "Alipay Alibaba Ant Financial Sydney Australia China Korea bank banks market payment "
    "payments service services said on in the a of to and for with by from its their new "
    "company customers merchants online mobile trillion billion million won yuan dollars "
    "percent year month week Wednesday Tuesday growth expand overseas partnership launched"
).split()  # bump when the model changes: the cache folder is named after it


def package_dir(root: Path = CACHE) -> Path:
    """The packages folder holding the random ko→en package, built on first use."""
    packages = root / f"random-argos-v{VERSION}" / "packages"
    folder = packages / "translate-ko_en-1_0"
    if not (folder / "model" / "model.bin").exists():
        build_package(folder)
    return packages


def training_lines() -> list[str]:
    """Korean news sentences and English lines: enough text for several thousand pieces."""
    import paths  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help
    from bench.memory import synthetic_units  # noqa: PLC0415 - bench: the core loads when this measurement runs, not on --help

    article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8").splitlines()
    korean = [source for source, _ in synthetic_units(20_000, seed=31)]
    rng = random.Random(SEED)
    english = [" ".join(rng.choices(ENGLISH_WORDS, k=12)) + "." for _ in range(5000)]
    return [line for line in article if line.strip()] + korean + english


def train_tokenizer(path: Path) -> Path:
    import sentencepiece as spm  # noqa: PLC0415 - heavy: sentencepiece loads when a model is built

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(training_lines()),
        model_writer=model,
        model_type="unigram",
        vocab_size=VOCABULARY,
        hard_vocab_limit=False,  # as many pieces as the text supports; the rest are filler
        character_coverage=1.0,
        byte_fallback=True,
        minloglevel=2,
        num_threads=2,
    )
    path.write_bytes(model.getvalue())
    return path


def _sinusoids(positions: int, dims: int) -> np.ndarray:
    """The fixed position encodings of OpenNMT-py Transformers (what Argos models use)."""
    position = np.arange(positions)[:, None]
    rates = np.exp(np.arange(0, dims, 2) * -(np.log(10000.0) / dims))
    table = np.zeros((positions, dims), dtype=np.float32)
    table[:, 0::2] = np.sin(position * rates)
    table[:, 1::2] = np.cos(position * rates)
    return table


def model_spec(vocabulary: list[str]):
    import ctranslate2.specs as specs  # noqa: PLC0415 - heavy: ctranslate2.specs imports torch (imports torch: bench code only)

    rng = np.random.default_rng(SEED)

    def matrix(rows: int, cols: int) -> np.ndarray:
        # Scaled like Xavier initialisation, so activations stay in a sane range.
        return (rng.standard_normal((rows, cols)) / np.sqrt(cols)).astype(np.float32)

    def norm(spec) -> None:
        spec.gamma = np.ones(D_MODEL, dtype=np.float32)
        spec.beta = np.zeros(D_MODEL, dtype=np.float32)

    def linear(spec, rows: int, cols: int) -> None:
        spec.weight = matrix(rows, cols)
        spec.bias = np.zeros(rows, dtype=np.float32)

    spec = specs.TransformerSpec.from_config((LAYERS, LAYERS), HEADS)
    size = len(vocabulary)
    for stack in (spec.encoder, spec.decoder):
        stack.position_encodings.encodings = _sinusoids(MAX_POSITIONS, D_MODEL)
        norm(stack.layer_norm)
        for layer in stack.layer:
            norm(layer.self_attention.layer_norm)
            linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
            linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
            norm(layer.ffn.layer_norm)
            linear(layer.ffn.linear_0, FFN, D_MODEL)
            linear(layer.ffn.linear_1, D_MODEL, FFN)
    for layer in spec.decoder.layer:
        cross = layer.attention
        norm(cross.layer_norm)
        linear(cross.linear[0], D_MODEL, D_MODEL)
        linear(cross.linear[1], 2 * D_MODEL, D_MODEL)
        linear(cross.linear[2], D_MODEL, D_MODEL)
    spec.encoder.embeddings[0].weight = matrix(size, D_MODEL)
    spec.decoder.embeddings.weight = matrix(size, D_MODEL)
    linear(spec.decoder.projection, size, D_MODEL)
    spec.decoder.projection.bias[vocabulary.index("</s>")] = EOS_BIAS
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def build_package(folder: Path) -> Path:
    """Write the package folder (metadata.json, model/, sentencepiece.model) like Argos."""
    import sentencepiece as spm  # noqa: PLC0415 - heavy: sentencepiece loads when a model is built

    scratch = folder.with_name(folder.name + ".building")
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    tokenizer = train_tokenizer(scratch / "sentencepiece.model")
    processor = spm.SentencePieceProcessor(model_file=str(tokenizer))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    # Pieces the tokenizer never produces, so the vocabulary has the size of a real model.
    vocabulary = pieces + [f"<filler_{i}>" for i in range(VOCABULARY - len(pieces))]
    spec = model_spec(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    (scratch / "model").mkdir()
    spec.save(str(scratch / "model"))
    metadata = {
        "package_version": "1.0",
        "argos_version": "1.9",
        "from_code": "ko",
        "from_name": "Korean",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "links": [],
    }
    (scratch / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (scratch / "README.md").write_text(
        f"Random-weight model of Argos dimensions for benchmarks ({len(pieces)} tokenizer pieces, "
        f"{VOCABULARY} vocabulary entries).\n",
        encoding="utf-8",
    )
    scratch.rename(folder)
    return folder
