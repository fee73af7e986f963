"""Reading input files safely: only regular files, never more than a stated cap."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from storage.errors import StorageError, os_reason


class InputFileError(StorageError):
    """An input that is not a readable regular file of a sensible size; nothing was read."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _size(count: int) -> str:
    if count >= 2**20:
        return f"{count / 2**20:.0f} MB"
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} bytes"


def _too_large(path: Path, size: int, limit: int, what: str) -> str:
    return f"{path.name} is {_size(size)}; the limit for {what} is {_size(limit)}"


def check_input_file(path: Path, error: type[Exception] = InputFileError) -> int:
    """The size of path if it is a regular file (links followed); else error saying what it is.

    A folder is told apart from a missing file, and a FIFO or /dev/zero (reached through a
    link or not) is refused before anything opens it: reading one blocks forever or never ends.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise error(f"{path} is a link to a file that does not exist") from None
        raise error(f"{path} does not exist") from None
    except OSError as problem:
        raise error(f"Cannot read {path}: {os_reason(problem)}") from None
    if not stat.S_ISREG(info.st_mode):
        what = _kind(info.st_mode)
        if what == "a folder":
            raise error(f"{path} is a folder; give a file") from None
        raise error(f"{path} is {what}, not a file; only regular files are read") from None
    return info.st_size


def read_input_bytes(
    path: Path, limit: int, error: type[Exception] = InputFileError, what: str = "an input file"
) -> bytes:
    """The whole content of a regular file of at most limit bytes; error otherwise."""
    path = Path(path)
    check_input_file(path, error)
    try:
        # O_NONBLOCK: if a FIFO was swapped in after the check, open does not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as problem:
        raise error(f"Cannot read {path}: {os_reason(problem)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{path} is {_kind(info.st_mode)}, not a file; only regular files are read")
        if info.st_size > limit:
            raise error(_too_large(path, info.st_size, limit, what))
        chunks: list[bytes] = []
        total = 0
        while total <= limit:  # a file that grows while read still stops at the cap
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            raise error(_too_large(path, total, limit, what))
        return b"".join(chunks)
    except OSError as problem:
        raise error(f"Cannot read {path}: {os_reason(problem)}") from None
    finally:
        os.close(fd)
