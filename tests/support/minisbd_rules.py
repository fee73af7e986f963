"""Write a MiniSBD sentence splitter (ONNX) that ends a sentence at . ! ? 。！？ — no download.

Run with the LibreTranslate venv's Python (it needs the `onnx` package, which our own venv does
not carry): `python minisbd_rules.py OUT.onnx LANG`. argos-translate-lt's MiniSBDSentencizer
loads `<package>/minisbd/*.onnx` before it looks at MiniSBD's download cache, so a package that
carries this file is split offline. The graph has MiniSBD's inputs (units, features) and its
output (per-character scores over the 5 classes: 0 inside a token, 1 token end, 2 sentence
end, 3-4 multi-word tokens); two table lookups (this character, the next one) do the work.
"""

from __future__ import annotations

import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ENDS = ".!?。！？"
CLASSES = 5


def build(path: str, lang: str) -> None:
    units = ["<PAD>", "<UNK>", " ", *ENDS]
    # A character ends a sentence when it is . ! ? (and the like) and the next one is a space
    # or the end of the text: "3.8조" and "U.S.A" stay whole, "했다. 그" splits.
    is_end = np.array([1.0 if unit in ENDS else 0.0 for unit in units], dtype=np.float32)
    is_break = np.array([1.0 if unit in ("<PAD>", " ") else 0.0 for unit in units], np.float32)
    ints = TensorProto.INT64
    nodes = [
        helper.make_node("Gather", ["is_end", "units"], ["end"], axis=0),
        # the next character: units shifted left by one, padded with <PAD> (0) at the end
        helper.make_node("Slice", ["units", "one", "big", "one"], ["rest"]),
        helper.make_node("Pad", ["rest", "pad_end"], ["following"]),
        helper.make_node("Gather", ["is_break", "following"], ["brk"], axis=0),
        helper.make_node("Mul", ["end", "brk"], ["sentence_end"]),
        helper.make_node("Sub", ["one_f", "sentence_end"], ["inside"]),
        helper.make_node("Mul", ["sentence_end", "two_f"], ["ending"]),
        helper.make_node("Mul", ["sentence_end", "zero_f"], ["never"]),
        *[helper.make_node("Unsqueeze", [name, "last"], [f"{name}_col"])
          for name in ("inside", "never", "ending")],
        helper.make_node(
            "Concat",
            ["inside_col", "never_col", "ending_col", "never_col", "never_col"],
            ["logits"],
            axis=2,
        ),
    ]  # fmt: skip
    constants = [
        numpy_helper.from_array(is_end, "is_end"),
        numpy_helper.from_array(is_break, "is_break"),
        numpy_helper.from_array(np.array([1], dtype=np.int64), "one"),
        numpy_helper.from_array(np.array([1 << 30], dtype=np.int64), "big"),
        numpy_helper.from_array(np.array([0, 0, 0, 1], dtype=np.int64), "pad_end"),
        numpy_helper.from_array(np.array([2], dtype=np.int64), "last"),
        numpy_helper.from_array(np.array(1.0, dtype=np.float32), "one_f"),
        numpy_helper.from_array(np.array(2.0, dtype=np.float32), "two_f"),
        numpy_helper.from_array(np.array(0.0, dtype=np.float32), "zero_f"),
    ]
    graph = helper.make_graph(
        nodes,
        "minisbd_rules",
        [
            helper.make_tensor_value_info("units", ints, ["batch", "chars"]),
            helper.make_tensor_value_info(
                "features", TensorProto.FLOAT, ["batch", "chars", "feats"]
            ),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "chars", CLASSES])],
        constants,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 8  # readable by every onnxruntime LibreTranslate pins
    vocab = {
        "lang": lang,
        "idx": 0,
        "cutoff": 0,
        "lower": False,
        "_id2unit": units,
        "_unit2id": {unit: i for i, unit in enumerate(units)},
    }
    config = {"max_seqlen": 1000, "batch_size": 16, "feat_funcs": [], "use_dictionary": False}
    for key, value in (("lang_code", lang), ("config", json.dumps(config)),
                       ("vocab", json.dumps(vocab)), ("lexicon", "null")):  # fmt: skip
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value
    onnx.checker.check_model(model)
    onnx.save(model, path)


if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
