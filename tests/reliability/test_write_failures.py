"""Nothing lost on export: a full disk or a refused folder leaves the earlier file untouched.

Every exporter (all project formats, glossary TBX/CSV/TSV, memory TMX) writes over an earlier
export while writes fail: injected in Python (ENOSPC from os.write, file.write and fsync,
PermissionError from the rename, as root ignores real permissions) and for real in a child
process whose file size limit (RLIMIT_FSIZE) makes the kernel refuse the write, which also
catches writes done in C (lxml). Each must raise its module's error naming the file, keep the
earlier file byte-for-byte, and leave no temporary file behind.
"""

from __future__ import annotations

import builtins
import errno
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fuzz_inputs import seed_project
from reliability_kit import count

from documents.export import FORMATS, ExportError, export_project
from glossary.formats import export_glossary
from glossary.store import Concept, GlossaryError, Term
from memory.store import IncomingUnit, TranslationMemory
from memory.tmx import TMXError, export_tmx

ROOT = Path(__file__).resolve().parents[2]
EARLIER = b"EARLIER EXPORT " * 4
CONCEPTS = [Concept(terms=[Term("ko", f"용어{i}"), Term("en", f"term {i}")]) for i in range(400)]
EXTENSION = {"docx-target": ".docx", "xliff2": ".xlf2"}


def _exporters(folder: Path):
    """(case name, destination, export function, the error it must raise)."""
    project = seed_project(folder)
    memory = TranslationMemory(folder / "memory.db")
    memory.add_many(IncomingUnit(f"{i}번 문장.", f"Sentence {i}.", "ko", "en") for i in range(200))
    out = folder / "out"
    out.mkdir()
    cases = []
    for name, fmt in FORMATS.items():
        try:  # a format this project cannot be written in at all (write-back needs an original)
            export_project(project, folder / f"probe-{name}{EXTENSION.get(name, '')}", name)
        except ExportError:
            continue
        dest = (
            out
            / f"project-{name}{EXTENSION.get(name, fmt.extensions[0] if fmt.extensions else '')}"
        )
        cases.append((f"project {name}", dest, lambda d, f=name: export_project(project, d, f),
                      ExportError))  # fmt: skip
    for suffix in (".tbx", ".csv", ".tsv"):
        cases.append((f"glossary {suffix[1:]}", out / f"glossary{suffix}",
                      lambda d: export_glossary(CONCEPTS, d), GlossaryError))  # fmt: skip
    cases.append(("memory tmx", out / "memory.tmx", lambda d: export_tmx(memory, d), TMXError))
    return cases, out


def _refuse_rename(*args, **kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


class _FullFile(io.RawIOBase):
    """A file whose writes fail as on a full disk."""

    def __init__(self, real):
        self._real = real

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def writable(self):
        return True

    def __getattr__(self, name):
        return getattr(self._real, name)

    def close(self):
        self._real.close()
        super().close()


def _full_disk(monkeypatch) -> None:
    real_open, real_fdopen = builtins.open, os.fdopen

    def full_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        return _FullFile(handle) if any(m in mode for m in "wax+") else handle

    def full_fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return _FullFile(handle) if any(m in mode for m in "wax+") else handle

    def full_write(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def full_fsync(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(builtins, "open", full_open)
    monkeypatch.setattr(io, "open", full_open)
    monkeypatch.setattr(os, "fdopen", full_fdopen)
    monkeypatch.setattr(os, "write", full_write)
    monkeypatch.setattr(os, "fsync", full_fsync)


@pytest.mark.parametrize("failure", ["read-only folder (rename refused)", "disk full (write)"])
def test_injected_write_failures_keep_the_earlier_export(failure, tmp_path, monkeypatch):
    cases, out = _exporters(tmp_path)
    problems = []
    for name, dest, export, error_type in cases:
        dest.write_bytes(EARLIER)
        listing = sorted(p.name for p in out.iterdir())
        with monkeypatch.context() as patch:
            if failure.startswith("read-only"):
                patch.setattr(os, "replace", _refuse_rename)
            else:
                _full_disk(patch)
            try:
                export(dest)
            except error_type as error:
                message = str(error)
            except Exception as error:  # noqa: BLE001 - the point: which type escaped
                problems.append(f"{name}: {type(error).__name__}: {error}")
                continue
            else:
                message = ""
        if not message:
            problems.append(f"{name}: no error although the write failed")
        elif dest.name not in message:
            problems.append(f"{name}: the message does not name the file: {message}")
        if dest.read_bytes() != EARLIER:
            problems.append(f"{name}: the earlier export changed")
        if sorted(p.name for p in out.iterdir()) != listing:
            problems.append(
                f"{name}: left {sorted(set(p.name for p in out.iterdir()) - set(listing))}"
            )
        count(f"exports with {failure}", "lost" if dest.read_bytes() != EARLIER else "refused")
    assert not problems, "\n".join(map(str, problems))


FSIZE_CHILD = """
import json, resource, signal, sys
from pathlib import Path
sys.path[:0] = [sys.argv[2], sys.argv[3]]
from test_write_failures import EARLIER, _exporters

cases, out = _exporters(Path(sys.argv[1]))
for name, dest, export, error_type in cases:
    dest.write_bytes(EARLIER)
listing = sorted(p.name for p in out.iterdir())
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of a signal
resource.setrlimit(resource.RLIMIT_FSIZE, (16, 16))
for name, dest, export, error_type in cases:
    try:
        export(dest)
        outcome, message = "no error", ""
    except error_type as error:
        outcome, message = "refused", str(error)
    except Exception as error:
        outcome, message = type(error).__name__, str(error)
    print(json.dumps({"case": name, "outcome": outcome, "message": message,
                      "earlier": dest.read_bytes() == EARLIER, "dest": dest.name,
                      "left": sorted(set(p.name for p in out.iterdir()) - set(listing))}))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="RLIMIT_FSIZE is a POSIX limit")
def test_a_kernel_refused_write_keeps_the_earlier_export(tmp_path):
    here = Path(__file__).parent
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(FSIZE_CHILD), str(tmp_path), str(here),
         str(here.parent)],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    results = [json.loads(line) for line in done.stdout.splitlines()]
    (tmp_path / "count").mkdir()
    assert len(results) == len(_exporters(tmp_path / "count")[0]) > 4
    problems = [
        r for r in results
        if r["outcome"] != "refused" or not r["earlier"] or r["left"]
        or r["dest"] not in r["message"]
    ]  # fmt: skip
    for result in results:
        count(
            "exports with the file size limit hit (EFBIG)",
            "refused" if result["earlier"] else "lost",
        )
    assert not problems, "\n".join(map(str, problems))


def test_an_export_interrupted_half_way_keeps_the_earlier_file(tmp_path, monkeypatch):
    """Ctrl+C (KeyboardInterrupt) or a bug while the data is being written: not an OSError."""
    cases, out = _exporters(tmp_path)
    problems = []
    for name, dest, export, _ in cases:
        dest.write_bytes(EARLIER)
        listing = sorted(p.name for p in out.iterdir())

        def interrupted(*args, **kwargs):
            raise KeyboardInterrupt

        with monkeypatch.context() as patch:
            patch.setattr(os, "replace", interrupted)  # everything written, not yet in place
            with pytest.raises(KeyboardInterrupt):
                export(dest)
        if dest.read_bytes() != EARLIER:
            problems.append(f"{name}: the earlier export changed")
        left = sorted({p.name for p in out.iterdir()} - set(listing))
        if left:
            problems.append(f"{name}: left {left}")
        count("exports interrupted half-way", "lost" if dest.read_bytes() != EARLIER else "refused")
    assert not problems, "\n".join(problems)


KILLED_EXPORT = """
import sys
from pathlib import Path
from documents.export import export_project
from documents.project import Project

project = Project.open(Path(sys.argv[1]), read_only=True)
for number in range(200):
    export_project(project, Path(sys.argv[2]))
    if number == 2:
        print("midway", flush=True)
print("done", flush=True)
"""


@pytest.mark.parametrize("suffix", [".docx", ".xlf", ".csv"])
def test_an_export_killed_half_way_leaves_the_old_or_the_new_file(suffix, tmp_path):
    from test_killed_midway import _kill_at

    rows = [(f"{i}번째 문장이다.", f"Sentence {i}.", "translated", i) for i in range(1500)]
    path = tmp_path / "big.hanbit"
    Project_ = __import__("documents.project", fromlist=["Project"]).Project
    with Project_.create_from_segments(path, rows, source_lang="ko", target_lang="en") as project:
        export_project(project, tmp_path / f"fresh{suffix}")
    dest = tmp_path / f"out{suffix}"
    dest.write_bytes(EARLIER)
    _kill_at(KILLED_EXPORT, str(path), str(dest))
    data = dest.read_bytes()
    fresh = (tmp_path / f"fresh{suffix}").read_bytes()
    # Content-equal for DOCX (a zip records times), byte-equal for the text formats.
    if suffix == ".docx":
        import zipfile

        with zipfile.ZipFile(dest) as new, zipfile.ZipFile(tmp_path / f"fresh{suffix}") as old:
            assert new.read("word/document.xml") == old.read("word/document.xml")
    elif suffix == ".xlf":
        assert len(data) == len(fresh)  # whole; the date attribute differs between runs
    else:
        assert data == fresh
    count("exports killed half-way (SIGKILL)", "imported")
