"""The Argos package index: what can be downloaded, and downloading a package safely."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from translation.engine import PIVOT, Cancelled
from translation.languages import from_argos
from translation.packages import (
    MAX_PACKAGE_BYTES,
    Package,
    PackageError,
    check_metadata,
    install_package_file,
    version_key,
)

log = logging.getLogger(__name__)

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_TIMEOUT_S = 10.0  # an offline laptop should hear "no network" quickly
DOWNLOAD_TIMEOUT_S = 30.0  # per read, not for the whole download
MAX_INDEX_BYTES = 16 * 1024**2
CHUNK_BYTES = 256 * 1024

Progress = Callable[[int, int | None], None]  # (bytes so far, total bytes or None)


class PackageIndexError(PackageError):
    """The index or a download cannot be used; the message says why."""


class OfflineError(PackageIndexError):
    """The index or package server cannot be reached; install a .argosmodel file instead."""


@dataclass(frozen=True)
class AvailablePackage:
    from_code: str  # desk codes, like Package
    to_code: str
    version: str
    name: str
    links: tuple[str, ...]
    sha256: str = ""  # checked when the index gives one

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)

    @property
    def file_name(self) -> str:
        # The version comes from a downloaded index: a "/" or ".." in it must not make the
        # download land outside its folder.
        version = re.sub(r"[^A-Za-z0-9._-]|\.\.", "_", self.version)[:40]
        return f"translate-{self.from_code}_{self.to_code}-{version}.argosmodel"


def fetch_index(
    url: str = DEFAULT_INDEX_URL, *, timeout: float = INDEX_TIMEOUT_S
) -> list[AvailablePackage]:
    """The translation packages an index lists (a URL, file:// URL or local path)."""
    raw = _read_all(url, timeout)
    try:
        entries = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageIndexError(f"{url}: the package index is not valid JSON ({error})") from error
    if not isinstance(entries, list):
        raise PackageIndexError(f"{url}: the package index must be a JSON list of packages")
    available = []
    for number, entry in enumerate(entries):
        try:
            metadata = check_metadata(entry, f"{url} entry {number}")
        except PackageError as error:
            log.info("skipping index entry: %s", error)  # sbd and other non-MT packages
            continue
        links = tuple(link for link in metadata.get("links", []) if isinstance(link, str))
        if not links:
            log.info("skipping index entry %d: no download link", number)
            continue
        source, target = from_argos(metadata["from_code"]), from_argos(metadata["to_code"])
        available.append(
            AvailablePackage(
                from_code=source,
                to_code=target,
                version=str(metadata.get("package_version") or "0"),
                name=f"{metadata.get('from_name') or source} → {metadata.get('to_name') or target}",
                links=links,
                sha256=str(metadata.get("sha256") or ""),
            )
        )
    return available


def packages_for_pair(
    available: list[AvailablePackage],
    source: str,
    target: str,
    installed: Collection[tuple[str, str]] = frozenset(),
) -> list[AvailablePackage]:
    """What to download for a pair: the direct package, else the missing hops via English."""
    newest: dict[tuple[str, str], AvailablePackage] = {}
    for package in available:
        current = newest.get(package.pair)
        if current is None or version_key(package.version) > version_key(current.version):
            newest[package.pair] = package
    if (source, target) in newest:
        return [newest[(source, target)]]
    hops = [(source, PIVOT), (PIVOT, target)]
    if PIVOT not in (source, target) and all(h in newest or h in installed for h in hops):
        return [newest[h] for h in hops if h not in installed]
    raise PackageIndexError(
        f"The package index has no {source}→{target} package, nor both {source}→{PIVOT} and "
        f"{PIVOT}→{target}; install a .argosmodel file with Packages ▸ Install from file."
    )


def download_package(
    package: AvailablePackage,
    dest_dir: Path,
    *,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    timeout: float = DOWNLOAD_TIMEOUT_S,
    max_bytes: int = MAX_PACKAGE_BYTES,
) -> Path:
    """Download package into dest_dir and return the .argosmodel; nothing is left on failure.

    Links are tried in order. progress(done, total) follows each chunk; cancel() is asked
    before each chunk and raises Cancelled.
    """
    dest_dir.mkdir(parents=True, exist_ok=True)
    errors: list[PackageIndexError] = []
    for link in package.links:
        fd, part_name = tempfile.mkstemp(prefix=".download-", suffix=".part", dir=dest_dir)
        part = Path(part_name)
        try:
            with os.fdopen(fd, "wb") as out:
                digest = _stream(link, out, progress, cancel, timeout, max_bytes)
            if package.sha256 and digest != package.sha256.lower():
                raise PackageIndexError(
                    f"{link}: the download does not match the index checksum (damaged or altered)"
                )
            final = dest_dir / package.file_name
            os.replace(part, final)
            return final
        except OfflineError as error:
            errors.append(error)
        except PackageIndexError as error:
            if len(package.links) == 1:
                raise
            errors.append(error)
        finally:
            part.unlink(missing_ok=True)
    if all(isinstance(e, OfflineError) for e in errors):
        raise errors[-1]
    raise PackageIndexError("; ".join(str(e) for e in errors))


def download_and_install(
    source: str,
    target: str,
    packages_dir: Path,
    *,
    index_url: str = DEFAULT_INDEX_URL,
    installed: Collection[tuple[str, str]] = frozenset(),
    progress: Callable[[AvailablePackage, int, int | None], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> list[Package]:
    """Fetch the index, download what the pair needs, validate and install each package."""
    needed = packages_for_pair(fetch_index(index_url), source, target, installed)
    done = []
    with tempfile.TemporaryDirectory(prefix="hanbit-download-") as scratch:
        for package in needed:
            report = functools.partial(progress, package) if progress is not None else None
            archive = download_package(package, Path(scratch), progress=report, cancel=cancel)
            done.append(install_package_file(archive, packages_dir))
            archive.unlink()
    return done


def _open(url: str, timeout: float):
    if "://" not in url:
        url = Path(url).resolve().as_uri()
    try:
        return urllib.request.urlopen(url, timeout=timeout)  # noqa: S310 - http(s) and file only
    except urllib.error.HTTPError as error:
        raise PackageIndexError(
            f"{url}: the server answered HTTP {error.code} {error.reason}"
        ) from error
    except urllib.error.URLError as error:
        reason = error.reason
        if url.startswith("file:"):
            raise PackageIndexError(f"{url}: cannot be read ({reason})") from error
        raise OfflineError(_offline_message(url, reason)) from error
    except (TimeoutError, ConnectionError) as error:
        raise OfflineError(_offline_message(url, error)) from error
    except ValueError as error:
        raise PackageIndexError(f"{url}: not a usable address ({error})") from error


def _offline_message(url: str, reason: object) -> str:
    host = urllib.parse.urlsplit(url).netloc or url
    return (
        f"no network: cannot reach {host} ({reason}); install a .argosmodel file instead "
        "with Packages ▸ Install from file"
    )


def _read_all(url: str, timeout: float) -> bytes:
    with _open(url, timeout) as response:
        try:
            raw = response.read(MAX_INDEX_BYTES + 1)
        except (TimeoutError, ConnectionError) as error:
            raise OfflineError(_offline_message(url, error)) from error
    if len(raw) > MAX_INDEX_BYTES:
        raise PackageIndexError(f"{url}: the package index is larger than {MAX_INDEX_BYTES} bytes")
    return raw


def _stream(
    url: str,
    out,
    progress: Progress | None,
    cancel: Callable[[], bool] | None,
    timeout: float,
    max_bytes: int,
) -> str:
    """Copy url into out chunk by chunk; return the SHA-256 of what was written."""
    digest = hashlib.sha256()
    if cancel is not None and cancel():
        raise Cancelled()
    with _open(url, timeout) as response:
        length = response.headers.get("Content-Length") if hasattr(response, "headers") else None
        total = int(length) if length and length.isdigit() else None
        if total is not None and total > max_bytes:
            raise PackageIndexError(f"{url}: {total} bytes is more than a package may weigh")
        done = 0
        while True:
            if cancel is not None and cancel():
                raise Cancelled()
            try:
                chunk = response.read(CHUNK_BYTES)
            except (TimeoutError, ConnectionError) as error:
                raise OfflineError(_offline_message(url, error)) from error
            if not chunk:
                break
            done += len(chunk)
            if done > max_bytes:
                raise PackageIndexError(f"{url}: the download exceeds {max_bytes} bytes; stopped")
            digest.update(chunk)
            out.write(chunk)
            if progress is not None:
                progress(done, total)
    if total is not None and done != total:
        raise OfflineError(
            _offline_message(url, f"connection closed after {done} of {total} bytes")
        )
    return digest.hexdigest()
