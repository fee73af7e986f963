"""A translator's install: the project into a fresh virtual environment, and the one-folder app.

Both build for minutes (a wheel and every dependency; PyInstaller over PySide6), so they run
in CI (CI=true) or with HANBIT_INSTALL_TESTS=1, never in a quick local run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from support.tiny_bpe_package import build_bpe_copy_package
from support.tiny_package import SEED_ARTICLE, build_copy_package

ROOT = Path(__file__).resolve().parents[2]
ENABLED = os.environ.get("CI") == "true" or os.environ.get("HANBIT_INSTALL_TESTS") == "1"
pytestmark = [
    pytest.mark.skipif(
        not ENABLED, reason="builds for minutes: runs in CI or with HANBIT_INSTALL_TESTS=1"
    ),
    pytest.mark.timeout(1500),
]
HEAVY = ("torch", "stanza", "spacy")
# No glossary term in them: the tiny BPE package knows only English pieces, so an injected
# Korean form would have none (a real en→ko package has Korean in its target vocabulary).
ENGLISH = ["The company signed a partnership with a bank.", "Investors raised $15 million."]


def _article_lines() -> list[str]:
    lines = [line.strip() for line in SEED_ARTICLE.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SentencePiece package (ko→en) and a BPE one (en→ko), side by side as Argos has them."""
    folder = tmp_path_factory.mktemp("packages")
    build_copy_package(folder, "ko", "en")
    build_bpe_copy_package(folder, "en", "ko")
    return folder


def _clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(
        HANBIT_DATA_DIR=str(tmp / "data"),
        XDG_CONFIG_HOME=str(tmp / "config"),
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    return env


def _translate(
    command: list[str],
    text_file: Path,
    source: str,
    target: str,
    packages: Path,
    env: dict[str, str],
    cwd: Path,
) -> list[str]:
    done = subprocess.run(
        [
            *command,
            "translate",
            str(text_file),
            "--from",
            source,
            "--to",
            target,
            "--packages",
            str(packages),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = json.loads(done.stdout)
    return [row["target"] for row in rows]


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """pip install of the project (not editable: what pipx does) into a new environment."""
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=True).create(folder)
    pip = [
        str(folder / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
    ]
    done = subprocess.run([*pip, str(ROOT)], capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    return folder


def test_fresh_install_has_no_torch_stanza_or_spacy(fresh_venv: Path):
    probe = (
        "import importlib.util as u, json; print(json.dumps({m: bool(u.find_spec(m)) for m in %r}))"
    )
    done = subprocess.run(
        [str(fresh_venv / "bin" / "python"), "-c", probe % (HEAVY,)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == dict.fromkeys(HEAVY, False)


def test_entry_points_answer_help(fresh_venv: Path, tmp_path: Path):
    for script in ("hanbit", "hanbit-desk"):
        done = subprocess.run(
            [str(fresh_venv / "bin" / script), "--help"],
            capture_output=True,
            text=True,
            env=_clean_env(tmp_path),
            cwd=tmp_path,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert f"usage: {script}" in done.stdout


def test_installed_desk_translates_with_sentencepiece_and_bpe_packages(
    fresh_venv: Path, packages: Path, tmp_path: Path
):
    env = _clean_env(tmp_path)
    hanbit = [str(fresh_venv / "bin" / "hanbit")]
    # Outside the repository: only the installed modules and resources can be found.
    article = tmp_path / "article.ko.txt"
    shutil.copyfile(SEED_ARTICLE, article)
    out = _translate(hanbit, article, "ko", "en", packages, env, tmp_path)
    assert len(out) >= 20 and any("Alipay" in line for line in out)  # the curated glossary is there
    english = tmp_path / "english.txt"
    english.write_text("\n\n".join(ENGLISH), encoding="utf-8")
    assert _translate(hanbit, english, "en", "ko", packages, env, tmp_path) == ENGLISH


def test_desktop_entry_installs_under_the_users_data_folder(fresh_venv: Path, tmp_path: Path):
    home = tmp_path / "share"
    done = subprocess.run(
        [str(fresh_venv / "bin" / "hanbit"), "desktop-entry", "install", "--data-home", str(home)],
        capture_output=True,
        text=True,
        env=_clean_env(tmp_path),
        cwd=tmp_path,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    entry = (home / "applications" / "hanbit-desk.desktop").read_text(encoding="utf-8")
    assert f"Exec={fresh_venv / 'bin' / 'hanbit-desk'} %f" in entry
    assert (home / "icons/hicolor/256x256/apps/hanbit-desk.png").stat().st_size > 1000


@pytest.mark.skipif(
    shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None,
    reason="pyinstaller is not installed (pip install -e '.[bundle]')",
)
def test_bundled_app_opens_the_window_and_translates(packages: Path, tmp_path: Path):
    """PyInstaller's one-folder app from packaging/hanbit-desk.spec runs without the repository."""
    dist, work = tmp_path / "dist", tmp_path / "build"
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "pyinstaller"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "hanbit-desk.spec"),
        ],
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    app = dist / "hanbit-desk" / "hanbit-desk"
    assert app.exists()
    env = _clean_env(tmp_path, HANBIT_EXIT_WHEN_SHOWN="1", ARGOS_PACKAGES_DIR=str(packages))
    shown = subprocess.run(
        [str(app)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300
    )
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert "HANBIT_SHOWN rows=" in shown.stdout  # the sample article painted in the grid
    english = tmp_path / "english.txt"
    english.write_text("\n\n".join(ENGLISH), encoding="utf-8")
    assert _translate([str(app)], english, "en", "ko", packages, env, tmp_path) == ENGLISH
