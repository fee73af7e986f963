"""A tiny real Argos package whose hand-set CTranslate2 Transformer copies its input.

The model runs through exactly the code path of a real package (sentencepiece, then a
CTranslate2 Translator over model/), so a test sees the same tokens, batching and
suppress_sequences behaviour; because the output equals the input, a term injected into
the source comes out in the translation. Test and bench code only: it imports
ctranslate2.specs, which pulls in torch.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import sentencepiece as spm

import paths
from support.corpus import chinese_lines, english_lines

# The bundled article: the tokenizer learns its hangul and hanzi.
SEED_ARTICLE = paths.SAMPLE_ARTICLE
LANGUAGE_NAMES = {"ko": "Korean", "en": "English", "zh": "Chinese", "zt": "Chinese (traditional)"}

# Layout of the model's hidden state (d_model = 512): the token identity, the position and
# the token copied from the source each live in their own orthogonal block of dimensions.
TOKEN_DIMS = 160
POSITION_DIMS = 192
D_MODEL = 2 * TOKEN_DIMS + POSITION_DIMS
NUM_HEADS = 2  # head 0 does the copying; head 1 has zero weights and adds nothing
HEAD_DIM = D_MODEL // NUM_HEADS
FFN_DIMS = 32
MAX_POSITIONS = 1024
QUERY_GAIN = 3.0  # cross-attention logit about 48 on the matching position, < 25 elsewhere
OUTPUT_GAIN = 4.0  # output logit about 52 for the copied token, < 30 for any other
VOCAB_SIZE = 2000
RANDOM_SEED = 20141119


def training_lines(article: Path = SEED_ARTICLE) -> list[str]:
    """The tokenizer's training text: the sample article plus English and Chinese lines."""
    article_lines = [line.strip() for line in article.read_text(encoding="utf-8").splitlines()]
    return [line for line in article_lines if line] + english_lines() + chinese_lines()


def train_sentencepiece(
    model_path: Path, lines: list[str] | None = None, *, byte_fallback: bool = True
) -> Path:
    """Train a small unigram model; byte fallback so no character ever becomes <unk> (without
    it, as in many real packages, a character the training text lacks is an unknown piece)."""
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines or training_lines()),
        model_writer=model,
        model_type="unigram",
        vocab_size=VOCAB_SIZE,
        hard_vocab_limit=False,
        character_coverage=1.0,
        byte_fallback=byte_fallback,
        # identity: the copy must give back the exact input, full-width signs included
        normalization_rule_name="identity",
        minloglevel=2,
        num_threads=1,
    )
    model_path.write_bytes(model.getvalue())
    return model_path


def _unit_rows(rng: np.random.Generator, rows: int, dims: int) -> np.ndarray:
    """Random zero-mean unit vectors: zero mean keeps every LayerNorm a plain rescaling."""
    vectors = rng.standard_normal((rows, dims))
    vectors -= vectors.mean(axis=1, keepdims=True)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors


def _layer_norm(spec) -> None:
    spec.gamma = np.ones(D_MODEL, dtype=np.float32)
    spec.beta = np.zeros(D_MODEL, dtype=np.float32)


def _linear(spec, weight: np.ndarray) -> None:
    spec.weight = weight.astype(np.float32)
    spec.bias = np.zeros(weight.shape[0], dtype=np.float32)


def _silent_layer(layer) -> None:
    """Zero output projections: the sublayer adds nothing to the residual stream."""
    _layer_norm(layer.self_attention.layer_norm)
    _linear(layer.self_attention.linear[0], np.zeros((3 * D_MODEL, D_MODEL)))
    _linear(layer.self_attention.linear[1], np.zeros((D_MODEL, D_MODEL)))
    _layer_norm(layer.ffn.layer_norm)
    _linear(layer.ffn.linear_0, np.zeros((FFN_DIMS, D_MODEL)))
    _linear(layer.ffn.linear_1, np.zeros((D_MODEL, FFN_DIMS)))


# Output rows re-pointed the way real models garble names (Australia -> "Auraralia",
# Baidu -> "Bedu", Yu'e Bao -> "Ju'e Bao", Jack Ma -> "Jak Ma", Alipay -> "Ali"): each
# source piece on the left comes out as the piece on the right; "" drops it (the output
# row points at <s>, which decodes to nothing) and "</s>" ends the translation there.
# The pieces are those of the tiny tokenizer trained on the sample article.
GARBLING = {"st": "ra", "ai": "e", "<0x59>": "<0x4A>", "c": "", "pa": "", "y": ""}
# Whole names dropped: Sydney and the Pay of Apple Pay never come out.
DROPPING = {"▁Sydney": "", "▁Pay": ""}
# The output stops where Australia should start: a repair in place cannot bring back the
# rest of the sentence; a decode resumed after the approved form can.
TRUNCATING = {"st": "</s>"}
# The placeholder strategy's ⦗1⦘ comes out as ⦗1⦗ (its last byte piece re-pointed): the
# placeholder is lost to a pattern, not to the alignment.
PLACEHOLDER_GARBLING = {"<0x98>": "<0x97>"}


def copy_model_spec(vocabulary: list[str], garble: dict[str, str] | None = None):
    """A 1+1-layer TransformerSpec whose decoder step t copies source token t.

    Embeddings put a token vector in block T and a position vector in block P. The decoder's
    cross-attention query and key read only block P, so step t attends to source position t;
    the value reads block T of the source and the output projection writes it to block C;
    the vocabulary projection reads block C only. add_source_eos makes the copied </s> stop
    decoding.
    """
    import ctranslate2.specs as specs  # imports torch: test and bench code only

    rng = np.random.default_rng(RANDOM_SEED)
    tokens = _unit_rows(rng, len(vocabulary), TOKEN_DIMS)
    positions = _unit_rows(rng, MAX_POSITIONS, POSITION_DIMS)
    token_block = slice(0, TOKEN_DIMS)
    position_block = slice(TOKEN_DIMS, TOKEN_DIMS + POSITION_DIMS)
    copy_block = slice(TOKEN_DIMS + POSITION_DIMS, D_MODEL)

    embeddings = np.zeros((len(vocabulary), D_MODEL))
    embeddings[:, token_block] = tokens
    encodings = np.zeros((MAX_POSITIONS, D_MODEL))
    encodings[:, position_block] = positions

    spec = specs.TransformerSpec.from_config((1, 1), NUM_HEADS)
    for stack in (spec.encoder, spec.decoder):
        stack.scale_embeddings = False
        stack.position_encodings.encodings = encodings.astype(np.float32)
        _layer_norm(stack.layer_norm)
        _silent_layer(stack.layer[0])
    spec.encoder.embeddings[0].weight = embeddings.astype(np.float32)
    spec.decoder.embeddings.weight = embeddings.astype(np.float32)

    cross = spec.decoder.layer[0].attention
    _layer_norm(cross.layer_norm)
    identity_p = np.eye(POSITION_DIMS)
    query = np.zeros((D_MODEL, D_MODEL))
    query[0:POSITION_DIMS, position_block] = QUERY_GAIN * identity_p
    key_value = np.zeros((2 * D_MODEL, D_MODEL))
    key_value[0:POSITION_DIMS, position_block] = identity_p
    key_value[D_MODEL : D_MODEL + TOKEN_DIMS, token_block] = np.eye(TOKEN_DIMS)
    output = np.zeros((D_MODEL, D_MODEL))
    # The encoder's final LayerNorm scales block T by sqrt(D_MODEL / 2) = 16; undo it here.
    output[copy_block, 0:TOKEN_DIMS] = np.eye(TOKEN_DIMS) / 16.0
    _linear(cross.linear[0], query)
    _linear(cross.linear[1], key_value)
    _linear(cross.linear[2], output)

    projection = np.zeros((len(vocabulary), D_MODEL))
    projection[:, copy_block] = OUTPUT_GAIN * tokens
    index = {piece: i for i, piece in enumerate(vocabulary)}
    for piece, replacement in (garble or {}).items():
        if piece not in index or (replacement or "<s>") not in index:
            raise ValueError(f"garbling {piece!r} -> {replacement!r}: not in the vocabulary")
        source, target = index[piece], index[replacement or "<s>"]
        # Row target now also answers to the source piece; the source piece's own row goes
        # quiet, so the decoder writes target wherever it copies piece.
        projection[target, copy_block] += OUTPUT_GAIN * tokens[source]
        projection[source, copy_block] = 0.0
    _linear(spec.decoder.projection, projection)

    spec.config.add_source_eos = True
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


def build_copy_package(
    dest_dir: Path,
    from_code: str,
    to_code: str,
    *,
    sentencepiece_model: Path | None = None,
    package_version: str = "1.0",
    target_prefix: str = "",
    garble: dict[str, str] | None = None,
) -> Path:
    """Write an installed-style Argos package folder under dest_dir and return it.

    Codes are Argos codes (ko, en, zh, zt). sentencepiece_model: reuse an already trained
    tokenizer (training takes about a second; a session builds several packages).
    garble: output pieces re-pointed (GARBLING, DROPPING, TRUNCATING): a copy model that
    gets chosen pieces wrong, as a real model gets names wrong.
    """
    folder = dest_dir / f"translate-{from_code}_{to_code}-{package_version.replace('.', '_')}"
    folder.mkdir(parents=True)
    sp_path = folder / "sentencepiece.model"
    if sentencepiece_model is None:
        train_sentencepiece(sp_path)
    else:
        sp_path.write_bytes(sentencepiece_model.read_bytes())
    processor = spm.SentencePieceProcessor(model_file=str(sp_path))
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]

    spec = copy_model_spec(vocabulary, garble)
    spec.validate()
    spec.optimize(quantization="int8")  # what Argos ships, and ten times smaller than float32
    (folder / "model").mkdir()
    spec.save(str(folder / "model"))

    metadata = {
        "package_version": package_version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": LANGUAGE_NAMES.get(from_code, from_code),
        "to_code": to_code,
        "to_name": LANGUAGE_NAMES.get(to_code, to_code),
        "type": "translate",
        "links": [],
    }
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (folder / "metadata.json").write_text(json.dumps(metadata, indent=2), encoding="utf-8")
    (folder / "README.md").write_text(
        f"Tiny copy model {from_code}->{to_code} built for tests; it returns its input.\n",
        encoding="utf-8",
    )
    return folder


def zip_package(folder: Path, archive: Path) -> Path:
    """Zip a package folder into a .argosmodel with the folder as its single top entry."""
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            zf.write(path, path.relative_to(folder.parent).as_posix())
    return archive


def build_argosmodel(
    dest_dir: Path,
    from_code: str,
    to_code: str,
    *,
    sentencepiece_model: Path | None = None,
    package_version: str = "1.0",
) -> Path:
    """Build a copy package in a scratch folder under dest_dir and zip it to a .argosmodel."""
    scratch = dest_dir / f"build-{from_code}_{to_code}-{package_version}"
    folder = build_copy_package(
        scratch,
        from_code,
        to_code,
        sentencepiece_model=sentencepiece_model,
        package_version=package_version,
    )
    return zip_package(folder, dest_dir / f"{folder.name}.argosmodel")
