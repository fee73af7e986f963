"""Atomic file writing: an unpredictable temp file in the same folder, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from storage.errors import StorageError, os_reason


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 minus the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _check_destination(path: Path) -> None:
    if path.is_dir():
        raise StorageError(f"Cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise StorageError(f"Cannot write {path}: the folder {path.parent} does not exist")


@contextlib.contextmanager
def atomic_writer(path: Path, error: type[Exception] = StorageError) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces path in one step when the block ends cleanly.

    The temporary name is random (mkstemp: O_CREAT|O_EXCL|O_NOFOLLOW), so a symbolic link
    planted in a shared folder is never written through; the final rename replaces a link at
    path itself, never its target. On any failure the earlier file is untouched, no temporary
    is left behind, and `error` (StorageError by default) says what went wrong.
    """
    path = Path(path)
    try:
        _check_destination(path)
    except StorageError as problem:
        raise error(str(problem)) from None
    folder = path.parent
    try:
        # Same folder as the target so that the rename never becomes a cross-device copy.
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name[:80]}.", suffix=".part", dir=folder
        )
    except OSError as problem:
        raise error(f"Cannot write {path}: {os_reason(problem)}") from problem
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as problem:  # Ctrl+C or a bug half-way: no temporary is left either
        with contextlib.suppress(OSError):
            temp.unlink()
        if not isinstance(problem, OSError):
            raise
        raise error(f"Cannot write {path}: {os_reason(problem)}") from problem
    sync_folder(folder)


@contextlib.contextmanager
def atomic_path(path: Path, error: type[Exception] = StorageError) -> Iterator[Path]:
    """A path to write (by name: a library that takes a file name) that replaces path atomically.

    The path lies in a new private folder (mode 0700, random name) beside path and has path's
    own name, so a writer that picks its format from the suffix still sees it, and nobody
    else can plant a link there. When the block ends cleanly the file is synced and renamed
    over path; in every case the private folder is removed.
    """
    path = Path(path)
    try:
        _check_destination(path)
        private = Path(
            tempfile.mkdtemp(prefix=f".{path.name[:80]}.", suffix=".part", dir=path.parent)
        )
    except StorageError as problem:
        raise error(str(problem)) from None
    except OSError as problem:
        raise error(f"Cannot write {path}: {os_reason(problem)}") from problem
    temp = private / path.name
    try:
        yield temp
        fd = os.open(temp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except OSError as problem:
        raise error(f"Cannot write {path}: {os_reason(problem)}") from problem
    finally:
        shutil.rmtree(private, ignore_errors=True)
    sync_folder(path.parent)


def atomic_write_bytes(path: Path, data: bytes, error: type[Exception] = StorageError) -> None:
    """Replace path with data in one step: readers see the old file or the new one, never half."""
    with atomic_writer(path, error) as stream:
        stream.write(data)


def atomic_write_text(
    path: Path, text: str, encoding: str = "utf-8", error: type[Exception] = StorageError
) -> None:
    atomic_write_bytes(path, text.encode(encoding), error)


def sync_folder(folder: Path) -> None:
    """Make a rename in folder durable; not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def open_no_follow(path: Path, flags: int, mode: int = 0o644) -> int:
    """os.open that refuses to go through a symbolic link at path (a planted link in a shared
    folder would otherwise redirect the write to any file the user can write)."""
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), mode)
