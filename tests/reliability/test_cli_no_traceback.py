"""No traceback reaches a user from any command: every entry goes through one mapping.

An AST check proves the path (every entry point is main.main or calls it; main.main runs
every subcommand's func through cli.common.run_command; every cli module registers its
func with set_defaults); subprocess runs prove the mapping, including for an error no
command expected.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _function(tree: ast.Module, name: str) -> ast.FunctionDef:
    return next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)


def test_main_runs_every_subcommand_through_run_command() -> None:
    tree = ast.parse((ROOT / "main.py").read_text(encoding="utf-8"))
    main = _function(tree, "main")
    calls = [n for n in ast.walk(main) if isinstance(n, ast.Call)]
    through = [c for c in calls if isinstance(c.func, ast.Name) and c.func.id == "run_command"]
    assert through, "main() must run args.func through cli.common.run_command"
    direct = [
        c for c in calls
        if isinstance(c.func, ast.Attribute) and c.func.attr == "func"
    ]  # fmt: skip
    assert not direct, "main() calls args.func directly, outside the error mapping"
    desk = _function(tree, "desk")
    assert any(
        isinstance(c.func, ast.Name) and c.func.id == "main"
        for c in ast.walk(desk) if isinstance(c, ast.Call)
    )  # fmt: skip


def test_every_entry_point_is_main() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = scripts.get("project", {})
    entries = {**project.get("scripts", {}), **project.get("gui-scripts", {})}
    assert entries, "no console scripts declared"
    for name, target in entries.items():
        assert target in ("main:main", "main:desk"), f"{name} = {target} bypasses main.main"


def test_every_cli_module_registers_its_func() -> None:
    import main

    for name in main.SUBCOMMANDS:
        path = ROOT / "cli" / f"{name.replace('-', '_')}.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        registered = [
            n for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "set_defaults" and any(k.arg == "func" for k in n.keywords)
        ]  # fmt: skip
        assert registered, f"cli/{path.name} sets no func: main() could not map its errors"


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), "HANBIT_DEBUG": ""},
    )  # fmt: skip


@pytest.mark.parametrize(
    "error",
    [
        "RuntimeError('boom')",
        "KeyError('x')",
        "OSError(28, 'No space left on device')",
        "__import__('sqlite3').OperationalError('database is locked')",
        "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'invalid start byte')",
        "MemoryError()",
    ],
)
def test_an_error_no_command_expected_is_one_line(error: str, tmp_path: Path) -> None:
    code = (
        "import sys, main, cli.qa\n"
        f"def boom(args): raise {error}\n"
        "cli.qa.run = boom\n"
        f"sys.exit(main.main(['qa', {str(tmp_path / 'x.tsv')!r}, '--from', 'ko', '--to', 'en']))\n"
    )
    done = _run(code)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    if "28" in error:
        assert "disk is full" in lines[0]


def test_a_broken_pipe_and_ctrl_c_are_quiet() -> None:
    code = (
        "import sys, main, cli.qa\n"
        "def stop(args): raise KeyboardInterrupt\n"
        "cli.qa.run = stop\n"
        "sys.exit(main.main(['qa', 'x.tsv', '--from', 'ko', '--to', 'en']))\n"
    )
    done = _run(code)
    assert done.returncode == 130 and "Traceback" not in done.stderr
