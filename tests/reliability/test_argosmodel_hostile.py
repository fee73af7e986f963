"""Nothing let in: hostile or damaged .argosmodel archives are refused before anything is written.

Every case installs into a packages folder that already holds two working packages; after a
refusal that folder is byte-for-byte what it was (file hashes and folder names).
"""

from __future__ import annotations

import stat
import struct
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reliability_kit import FUZZ, count, fingerprint

from translation.packages import PackageError, install_package_file, installed_packages


def _entries(archive: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(archive) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def _write(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one case
        for info, data in entries:
            zf.writestr(info, data)
    return path


def _info(name: str, *, mode: int = stat.S_IFREG | 0o644, method: int = zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name)
    info.compress_type = method
    info.create_system = 3  # Unix: external_attr holds the file type and permissions
    info.external_attr = mode << 16
    return info


def _top(entries) -> str:
    return entries[0][0].filename.split("/")[0]


def _renamed(entries, old_top: str, new_top: str):
    out = []
    for info, data in entries:
        copy = _info(new_top + info.filename[len(old_top) :])
        copy.external_attr = info.external_attr
        copy.create_system = info.create_system
        out.append((copy, data))
    return out


def _bad_archives(good: list) -> dict:
    top = _top(good)
    files = [(i, d) for i, d in good if not i.is_dir()]
    without = lambda part: [(i, d) for i, d in good if not i.filename.endswith(part)]  # noqa: E731
    return {
        "parent traversal": good + [(_info(f"{top}/../../evil.txt"), b"x")],
        "deep traversal": good + [(_info(f"{top}/model/../../../etc/cron.d/x"), b"x")],
        "absolute path": good + [(_info("/tmp/evil.txt"), b"x")],
        "drive letter": good + [(_info("C:/evil.txt"), b"x")],
        "backslash path": good + [(_info(f"{top}\\..\\evil.txt"), b"x")],
        "symlink": good + [(_info(f"{top}/link", mode=stat.S_IFLNK | 0o777), b"/etc/passwd")],
        "symlink dir": good + [(_info(f"{top}/model2", mode=stat.S_IFLNK | 0o777), b"/")],
        "device": good + [(_info(f"{top}/dev", mode=stat.S_IFCHR | 0o644), b"")],
        "zip bomb by ratio": good + [(_info(f"{top}/model/pad.bin"), bytes(64 * 1024**2))],
        "missing metadata": without("metadata.json"),
        "missing model": without("model.bin"),
        "missing config": without("config.json"),
        "missing tokenizer": without("sentencepiece.model"),
        "duplicate entry": good + [files[-1]],
        "duplicate metadata": good + [(_info(f"{top}/metadata.json"), b'{"from_code": "xx"}')],
        "nested top folder": _renamed(good, top, f"outer/{top}"),
        "two top folders": good + _renamed(files[:1], top, "second"),
        "file over folder": good + [(_info(f"{top}/model"), b"not a folder")],
        "temp-named top": _renamed(good, top, ".installing-x"),
        "file before folder": [(_info(f"{top}/model"), b"x")] + good,
        "duplicate folder": good + [(_info(f"{top}/model/", mode=stat.S_IFDIR | 0o755), b"")],
        "unsupported compression": good,  # patched below: method 99 on metadata.json
        "empty archive": [],
    }


def _claim_method(archive: Path, suffix: str, method: int) -> None:
    """Rewrite the compression method of one entry in its local and central headers."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith(suffix))
    struct.pack_into("<H", data, info.header_offset + 8, method)
    central = data.index(b"PK\x01\x02")
    while not data[central + 46 :].startswith(info.filename.encode()):
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<H", data, central + 10, method)
    archive.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def good_entries(tiny_argosmodel: Path):
    return _entries(tiny_argosmodel)


CASES = list(_bad_archives([(zipfile.ZipInfo("t/metadata.json"), b"")]))


@pytest.mark.parametrize("case", CASES)
def test_hostile_archive_is_refused_and_nothing_is_written(
    case, good_entries, tiny_packages_copy, tmp_path
):
    archive = _write(tmp_path / "hostile.argosmodel", _bad_archives(good_entries)[case])
    if case == "unsupported compression":
        _claim_method(archive, "metadata.json", 99)  # 99: WinZip AES, which zipfile cannot read
    before = fingerprint(tiny_packages_copy)
    with pytest.raises(PackageError) as refused:
        install_package_file(archive, tiny_packages_copy)
    assert archive.name in str(refused.value)
    assert fingerprint(tiny_packages_copy) == before
    assert not (tmp_path / "evil.txt").exists()
    count(".argosmodel hostile archives", "refused")


def test_declared_size_over_the_limit_and_lying_sizes(good_entries, tiny_packages_copy, tmp_path):
    archive = _write(tmp_path / "big.argosmodel", good_entries)
    before = fingerprint(tiny_packages_copy)
    with pytest.raises(PackageError, match="limit"):
        install_package_file(archive, tiny_packages_copy, max_bytes=64 * 1024)
    # An entry that holds more bytes than its header declares (stored, so sizes are raw).
    top = _top(good_entries)
    liar = _write(tmp_path / "liar.argosmodel", good_entries + [
        (_info(f"{top}/model/extra.bin", method=zipfile.ZIP_STORED), b"\xab" * 4096)
    ])  # fmt: skip
    data = bytearray(liar.read_bytes())
    size = struct.pack("<I", 4096)
    small = struct.pack("<I", 100)
    assert data.count(size + size) == 2  # local header and central directory
    liar.write_bytes(bytes(data.replace(size + size, size + small)))
    with pytest.raises(PackageError):
        install_package_file(liar, tiny_packages_copy)
    assert fingerprint(tiny_packages_copy) == before
    count(".argosmodel hostile archives", "refused")
    count(".argosmodel hostile archives", "refused")


def test_a_central_directory_placed_past_its_data_is_refused(tiny_argosmodel, tmp_path):
    # Found by the fuzzing below: one byte of the end record moved the central directory, so
    # every entry's header seemed to start before the file did, and zipfile's seek raised
    # OSError (EINVAL) instead of BadZipFile; it reached the translator as a traceback.
    data = bytearray(tiny_argosmodel.read_bytes())
    end = data.rindex(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, end + 16)
    struct.pack_into("<I", data, end + 16, offset + 0x100000)
    archive = tmp_path / "moved.argosmodel"
    archive.write_bytes(bytes(data))
    with pytest.raises(PackageError, match="moved.argosmodel: damaged zip archive"):
        install_package_file(archive, tmp_path / "packages")
    assert not (tmp_path / "packages").exists() or not any((tmp_path / "packages").iterdir())


@FUZZ
@given(data=st.data())
def test_mutated_archives_install_whole_or_are_refused_unchanged(
    data, tiny_argosmodel, tiny_packages_dir, tmp_path_factory
):
    original = tiny_argosmodel.read_bytes()
    mutated = bytearray(original)
    # Headers live at the start of each entry and in the central directory at the end:
    # aim half of the flips there, where a parser is most likely to trip.
    tail = max(len(mutated) - 4096, 0)
    for _ in range(data.draw(st.integers(1, 8), label="flips")):
        position = data.draw(
            st.one_of(st.integers(0, len(mutated) - 1), st.integers(tail, len(mutated) - 1),
                      st.integers(0, min(4095, len(mutated) - 1))),
            label="position",
        )  # fmt: skip
        mutated[position] = data.draw(st.integers(0, 255), label="byte")
    if data.draw(st.booleans(), label="truncate"):
        mutated = mutated[: data.draw(st.integers(0, len(mutated)), label="length")]
    folder = tmp_path_factory.mktemp("fuzz")
    archive = folder / "mutated.argosmodel"
    archive.write_bytes(bytes(mutated))
    packages = folder / "packages"
    import shutil

    shutil.copytree(tiny_packages_dir, packages)
    before = fingerprint(packages)
    try:
        package = install_package_file(archive, packages)
    except PackageError:
        assert fingerprint(packages) == before, "a refused archive changed the packages folder"
        count(".argosmodel fuzzing (mutated zips)", "refused")
    else:
        # Accepted: it must be a whole, usable package next to the untouched old ones.
        assert package in installed_packages(packages)
        count(".argosmodel fuzzing (mutated zips)", "imported")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_an_archive_with_permission_bits_only_installs(good_entries, tmp_path):
    # ZipFile.writestr(name, data) records 0o600 with no file type: a plain file, not a device.
    archive = tmp_path / "plain.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in good_entries:
            if not info.is_dir():
                zf.writestr(info.filename, data)
    package = install_package_file(archive, tmp_path / "packages")
    assert package.pair == ("zh-Hans", "en")
    assert (package.model_path / "model.bin").is_file()


def test_an_entry_name_that_is_not_utf8_is_refused(good_entries, tiny_packages_copy, tmp_path):
    # Found by the soak: the UTF-8 flag on a name that does not decode escaped as
    # UnicodeDecodeError from zipfile.
    top = _top(good_entries)
    archive = _write(
        tmp_path / "names.argosmodel", good_entries + [(_info(f"{top}/모델.txt"), b"x")]
    )
    data = archive.read_bytes()
    assert data.count("모".encode()) == 2  # local header and central directory
    archive.write_bytes(data.replace("모".encode(), b"\xff\xfe\xfd"))
    before = fingerprint(tiny_packages_copy)
    with pytest.raises(PackageError, match="names.argosmodel"):
        install_package_file(archive, tiny_packages_copy)
    assert fingerprint(tiny_packages_copy) == before
    count(".argosmodel hostile archives", "refused")


def test_an_entry_without_a_name_is_refused(good_entries, tiny_packages_copy, tmp_path):
    # Found by the soak: a name length of zero made zipfile's is_dir() raise IndexError.
    archive = _write(tmp_path / "noname.argosmodel", good_entries)
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        last = zf.infolist()[-1]
    central = data.rindex(b"PK\x01\x02")
    assert data[central + 46 :].startswith(last.filename.encode())
    name_length = len(last.filename.encode())
    struct.pack_into("<H", data, central + 28, 0)  # the name is gone from the directory
    del data[central + 46 : central + 46 + name_length]
    end = data.rindex(b"PK\x05\x06")  # the end record: directory size shrank too
    size = struct.unpack_from("<I", data, end + 12)[0]
    struct.pack_into("<I", data, end + 12, size - name_length)
    archive.write_bytes(bytes(data))
    before = fingerprint(tiny_packages_copy)
    with pytest.raises(PackageError, match="noname.argosmodel"):
        install_package_file(archive, tiny_packages_copy)
    assert fingerprint(tiny_packages_copy) == before
    count(".argosmodel hostile archives", "refused")
