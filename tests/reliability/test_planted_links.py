"""A shared folder where someone planted symbolic links: nothing is ever written through one.

Before, glossary export wrote through `.X.csv.csv` / `.X.tbx.part`, project creation through
`.P.<pid>.creating` and opening a project for writing truncated whatever `P.hanbit.lock`
pointed to. Every write now goes to a random name (or a private 0700 folder) and the lock
is opened with O_NOFOLLOW.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fuzz_inputs import ARTICLE, CONCEPTS

from documents.project import Project, ProjectError
from glossary.formats import export_glossary

PRECIOUS = b"#!/bin/sh\n# the user's own file, which no export may touch\n"


def _plant(folder: Path, names: list[str]) -> Path:
    victim = folder / "victim" / "precious.sh"
    victim.parent.mkdir()
    victim.write_bytes(PRECIOUS)
    for name in names:
        (folder / name).symlink_to(victim)
    return victim


@pytest.mark.parametrize("name", ["terms.csv", "terms.tsv", "terms.tbx"])
def test_glossary_export_never_writes_through_a_planted_link(tmp_path: Path, name: str) -> None:
    victim = _plant(
        tmp_path,
        [f".{name}.part", f".{name}.csv", f".{name}.tsv", f".{name}.part.csv", f".{name}.part.tsv"],
    )
    assert export_glossary(CONCEPTS, tmp_path / name) == len(CONCEPTS)
    assert victim.read_bytes() == PRECIOUS
    assert "알리페이" in (tmp_path / name).read_text(encoding="utf-8-sig")


def test_opening_a_project_never_truncates_through_a_planted_lock(tmp_path: Path) -> None:
    path = tmp_path / "p.hanbit"
    Project.create(path, source_text=ARTICLE, source_lang="ko", target_lang="en").close()
    victim = _plant(tmp_path, ["p.hanbit.lock"])
    with pytest.raises(ProjectError, match="symbolic link"):
        Project.open(path)
    assert victim.read_bytes() == PRECIOUS
    Project.open(path, read_only=True).close()  # reading needs no lock


def test_creating_a_project_never_writes_through_a_planted_temporary(tmp_path: Path) -> None:
    path = tmp_path / "p.hanbit"
    # The old temporary name was guessable from the pid; plant it for a range of pids.
    here = os.getpid()
    victim = _plant(tmp_path, [f".p.hanbit.{pid}.creating" for pid in range(here - 5, here + 6)])
    Project.create(path, source_text=ARTICLE, source_lang="ko", target_lang="en").close()
    assert victim.read_bytes() == PRECIOUS
    left = sorted(p.name for p in tmp_path.iterdir() if not p.is_symlink())
    assert left == ["p.hanbit", "victim"]  # no temporary left behind either
    reopened = Project.open(path, read_only=True)
    assert reopened.segments()
    reopened.close()


def test_save_as_never_writes_through_a_planted_partial(tmp_path: Path) -> None:
    from desktop.project.files import save_copy

    project = Project.create(tmp_path / "p.hanbit", source_text=ARTICLE, source_lang="ko",
                             target_lang="en")  # fmt: skip
    victim = _plant(tmp_path, ["copy.hanbit.partial"])
    dangling = victim.parent / "created-through-a-link"
    (tmp_path / "other.hanbit.partial").symlink_to(dangling)  # a link to nothing yet
    copied = save_copy(project, tmp_path / "copy.hanbit")
    save_copy(project, tmp_path / "other.hanbit")
    project.close()
    assert victim.read_bytes() == PRECIOUS
    assert not dangling.exists()
    reopened = Project.open(copied, read_only=True)
    assert len(reopened.segments()) == 3
    reopened.close()
