"""Atomic export: a failed write leaves the earlier file as it was and no temp file behind."""

from __future__ import annotations

import errno
import os

import pytest
from export_sample import make_project

import storage.atomic as atomic
from documents.atomic import ExportError, atomic_write_bytes
from documents.export import export_project


def test_writes_and_replaces(tmp_path):
    path = tmp_path / "out.txt"
    atomic_write_bytes(path, b"first")
    atomic_write_bytes(path, b"second")
    assert path.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "out.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert path.stat().st_mode & 0o777 == 0o640


def test_disk_full_leaves_the_earlier_export_untouched(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    out = tmp_path / "alipay.csv"
    export_project(project, out)
    earlier = out.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    project.set_target(project.segments()[0].id, "A change that never reaches the file.")
    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(ExportError, match=r"Cannot write .*alipay\.csv: the disk is full"):
        export_project(project, out)
    assert out.read_bytes() == earlier
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    project.close()


def test_a_folder_that_refuses_new_files_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "out.docx"
    path.write_bytes(b"earlier")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError, match="permission denied"):
        atomic_write_bytes(path, b"new")
    assert path.read_bytes() == b"earlier"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_for_real(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "out.txt").write_bytes(b"earlier")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            atomic_write_bytes(folder / "out.txt", b"new")
        assert (folder / "out.txt").read_bytes() == b"earlier"
        assert os.listdir(folder) == ["out.txt"]
    finally:
        folder.chmod(0o755)


def test_a_missing_folder_or_a_folder_as_target_is_a_clear_error(tmp_path):
    with pytest.raises(ExportError, match="the folder .* does not exist"):
        atomic_write_bytes(tmp_path / "nowhere" / "out.txt", b"x")
    with pytest.raises(ExportError, match="it is a folder"):
        atomic_write_bytes(tmp_path, b"x")
