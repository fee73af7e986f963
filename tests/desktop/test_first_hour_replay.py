"""Issue 15: the first-hour scenario replayed in the real window (offscreen here; the README's
screenshots come from the same script under xvfb-run)."""

from __future__ import annotations

from pathlib import Path

from first_hour_replay import replay


def test_the_first_hour_on_the_wind_power_story(tmp_path: Path, qapp) -> None:
    out = tmp_path / "shots"
    out.mkdir()
    result = replay(out, tmp_path / "work")
    assert result["project"] == "wind_article.ko-en.hanbit"
    assert {"ko": "온코어", "en": "Oncor"} in result["candidates"]
    assert result["retranslated"] >= 1 and result["oncor_in_mt"]  # the new term reached the MT
    assert result["offered"] == "Oncor"  # the term offered while typing "On"
    assert result["menu"][0] == "transmission" and "Add Term…" in result["menu"]
    assert any("Oncor" in target for target in result["concordance"])
    assert result["undone"] == "draft" and result["confirmed"] == 3
    assert result["reopened"] == "wind_article.ko-en.hanbit" and result["current_row"] == 2
    assert result["exports"] == ["wind_article.en.docx", "wind_article.en.xlf"]
    assert len(result["shots"]) == 8 and all(p.stat().st_size > 2_000 for p in result["shots"])
