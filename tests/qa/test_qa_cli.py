"""`main.py qa`: the sample article's hand translation passes; every seeded error is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
import paths

REFERENCE = Path(__file__).parent / "data" / "alipay-australia-2014.ko-en.tsv"


def reference_lines() -> list[str]:
    return REFERENCE.read_text(encoding="utf-8").splitlines()


def qa(capsys, path: Path, *extra: str) -> tuple[int, str]:
    code = main.main(
        ["qa", str(path), "--from", "ko", "--to", "en", "--glossary", str(paths.CURATED_GLOSSARY)]
        + list(extra)
    )
    return code, capsys.readouterr().out


def seeded(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """The reference with one target edited; returns the file and the edited line number."""
    lines = reference_lines()
    hits = [i for i, line in enumerate(lines) if old in line.split("\t", 1)[-1]]
    assert hits, old
    source, target = lines[hits[0]].split("\t", 1)
    lines[hits[0]] = f"{source}\t{target.replace(old, new, 1)}"
    path = tmp_path / "seeded.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, hits[0] + 1


def test_the_reference_covers_the_whole_article():
    from documents.segmentation import segment_document

    article = paths.SAMPLE_ARTICLE.read_text(encoding="utf-8")
    sources = [s.text for s in segment_document(article, "ko")]
    rows = [line.split("\t") for line in reference_lines() if not line.startswith("#")]
    assert [source for source, _ in rows] == sources
    assert all(target.strip() for _, target in rows)


def test_the_reference_translation_has_nothing_critical_or_functional(capsys):
    code, out = qa(capsys, REFERENCE, "--json")
    issues = json.loads(out)
    assert code == 0
    assert [i for i in issues if i["severity"] in ("critical", "functional")] == []


@pytest.mark.parametrize(
    ("old", "new", "check", "needle"),
    [
        ("3.8729 trillion yuan", "38.729 billion yuan", "number-mismatch", "3조8729억"),
        ("$15 million", "$1.5 million", "number-mismatch", "1500만 달러"),
        ("about 692 trillion won", "about 692 billion won", "number-mismatch", "692조원"),
        ("about 50%", "about 15%", "number-mismatch", "50%"),
        ("its sixth Alipay office", "its fifth Alipay office", "number-mismatch", "6번째"),
        ("reported on Nov. 19", "reported on Nov. 18", "number-mismatch", "19일"),
        # "half" would be right for 50%; a third is not
        ("holds about 50% of", "holds about a third of", "number-mismatch", "50%"),
        (
            "10 trillion won in sales on Singles",
            "10 trillion dollars in sales on Singles",
            "number-mismatch",
            "10조원",
        ),
        ("Jack Ma recently", "Ma Win recently", "term-forbidden", "Ma Win"),
        (
            "total payments through Alipay",
            "total payments through Pay Treasure",
            "term-forbidden",
            "Pay Treasure",
        ),
        # A place name stays critical (a country is a common word: see the test below).
        ("in Sydney, Australia", "in the harbour city, Australia", "term-missing", "시드니"),
        ("Series B investment", "second-stage investment", "term-missing", "시리즈B"),
    ],
)
def test_each_seeded_error_is_found_and_critical(capsys, tmp_path, old, new, check, needle):
    path, line = seeded(tmp_path, old, new)
    code, out = qa(capsys, path, "--json")
    critical = [i for i in json.loads(out) if i["severity"] == "critical"]
    assert code == 1
    assert {i["line"] for i in critical} == {line}
    # a forbidden rendering in place of the term also leaves the term missing
    assert [i["check"] for i in critical] in ([check], ["term-missing", check])
    assert needle in critical[-1]["message"]


def test_plain_output_and_exit_codes(capsys, tmp_path):
    path, line = seeded(tmp_path, "$15 million", "$1.5 million")
    code, out = qa(capsys, path)
    assert code == 1
    assert f"{path}:{line}: critical number-mismatch: the source has 1500만 달러" in out
    assert out.strip().endswith("1 critical, 0 functional, 0 cosmetic, 0 info")
    cosmetic, _ = seeded(tmp_path, "Nov. 13,", "Nov. 13,  ")
    assert qa(capsys, cosmetic)[0] == 0  # cosmetic issues alone pass


def test_unreadable_input_is_exit_2_with_a_reason(capsys, tmp_path):
    missing = tmp_path / "nope.tsv"
    assert main.main(["qa", str(missing), "--from", "ko", "--to", "en", "--no-glossary"]) == 2
    assert "does not exist" in capsys.readouterr().err
    no_tab = tmp_path / "no-tab.tsv"
    no_tab.write_text("알리페이 Alipay\n", encoding="utf-8")
    assert main.main(["qa", str(no_tab), "--from", "ko", "--to", "en", "--no-glossary"]) == 2
    assert "no-tab.tsv:1: no TAB" in capsys.readouterr().err
    # an id column would silently become part of the target: refused, naming the line
    three = tmp_path / "three.tsv"
    three.write_text("1\t알리페이\tAlipay\n", encoding="utf-8")
    assert main.main(["qa", str(three), "--from", "ko", "--to", "en", "--no-glossary"]) == 2
    assert "three.tsv:1: 3 TAB-separated columns" in capsys.readouterr().err


def test_a_termbase_file_works_as_glossary(capsys, tmp_path):
    from glossary.curated import load_curated
    from glossary.store import Termbase

    with Termbase(tmp_path / "glossary.db") as termbase:
        load_curated(termbase)
    path, line = seeded(tmp_path, "Jack Ma recently", "Ma Win recently")
    code = main.main(
        ["qa", str(path), "--from", "ko", "--to", "en", "--glossary", str(tmp_path / "glossary.db")]
    )
    assert code == 1
    assert f":{line}: critical term-forbidden" in capsys.readouterr().out


def test_a_missing_common_word_is_info_a_missing_name_critical(tmp_path, capsys):
    path = tmp_path / "pair.tsv"
    # 중국 (China) is a common word in the curated glossary; 알리페이 (Alipay) is a name.
    path.write_text("중국 시장에서 경쟁이 치열하다.\tCompetition in the market is fierce.\n")
    code, out = qa(capsys, path, "--json")
    [issue] = [i for i in json.loads(out) if i["check"] == "term-missing"]
    assert (code, issue["severity"]) == (0, "info")
    path.write_text("알리페이가 호주에 진출한다.\tThe payment service enters Australia.\n")
    code, out = qa(capsys, path, "--json")
    [issue] = [i for i in json.loads(out) if i["check"] == "term-missing"]
    assert (code, issue["severity"]) == (1, "critical")
