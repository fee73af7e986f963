"""What several subcommands share: reading an input, safe terminal output, errors in words."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from storage.errors import os_reason
from storage.inputs import read_input_bytes
from storage.sqlite import disk_full

# Far beyond any article or bilingual file a command reads; a larger input is refused unread.
MAX_TEXT_BYTES = 200 * 2**20


def read_input_text(
    path: Path, error: type[Exception], what: str = "a text file", limit: int = MAX_TEXT_BYTES
) -> str:
    """The UTF-8 text of a regular file (BOM dropped); error says why not.

    A folder is called a folder, a FIFO or /dev/zero (through a link or not) is refused
    before it is opened, and a file over limit is refused unread: none of them hang or fill
    memory.
    """
    data = read_input_bytes(Path(path), limit, error, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise error(
            f"{path} is not UTF-8 text ({problem.reason} at byte {problem.start})"
        ) from None


# C0 and C1 controls (bar tab, newline, carriage return) and the bidi overrides and isolates:
# a package name or term holding ESC sequences or U+202E would rewrite the user's terminal or
# show text in a misleading order ("exe.txt" as "txt.exe").
_UNSAFE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def safe_for_terminal(text: str) -> str:
    """text with every control and bidi-override character shown as a visible \\uXXXX escape
    (the JSON form, so `--json` output stays valid JSON with the same meaning)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class SafeStream:
    """A text stream that writes through safe_for_terminal; everything else is the stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe_for_terminal(text))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_output() -> None:
    """Route stdout and stderr through SafeStream (idempotent)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, SafeStream):
            setattr(sys, name, SafeStream(stream))


def describe_error(error: BaseException) -> str:
    """What a user reads for an error no command caught itself: never a traceback."""
    if disk_full(error, Path.cwd()):
        return f"the disk is full ({error}); free some space and try again"
    if isinstance(error, sqlite3.Error):
        return f"a database could not be read or written: {error}"
    if isinstance(error, UnicodeDecodeError):
        return (
            f"a file is not valid {error.encoding} text (byte 0x{error.object[error.start]:02X}"
            f" at offset {error.start})"
        )
    if isinstance(error, OSError):
        where = f"{error.filename}: " if error.filename else ""
        return f"{where}{os_reason(error)}"
    if isinstance(error, MemoryError):
        return "not enough memory for this input"
    if type(error).__module__.split(".")[0] in _OURS:
        return str(error)  # our own errors say what went wrong in words
    return (
        f"unexpected {type(error).__name__}: {error} (a bug: run again with HANBIT_DEBUG=1 "
        "for the details, and report it)"
    )


_OURS = {"cli", "documents", "glossary", "memory", "qa", "storage", "translation", "workflows"}


def run_command(func: Callable[[Any], Any], args: Any) -> int:
    """Run a subcommand: its exit status, with every escaping error said in one line."""
    try:
        return int(func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): nothing more to say, and nothing to flush into it.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until exit
        except OSError:
            pass
        return 0
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence: no traceback
        if os.environ.get("HANBIT_DEBUG"):
            traceback.print_exc()
        print(f"error: {describe_error(error)}", file=sys.stderr)
        return 1


class TerminalProgress:
    """`label: 12,345/100,000 (12%)` on stderr, rewritten in place a few times a second.

    Only on a terminal: piped or redirected output (a log, `| grep`) gets nothing, as a batch
    job wants. Lines end with carriage returns only, no escape sequences.
    """

    def __init__(self, label: str, total: int, stream: TextIO | None = None) -> None:
        self.label, self.total = label, total
        self._stream = stream if stream is not None else sys.stderr
        isatty = getattr(self._stream, "isatty", None)
        self.enabled = total > 0 and bool(isatty and isatty())
        self._next = 0.0
        self._width = 0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now < self._next and done < self.total:
            return
        self._next = now + 0.2
        line = f"{self.label}: {done:,}/{self.total:,} ({done * 100 // self.total}%)"
        self._width = max(self._width, len(line))
        self._stream.write("\r" + line.ljust(self._width))
        self._stream.flush()

    def close(self) -> None:
        """Clear the line, so what is printed next starts clean."""
        if self.enabled and self._width:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
