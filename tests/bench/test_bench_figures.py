"""The benchmark table: each figure says plainly whether its target is met."""

from __future__ import annotations

import math

from bench.__main__ import document
from bench.common import Figure, markdown_table


def test_a_ceiling_is_met_only_below_it():
    assert Figure("b", "stall", 31.0, 50.0, "ms").verdict == "MET"
    assert Figure("b", "stall", 50.0, 50.0, "ms").verdict == "NOT MET"
    assert Figure("b", "stall", 75.0, 50.0, "ms").ratio == "1.50"


def test_a_speed_up_target_is_a_minimum():
    assert Figure("b", "speed-up", 49.0, 50.0, "x", at_least=True).verdict == "NOT MET"
    assert Figure("b", "speed-up", 900.0, 50.0, "x", at_least=True).verdict == "MET"
    assert Figure("b", "speed-up", 900.0, 50.0, "x", at_least=True).target == "≥ 50.0x"


def test_figures_not_measured_or_failed_are_not_counted_as_met():
    assert Figure("cuda", "ratio", math.nan, 1.1, "x").verdict == "not run"
    assert Figure("x", "(bench failed)", math.nan, None, error="boom").verdict == "ERROR"
    assert Figure("m", "build", 0.8, None, "s").verdict == "–"


def test_the_document_counts_met_targets_and_lists_every_figure():
    figures = [
        Figure("startup", "ratio", 0.2, 0.35, "x", note="best of 5"),
        Figure("throughput", "ratio", 1.3, 1.1, "x"),
        Figure("throughput (cuda)", "ratio", math.nan, 1.1, "x", note="no CUDA device"),
    ]
    text = document(figures, {"startup": 3.0, "throughput": 20.0}, quick=False)
    assert "**1 of 2 targets met**" in text
    assert "| throughput | ratio | < 1.10x | 1.30x | 1.18 | NOT MET |" in text
    assert "not run" in markdown_table(figures)
    assert "best of 5" in text


def test_a_rewrite_keeps_the_sections_measured_by_their_own_commands(tmp_path):
    from bench.__main__ import KEPT_MARKER, kept_sections

    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# old results\n\n{KEPT_MARKER}\n\n## Team servers\n\n| p95 | 2 ms |\n")
    kept = kept_sections(doc)
    assert "## Team servers" in kept and "old results" not in kept
    assert kept_sections(tmp_path / "missing.md") == ""
