"""PostgreSQL plumbing for the team stores: connect, versioned migrations, errors in words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

# Only the team modules (glossary/pg_store.py, pg_listen.py, memory/pg_store.py) import this one,
# on first use of a postgresql:// URL: psycopg stays off start-up.
import psycopg

# Closer to what a translator's laptop on Wi-Fi needs than libpq's defaults (no timeout at all):
# a dead server or a cut cable is noticed in seconds, not after the OS's two-hour keepalive.
CONNECT_OPTIONS: dict[str, Any] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 2,
    "tcp_user_timeout": 8000,
    "application_name": "hanbit-desk",
}


class ServerUnavailable(RuntimeError):
    """The server cannot be reached now (down, network cut); nothing was written."""


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":•••@")
    return parts._replace(netloc=netloc).geturl()


def connect(url: str, *, autocommit: bool = True) -> psycopg.Connection:
    """A psycopg connection, or ServerUnavailable/PermissionError saying why not."""
    try:
        return psycopg.connect(url, autocommit=autocommit, **CONNECT_OPTIONS)
    except psycopg.OperationalError as error:
        text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if "password authentication failed" in text or "role" in text and "does not exist" in text:
            refused = f"{redacted(url)}: the server refused the login ({text})"
            raise PermissionError(refused) from None
        raise ServerUnavailable(f"cannot reach {redacted(url)}: {text}") from None


def is_connection_error(error: BaseException) -> bool:
    """Whether a psycopg error means the connection is gone (as opposed to a refused change)."""
    if isinstance(error, psycopg.OperationalError | psycopg.InterfaceError):
        return True
    return getattr(getattr(error, "diag", None), "sqlstate", "") in ("57P01", "57P02", "57P03")


def migrate(conn: psycopg.Connection, name: str, steps: Sequence[str]) -> int:
    """Bring the schema `name` up to len(steps), one version per step, each in a transaction.

    The version lives in hanbit_schema; an advisory lock keeps two desks starting at once from
    running the same step twice. Returns the version now in place; a database written by a
    newer desk (a version above ours) is refused rather than misread.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('hanbit_schema'))")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS hanbit_schema (name text PRIMARY KEY, version int NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        row = conn.execute("SELECT version FROM hanbit_schema WHERE name = %s", (name,)).fetchone()
        current = row[0] if row else 0
        if current > len(steps):
            raise RuntimeError(
                f"the server's {name} schema is version {current}, written by a newer Hanbit Desk"
                f" (this one knows {len(steps)}); update the desk"
            )
        for version in range(current + 1, len(steps) + 1):
            conn.execute(steps[version - 1])
            conn.execute(
                "INSERT INTO hanbit_schema (name, version) VALUES (%s, %s) ON CONFLICT (name)"
                " DO UPDATE SET version = excluded.version, applied_at = now()",
                (name, version),
            )
        return len(steps)


def server_message(error: BaseException) -> str:
    """The server's own words for a refused statement (a trigger's RAISE), without SQL noise."""
    diag = getattr(error, "diag", None)
    text = getattr(diag, "message_primary", None) or str(error)
    return re.sub(r"\s+", " ", text).strip()
