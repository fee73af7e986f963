"""Several new projects from one article at the same moment each take the next free name."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import workflows.new_project as sample
from documents.project import Project

ROOT = Path(__file__).resolve().parents[2]


def test_a_name_taken_meanwhile_moves_the_project_to_the_next_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = tmp_path / "news.txt"
    article.write_text("알리페이가 호주에 진출했다.\n\n위어바오도 성장했다.", encoding="utf-8")
    data = tmp_path / "data"
    real_create = Project.create
    raced: list[Path] = []

    def another_desk_first(path: Path, **kwargs) -> Project:
        if not raced:  # another desk creates this very name between the check and ours
            raced.append(path)
            real_create(path, **kwargs).close()
        return real_create(path, **kwargs)

    monkeypatch.setattr(Project, "create", another_desk_first)
    made = sample.project_from_source(article, data)
    assert raced and made != raced[0]
    assert made.name == "news.ko-en-2.hanbit"
    assert Project.open(made, read_only=True).segments()


CHILD = """
import sys, time
from pathlib import Path
from workflows.new_project import project_from_source
start = float(sys.argv[3])
while time.time() < start:
    pass
print(project_from_source(Path(sys.argv[1]), Path(sys.argv[2])).name)
"""


@pytest.mark.timeout(120)
def test_three_desks_at_once_make_three_projects(tmp_path: Path) -> None:
    import time

    article = tmp_path / "news.txt"
    article.write_text(
        "알리페이가 호주에 진출했다.\n\n위어바오도 성장했다." * 200, encoding="utf-8"
    )
    start = str(time.time() + 4)  # all three start creating at the same moment
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                textwrap.dedent(CHILD),
                str(article),
                str(tmp_path / "d"),
                start,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**__import__("os").environ, "PYTHONPATH": str(ROOT)},
        )  # fmt: skip
        for _ in range(3)
    ]
    outputs = [child.communicate(timeout=100) for child in children]
    assert [child.returncode for child in children] == [0, 0, 0], [err for _, err in outputs]
    names = sorted(out.strip() for out, _ in outputs)
    assert names == ["news.ko-en-2.hanbit", "news.ko-en-3.hanbit", "news.ko-en.hanbit"]
