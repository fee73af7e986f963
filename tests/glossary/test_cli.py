"""`main.py terms` and `main.py glossary …` end to end, on temporary termbases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from paths import CURATED_GLOSSARY, SAMPLE_ARTICLE


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("HANBIT_GLOSSARY", raising=False)
    monkeypatch.setenv("HANBIT_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "glossary.db"


def test_terms_json_on_the_article(db, capsys) -> None:
    # No --glossary: the desk's termbase, made on first use with the curated glossary in it.
    code = main.main(["terms", str(SAMPLE_ARTICLE), "--from", "ko", "--to", "en", "--json"])
    assert code == 0
    records = json.loads(capsys.readouterr().out)
    assert set(records[0]) == {"segment", "start", "end", "source", "target"}
    from documents.segmentation import segment_document

    segments = segment_document(SAMPLE_ARTICLE.read_text("utf-8"), "ko")
    for record in records:
        text = segments[record["segment"] - 1].text
        assert text[record["start"] : record["end"]] == record["source"]
    pairs = {(r["source"], r["target"]) for r in records}
    assert {("알리페이(支付寶 즈푸바오)", "Alipay"), ("마윈(馬雲)", "Jack Ma"),
            ("위어바오(餘額寶)", "Yu'e Bao"), ("애플페이", "Apple Pay")} <= pairs  # fmt: skip
    assert (db.parent / "data" / "glossary.db").exists()


def test_terms_refuses_a_glossary_that_does_not_exist(db, capsys) -> None:
    code = main.main(["terms", str(SAMPLE_ARTICLE), "--from", "ko", "--to", "en",
                      "--glossary", str(db)])  # fmt: skip
    assert code == 2
    assert capsys.readouterr().err == f"error: glossary {db} does not exist\n"
    assert not db.exists()  # a mistyped path is never created


def test_terms_with_a_curated_json_and_a_chinese_target(tmp_path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("마윈(馬雲) 회장은 알리페이의 상장 계획을 밝혔다.\n", encoding="utf-8")
    main.main(["terms", str(article), "--from", "ko", "--to", "zh-Hant",
               "--glossary", str(CURATED_GLOSSARY)])  # fmt: skip
    out = capsys.readouterr().out
    assert "마윈(馬雲) -> 馬雲" in out and "알리페이 +의 -> 支付寶" in out


def test_terms_on_a_missing_file_fails_clearly(db, capsys) -> None:
    code = main.main(["terms", "nope.txt", "--from", "ko", "--to", "en", "--glossary", str(db)])
    assert code == 2 and "nope.txt does not exist" in capsys.readouterr().err


def test_glossary_import_dry_run_then_import(db, tmp_path, capsys) -> None:
    source = tmp_path / "new.tsv"
    source.write_text(
        "ko\ten\tstatus\n카카오페이\tKakao Pay\t\n카카오뱅크\tKakao Bank\tmaybe\n", encoding="utf-8"
    )  # line 3: an unknown status is rejected (a repeated form would be a synonym row)
    args = ["glossary", "import", str(source), "--glossary", str(db)]
    assert main.main([*args, "--dry-run"]) == 1  # one row rejected
    out = capsys.readouterr().out
    assert "1 new" in out and ":3: rejected" in out and "nothing changed" in out
    assert "new: ko 카카오페이 | en Kakao Pay" in out
    main.main(["glossary", "search", "카카오", "--glossary", str(db)])
    assert "Kakao Pay" not in capsys.readouterr().out
    # All or nothing: a rejected line stops the whole import unless --skip-rejected.
    assert main.main(args) == 1
    out = capsys.readouterr().out
    assert ":3: rejected" in out and "nothing imported: 1 line(s) rejected" in out
    assert "imported into" not in out
    main.main(["glossary", "search", "카카오", "--glossary", str(db)])
    assert "Kakao Pay" not in capsys.readouterr().out
    assert main.main([*args, "--skip-rejected"]) == 1
    assert "imported into" in capsys.readouterr().out
    main.main(["glossary", "search", "카카오", "--glossary", str(db), "--json"])
    (found,) = json.loads(capsys.readouterr().out)
    assert [t["text"] for t in found["terms"]] == ["카카오페이", "Kakao Pay"]


def test_a_dry_run_shows_each_change_old_to_new(db, tmp_path, capsys) -> None:
    source = tmp_path / "omegat.txt"
    source.write_text("위어바오\tYuebao\n알리페이\tAliPay HK\tsaid in Shanghai\n", encoding="utf-8")
    args = ["glossary", "import", str(source), "--langs", "ko", "en", "--glossary", str(db)]
    assert main.main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    # Yuebao is already an accepted variant of Yu'e Bao: it stays one, and the plan says so.
    assert "1 changed, 1 unchanged" in out
    assert f"{source}:1: en preferred form stays \"Yu'e Bao\"; 'Yuebao' is a variant" in out
    (line,) = [row for row in out.splitlines() if "changed #" in row]
    assert line.startswith(f"{source}:2: changed #") and "Alipay" in line
    assert "en + 'AliPay HK' (variant)" in line and "-> 'said in Shanghai'" in line
    main.main(["glossary", "search", "AliPay HK", "--glossary", str(db)])
    assert "Alipay" not in capsys.readouterr().out  # a dry run writes nothing


def test_glossary_export_list_and_candidates(db, tmp_path, capsys) -> None:
    out_file = tmp_path / "g.csv"
    assert main.main(["glossary", "export", str(out_file), "--glossary", str(db)]) == 0
    assert "Alipay" in out_file.read_text("utf-8-sig")
    main.main(["glossary", "list", "--glossary", str(db)])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 34 + 1  # the export message, then one line per curated concept
    article = tmp_path / "a.txt"
    article.write_text("'카카오페이'가 출시됐다. 위어바오(餘額寶)도 있다.\n", encoding="utf-8")
    main.main(["glossary", "candidates", str(article), "--from", "ko", "--glossary", str(db),
               "--json"])  # fmt: skip
    (candidate,) = json.loads(capsys.readouterr().out)
    assert candidate["forms"] == {"ko": "카카오페이"} and candidate["segment"] == 1


def test_a_foreign_glossary_file_is_an_error_not_a_crash(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not sqlite at all" * 50)
    assert main.main(["glossary", "list", "--glossary", str(bad)]) == 2
    assert "not a usable termbase" in capsys.readouterr().err
