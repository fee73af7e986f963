"""Installing a package never loses the working one: check first, swap by rename, roll back.

Before: a package whose metadata claimed ko→en but whose model.bin was garbage replaced (and
destroyed) the working ko→en package; a kill between "delete old" and "move new in" left no
package at all; a 300-byte top folder failed with a raw ENAMETOOLONG; three installs at once
collided (ENOTEMPTY) because the install lock was per process.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from translation.engine import Engine
from translation.packages import PackageError, install_package_file, installed_packages

ROOT = Path(__file__).resolve().parents[2]


def _garbage_over(archive_folder: Path, packages: Path, tmp_path: Path) -> Path:
    """A .argosmodel of the installed ko→en package with model.bin replaced by garbage."""
    source = packages / "translate-ko_en-1_0"
    out = tmp_path / "garbage.argosmodel"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(source.rglob("*")):
            name = f"translate-ko_en-1_1/{path.relative_to(source)}"
            if path.is_dir():
                continue
            if path.name == "model.bin":
                archive.writestr(name, os.urandom(4096))
            elif path.name == "metadata.json":
                meta = json.loads(path.read_text(encoding="utf-8"))
                archive.writestr(name, json.dumps({**meta, "package_version": "1.1"}))
            else:
                archive.write(path, name)
    return out


def _translates(packages: Path) -> str:
    engine = Engine(packages)
    try:
        return engine.translate(["알리페이"], "ko", "en")[0]
    finally:
        engine.close()


def test_a_garbage_model_never_replaces_a_working_package(tiny_packages_copy, tmp_path):
    before = sorted(p.name for p in tiny_packages_copy.iterdir())
    garbage = _garbage_over(tmp_path, tiny_packages_copy, tmp_path)
    with pytest.raises(PackageError, match="cannot translate.*nothing was installed or replaced"):
        install_package_file(garbage, tiny_packages_copy)
    assert sorted(p.name for p in tiny_packages_copy.iterdir()) == before
    assert _translates(tiny_packages_copy).strip()


KILLED_CHILD = """
import os, signal, sys
from pathlib import Path
import translation.packages as packages

real = os.replace
def replace_then_die(src, dst):
    real(src, dst)
    if ".replaced-" in str(dst):  # the old package is out of the way, the new not yet in
        os.kill(os.getpid(), signal.SIGKILL)
packages.os.replace = replace_then_die
packages.install_package_file(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_an_install_killed_between_its_renames_rolls_back_on_next_start(
    tiny_packages_copy, tiny_sentencepiece, tmp_path
):
    from support.tiny_package import build_copy_package

    staging = tmp_path / "staging"
    staging.mkdir()
    newer = build_copy_package(staging, "ko", "en", sentencepiece_model=tiny_sentencepiece)
    meta = json.loads((newer / "metadata.json").read_text(encoding="utf-8"))
    (newer / "metadata.json").write_text(json.dumps({**meta, "package_version": "1.1"}))
    archive = tmp_path / "newer.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(newer.rglob("*")):
            if path.is_file():
                zf.write(path, f"translate-ko_en-1_1/{path.relative_to(newer)}")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_CHILD), str(archive),
         str(tiny_packages_copy)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'tests'}"},
    )  # fmt: skip
    assert done.returncode == -9, done.stderr[-2000:]
    assert "translate-ko_en-1_0" not in os.listdir(tiny_packages_copy)  # killed mid-swap
    # The next start (any listing of packages) puts the working package back.
    pairs = [(p.pair, p.version) for p in installed_packages(tiny_packages_copy)]
    assert pairs == [(("en", "zh-Hans"), "1.0"), (("ko", "en"), "1.0")]
    assert sorted(os.listdir(tiny_packages_copy)) == [
        "translate-en_zh-1_0",
        "translate-ko_en-1_0",
    ]
    assert _translates(tiny_packages_copy).strip()


def test_a_top_folder_name_too_long_for_the_file_system_is_refused_clearly(tmp_path):
    top = "t" * 300
    archive = tmp_path / "long.argosmodel"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(f"{top}/metadata.json", json.dumps({"from_code": "ko", "to_code": "en"}))
        zf.writestr(f"{top}/model/model.bin", b"x")
        zf.writestr(f"{top}/model/config.json", b"{}")
        zf.writestr(f"{top}/sentencepiece.model", b"x")
    with pytest.raises(PackageError, match="300 bytes long"):
        install_package_file(archive, tmp_path / "packages")
    assert not (tmp_path / "packages").exists() or not os.listdir(tmp_path / "packages")


CONCURRENT_CHILD = """
import sys, time
from pathlib import Path
from translation.packages import install_package_file
start = float(sys.argv[3])
while time.time() < start:
    pass
print(install_package_file(Path(sys.argv[1]), Path(sys.argv[2])).path.name)
"""


@pytest.mark.timeout(180)
def test_three_installs_at_once_all_succeed(tiny_argosmodel, tmp_path):
    packages = tmp_path / "packages"
    start = str(time.time() + 3)
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                textwrap.dedent(CONCURRENT_CHILD),
                str(tiny_argosmodel),
                str(packages),
                start,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        for _ in range(3)
    ]
    outputs = [child.communicate(timeout=150) for child in children]
    assert [c.returncode for c in children] == [0, 0, 0], [err[-800:] for _, err in outputs]
    assert sorted(os.listdir(packages)) == ["translate-zh_en-1_0"]
    assert [p.pair for p in installed_packages(packages)] == [("zh-Hans", "en")]
    shutil.rmtree(packages)


def test_an_index_version_cannot_steer_the_download_out_of_its_folder() -> None:
    from translation.index import AvailablePackage

    package = AvailablePackage("ko", "en", "1.0/../../../../home/x/.bashrc", "ko→en", ("u",))
    assert "/" not in package.file_name and ".." not in package.file_name
    assert package.file_name.startswith("translate-ko_en-1.0_") and package.file_name.endswith(
        ".argosmodel"
    )
