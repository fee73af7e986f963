"""One writing process per project file: an OS lock on a small file beside the project."""

from __future__ import annotations

import errno
import os
import socket
import stat
import sys
import threading
from pathlib import Path

from storage.atomic import open_no_follow

# sys.platform rather than os.name: type checkers know which of the two modules exists
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class LockHeld(Exception):
    """Another process holds the write lock; the message says which one, as far as it is known."""


class ProjectLock:
    """A held write lock; shared by every Project of this process that writes the same file.

    The operating system drops the lock when the process dies, even by SIGKILL, so a crash
    never leaves a project locked. A worker thread may open the same project for writing in
    this process (the connection must not be shared), so the lock is counted per process.
    """

    def __init__(self, key: str, lock_path: Path, fd: int) -> None:
        self.key = key
        self.lock_path = lock_path
        self._fd = fd
        self._count = 1

    def release(self) -> None:
        with _REGISTRY_GUARD:
            if self._count == 0:
                return
            self._count -= 1
            if self._count:
                return
            _REGISTRY.pop(self.key, None)
            # Unlink while still holding the lock: a process that opened the old file notices
            # (inode check in acquire) and retries on a fresh one.
            try:
                if sys.platform != "win32":
                    os.unlink(self.lock_path)
            except OSError:
                pass
            os.close(self._fd)
            if sys.platform == "win32":  # pragma: no cover
                try:
                    os.unlink(self.lock_path)
                except OSError:
                    pass


_REGISTRY: dict[str, ProjectLock] = {}
_REGISTRY_GUARD = threading.Lock()


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":  # pragma: no cover
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(lock_path: Path) -> str:
    try:
        text = lock_path.read_text(encoding="utf-8").split()
    except OSError:
        return "another process"
    if len(text) >= 2:
        return f"process {text[0]} on {text[1]}"
    return "another process"


def acquire(path: Path) -> ProjectLock:
    """Take the write lock for path, or raise LockHeld; OSError if the lock file can't be made."""
    key = os.path.realpath(path)
    lock_path = lock_path_for(Path(key))
    with _REGISTRY_GUARD:
        held = _REGISTRY.get(key)
        if held is not None:
            held._count += 1
            return held
        for _ in range(5):
            # Never through a link: in a shared folder a planted P.hanbit.lock -> ~/.bashrc
            # would otherwise be truncated by the ftruncate below.
            fd = open_no_follow(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NONBLOCK", 0))
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                os.close(fd)
                raise OSError(errno.EINVAL, f"{lock_path.name} is not a regular file")
            if not _try_lock(fd):
                os.close(fd)
                raise LockHeld(_holder(lock_path))
            if sys.platform != "win32":
                try:
                    current = os.stat(lock_path).st_ino
                except FileNotFoundError:
                    current = None
                if current != os.fstat(fd).st_ino:
                    os.close(fd)  # the holder released and unlinked it meanwhile: try again
                    continue
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {socket.gethostname()}\n".encode())
            lock = ProjectLock(key, lock_path, fd)
            _REGISTRY[key] = lock
            return lock
        raise LockHeld("another process (the lock file kept changing)")
