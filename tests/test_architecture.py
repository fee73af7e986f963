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


# What the window and the command line share lives in workflows/: these names are defined
# there and nowhere else, and cli/ and desktop/ import them from there.
SHARED = {
    "workflows.pair_glossary": {
        "PairGlossary", "load_pair_glossary", "pair_glossary_factory", "merge_curated",
        "open_desk_termbase", "command_glossary",
    },
    "workflows.new_project": {
        "sample_project", "project_from_source", "project_from_xliff", "create_project",
        "prepare", "new_project",
    },
    "workflows.translate_project": {"translate_segments", "MTRecord", "TranslatedSegment"},
    "workflows.check_project": {"check_pair", "check_project"},
}  # fmt: skip
# Moved into workflows/: nothing imports them any more
GONE = {"desktop.sample"}
# A re-export of workflows.pair_glossary under its old names, until desktop/window/main_window.py
# and desktop/project/export_dialog.py import workflows.pair_glossary; then it goes too.
STILL_REEXPORTED = {"desktop.glossary.mt_source"}
OUTSIDE = ("cli", "desktop", "bench")


def _defined(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    kinds = (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)
    return {node.name for node in tree.body if isinstance(node, kinds)}


def test_shared_workflows_are_defined_only_in_workflows():
    names = set().union(*SHARED.values())
    offenders = [
        f"{path.relative_to(ROOT)} defines {name}"
        for package in OUTSIDE
        for path in (ROOT / package).rglob("*.py")
        for name in sorted(_defined(path) & names)
    ]
    assert offenders == []
    for module, expected in SHARED.items():
        defined = _defined(ROOT / (module.replace(".", "/") + ".py"))
        assert expected <= defined, f"{module} lost {expected - defined}"
    assert not (ROOT / "desktop" / "sample.py").exists()


def _imported(path: Path) -> list[tuple[str, str]]:
    """(module, name) of every import in path; name is "" for `import module`."""
    found: list[tuple[str, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


def test_cli_and_desktop_take_the_shared_workflows_from_workflows():
    home = {name: module for module, names in SHARED.items() for name in names}
    offenders = []
    for package in OUTSIDE:
        for path in (ROOT / package).rglob("*.py"):
            where = path.relative_to(ROOT)
            for module, name in _imported(path):
                if module in GONE:
                    offenders.append(f"{where} imports {module}")
                elif name in home and module != home[name] and module not in STILL_REEXPORTED:
                    offenders.append(f"{where} imports {name} from {module}, not {home[name]}")
    assert offenders == []
