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
GONE = {"desktop.sample", "desktop.glossary.mt_source"}
STILL_REEXPORTED: set[str] = set()  # none left (desktop.glossary.mt_source is gone)
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


# The window builds itself (issue 12): features see it through the typed desk
# (desktop/desk.py) and never assemble it from outside.
WINDOW_NAMES = {"window", "win", "mw", "desk", "window_"}


def _window_attribute_writes(path: Path) -> list[str]:
    writes = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            targets = [node.target]
        else:
            continue
        for target in targets:
            for sub in ast.walk(target):
                owner = sub.value if isinstance(sub, ast.Attribute) else None
                if isinstance(owner, ast.Name) and owner.id in WINDOW_NAMES:
                    writes.append(f"{path.relative_to(ROOT)}:{node.lineno} {owner.id}.{sub.attr}")
                # self.window.x = … / self.desk.x = … as well
                if (
                    isinstance(owner, ast.Attribute)
                    and owner.attr in WINDOW_NAMES
                    and isinstance(owner.value, ast.Name)
                    and owner.value.id == "self"
                ):
                    writes.append(
                        f"{path.relative_to(ROOT)}:{node.lineno} self.{owner.attr}.{sub.attr}"
                    )
    return writes


def test_no_module_outside_the_window_sets_attributes_on_it():
    writes = []
    for package in ("desktop", "cli", "bench"):
        for path in (ROOT / package).rglob("*.py"):
            if path.parent != ROOT / "desktop" / "window":  # the window's own modules may
                writes += _window_attribute_writes(path)
    assert writes == []


def test_features_reach_the_window_only_through_the_desk():
    """No feature imports the window class; cli/open.py alone builds it."""
    offenders = []
    for path in (ROOT / "desktop").rglob("*.py"):
        if path.parent.name == "window":
            continue
        for name in _imports(path):
            if name.startswith("desktop.window.main_window"):
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_every_settings_key_is_declared_in_desktop_settings():
    """QSettings is read and written in desktop/settings.py only: each key once, with a default."""
    offenders = []
    for package in ("desktop", "cli"):
        for path in (ROOT / package).rglob("*.py"):
            if path.relative_to(ROOT).as_posix() == "desktop/settings.py":
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Name) and node.id == "QSettings":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} uses QSettings")
                if isinstance(node, ast.Attribute) and node.attr == "q":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} reaches settings.q")
    assert offenders == []


def test_every_signal_the_desk_declares_is_named_sig():
    """Signals are sig_*: a plain name (finished, closed, segment_changed) can override a Qt
    signal of the base class or shadow a method of the same name without a word of warning."""
    plain = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "id", None) == "Signal"
            ):
                for target in node.targets:
                    name = getattr(target, "id", "")
                    if not name.startswith("sig_"):
                        plain.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert plain == []
