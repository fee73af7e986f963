"""Real servers for the team tests: PostgreSQL and LibreTranslate on 127.0.0.1.

They are installed by .ci/team-services.sh when missing and started once per session; a
server that cannot be installed or started fails the tests (never skips them).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from support.team_servers import (
    LibreTranslateServer,
    PostgresServer,
    ServerError,
    TcpProxy,
    ensure_installed,
)

_NAMES = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    try:
        ensure_installed()
        server = PostgresServer()
        server.start()
    except ServerError as error:
        pytest.fail(f"PostgreSQL could not be started: {error}", pytrace=False)
    yield server
    server.close()


@pytest.fixture
def team_db(pg_server: PostgresServer) -> str:
    """A fresh database (superuser URL) per test."""
    return pg_server.create_database(f"team_{next(_NAMES)}")


@pytest.fixture
def proxy_for(pg_server: PostgresServer) -> Iterator:
    """proxy_for(url) -> (proxy, the same URL through a TcpProxy the test can cut)."""
    proxies: list[TcpProxy] = []

    def make(url: str) -> tuple[TcpProxy, str]:
        proxy = TcpProxy(pg_server.port)
        proxies.append(proxy)
        return proxy, url.replace(f":{pg_server.port}/", f":{proxy.port}/")

    yield make
    for proxy in proxies:
        proxy.close()


@pytest.fixture(scope="session")
def lt_server(tiny_packages_dir: Path) -> Iterator[LibreTranslateServer]:
    try:
        ensure_installed()
        server = LibreTranslateServer(tiny_packages_dir)
        server.start()
    except ServerError as error:
        pytest.fail(f"LibreTranslate could not be started: {error}", pytrace=False)
    yield server
    server.close()
