"""Installed Argos Translate packages: find, validate, install from file, remove."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import re
import shutil
import stat
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from storage.atomic import atomic_write_text, sync_folder
from storage.errors import os_reason
from storage.inputs import check_input_file
from translation.languages import from_argos, language_name, to_argos

# sys.platform rather than os.name: type checkers know which of the two modules exists
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl

log = logging.getLogger(__name__)

# Real Argos packages weigh 50-500 MB and barely compress (int8 weights); the limits below are
# far above any real package and far below what a zip bomb would write.
MAX_PACKAGE_BYTES = 4 * 1024**3
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 1024**2  # tiny files (metadata, README) may compress very well
MAX_METADATA_BYTES = 1024**2
MAX_ENTRIES = 10_000
DISK_MARGIN_BYTES = 64 * 1024**2
STALE_TEMPORARY_S = 3600

_CODE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")
_TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
_TEMP_PREFIXES = (".installing-", ".removing-", ".replaced-")
# Written before an install moves anything; its presence on the next start means the install
# was interrupted, and the package it replaced is put back (see recover_interrupted_install).
_JOURNAL = ".install-journal.json"
# A name longer than this (bytes) fails on most file systems (255) once a suffix is added.
_MAX_NAME_BYTES = 200
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
# install and remove rename folders inside packages_dir: one at a time per process (this
# lock) and across processes (an OS lock on the folder itself, see _folder_lock)
_lock = threading.Lock()


class PackageError(Exception):
    """A package folder or archive that cannot be used; the message says exactly why."""


@dataclass(frozen=True)
class Package:
    path: Path  # the package folder (holds metadata.json, model/, sentencepiece.model)
    from_code: str  # desk language code (ko, en, zh-Hans, zh-Hant), see translation.languages
    to_code: str
    version: str
    name: str
    size_bytes: int
    target_prefix: str = ""  # token the decoder must start with (multilingual models)

    @property
    def model_path(self) -> Path:
        return self.path / "model"

    @property
    def tokenizer_path(self) -> Path:
        """sentencepiece.model when present, else bpe.model."""
        sentencepiece = self.path / "sentencepiece.model"
        return sentencepiece if sentencepiece.exists() else self.path / "bpe.model"

    @property
    def pair(self) -> tuple[str, str]:
        return (self.from_code, self.to_code)


def default_packages_dir() -> Path:
    """ARGOS_PACKAGES_DIR if set, else Argos Translate's own package folder for this user."""
    # The same lookup as argostranslate.settings, without importing it: that import creates
    # Argos's config, cache and data folders as a side effect.
    chosen = os.environ.get("ARGOS_PACKAGES_DIR")
    home = Path(os.environ["SNAP_USER_DATA"]) if "SNAP" in os.environ else Path.home()
    if not chosen:
        config_home = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
        chosen = _argos_settings(config_home / "argos-translate" / "settings.json").get(
            "ARGOS_PACKAGES_DIR"
        )
    if chosen:
        return Path(chosen).expanduser()
    data_home = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return data_home / "argos-translate" / "packages"


def _argos_settings(path: Path) -> dict:
    try:
        settings = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return settings if isinstance(settings, dict) else {}


def read_package(folder: Path) -> Package:
    """The package in folder, checked: metadata with codes, a model and a tokenizer."""
    metadata_path = folder / "metadata.json"
    if not metadata_path.is_file():
        raise PackageError(f"{folder}: no metadata.json, so this is not an Argos package")
    try:
        raw = metadata_path.read_bytes()[:MAX_METADATA_BYTES]
        metadata = parse_metadata(raw, str(metadata_path))
    except OSError as error:
        raise PackageError(f"{metadata_path}: cannot be read ({error.strerror})") from error
    for needed in ("model/model.bin", "model/config.json"):
        if not (folder / needed).is_file():
            raise PackageError(f"{folder}: {needed} is missing, so there is no model to run")
    if not any((folder / name).is_file() for name in _TOKENIZER_FILES):
        raise PackageError(f"{folder}: no sentencepiece.model or bpe.model tokenizer")
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    return _package_from_metadata(folder, metadata, size)


def parse_metadata(raw: bytes, where: str) -> dict:
    """metadata.json content, checked for what the desk relies on; PackageError otherwise."""
    try:
        metadata = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise PackageError(f"{where}: not valid JSON ({error})") from error
    return check_metadata(metadata, where)


def check_metadata(metadata: object, where: str) -> dict:
    """The metadata of a package (a metadata.json or an index entry), checked."""
    if not isinstance(metadata, dict):
        raise PackageError(f"{where}: must be a JSON object, not {type(metadata).__name__}")
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not _CODE.match(code):
            raise PackageError(f"{where}: {key} is missing or not a language code ({code!r})")
    if metadata.get("type", "translate") != "translate":
        raise PackageError(
            f"{where}: a {metadata.get('type')!r} package, not a translation package"
        )
    if metadata["from_code"] == metadata["to_code"]:
        raise PackageError(f"{where}: from_code and to_code are both {metadata['from_code']!r}")
    return metadata


def version_key(version: str) -> tuple[int, ...]:
    """A sortable form of a package version ("1.10" after "1.9")."""
    parts = []
    for part in version.replace("-", ".").split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def _package_from_metadata(folder: Path, metadata: dict, size: int) -> Package:
    source, target = from_argos(metadata["from_code"]), from_argos(metadata["to_code"])
    from_name = metadata.get("from_name") or language_name(source)
    to_name = metadata.get("to_name") or language_name(target)
    prefix = metadata.get("target_prefix") or ""
    return Package(
        path=folder,
        from_code=source,
        to_code=target,
        version=str(metadata.get("package_version") or "0"),
        name=f"{from_name} → {to_name}",
        size_bytes=size,
        target_prefix=prefix if isinstance(prefix, str) else "",
    )


def installed_packages(packages_dir: Path) -> list[Package]:
    """Every valid package under packages_dir; broken folders are skipped (and logged).

    An install that was interrupted (killed, power lost) is rolled back first, when no other
    process is installing right now.
    """
    if not packages_dir.is_dir():
        return []
    if (packages_dir / _JOURNAL).exists():
        with contextlib.suppress(PackageError, OSError), _folder_lock(packages_dir, wait=False):
            recover_interrupted_install(packages_dir)
    packages = []
    for folder in sorted(packages_dir.iterdir()):
        if not folder.is_dir() or folder.name.startswith(_TEMP_PREFIXES):
            continue
        try:
            packages.append(read_package(folder))
        except PackageError as error:
            log.warning("skipping package folder: %s", error)
    return packages


def install_package_file(
    archive: Path, packages_dir: Path, *, max_bytes: int = MAX_PACKAGE_BYTES
) -> Package:
    """Validate a .argosmodel archive fully, then install it atomically; PackageError if bad.

    Nothing is written until the whole archive checks out. Extraction goes to a hidden
    folder inside packages_dir that is renamed into place at the end, so an interrupted
    install leaves no half package. An installed package for the same pair is replaced.
    """
    top, members, metadata = _check_archive(archive, max_bytes)
    with _lock, _folder_lock(packages_dir, wait=True):
        recover_interrupted_install(packages_dir)
        _remove_stale_temporaries(packages_dir)
        needed = sum(m.file_size for m in members) + DISK_MARGIN_BYTES
        free = shutil.disk_usage(packages_dir).free
        if free < needed:
            raise PackageError(
                f"{archive.name}: needs {needed // 1024**2} MB free in {packages_dir}, "
                f"only {free // 1024**2} MB left"
            )
        destination = packages_dir / top
        if destination.exists() and not _same_pair(destination, metadata):
            raise PackageError(
                f"{archive.name}: {destination} already exists and is not a "
                f"{metadata['from_code']}→{metadata['to_code']} package; move it away first"
            )
        scratch = Path(tempfile.mkdtemp(prefix=".installing-", dir=packages_dir))
        try:
            _extract(archive, members, scratch)
            package = read_package(scratch / top)
            # Loaded and run before anything is replaced: garbage weights that claim the pair
            # of a working package must never push that package out.
            check_runs(package, archive.name)
            replaced = [
                p.path
                for p in installed_packages(packages_dir)
                if p.pair == package.pair or p.path == destination
            ]
            _swap(packages_dir, scratch / top, destination, replaced)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return read_package(destination)


def check_runs(package: Package, name: str) -> None:
    """Load the package's tokenizer and model on the CPU and decode one token; PackageError
    with the reason when either fails."""
    # sentencepiece and the runtime load to test-run a package, not to list or install one
    from translation import runtime  # noqa: PLC0415 - heavy: sentencepiece
    from translation.tokenizers import load_tokenizer  # noqa: PLC0415 - heavy: sentencepiece
    try:
        tokenizer = load_tokenizer(
            package.tokenizer_path, to_argos(package.from_code), to_argos(package.to_code)
        )
        translator = runtime.open_translator(
            package.model_path,
            tokenizer,
            device="cpu",
            compute_type=runtime.pick_compute_type("cpu", "auto"),
            intra_threads=1,
            decode_one=True,
        )
    except Exception as error:  # noqa: BLE001 - any failure of a foreign model means "refuse"
        raise PackageError(
            f"{name}: the package cannot translate (its model or tokenizer does not load: "
            f"{error}); nothing was installed or replaced"
        ) from error
    del translator


def _swap(packages_dir: Path, new: Path, destination: Path, replaced: list[Path]) -> None:
    """Put new at destination instead of the replaced packages, by renames only.

    The journal names every rename before the first one happens; if the process dies
    half way, recover_interrupted_install puts the replaced packages back on the next start.
    """
    backup = Path(tempfile.mkdtemp(prefix=".replaced-", dir=packages_dir))
    moves = [(str(old), str(backup / f"{number}-{old.name}")) for number, old in
             enumerate(replaced)]  # fmt: skip
    journal = {
        "destination": str(destination), "backup": str(backup), "scratch": str(new.parent),
        "moves": moves,
    }  # fmt: skip
    atomic_write_text(packages_dir / _JOURNAL, json.dumps(journal), error=PackageError)
    try:
        for old, kept in moves:
            os.replace(old, kept)
        os.replace(new, destination)
    except OSError as error:
        recover_interrupted_install(packages_dir)
        raise PackageError(
            f"cannot install into {packages_dir}: {os_reason(error)}; the earlier package stays"
        ) from error
    (packages_dir / _JOURNAL).unlink()
    sync_folder(packages_dir)
    shutil.rmtree(backup, ignore_errors=True)


def recover_interrupted_install(packages_dir: Path) -> bool:
    """Undo an install that died between its renames: the replaced packages come back.

    Call with the folder lock held. True when there was something to recover.
    """
    journal_path = packages_dir / _JOURNAL
    try:
        journal = json.loads(journal_path.read_text(encoding="utf-8"))
        moves = [(Path(old), Path(kept)) for old, kept in journal["moves"]]
        destination, backup = Path(journal["destination"]), Path(journal["backup"])
        scratch = Path(journal.get("scratch") or backup)
        # Only renames inside this packages folder: a journal is never a way to move or
        # delete anything else.
        inside = [destination.parent, backup.parent, scratch.parent]
        inside += [old.parent for old, _ in moves] + [kept.parent.parent for _, kept in moves]
        here = os.path.realpath(packages_dir)
        if any(os.path.realpath(folder) != here for folder in inside) or not (
            backup.name.startswith(".replaced-") and scratch.name.startswith(_TEMP_PREFIXES)
        ):
            raise ValueError("it names paths outside the packages folder")
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("ignoring a damaged install journal in %s: %s", packages_dir, error)
        journal_path.unlink(missing_ok=True)
        return False
    if any(kept.exists() for _, kept in moves):
        # The new package may already sit at destination (where an old one may have been):
        # it goes, and every replaced package returns to its own name.
        olds = {old for old, _ in moves}
        new_in_place = destination.exists() and (
            destination not in olds
            or any(old == destination and kept.exists() for old, kept in moves)
        )
        if new_in_place:
            _discard(destination)
        for old, kept in moves:
            if kept.exists() and not old.exists():
                os.replace(kept, old)
        log.warning("rolled back an interrupted package install in %s", packages_dir)
    journal_path.unlink(missing_ok=True)
    sync_folder(packages_dir)
    shutil.rmtree(backup, ignore_errors=True)
    shutil.rmtree(scratch, ignore_errors=True)  # the half-installed package's own folder
    return True


@contextlib.contextmanager
def _folder_lock(packages_dir: Path, wait: bool) -> Iterator[None]:
    """An OS lock on packages_dir itself, so two desks never install into it at once.

    The operating system drops it when the process dies. wait=False raises PackageError at
    once when another process holds it.
    """
    packages_dir.mkdir(parents=True, exist_ok=True)
    if sys.platform == "win32":  # pragma: no cover - folders cannot be locked there; a file can
        fd = os.open(packages_dir / ".install.lock", os.O_RDWR | os.O_CREAT)
        lock = functools.partial(msvcrt.locking, fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
    else:
        fd = os.open(packages_dir, os.O_RDONLY)
        lock = functools.partial(fcntl.flock, fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    try:
        try:
            lock()
        except OSError as error:
            raise PackageError(f"another desk is installing into {packages_dir}") from error
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _same_pair(folder: Path, metadata: dict) -> bool:
    try:
        package = read_package(folder)
    except PackageError:
        return False
    return package.pair == (from_argos(metadata["from_code"]), from_argos(metadata["to_code"]))


def _check_archive(archive: Path, max_bytes: int) -> tuple[str, list[zipfile.ZipInfo], dict]:
    """The top folder, the members and the metadata of a valid archive; reads, never writes."""
    name = archive.name
    check_input_file(archive, PackageError)
    if not zipfile.is_zipfile(archive):
        raise PackageError(f"{name}: not a zip archive, so not a .argosmodel package")
    try:
        with zipfile.ZipFile(archive) as zf:
            members = zf.infolist()
            top = _check_members(name, members, max_bytes)
            files = {m.filename for m in members if not m.is_dir()}
            if f"{top}/metadata.json" not in files:
                raise PackageError(f"{name}: no {top}/metadata.json, so not an Argos package")
            info = zf.getinfo(f"{top}/metadata.json")
            if info.file_size > MAX_METADATA_BYTES:
                raise PackageError(f"{name}: metadata.json is {info.file_size} bytes, too big")
            metadata = parse_metadata(zf.read(info), f"{name}: metadata.json")
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise PackageError(f"{name}: damaged zip archive ({error})") from error
    except OSError as error:  # an entry placed before the file's start: a seek to < 0
        raise PackageError(f"{name}: damaged zip archive, unreadable ({error})") from error
    for needed in ("model/model.bin", "model/config.json"):
        if f"{top}/{needed}" not in files:
            raise PackageError(f"{name}: {top}/{needed} is missing, so there is no model")
    if not any(f"{top}/{tokenizer}" in files for tokenizer in _TOKENIZER_FILES):
        raise PackageError(f"{name}: no sentencepiece.model or bpe.model in {top}/")
    return top, members, metadata


def _check_members(name: str, members: list[zipfile.ZipInfo], max_bytes: int) -> str:
    """Reject unsafe entries; return the single top folder every entry lives under."""
    if not members:
        raise PackageError(f"{name}: the archive is empty")
    if len(members) > MAX_ENTRIES:
        raise PackageError(f"{name}: {len(members)} entries, more than {MAX_ENTRIES}")
    tops = set()
    total = compressed = 0
    seen: set[PurePosixPath] = set()
    folders: set[PurePosixPath] = set()  # every folder some entry lives in
    for member in members:
        entry = member.filename
        if not entry.strip("/"):  # a damaged directory can hold an empty name
            raise PackageError(f"{name}: an entry has no name (damaged archive)")
        path = PurePosixPath(entry)
        # Caught here, not half way through unpacking: a name twice, or a file where another
        # entry needs a folder, would make the unpacked package depend on entry order.
        if path in seen:
            raise PackageError(f"{name}: entry {entry!r} appears twice")
        seen.add(path)
        folders.update(path.parents)
        if member.compress_type not in _METHODS:
            raise PackageError(
                f"{name}: entry {entry!r} uses compression method {member.compress_type}, "
                "which this desk cannot unpack"
            )
        if entry.startswith("/") or "\\" in entry or re.match(r"^[A-Za-z]:", entry):
            raise PackageError(f"{name}: entry {entry!r} has an absolute path")
        long_part = next((p for p in path.parts if len(p.encode()) > _MAX_NAME_BYTES), None)
        if long_part is not None:
            raise PackageError(
                f"{name}: entry name {long_part[:40]!r}… is {len(long_part.encode())} bytes long, "
                "more than a file system allows; this is not a real package"
            )
        if ".." in path.parts or "\0" in entry:
            raise PackageError(f"{name}: entry {entry!r} points outside the package folder")
        mode = member.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackageError(f"{name}: entry {entry!r} is a symbolic link")
        # Only permission bits and no file type (what Python's ZipFile.writestr records) is a
        # plain file; a type other than file or folder is a device, socket or pipe.
        if stat.S_IFMT(mode) and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise PackageError(f"{name}: entry {entry!r} is a special file, not a regular one")
        if member.flag_bits & 0x1:
            raise PackageError(f"{name}: entry {entry!r} is encrypted")
        if not member.is_dir() and len(path.parts) < 2:
            raise PackageError(
                f"{name}: file {entry!r} is outside a folder; a package holds one top folder"
            )
        tops.add(path.parts[0])
        total += member.file_size
        compressed += member.compress_size
        ratio = member.file_size // max(member.compress_size, 1)
        if member.file_size > RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise PackageError(
                f"{name}: entry {entry!r} expands {ratio} times, which looks like a zip bomb"
            )
    clash = next((m.filename for m in members if not m.is_dir() and PurePosixPath(m.filename)
                  in folders), None)  # fmt: skip
    if clash:
        raise PackageError(f"{name}: entry {clash!r} is a file where other entries need a folder")
    if len(tops) != 1:
        shown = ", ".join(sorted(tops)[:5])
        raise PackageError(f"{name}: {len(tops)} top folders ({shown}); a package holds one")
    if total > max_bytes:
        raise PackageError(
            f"{name}: would unpack to {total // 1024**2} MB, more than the "
            f"{max_bytes // 1024**2} MB limit"
        )
    top = tops.pop()
    if top in ("", ".") or top.startswith(_TEMP_PREFIXES):
        raise PackageError(f"{name}: the top folder name {top!r} is not usable")
    return top


def _extract(archive: Path, members: list[zipfile.ZipInfo], scratch: Path) -> None:
    """Write the checked members under scratch, never more bytes than each one declares."""
    with zipfile.ZipFile(archive) as zf:
        for member in members:
            target = scratch.joinpath(*PurePosixPath(member.filename).parts)
            if member.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            written = 0
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(member) as source, open(target, "xb") as out:
                    while chunk := source.read(1024 * 1024):
                        written += len(chunk)
                        if written > member.file_size:
                            raise PackageError(
                                f"{archive.name}: entry {member.filename!r} holds more data "
                                "than it declares"
                            )
                        out.write(chunk)
            except (
                zipfile.BadZipFile,
                zlib.error,
                EOFError,
                NotImplementedError,
                ValueError,
            ) as error:
                raise PackageError(
                    f"{archive.name}: entry {member.filename!r} is damaged ({error})"
                ) from error
            except FileExistsError as error:
                raise PackageError(
                    f"{archive.name}: entry {member.filename!r} appears twice"
                ) from error
            except OSError as error:  # a full disk, a name the file system refuses
                raise PackageError(
                    f"{archive.name}: cannot unpack {member.filename!r} into {scratch.parent}: "
                    f"{error.strerror or error}"
                ) from error


def _discard(folder: Path) -> None:
    """Rename first so the folder vanishes at once, then delete at leisure."""
    hidden = Path(tempfile.mkdtemp(prefix=".removing-", dir=folder.parent))
    os.replace(folder, hidden / folder.name)
    shutil.rmtree(hidden, ignore_errors=True)


def _remove_stale_temporaries(packages_dir: Path) -> None:
    """Leftovers of an install or removal that was killed half way.

    Only those untouched for an hour: a younger one may belong to another desk process
    installing right now.
    """
    for folder in packages_dir.iterdir():
        if not (folder.is_dir() and folder.name.startswith(_TEMP_PREFIXES)):
            continue
        try:
            stale = time.time() - folder.stat().st_mtime > STALE_TEMPORARY_S
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)


def remove_package(packages_dir: Path, from_code: str, to_code: str) -> None:
    """Remove every installed package for the pair (desk or Argos codes both work)."""
    pair = (from_argos(to_argos(from_code)), from_argos(to_argos(to_code)))
    if not packages_dir.is_dir():
        raise PackageError(f"no {pair[0]}→{pair[1]} package is installed in {packages_dir}")
    with _lock, _folder_lock(packages_dir, wait=True):  # never while another desk installs
        doomed = [p for p in installed_packages(packages_dir) if p.pair == pair]
        if not doomed:
            raise PackageError(f"no {pair[0]}→{pair[1]} package is installed in {packages_dir}")
        for package in doomed:
            _discard(package.path)
