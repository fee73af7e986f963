"""Write a MiniSBD sentence splitter (ONNX) that ends a sentence at . ! ? 。！？ — no download.

Run with the LibreTranslate venv's Python (it needs the `onnx` package, which our own venv does
not carry): `python minisbd_rules.py OUT.onnx LANG`. argos-translate-lt's MiniSBDSentencizer
loads `<package>/minisbd/*.onnx` before it looks at MiniSBD's download cache, so a package that
carries this file is split offline. The graph has MiniSBD's inputs (units, features) and its
output (per-character scores over the 5 classes: 0 inside a token, 1 token end, 2 sentence
end, 3-4 multi-word tokens); one Gather from a per-character table does the "model" work.
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
    table = np.zeros((len(units), CLASSES), dtype=np.float32)
    table[:, 0] = 1.0  # inside a token, unless said otherwise below
    table[2] = [0.0, 2.0, 0.0, 0.0, 0.0]  # a space ends a token
    for index in range(3, len(units)):
        table[index] = [0.0, 0.0, 2.0, 0.0, 0.0]  # . ! ? end a sentence
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "units"], ["logits"], axis=0)],
        "minisbd_rules",
        [
            helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "chars"]),
            helper.make_tensor_value_info(
                "features", TensorProto.FLOAT, ["batch", "chars", "feats"]
            ),
        ],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "chars", CLASSES])],
        [numpy_helper.from_array(table, "table")],
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
