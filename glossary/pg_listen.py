"""Colleagues' termbase changes as they happen: LISTEN on the team server, in a thread."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from glossary.pg_schema import CHANNEL
from storage.postgres import ServerUnavailable, connect, redacted


class TermbaseListener:
    """A thread that LISTENs for termbase changes and calls on_change(payload) for each one
    made by another connection; reconnects (and calls on_state) when the server comes back."""

    def __init__(
        self,
        url: str,
        on_change: Callable[[dict], None],
        on_state: Callable[[bool, str], None] | None = None,
        *,
        ignore_pid: Callable[[], int | None] | None = None,
    ) -> None:
        self.url = url
        self._on_change = on_change
        self._on_state = on_state or (lambda online, message: None)
        self._ignore_pid = ignore_pid or (lambda: None)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="termbase-listen", daemon=True)
        self.ready = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        online = None
        while not self._stop.is_set():
            try:
                conn = connect(self.url)
            except (ServerUnavailable, PermissionError) as error:
                if online is not False:
                    self._on_state(False, str(error))
                online = False
                self._stop.wait(1.0)
                continue
            try:
                conn.execute(f"LISTEN {CHANNEL}")
                if online is not True:
                    self._on_state(True, f"connected to {redacted(self.url)}")
                online = True
                self.ready.set()
                while not self._stop.is_set():
                    # A short timeout so stop() is honoured promptly.
                    for notify in conn.notifies(timeout=0.5):
                        payload = json.loads(notify.payload)
                        if payload.get("pid") != self._ignore_pid():
                            self._on_change(payload)
            except Exception as error:  # the connection dropped: report, then reconnect
                if online is not False:
                    self._on_state(False, f"lost {redacted(self.url)}: {error}")
                online = False
            finally:
                conn.close()
