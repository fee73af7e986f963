"""The storage plumbing: atomic writes, safe XML, safe input reading, SQLite full-disk mapping."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from storage.atomic import atomic_write_bytes, open_no_follow
from storage.errors import DiskFullError, StorageError
from storage.inputs import InputFileError, check_input_file, read_input_bytes
from storage.sqlite import connect, foreign_object, raise_if_disk_full, reference_rows
from storage.xmlsafe import UnsafeXmlError, parse_xml_bytes

ENTITY_DOC = (
    '<?xml version="1.0" encoding="{enc}"?>'
    '<!DOCTYPE r [<!ENTITY x "injected">]><r>Hello &x; world</r>'
)


def test_atomic_write_replaces_a_planted_link_never_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    link = tmp_path / "out.csv"
    link.symlink_to(victim)
    atomic_write_bytes(link, b"new")
    assert victim.read_text() == "precious"
    assert not link.is_symlink() and link.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "victim.txt"]


def test_atomic_write_on_a_full_disk_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError, match="the disk is full"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_open_no_follow_refuses_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").write_text("x")
    (tmp_path / "lock").symlink_to(tmp_path / "real")
    with pytest.raises(OSError) as caught:
        open_no_follow(tmp_path / "lock", os.O_RDWR | os.O_CREAT)
    assert caught.value.errno == errno.ELOOP


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32", "utf-32-le", "utf-16-be"])
def test_entities_are_refused_in_every_encoding(encoding: str) -> None:
    data = ENTITY_DOC.format(enc=encoding.upper()).encode(encoding)
    with pytest.raises(UnsafeXmlError, match="entities"):
        parse_xml_bytes(data, "document.xml")


def test_a_bare_doctype_is_refused_unless_allowed() -> None:
    data = b'<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd"><martif/>'
    with pytest.raises(UnsafeXmlError, match="DOCTYPE"):
        parse_xml_bytes(data, "x.tbx")
    assert parse_xml_bytes(data, "x.tbx", allow_doctype=True).tag == "martif"


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="named pipe"):
        read_input_bytes(fifo, 1000)


@pytest.mark.timeout(10)
def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "article.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputFileError, match="a device"):
        read_input_bytes(link, 1000)


def test_a_folder_is_called_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="is a folder"):
        check_input_file(tmp_path)
    with pytest.raises(InputFileError, match="does not exist"):
        check_input_file(tmp_path / "nope.txt")


def test_input_over_the_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(InputFileError, match="limit"):
        read_input_bytes(big, 4096)
    assert read_input_bytes(big, 5000) == b"x" * 5000


def test_sqlite_full_is_reported_as_a_full_disk(tmp_path: Path) -> None:
    error = sqlite3.OperationalError("database or disk is full")
    error.sqlite_errorcode = sqlite3.SQLITE_FULL
    with pytest.raises(DiskFullError, match="The disk is full"):
        raise_if_disk_full(error, tmp_path / "x.db")
    raise_if_disk_full(sqlite3.OperationalError("no such table"), tmp_path / "x.db")


def test_connect_sets_wal_and_untrusted_schema(tmp_path: Path) -> None:
    db = connect(tmp_path / "x.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    db.close()


def test_foreign_trigger_is_named() -> None:
    schema = "CREATE TABLE t (a TEXT);"
    db = sqlite3.connect(":memory:")
    db.executescript(schema)
    assert foreign_object(db, reference_rows(schema)) == ""
    db.execute("CREATE TRIGGER evil AFTER INSERT ON t BEGIN DELETE FROM t; END")
    assert foreign_object(db, reference_rows(schema)) == "trigger 'evil' on 't'"
