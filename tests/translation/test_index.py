"""The package index and downloads, served from a loopback HTTP server inside the test."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from translation.engine import Cancelled, Engine
from translation.index import (
    AvailablePackage,
    OfflineError,
    PackageIndexError,
    download_and_install,
    download_package,
    fetch_index,
    packages_for_pair,
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


@pytest.fixture
def served(tmp_path: Path, tiny_argosmodel: Path) -> Iterator[tuple[str, Path]]:
    """A loopback server over a folder holding the tiny .argosmodel; yields (base URL, folder)."""
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(tiny_argosmodel, root / "zh_en.argosmodel")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()


def _write_index(root: Path, base: str, **extra) -> str:
    entries = [
        {"type": "sbd", "from_code": "zh", "to_code": "zh", "links": [f"{base}/sbd.zip"]},
        {
            "package_version": "1.0",
            "argos_version": "1.9",
            "from_code": "zh",
            "from_name": "Chinese",
            "to_code": "en",
            "to_name": "English",
            "links": [f"{base}/zh_en.argosmodel"],
            **extra,
        },
    ]
    (root / "index.json").write_text(json.dumps(entries), encoding="utf-8")
    return f"{base}/index.json"


def _refused_url() -> str:
    """A loopback port nobody listens on: the quickest honest picture of being offline."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/index.json"


def test_index_lists_translation_packages(served):
    base, root = served
    available = fetch_index(_write_index(root, base))
    assert [(p.pair, p.version, p.name) for p in available] == [
        (("zh-Hans", "en"), "1.0", "Chinese → English")
    ]


def test_index_from_a_local_file(served):
    base, root = served
    _write_index(root, base)
    assert [p.pair for p in fetch_index(str(root / "index.json"))] == [("zh-Hans", "en")]


def test_offline_index_says_what_to_do():
    with pytest.raises(OfflineError, match=r"^no network: .*install a \.argosmodel file instead"):
        fetch_index(_refused_url(), timeout=2)


def test_missing_index_and_bad_json(served):
    base, root = served
    with pytest.raises(PackageIndexError, match="HTTP 404"):
        fetch_index(f"{base}/nothing.json")
    (root / "broken.json").write_text("[{", encoding="utf-8")
    with pytest.raises(PackageIndexError, match="not valid JSON"):
        fetch_index(f"{base}/broken.json")


def test_download_and_install_then_translate(served, tmp_path: Path):
    base, root = served
    index_url = _write_index(root, base)
    packages_dir = tmp_path / "packages"
    seen = []
    installed = download_and_install(
        "zh-Hans",
        "en",
        packages_dir,
        index_url=index_url,
        progress=lambda package, done, total: seen.append((package.pair, done, total)),
    )
    assert [p.pair for p in installed] == [("zh-Hans", "en")]
    size = (root / "zh_en.argosmodel").stat().st_size
    assert seen[-1] == (("zh-Hans", "en"), size, size)
    assert Engine(packages_dir).translate(["支付宝在悉尼。"], "zh-Hans", "en") == ["支付宝在悉尼。"]


def test_cancel_leaves_no_partial_file(served, tmp_path: Path):
    base, _ = served
    package = AvailablePackage("zh-Hans", "en", "1.0", "zh→en", (f"{base}/zh_en.argosmodel",))
    chunks = []
    with pytest.raises(Cancelled):
        download_package(
            package,
            tmp_path / "downloads",
            progress=lambda done, total: chunks.append(done),
            cancel=lambda: len(chunks) >= 1,
        )
    assert len(chunks) == 1
    assert list((tmp_path / "downloads").iterdir()) == []


def test_checksum_mismatch_is_refused(served, tmp_path: Path):
    base, root = served
    wrong = hashlib.sha256(b"something else").hexdigest()
    index_url = _write_index(root, base, sha256=wrong)
    with pytest.raises(PackageIndexError, match="does not match the index checksum"):
        download_and_install("zh-Hans", "en", tmp_path / "packages", index_url=index_url)
    assert not (tmp_path / "packages").exists()


def test_offline_download(tmp_path: Path):
    package = AvailablePackage("zh-Hans", "en", "1.0", "zh→en", (_refused_url(),))
    with pytest.raises(OfflineError, match="no network"):
        download_package(package, tmp_path / "downloads", timeout=2)
    assert list((tmp_path / "downloads").iterdir()) == []


def test_pivot_pairs_download_only_missing_hops():
    def offer(source: str, target: str, version: str = "1.0") -> AvailablePackage:
        return AvailablePackage(source, target, version, "", (f"http://x/{source}{target}",))

    index = [offer("ko", "en"), offer("en", "zh-Hans"), offer("ko", "en", "1.1")]
    assert [(p.pair, p.version) for p in packages_for_pair(index, "ko", "en")] == [
        (("ko", "en"), "1.1")
    ]
    assert [p.pair for p in packages_for_pair(index, "ko", "zh-Hans")] == [
        ("ko", "en"),
        ("en", "zh-Hans"),
    ]
    assert [p.pair for p in packages_for_pair(index, "ko", "zh-Hans", {("ko", "en")})] == [
        ("en", "zh-Hans")
    ]
    with pytest.raises(PackageIndexError, match="no zh-Hant→ko package"):
        packages_for_pair(index, "zh-Hant", "ko")
