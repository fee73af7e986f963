"""Refuse and record every network call made from Python: connect, name lookups, HTTP openers.

install() patches the socket module in place; attempts() lists what was tried. Used by the
no-network test, in the test process and (through NETWORK_GUARD_CHILD) in a child that opens
the real window.
"""

from __future__ import annotations

import socket

_ATTEMPTS: list[str] = []


def _refuse(what: str):
    def refused(*args, **kwargs):
        _ATTEMPTS.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
        raise OSError(f"network access refused by the test: {what}")

    return refused


def install(patch=None) -> list[str]:
    """Block the network; with a pytest monkeypatch the patches end with the test."""
    _ATTEMPTS.clear()
    targets = {
        (socket.socket, "connect"): _refuse("socket.connect"),
        (socket.socket, "connect_ex"): _refuse("socket.connect_ex"),
        (socket.socket, "sendto"): _refuse("socket.sendto"),
        (socket, "create_connection"): _refuse("create_connection"),
        (socket, "getaddrinfo"): _refuse("getaddrinfo"),
        (socket, "gethostbyname"): _refuse("gethostbyname"),
        (socket, "gethostbyname_ex"): _refuse("gethostbyname_ex"),
    }
    for (owner, name), replacement in targets.items():
        if patch is not None:
            patch.setattr(owner, name, replacement)
        else:
            setattr(owner, name, replacement)
    return _ATTEMPTS


# Run main.py under the guard and print the attempts as the last line (for a child process).
NETWORK_GUARD_CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
import network_guard
attempts = network_guard.install()
import main
code = main.main(sys.argv[2:])
print("ATTEMPTS " + json.dumps(attempts), flush=True)
sys.exit(code)
"""
