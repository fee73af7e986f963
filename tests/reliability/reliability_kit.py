"""Helpers of the reliability suite: file fingerprints, a case tally, a listening HTTP server."""

from __future__ import annotations

import hashlib
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, settings

SOAK = os.environ.get("HANBIT_SOAK") == "1"
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large]
# CI: the same examples every run (derandomize), so a failure reproduces exactly; the soak
# (HANBIT_SOAK=1) draws thousands of random ones. Applied per test, never as the global profile.
FUZZ = (
    settings(max_examples=3000, deadline=None, suppress_health_check=_QUIET)
    if SOAK
    else settings(
        max_examples=200,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=_QUIET,
    )
)

# area -> {"tried": n, "imported": n, "refused": n, "lost": n}; filled by the tests.
TALLY: dict[str, dict[str, int]] = {}
# measurement name -> value (peak memory of the large-input runs and the like)
FIGURES: dict[str, float] = {}


def count(area: str, outcome: str) -> None:
    """Record one case of an area: "imported", "refused", "lost" (or "warned": read with a
    warning that the guessed encoding may be wrong)."""
    row = TALLY.setdefault(area, {"tried": 0, "imported": 0, "refused": 0, "lost": 0})
    row["tried"] += 1
    row[outcome] = row.get(outcome, 0) + 1


def fingerprint(*paths: Path) -> dict[str, str]:
    """sha256 of every file under the given files or folders (and their names): byte-for-byte."""
    found: dict[str, str] = {}
    for root in paths:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        for file in files:
            found[str(file)] = hashlib.sha256(file.read_bytes()).hexdigest()
        if root.is_dir():
            for folder in sorted(p for p in root.rglob("*") if p.is_dir()):
                found[str(folder)] = "folder"
    return found


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str]

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.server.requests.append(self.path)  # type: ignore[attr-defined]
        body = b'<!ENTITY leak "LEAKED">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def listening_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: (base URL, requests seen)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.requests = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.requests  # type: ignore[attr-defined]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
