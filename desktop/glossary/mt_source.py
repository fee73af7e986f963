"""Moved to workflows.pair_glossary; these names stay until the window and the export dialog
import it from there (desktop/window/main_window.py, desktop/project/export_dialog.py)."""

from __future__ import annotations

from workflows.pair_glossary import PairGlossary as MTGlossary
from workflows.pair_glossary import load_pair_glossary as load_mt_glossary
from workflows.pair_glossary import merge_curated
from workflows.pair_glossary import pair_glossary_factory as mt_glossary_factory

__all__ = ["MTGlossary", "load_mt_glossary", "merge_curated", "mt_glossary_factory"]
