"""The errors the storage plumbing raises, and the one way an OS error becomes a reason."""

from __future__ import annotations

import errno


class StorageError(Exception):
    """A file that could not be read or written; the message says which file and why."""


class DiskFullError(StorageError):
    """The disk (or the user's quota) is full: nothing is wrong with the file itself."""


_FULL = (errno.ENOSPC, errno.EDQUOT)


def is_disk_full(error: BaseException) -> bool:
    """True for ENOSPC/EDQUOT from the OS and SQLITE_FULL from SQLite."""
    if isinstance(error, OSError):
        return error.errno in _FULL
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == 13  # SQLITE_FULL, whatever its extended code
    return False


def os_reason(error: OSError) -> str:
    """What a translator needs to hear about an OS error, without errno jargon."""
    if error.errno in _FULL:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (read-only folder or file?)"
    if error.errno == errno.ENAMETOOLONG:
        return "a file name in it is too long for this file system"
    if error.errno == errno.ELOOP:
        return "it is a symbolic link, which is not followed here for safety"
    if error.errno == errno.EISDIR:
        return "it is a folder, not a file"
    return error.strerror or str(error)
