"""The house rules that keep the core headless and start-up light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ("glossary", "translation", "documents", "memory", "qa", "storage", "workflows")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_packages_never_import_qt_or_desktop():
    offenders = []
    for package in CORE:
        for path in (ROOT / package).rglob("*.py"):
            for name in _imports(path):
                if name.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "desktop", "shiboken6"}:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_app_code_never_imports_argos_translate_or_torch():
    offenders = []
    for package in (*CORE, "desktop", "cli"):
        for path in (ROOT / package).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(("argostranslate.translate", "torch", "stanza", "spacy")):
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_headless_help_loads_no_heavy_module():
    code = (
        "import sys, main; main.build_parser();"
        "heavy = [m for m in ('torch', 'stanza', 'spacy', 'PySide6', 'argostranslate.translate')"
        " if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
