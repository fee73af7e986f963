"""Installed packages: reading, installing a .argosmodel safely, removing."""

from __future__ import annotations

import json
import logging
import os
import stat
import time
import zipfile
from pathlib import Path

import pytest

from support.tiny_package import build_argosmodel
from translation.packages import (
    PackageError,
    default_packages_dir,
    install_package_file,
    installed_packages,
    remove_package,
)

TOP = "translate-zh_en-1_0"
METADATA = {"package_version": "1.0", "argos_version": "1.9", "from_code": "zh", "to_code": "en"}


def _archive(tmp_path: Path, entries: dict[str, bytes | None], **modes: int) -> Path:
    """A hand-made zip: entries maps names to content (None: a directory entry)."""
    path = tmp_path / "crafted.argosmodel"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in entries.items():
            info = zipfile.ZipInfo(name)
            mode = modes.get(
                name, stat.S_IFDIR | 0o755 if content is None else stat.S_IFREG | 0o644
            )
            info.external_attr = mode << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, content or b"")
    return path


def _valid_entries(top: str = TOP, metadata: dict | None = None) -> dict[str, bytes | None]:
    return {
        f"{top}/": None,
        f"{top}/metadata.json": json.dumps(metadata or METADATA).encode(),
        f"{top}/model/model.bin": b"not really a model",
        f"{top}/model/config.json": b"{}",
        f"{top}/sentencepiece.model": b"not really a tokenizer",
    }


def test_installed_packages_reads_desk_codes(tiny_packages_dir: Path):
    packages = installed_packages(tiny_packages_dir)
    assert [p.pair for p in packages] == [("en", "zh-Hans"), ("ko", "en")]
    assert packages[1].name == "Korean → English"
    assert packages[1].version == "1.0"
    assert packages[1].size_bytes > 1_000_000


def test_broken_folder_is_skipped_and_logged(tiny_packages_copy: Path, caplog):
    (tiny_packages_copy / "half-copied").mkdir()
    (tiny_packages_copy / "half-copied" / "metadata.json").write_text("{", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        pairs = [p.pair for p in installed_packages(tiny_packages_copy)]
    assert pairs == [("en", "zh-Hans"), ("ko", "en")]
    assert "half-copied" in caplog.text and "not valid JSON" in caplog.text


def test_missing_packages_folder_means_no_packages(tmp_path: Path):
    assert installed_packages(tmp_path / "nothing-here") == []


def test_default_dir_follows_argos(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("ARGOS_PACKAGES_DIR", raising=False)
    monkeypatch.delenv("SNAP", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert default_packages_dir() == tmp_path / "data" / "argos-translate" / "packages"
    assert not (tmp_path / "data").exists()  # looking up the folder creates nothing

    settings = tmp_path / "config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert default_packages_dir() == tmp_path / "from-settings"

    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "from-env"))
    assert default_packages_dir() == tmp_path / "from-env"


def test_install_argosmodel(tiny_argosmodel: Path, tmp_path: Path):
    packages_dir = tmp_path / "packages"
    package = install_package_file(tiny_argosmodel, packages_dir)
    assert package.pair == ("zh-Hans", "en")
    assert package.path == packages_dir / TOP
    assert [p.pair for p in installed_packages(packages_dir)] == [("zh-Hans", "en")]
    assert [p.name for p in packages_dir.iterdir()] == [TOP]  # no scratch folder left


def test_install_replaces_the_same_pair(tiny_argosmodel: Path, tmp_path: Path, tiny_sentencepiece):
    packages_dir = tmp_path / "packages"
    install_package_file(tiny_argosmodel, packages_dir)
    newer = build_argosmodel(
        tmp_path, "zh", "en", sentencepiece_model=tiny_sentencepiece, package_version="1.1"
    )
    install_package_file(newer, packages_dir)
    assert [(p.pair, p.version) for p in installed_packages(packages_dir)] == [
        (("zh-Hans", "en"), "1.1")
    ]
    assert [p.name for p in packages_dir.iterdir()] == ["translate-zh_en-1_1"]


BAD_ARCHIVES = {
    "two top folders": (
        {**_valid_entries(), "other/metadata.json": b"{}"},
        {},
        "2 top folders",
    ),
    "file at the top": ({**_valid_entries(), "README.md": b"hi"}, {}, "outside a folder"),
    "absolute path": ({**_valid_entries(), f"/{TOP}/x": b"x"}, {}, "absolute path"),
    "parent folder": ({**_valid_entries(), f"{TOP}/../evil": b"x"}, {}, "outside the package"),
    "symlink": (
        {**_valid_entries(), f"{TOP}/link": b"/etc/passwd"},
        {f"{TOP}/link": stat.S_IFLNK | 0o777},
        "symbolic link",
    ),
    "fifo": (
        {**_valid_entries(), f"{TOP}/pipe": b""},
        {f"{TOP}/pipe": stat.S_IFIFO | 0o644},
        "special file",
    ),
    "no metadata": (
        {k: v for k, v in _valid_entries().items() if "metadata" not in k},
        {},
        "no translate-zh_en-1_0/metadata.json",
    ),
    "metadata not json": (
        {**_valid_entries(), f"{TOP}/metadata.json": b"{nope"},
        {},
        "not valid JSON",
    ),
    "metadata without codes": (
        _valid_entries(metadata={"package_version": "1.0", "from_code": "zh"}),
        {},
        "to_code is missing",
    ),
    "same codes": (
        _valid_entries(metadata={**METADATA, "to_code": "zh"}),
        {},
        "both 'zh'",
    ),
    "no model": (
        {k: v for k, v in _valid_entries().items() if "model.bin" not in k},
        {},
        "model/model.bin is missing",
    ),
    "no tokenizer": (
        {k: v for k, v in _valid_entries().items() if "sentencepiece" not in k},
        {},
        "no sentencepiece.model or bpe.model",
    ),
    "zip bomb": (
        {**_valid_entries(), f"{TOP}/model/model.bin": bytes(4 * 1024**2)},
        {},
        "looks like a zip bomb",
    ),
}


@pytest.mark.parametrize("case", BAD_ARCHIVES, ids=list(BAD_ARCHIVES))
def test_bad_archive_is_refused_before_writing(case: str, tmp_path: Path):
    entries, modes, message = BAD_ARCHIVES[case]
    archive = _archive(tmp_path, entries, **modes)
    packages_dir = tmp_path / "packages"
    with pytest.raises(PackageError, match=message):
        install_package_file(archive, packages_dir)
    assert not packages_dir.exists()


def test_refuses_what_is_not_a_zip(tmp_path: Path):
    fake = tmp_path / "ko_en.argosmodel"
    fake.write_text("<html>404 Not Found</html>", encoding="utf-8")
    with pytest.raises(PackageError, match="not a zip archive"):
        install_package_file(fake, tmp_path / "packages")
    with pytest.raises(PackageError, match="does not exist"):
        install_package_file(tmp_path / "missing.argosmodel", tmp_path / "packages")


def test_refuses_more_than_the_size_limit(tiny_argosmodel: Path, tmp_path: Path):
    with pytest.raises(PackageError, match="more than the 1 MB limit"):
        install_package_file(tiny_argosmodel, tmp_path / "packages", max_bytes=1024**2)
    assert not (tmp_path / "packages").exists()


def test_damaged_data_leaves_nothing_installed(tiny_argosmodel: Path, tmp_path: Path):
    # Corrupt the compressed bytes in the middle of model.bin: the directory still reads,
    # so the failure comes half way through extraction.
    damaged = tmp_path / "damaged.argosmodel"
    data = bytearray(tiny_argosmodel.read_bytes())
    with zipfile.ZipFile(tiny_argosmodel) as zf:
        info = zf.getinfo(f"{TOP}/model/model.bin")
    middle = info.header_offset + 100 + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    packages_dir = tmp_path / "packages"
    with pytest.raises(PackageError, match="model.bin' is damaged"):
        install_package_file(damaged, packages_dir)
    assert list(packages_dir.iterdir()) == []


def test_stale_scratch_folders_are_cleared(tiny_argosmodel: Path, tmp_path: Path):
    packages_dir = tmp_path / "packages"
    stale = packages_dir / ".installing-killed"
    (stale / TOP).mkdir(parents=True)
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    assert installed_packages(packages_dir) == []
    install_package_file(tiny_argosmodel, packages_dir)
    assert [p.name for p in packages_dir.iterdir()] == [TOP]


def test_remove_package(tiny_packages_copy: Path):
    remove_package(tiny_packages_copy, "en", "zh")  # an Argos code works as well
    assert [p.pair for p in installed_packages(tiny_packages_copy)] == [("ko", "en")]
    assert [p.name for p in tiny_packages_copy.iterdir()] == ["translate-ko_en-1_0"]
    with pytest.raises(PackageError, match="no en→zh-Hans package is installed"):
        remove_package(tiny_packages_copy, "en", "zh-Hans")
