"""Atomic file writing: a temp file in the same folder, fsync, then os.replace over the target."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path


class ExportError(Exception):
    """An export that could not be written; the message says which file and why."""


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (read-only folder or file?)"
    return error.strerror or str(error)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 minus the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace path with data in one step: readers see the old file or the new one, never half.

    On any failure the earlier file (if any) is untouched, no temp file is left behind, and
    ExportError says what went wrong.
    """
    path = Path(path)
    folder = path.parent
    if path.is_dir():
        raise ExportError(f"Cannot write {path}: it is a folder")
    if not folder.is_dir():
        raise ExportError(f"Cannot write {path}: the folder {folder} does not exist")
    try:
        # Same folder as the target so that os.replace is a rename, never a cross-device copy.
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ExportError(f"Cannot write {path}: {_reason(error)}") from error
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, _mode_for(path))
        os.replace(temp, path)
    except BaseException as error:  # Ctrl+C or a bug half-way: no temporary is left either
        with contextlib.suppress(OSError):
            temp.unlink()
        if not isinstance(error, OSError):
            raise
        raise ExportError(f"Cannot write {path}: {_reason(error)}") from error
    _sync_folder(folder)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on Windows."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
