"""The enforcement benchmark runs end to end and the default strategy places every term."""

from __future__ import annotations

from bench.enforcement import DATA, main


def test_the_sentence_set_is_large_and_full_of_terms():
    from bench.enforcement import load_concepts
    from glossary.matching import TermMatcher

    lines = (DATA / "term_sentences.ko.txt").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 150 and len(set(lines)) == len(lines)
    matcher = TermMatcher(load_concepts(None), "ko", "en")
    found = [matcher.find(line) for line in lines]
    assert all(found), [line for line, matches in zip(lines, found, strict=True) if not matches]
    assert sum(len(matches) >= 2 for matches in found) > len(lines) / 2
    assert (
        sum(
            "(" in line and any("(" in m.text for m in matches)
            for line, matches in zip(lines, found, strict=True)
        )
        >= 10
    )  # hanja glosses


def test_default_strategy_reaches_every_term_with_the_copy_package(tmp_path, capsys):
    report = tmp_path / "enforcement.md"
    assert main(["--markdown", str(report)]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines() if line.split()[1:2] == ["inject"]]
    assert [row[0] for row in rows] == ["article", "sentences"]
    assert all(row[5] == "100.0%" for row in rows)  # final term accuracy
    none = [line.split() for line in out.splitlines() if line.split()[1:2] == ["none"]]
    assert all(row[5] != "100.0%" for row in none)  # the baseline shows what enforcement adds
    assert "| sentences | inject |" in report.read_text(encoding="utf-8")
    # The repair table: each faulty package keeps >= 95% of terms, none silently wrong
    repairs = [
        line.split("  ")
        for line in out.splitlines()
        if line.split()[:1]
        in (["copy"], ["garbling"], ["dropping"], ["truncating"], ["placeholders"])
    ]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in repairs]
    runs = [(package, strategy) for package, strategy, *_ in ([r[0], r[2]] for r in cells)]
    assert sorted(set(runs)) == sorted(
        [
            ("copy", "inject"),
            ("copy", "placeholder"),
            ("garbling", "inject"),
            ("garbling", "placeholder"),
            ("dropping", "inject"),
            ("truncating", "inject"),
            ("placeholders", "placeholder"),
        ]
    )
    assert len(cells) == 2 * len(set(runs))  # article and sentences each
    for row in cells:
        package, strategy = row[0], row[2]
        terms, decoded, present = int(row[3]), int(row[4]), int(row[5].split()[0])
        assert present >= 0.95 * terms and row[9] == "0" and row[10] == "0"  # wrong, forbidden
        if package == "copy" or (package, strategy) == ("garbling", "placeholder"):
            assert decoded == present == terms and row[6:9] == ["0", "0", "0"]
        else:
            assert decoded < terms and int(row[6]) + int(row[7]) > 0  # faults met, put right
    assert "## Repair: packages that garble" in report.read_text(encoding="utf-8")
